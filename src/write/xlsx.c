/*
 * xlsx.c - the annotated RACI workbook: lay it out (xlsx_layout.h), write
 * its sheets with libxlsxwriter (xlsx_book.h, xlsx_org.h, xlsx_product.h,
 * xlsx_sheets.h) into a temporary file, and put it in place whole, or
 * not at all (outfile.h).
 */
#include "raci/xlsx.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "raci/outfile.h"
#include "raci/str.h"
#include "raci/xlsx_book.h"
#include "raci/xlsx_findings.h"
#include "raci/xlsx_layout.h"
#include "raci/xlsx_org.h"
#include "raci/xlsx_product.h"
#include "raci/xlsx_rest.h"
#include "raci/xlsx_sheets.h"

/* 2000-01-01T00:00:00Z, the document date when SOURCE_DATE_EPOCH is unset. */
#define XLSX_FIXED_EPOCH 946684800

/* The layout knows Excel's limits without libxlsxwriter; they must agree. */
_Static_assert(RACI_XLSX_LAYOUT_MAX_ROWS == LXW_ROW_MAX, "rows of a sheet");
_Static_assert(RACI_XLSX_LAYOUT_MAX_COLS == LXW_COL_MAX, "columns of a sheet");
_Static_assert(RACI_XLSX_MAX_SHEETS == RACI_XLSX_LAYOUT_MAX_SHEETS, "the default of --max-sheets");

/* The document date: SOURCE_DATE_EPOCH when it is set and sane, so that
 * reproducible builds can choose it, otherwise a fixed one. */
time_t raci_xlsx_document_time(void)
{
    const char *s = getenv("SOURCE_DATE_EPOCH");
    char *end;
    long long v;

    if (!s || !*s)
        return (time_t)XLSX_FIXED_EPOCH;
    errno = 0;
    v = strtoll(s, &end, 10);
    if (errno || *end || v < 0 || v > 253402300799LL) /* up to 9999-12-31 */
        return (time_t)XLSX_FIXED_EPOCH;
    return (time_t)v;
}

/* The parts of split sheet kind, added in order. */
static int xlsx_add_parts(struct raci_xlsx_book *b, enum raci_xlsx_layout_sheet kind)
{
    uint32_t n = raci_xlsx_layout_parts(b->lay, kind);

    if (!(b->parts[kind] = calloc(n ? n : 1, sizeof(*b->parts[kind]))))
        return raci_xlsx_book_nomem(b);
    for (uint32_t k = 0; k < n; k++)
        if (!(b->parts[kind][k] =
                  raci_xlsx_book_sheet(b, raci_xlsx_layout_part_sheet(b->lay, kind, k))))
            return -1;
    return 0;
}

/* The document's properties and its sheets, in order: Summary, Org chart
 * (when the roster has reporting lines), one per product that has one,
 * Other products, Findings, Roster (each of the last three in as many
 * parts as it takes). */
static int xlsx_add_sheets(struct raci_xlsx_book *b)
{
    static char doc_title[] = "RACI matrix", doc_author[] = "raci",
                doc_comments[] = "Written by raci";
    size_t np = b->r->nproducts;
    lxw_doc_properties props = {0};

    props.title = doc_title;
    props.author = doc_author;
    props.comments = doc_comments;
    props.created = raci_xlsx_document_time();
    if (raci_xlsx_book_check(b, workbook_set_properties(b->wb, &props)))
        return -1;
    if (!(b->sheets = calloc(np ? np : 1, sizeof(*b->sheets))))
        return raci_xlsx_book_nomem(b);
    if (!(b->summary = raci_xlsx_book_sheet(b, "Summary")) || raci_xlsx_org_add(b))
        return -1;
    for (uint32_t p = 0; p < np; p++)
        if (raci_xlsx_layout_on_sheet(b->lay, p) &&
            !(b->sheets[p] = raci_xlsx_book_sheet(b, raci_xlsx_layout_sheet(b->lay, p))))
            return -1;
    if (xlsx_add_parts(b, RACI_XLSX_LAYOUT_REST) || xlsx_add_parts(b, RACI_XLSX_LAYOUT_FINDINGS) ||
        xlsx_add_parts(b, RACI_XLSX_LAYOUT_ROSTER))
        return -1;
    worksheet_set_comments_author(b->summary, "raci");
    for (size_t p = 0; p < np; p++)
        if (b->sheets[p])
            worksheet_set_comments_author(b->sheets[p], "raci");
    return 0;
}

static int xlsx_build(struct raci_xlsx_book *b)
{
    if (xlsx_add_sheets(b) || raci_xlsx_book_formats(b) || raci_xlsx_sheets_summary(b) ||
        raci_xlsx_org_write(b))
        return -1;
    for (uint32_t p = 0; p < b->r->nproducts; p++)
        if (b->sheets[p] && raci_xlsx_product_write(b, p))
            return -1;
    return raci_xlsx_rest_write(b) || raci_xlsx_findings_sheet(b) || raci_xlsx_sheets_roster(b) ? -1
                                                                                                : 0;
}

