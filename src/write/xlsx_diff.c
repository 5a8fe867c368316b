/*
 * xlsx_diff.c - the diff workbook (xlsx_diff.h), written with
 * libxlsxwriter through the audit workbook's cell helpers (xlsx_book.h).
 */
#include "raci/xlsx_diff.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "raci/letters.h"
#include "raci/report.h"
#include "raci/sheetname.h"
#include "raci/view.h"
#include "raci/xlsx.h"
#include "raci/xlsx_book.h"

/* Sheets the workbook names itself, and two per changed product. */
struct xd_book {
    struct raci_xlsx_book b; /* the workbook, its failure */
    const struct raci_diff_report *r;
    lxw_format *head, *changed, *gone, *text, *title;
    char (*names)[RACI_SHEETNAME_MAX];
    struct raci_sheetname_set taken; /* names[0 .. taken.n) */
};

static int xd_formats(struct xd_book *x)
{
    lxw_workbook *wb = x->b.wb;

    if (!(x->head = workbook_add_format(wb)) || !(x->changed = workbook_add_format(wb)) ||
        !(x->gone = workbook_add_format(wb)) || !(x->text = workbook_add_format(wb)) ||
        !(x->title = workbook_add_format(wb)))
        return raci_xlsx_book_nomem(&x->b);
    format_set_bold(x->head);
    format_set_pattern(x->head, LXW_PATTERN_SOLID);
    format_set_bg_color(x->head, 0xD9E1F2);
    format_set_border(x->head, LXW_BORDER_THIN);
    format_set_text_wrap(x->text);
    format_set_align(x->text, LXW_ALIGN_VERTICAL_TOP);
    format_set_bold(x->changed);
    format_set_pattern(x->changed, LXW_PATTERN_SOLID);
    format_set_bg_color(x->changed, 0xFFEB9C);
    format_set_font_color(x->changed, 0x9C5700);
    format_set_border(x->changed, LXW_BORDER_THIN);
    format_set_align(x->changed, LXW_ALIGN_CENTER);
    format_set_italic(x->gone);
    format_set_font_color(x->gone, 0x808080);
    format_set_bold(x->title);
    format_set_font_size(x->title, 14);
    return 0;
}

/* A sheet named name, made safe and unique among those added (a hash set
 * of them: two sheets per changed product may be thousands). */
static lxw_worksheet *xd_sheet(struct xd_book *x, const char *name)
{
    char *out = x->names[x->taken.n];

    if (raci_sheetname_set_unique(&x->taken, name, out, RACI_SHEETNAME_MAX)) {
        raci_xlsx_book_nomem(&x->b);
        return NULL;
    }
    return raci_xlsx_book_sheet(&x->b, out);
}

static int xd_header(struct xd_book *x, lxw_worksheet *ws, uint32_t row, const char *const *labels,
                     size_t n)
{
    for (size_t c = 0; c < n; c++)
        if (raci_xlsx_book_str(&x->b, ws, row, (uint32_t)c, labels[c], x->head))
            return -1;
    worksheet_freeze_panes(ws, row + 1, 0);
    return 0;
}

/* ------------------------------------------------------------ Summary -- */

static int xd_summary_head(struct xd_book *x, lxw_worksheet *ws, uint32_t *row)
{
    const struct raci_diff_report *r = x->r;
    const struct raci_diff *d = r->d;
    struct raci_xlsx_book *b = &x->b;
    const char *verdict = r->findings_failed && r->churn_failed ? "failed: new findings, churn"
                          : r->findings_failed                  ? "failed: new findings"
                          : r->churn_failed                     ? "failed: churn"
                                                                : "passed";
    const char *labels[] = {"Before", "After", "Result"};
    const char *values[] = {r->files[0], r->files[1], verdict};

    if (raci_xlsx_book_str(b, ws, 0, 0, "raci diff", x->title))
        return -1;
    for (uint32_t i = 0; i < 3; i++)
        if (raci_xlsx_book_str(b, ws, 2 + i, 0, labels[i], x->head) ||
            raci_xlsx_book_str(b, ws, 2 + i, 1, values[i], NULL))
            return -1;
    *row = 6;
    const char *nl[] = {"New findings", "Resolved findings", "Persisting findings",
                        "Churn (%)",    "A's and R's added", "A's and R's removed"};
    double nv[] = {(double)d->added.n, (double)d->resolved.n, (double)d->persisting,
                   raci_diff_churn(d), (double)d->ar_added,   (double)d->ar_removed};
    for (uint32_t i = 0; i < 6; i++, (*row)++)
        if (raci_xlsx_book_str(b, ws, *row, 0, nl[i], x->head) ||
            raci_xlsx_book_num(b, ws, *row, 1, nv[i], NULL))
            return -1;
    return 0;
}

static int xd_summary(struct xd_book *x, lxw_worksheet *ws)
{
    static const char *const labels[] = {"Shape", "Before", "After", "Change"};
    struct raci_report_diff_figure fig[RACI_REPORT_DIFF_FIGURES];
    size_t n = raci_report_diff_figures(x->r->d, fig);
    struct raci_xlsx_book *b = &x->b;
    uint32_t row;

    if (xd_summary_head(x, ws, &row))
        return -1;
    row++;
    for (size_t c = 0; c < 4; c++)
        if (raci_xlsx_book_str(b, ws, row, (uint32_t)c, labels[c], x->head))
            return -1;
    for (size_t i = 0; i < n; i++) {
        lxw_format *f = fig[i].v[0] != fig[i].v[1] ? x->changed : NULL;
        row++;
        if (raci_xlsx_book_str(b, ws, row, 0, fig[i].label, NULL) ||
            raci_xlsx_book_num(b, ws, row, 1, fig[i].v[0], NULL) ||
            raci_xlsx_book_num(b, ws, row, 2, fig[i].v[1], f) ||
            raci_xlsx_book_num(b, ws, row, 3, fig[i].v[1] - fig[i].v[0], f))
            return -1;
    }
    return raci_xlsx_book_check(b, worksheet_set_column(ws, 0, 0, 32, NULL)) ||
           raci_xlsx_book_check(b, worksheet_set_column(ws, 1, 3, 14, NULL));
}

/* ------------------------------------------------------------ Changes -- */

static int xd_changes(struct xd_book *x, lxw_worksheet *ws)
{
    static const char *const labels[] = {"Product", "Subject", "Change", "Before", "After"};
    const struct raci_diff_rows *rows = x->r->rows;
    struct raci_xlsx_book *b = &x->b;

    if (xd_header(x, ws, 0, labels, 5))
        return -1;
    for (size_t i = 0; i < rows->n; i++) {
        const struct raci_diff_row *w = &rows->v[i];
        uint32_t row = (uint32_t)i + 1;
        const char *prod =
            w->product != RACI_NONE ? raci_diff_product_name(x->r->d, w->product) : "";
        if (raci_xlsx_book_str(b, ws, row, 0, prod, NULL) ||
            raci_xlsx_book_str(b, ws, row, 1, w->subject, NULL) ||
            raci_xlsx_book_str(b, ws, row, 2, raci_diff_rows_kind(w->kind), NULL) ||
            raci_xlsx_book_str(b, ws, row, 3, w->before, x->text) ||
            raci_xlsx_book_str(b, ws, row, 4, w->after, x->text))
            return -1;
    }
    return raci_xlsx_book_check(b, worksheet_autofilter(ws, 0, 0, (lxw_row_t)rows->n, 4)) ||
           raci_xlsx_book_check(b, worksheet_set_column(ws, 0, 2, 20, NULL)) ||
           raci_xlsx_book_check(b, worksheet_set_column(ws, 3, 4, 48, NULL));
}

/* ----------------------------------------------------------- Findings -- */

static int xd_finding(struct xd_book *x, lxw_worksheet *ws, uint32_t row, const char *status,
                      const struct raci_finding *f, int side)
{
    struct raci_report rep = {0};
    struct raci_xlsx_book *b = &x->b;
    const char *p, *t, *who;
    char *loc = raci_report_where(&f->loc); /* file:line:col, or file:sheet!cell */
    int rc;

    if (!loc)
        return raci_xlsx_book_nomem(b);
    rep.roster = x->r->d->r[side];
    p = raci_report_product(&rep, f);
    t = raci_report_task(&rep, f);
    who = raci_report_person(&rep, f);
    rc = raci_xlsx_book_str(b, ws, row, 0, status, NULL) ||
         raci_xlsx_book_str(b, ws, row, 1, raci_severity_name(f->severity), NULL) ||
         raci_xlsx_book_str(b, ws, row, 2, f->rule, NULL) ||
         raci_xlsx_book_str(b, ws, row, 3, p ? p : "", NULL) ||
         raci_xlsx_book_str(b, ws, row, 4, t ? t : "", NULL) ||
         raci_xlsx_book_str(b, ws, row, 5, who ? who : "", NULL) ||
         raci_xlsx_book_str(b, ws, row, 6, f->message, x->text) ||
         raci_xlsx_book_str(b, ws, row, 7, loc, NULL);
    free(loc);
    return rc ? -1 : 0;
}