/* Write the workbook into of's temporary file and prepare it (only the
 * rename is left); or remove it, when anything failed. */
static void xlsx_write_file(struct raci_xlsx_book *b, struct raci_outfile *of)
{
    lxw_workbook_options opt = {0};

    /* Per workbook, as libxlsxwriter has it; every sheet is written row by
     * row, so that either way gives the same cells (xlsx_layout.h). */
    opt.constant_memory = raci_xlsx_layout_constant_memory(b->lay) ? LXW_TRUE : LXW_FALSE;
    b->wb = workbook_new_opt(raci_outfile_name(of), &opt);
    if (!b->wb)
        raci_xlsx_book_fail(b, "cannot start a workbook (%s)", strerror(errno));
    else if (xlsx_build(b) != 0)
        lxw_workbook_free(b->wb); /* without writing: the file goes anyway */
    else
        raci_xlsx_book_check(b, workbook_close(b->wb));
    b->wb = NULL;
    if (b->err != RACI_OK)
        raci_outfile_abort(of);
    else if (raci_outfile_prepare(of) != RACI_OK)
        raci_xlsx_book_fail(b, "%s", strerror(errno));
}

/* Describe b's failure in diag and return its code. */
static raci_error xlsx_describe(const struct raci_xlsx_book *b, struct raci_diag *diag)
{
    const char *path = b->path;

    if (b->err == RACI_ERROR_NOMEM)
        raci_diag_set(diag, path, 0, 0, NULL, "unable to write workbook '%s': out of memory", path);
    else if (b->why)
        raci_diag_set(diag, path, 0, 0, NULL, "unable to write workbook '%s': %s", path, b->why);
    else
        raci_diag_set(diag, path, 0, 0, NULL, "unable to write workbook '%s': libxlsxwriter: %s",
                      path, lxw_strerror(b->lxerr));
    return b->err;
}

raci_error raci_xlsx_write_into(struct raci_outfile *of, const struct raci_roster *r,
                                const struct raci_ruleset *rs, const struct raci_findings *fs,
                                struct raci_diag *diag)
{
    return raci_xlsx_write_into_max(of, r, rs, fs, RACI_XLSX_MAX_SHEETS, diag);
}

raci_error raci_xlsx_write_into_max(struct raci_outfile *of, const struct raci_roster *r,
                                    const struct raci_ruleset *rs, const struct raci_findings *fs,
                                    size_t max_sheets, struct raci_diag *diag)
{
    static const struct raci_findings xlsx_no_findings = {0};
    struct raci_xlsx_book b = {0};
    struct raci_xlsx_layout lay;
    /* A copy: a failed prepare releases of, and the message names it. */
    char *path = raci_str_dup(of->path);
    raci_error err;

    if (!path) {
        raci_outfile_abort(of);
        return RACI_ERROR_NOMEM;
    }
    b.path = path;
    b.r = r;
    b.rs = rs ? rs : r->rs;
    b.fs = fs ? fs : &xlsx_no_findings;
    b.lay = &lay;
    /* Laid out first: a roster too big for a sheet writes nothing. */
    err = raci_xlsx_layout_build_max(&lay, r, b.fs, max_sheets);
    if (err == RACI_ERROR_OUTPUT && lay.message)
        raci_xlsx_book_fail(&b, "%s", lay.message);
    else if (err)
        raci_xlsx_book_nomem(&b);
    else
        xlsx_write_file(&b, of);
    err = b.err != RACI_OK ? xlsx_describe(&b, diag) : RACI_OK;
    if (err)
        raci_outfile_abort(of);
    raci_xlsx_layout_release(&lay);
    raci_xlsx_book_release(&b);
    free(path);
    return err;
}

raci_error raci_xlsx_write(const char *path, const struct raci_roster *r,
                           const struct raci_ruleset *rs, const struct raci_findings *fs,
                           struct raci_diag *diag)
{
    struct raci_outfile of;
    raci_error err;

    if ((err = raci_outfile_begin(&of, path)) == RACI_ERROR_NOMEM) {
        raci_diag_set(diag, path, 0, 0, NULL, "unable to write workbook '%s': out of memory", path);
        return RACI_ERROR_NOMEM;
    }
    if (err) {
        const char *why = raci_outfile_refusal(path);
        raci_diag_set(diag, path, 0, 0, NULL, "unable to write workbook '%s': %s", path,
                      why ? why : strerror(errno));
        return RACI_ERROR_OUTPUT;
    }
    if ((err = raci_xlsx_write_into(&of, r, rs, fs, diag)) != RACI_OK)
        return err;
    if (raci_outfile_commit(&of) != RACI_OK) {
        raci_diag_set(diag, path, 0, 0, NULL, "unable to write workbook '%s': %s", path,
                      strerror(errno));
        return RACI_ERROR_OUTPUT;
    }
    return RACI_OK;
}