static int xd_findings(struct xd_book *x, lxw_worksheet *ws)
{
    static const char *const labels[] = {"Status", "Severity", "Rule",    "Product",
                                         "Task",   "Person",   "Message", "Location"};
    const struct raci_diff *d = x->r->d;
    uint32_t row = 1;

    if (xd_header(x, ws, 0, labels, 8))
        return -1;
    for (size_t i = 0; i < d->added.n; i++)
        if (xd_finding(x, ws, row++, "new", d->added.v[i], 1))
            return -1;
    for (size_t i = 0; i < d->resolved.n; i++)
        if (xd_finding(x, ws, row++, "resolved", d->resolved.v[i], 0))
            return -1;
    return raci_xlsx_book_check(&x->b, worksheet_autofilter(ws, 0, 0, row - 1, 7)) ||
           raci_xlsx_book_check(&x->b, worksheet_set_column(ws, 0, 5, 16, NULL)) ||
           raci_xlsx_book_check(&x->b, worksheet_set_column(ws, 6, 6, 70, NULL)) ||
           raci_xlsx_book_check(&x->b, worksheet_set_column(ws, 7, 7, 30, NULL));
}

/* ------------------------------------------------- before, after sheets -- */

/* The letters of diff person p on task t on side, formatted into buf. */
static void xd_letters(const struct raci_diff *d, const struct raci_diff_task *t, uint32_t p,
                       int side, char *buf, size_t size)
{
    const struct raci_pair *pair = NULL;
    struct raci_letters l = {0, 0};

    if (t->idx[side] != RACI_NONE && d->people[p].idx[side] != RACI_NONE)
        pair = raci_view_pair(d->r[side], t->idx[side], d->people[p].idx[side]);
    if (pair) {
        l.mask = pair->letters;
        l.conditional = pair->conditional;
    }
    raci_letters_format(l, buf, size);
}

/* The columns of product dp: the diff's people of its matrix on either
 * side, in the diff's (name) order, into *cols. */
static int xd_columns(struct xd_book *x, uint32_t dp, uint32_t **cols, size_t *n)
{
    const struct raci_diff *d = x->r->d;
    unsigned char *mark = calloc(d->npeople ? d->npeople : 1, 1);

    *n = 0;
    if (!mark || !(*cols = malloc((d->npeople ? d->npeople : 1) * sizeof(**cols)))) {
        free(mark);
        return raci_xlsx_book_nomem(&x->b);
    }
    for (int s = 0; s < 2; s++) {
        uint32_t p = d->products[dp].idx[s];
        size_t np = 0;
        const uint32_t *people = p != RACI_NONE ? raci_view_product_people(d->r[s], p, &np) : NULL;
        for (size_t i = 0; i < np; i++) {
            uint32_t k = raci_diff_person_of(d, s, people[i]);
            if (k != RACI_NONE)
                mark[k] = 1;
        }
    }
    for (uint32_t k = 0; k < d->npeople; k++)
        if (mark[k])
            (*cols)[(*n)++] = k;
    free(mark);
    if (*n + 1 > LXW_COL_MAX)
        return raci_xlsx_book_fail(&x->b, "product '%s' has more people than a sheet has columns",
                                   raci_diff_product_name(d, dp));
    return 0;
}

/* One cell of a side's sheet: its letters, highlighted when they change,
 * and on the After sheet a comment with the old value. */
static int xd_cell(struct xd_book *x, lxw_worksheet *ws, uint32_t row, uint32_t col,
                   const struct raci_diff_task *t, uint32_t p, int side)
{
    char now[32], other[32], note[48];
    int changed;

    xd_letters(x->r->d, t, p, side, now, sizeof now);
    xd_letters(x->r->d, t, p, !side, other, sizeof other);
    changed = strcmp(now, other) != 0;
    if (raci_xlsx_book_str(&x->b, ws, row, col, now, changed ? x->changed : NULL))
        return -1;
    if (!changed || !side)
        return 0;
    snprintf(note, sizeof note, "before: %s", *other ? other : "(none)");
    return raci_xlsx_book_comment(&x->b, ws, row, col, note, 1);
}

static int xd_side(struct xd_book *x, uint32_t dp, int side, const uint32_t *cols, size_t ncols)
{
    const struct raci_diff *d = x->r->d;
    const struct raci_diff_product *pr = &d->products[dp];
    const char *name = raci_diff_product_name(d, dp);
    char *title = raci_str_printf("%s %s", side ? "After" : "Before", name);
    lxw_worksheet *ws = title ? xd_sheet(x, title) : NULL;

    free(title);
    if (!ws)
        return title ? -1 : raci_xlsx_book_nomem(&x->b);
    worksheet_set_comments_author(ws, "raci");
    if (raci_xlsx_book_str(&x->b, ws, 0, 0, x->r->files[side], x->title) ||
        raci_xlsx_book_str(&x->b, ws, 1, 0, "Task", x->head))
        return -1;
    for (size_t c = 0; c < ncols; c++)
        if (raci_xlsx_book_str(&x->b, ws, 1, (uint32_t)c + 1, raci_diff_person_name(d, cols[c]),
                               x->head))
            return -1;
    for (size_t i = 0; i < pr->ntasks; i++) {
        const struct raci_diff_task *t = &d->tasks[pr->first + i];
        uint32_t row = (uint32_t)i + 2;
        int here = t->idx[side] != RACI_NONE;
        char *label = here ? NULL
                           : raci_str_printf("%s (%s)", raci_diff_task_name(d, t),
                                             side ? "gone after" : "new after");
        int rc = raci_xlsx_book_str(&x->b, ws, row, 0, here ? raci_diff_task_name(d, t) : label,
                                    here ? NULL : x->gone);
        free(label);
        if (rc || (!here && !label))
            return rc ? -1 : raci_xlsx_book_nomem(&x->b);
        for (size_t c = 0; c < ncols; c++)
            if (xd_cell(x, ws, row, (uint32_t)c + 1, t, cols[c], side))
                return -1;
    }
    worksheet_freeze_panes(ws, 2, 1);
    return raci_xlsx_book_check(&x->b, worksheet_set_column(ws, 0, 0, 30, NULL));
}

static int xd_products(struct xd_book *x)
{
    const struct raci_diff *d = x->r->d;

    for (uint32_t p = 0; p < d->nproducts; p++) {
        const struct raci_diff_product *pr = &d->products[p];
        uint32_t *cols = NULL;
        size_t n;
        if (!pr->nchanged && pr->idx[0] != RACI_NONE && pr->idx[1] != RACI_NONE)
            continue;
        int rc =
            xd_columns(x, p, &cols, &n) || xd_side(x, p, 0, cols, n) || xd_side(x, p, 1, cols, n);
        free(cols);
        if (rc)
            return -1;
    }
    return 0;
}

/* -------------------------------------------------------------- book -- */

static int xd_build(struct xd_book *x)
{
    static char doc_title[] = "raci diff", doc_author[] = "raci",
                doc_comments[] = "Written by raci diff";
    lxw_doc_properties props = {0};
    lxw_worksheet *summary, *changes, *findings;

    props.title = doc_title;
    props.author = doc_author;
    props.comments = doc_comments;
    props.created = raci_xlsx_document_time();
    if (raci_xlsx_book_check(&x->b, workbook_set_properties(x->b.wb, &props)) || xd_formats(x) ||
        !(summary = xd_sheet(x, "Summary")) || !(changes = xd_sheet(x, "Changes")) ||
        !(findings = xd_sheet(x, "Findings")))
        return -1;
    return xd_summary(x, summary) || xd_changes(x, changes) || xd_findings(x, findings) ||
                   xd_products(x)
               ? -1
               : 0;
}

raci_error raci_xlsx_diff_write_into(struct raci_outfile *of, const struct raci_diff_report *r,
                                     struct raci_diag *diag)
{
    struct xd_book x;
    lxw_workbook_options opt = {0};
    size_t nsheets = 3 + 2 * r->d->nproducts;
    raci_error err;

    memset(&x, 0, sizeof x);
    x.r = r;
    x.b.path = of->path;
    x.names = calloc(nsheets, sizeof(*x.names));
    if (!x.names)
        raci_xlsx_book_nomem(&x.b);
    else if (!(x.b.wb = workbook_new_opt(raci_outfile_name(of), &opt)))
        raci_xlsx_book_fail(&x.b, "cannot start a workbook (%s)", strerror(errno));
    else if (xd_build(&x) != 0)
        lxw_workbook_free(x.b.wb);
    else
        raci_xlsx_book_check(&x.b, workbook_close(x.b.wb));
    x.b.wb = NULL;
    if (x.b.err == RACI_OK && raci_outfile_prepare(of) != RACI_OK)
        raci_xlsx_book_fail(&x.b, "%s", strerror(errno));
    if ((err = x.b.err) != RACI_OK) {
        raci_diag_set(diag, of->path, 0, 0, NULL, "unable to write workbook '%s': %s", of->path,
                      x.b.why                   ? x.b.why
                      : err == RACI_ERROR_NOMEM ? "out of memory"
                                                : lxw_strerror(x.b.lxerr));
        raci_outfile_abort(of);
    }
    raci_sheetname_set_release(&x.taken);
    free(x.names);
    raci_xlsx_book_release(&x.b);
    return err;
}
