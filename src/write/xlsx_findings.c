/*
 * xlsx_findings.c - the Findings sheet (xlsx_findings.h).
 */
#include "raci/xlsx_findings.h"

#include <stdlib.h>
#include <string.h>

#include "raci/loc.h"
#include "raci/xlsx_book.h"
#include "raci/xlsx_fit.h"
#include "raci/xlsx_header.h"

enum { FINDINGS_NCOLS = 11, FINDINGS_MESSAGE = 5, FINDINGS_RELATED = 9, FINDINGS_GOTO = 10 };

static const char *const findings_heads[FINDINGS_NCOLS] = {"Rule",   "Severity", "Product", "Task",
                                                           "Person", "Message",  "File",    "Line",
                                                           "Column", "Related",  "Go to"};
/* Each column's width within [min, cap]; the message's is fixed. */
static const double findings_min[FINDINGS_NCOLS] = {10, 9, 10, 10, 10, 60, 8, 6, 7, 9, 8};
static const double findings_cap[FINDINGS_NCOLS] = {28, 9, 24, 30, 24, 60, 36, 6, 7, 30, 30};

/* The texts of one finding's row, by column (NULL: none), and what they
 * are made of. */
struct findings_row {
    const char *text[FINDINGS_NCOLS];
    char *source, *link;
    struct raci_xlsx_book_list rel;
};

/* The other rows of finding fd, "line 3, other.csv:4" (the file only when
 * it differs from the finding's own), into rel. -1 when out of memory. */
static int findings_related(const struct raci_finding *fd, struct raci_xlsx_book_list *rel)
{
    rel->sep = ", ";
    for (size_t k = 0; k < fd->nrelated; k++) {
        const struct raci_loc *l = &fd->related[k];
        char *item;
        int other = l->file && (!fd->loc.file || strcmp(l->file, fd->loc.file) != 0);
        if (l->sheet && other) { /* a workbook's cell: "Atlas!C7", its file when another */
            item = raci_loc_format(l->file, l->sheet, l->line, l->col);
        } else if (l->sheet) {
            struct raci_str ref = RACI_STR_INIT;
            raci_loc_add_ref(&ref, l->sheet, l->line, l->col);
            item = raci_str_take(&ref);
        } else if (other) {
            item = raci_str_printf("%s:%u", l->file, (unsigned)l->line);
        } else {
            item = raci_str_printf("line %u", (unsigned)l->line);
        }
        if (!item)
            return -1;
        raci_xlsx_book_list_add(rel, item);
        free(item);
    }
    return rel->text.failed ? -1 : 0;
}

/* The text of finding i's "Go to" link, the cell it marks as Excel writes
 * the reference (the sheet quoted when it must be), into row->link; none
 * when it marks no cell. *sheet gets the sheet. -1 when out of memory. */
static int findings_goto(const struct raci_xlsx_book *b, size_t i, struct findings_row *row,
                         const char **sheet)
{
    struct raci_xlsx_layout_target t = raci_xlsx_layout_target(b->lay, i);
    struct raci_str ref = RACI_STR_INIT;

    if (t.sheet == RACI_XLSX_LAYOUT_NOWHERE)
        return 0;
    *sheet = raci_xlsx_layout_target_sheet(b->lay, &t);
    raci_loc_add_ref(&ref, *sheet, t.row + 1, t.col + 1);
    row->link = raci_str_take(&ref);
    row->text[FINDINGS_GOTO] = row->link;
    return row->link ? 0 : -1;
}

static void findings_row_release(struct findings_row *row)
{
    free(row->source);
    free(row->link);
    raci_xlsx_book_list_release(&row->rel);
}

/* The texts of finding i's row, into row (released by the caller, even on
 * failure). -1 when out of memory. */
static int findings_row_texts(const struct raci_xlsx_book *b, size_t i, struct findings_row *row)
{
    const struct raci_roster *r = b->r;
    const struct raci_finding *fd = &b->fs->v[i];
    uint32_t p = raci_xlsx_layout_product(b->lay, i);
    const char *sheet = NULL;

    memset(row, 0, sizeof(*row));
    row->text[0] = fd->rule;
    row->text[1] = raci_severity_name(fd->severity);
    row->text[2] = p != RACI_NONE ? r->products[p].name : NULL;
    row->text[3] = fd->task < r->ntasks ? r->tasks[fd->task].name : NULL;
    row->text[4] = fd->person < r->npersons ? r->persons[fd->person].name : NULL;
    row->text[FINDINGS_MESSAGE] = fd->message;
    /* The source: the file, or a workbook's file:sheet!cell (loc.h). */
    if (fd->loc.sheet &&
        !(row->source = raci_loc_format(fd->loc.file, fd->loc.sheet, fd->loc.line, fd->loc.col)))
        return -1;
    row->text[6] = row->source ? row->source : fd->loc.file;
    if (findings_related(fd, &row->rel))
        return -1;
    row->text[FINDINGS_RELATED] = row->rel.n ? raci_str_cstr(&row->rel.text) : NULL;
    return findings_goto(b, i, row, &sheet);
}

/* Whether column c, of content that wide so far, may still get wider. */
static int findings_widths_open(double content, int c)
{
    return raci_xlsx_fit_column(content, findings_min[c], findings_cap[c]) < findings_cap[c];
}

/* The widths of the columns, from the headings and every finding's row,
 * into widths. -1 when out of memory. */
static int findings_widths(const struct raci_xlsx_book *b, double *widths)
{
    double content[FINDINGS_NCOLS];

    int open = 0; /* the columns not at their cap yet */

    for (int c = 0; c < FINDINGS_NCOLS; c++) /* headings are bold: a little wider */
        content[c] = raci_xlsx_fit_text_width(findings_heads[c], RACI_XLSX_FIT_PT) * 1.1;
    /* A column at its cap (the message's from the start) gets no wider:
     * its cells are measured no further, and once every column is, no row
     * is made. */
    for (int c = 0; c < FINDINGS_NCOLS; c++)
        open += findings_widths_open(content[c], c);
    for (size_t i = 0; open > 0 && i < b->fs->n; i++) {
        struct findings_row row;
        int e = findings_row_texts(b, i, &row);
        for (int c = 0; !e && c < FINDINGS_NCOLS; c++) {
            double w;
            if (!findings_widths_open(content[c], c))
                continue;
            w = raci_xlsx_fit_text_width(row.text[c], RACI_XLSX_FIT_PT);
            if (w > content[c])
                content[c] = w;
            open -= !findings_widths_open(content[c], c);
        }
        findings_row_release(&row);
        if (e)
            return -1;
    }
    for (int c = 0; c < FINDINGS_NCOLS; c++)
        widths[c] = raci_xlsx_fit_column(content[c], findings_min[c], findings_cap[c]);
    return 0;
}

/* Finding i on row, its height first: the most lines of its wrapped text
 * in the columns' widths. */
static int findings_row(struct raci_xlsx_book *b, size_t i, uint32_t row, const double *widths,
                        unsigned *nlinks)
{
    const struct raci_finding *fd = &b->fs->v[i];
    lxw_worksheet *ws = b->findings;
    struct raci_xlsx_layout_target t = raci_xlsx_layout_target(b->lay, i);
    struct findings_row fr;
    size_t lines = 1;
    int e = findings_row_texts(b, i, &fr) ? raci_xlsx_book_nomem(b) : 0;

    for (int c = 0; !e && c < FINDINGS_GOTO; c++) {
        size_t n = raci_xlsx_fit_lines(fr.text[c], widths[c], RACI_XLSX_FIT_PT);
        if (c != 1 && c != 7 && c != 8 && n > lines)
            lines = n;
    }
    if (!e && lines > 1)
        e = raci_xlsx_book_check(b,
                                 worksheet_set_row(ws, row, raci_xlsx_fit_height(lines, 11), NULL));
    for (int c = 0; !e && c < FINDINGS_RELATED; c++) {
        if (c == 7 || c == 8) {
            uint32_t v = c == 7 ? fd->loc.line : fd->loc.col;
            e = v ? raci_xlsx_book_num(b, ws, row, (uint32_t)c, v, b->f.count) : 0;
        } else {
            lxw_format *fmt =
                c == 1 ? b->f.sev[raci_xlsx_layout_severity(fd->severity)] : b->f.text;
            e = raci_xlsx_book_str(b, ws, row, (uint32_t)c, fr.text[c], fmt);
        }
    }
    if (!e && fr.rel.n)
        e = raci_xlsx_book_list_write(b, ws, row, FINDINGS_RELATED, &fr.rel, "row", b->f.text);
    if (!e && fr.link)
        e = raci_xlsx_book_link(b, ws, nlinks, row, FINDINGS_GOTO,
                                raci_xlsx_layout_target_sheet(b->lay, &t), t.row, t.col, fr.link,
                                b->f.link);
    findings_row_release(&fr);
    return e ? -1 : 0;
}

/* Part k of the sheet: findings first..end, in the columns' widths. */
static int findings_part(struct raci_xlsx_book *b, uint32_t k, size_t first, size_t end,
                         const double *widths)
{
    lxw_worksheet *ws = b->findings = b->parts[RACI_XLSX_LAYOUT_FINDINGS][k];
    unsigned nlinks = 0;

    if (raci_xlsx_header_page_setup(
            b, ws, raci_xlsx_layout_part_sheet(b->lay, RACI_XLSX_LAYOUT_FINDINGS, k), 1, 0,
            raci_xlsx_header_fit_scale(widths, FINDINGS_NCOLS)))
        return -1;
    worksheet_freeze_panes(ws, 1, 0);
    for (lxw_col_t c = 0; c < FINDINGS_NCOLS; c++)
        if (raci_xlsx_book_check(b, worksheet_set_column(ws, c, c, widths[c], NULL)) ||
            raci_xlsx_book_str(b, ws, 0, c, findings_heads[c], b->f.header))
            return -1;
    if (raci_xlsx_book_check(
            b, worksheet_autofilter(ws, 0, 0, (lxw_row_t)(end - first), FINDINGS_NCOLS - 1)))
        return -1;
    for (size_t i = first; i < end; i++)
        if (findings_row(b, i, (uint32_t)(i - first + 1), widths, &nlinks))
            return -1;
    return 0;
}

int raci_xlsx_findings_sheet(struct raci_xlsx_book *b)
{
    double widths[FINDINGS_NCOLS];
    size_t per = raci_xlsx_layout_part_rows(b->lay), n = b->fs->n;

    if (findings_widths(b, widths))
        return raci_xlsx_book_nomem(b);
    /* Every part has the same widths, so that they read as one sheet. */
    for (uint32_t k = 0; k < raci_xlsx_layout_parts(b->lay, RACI_XLSX_LAYOUT_FINDINGS); k++)
        if (findings_part(b, k, k * per, n - k * per < per ? n : k * per + per, widths))
            return -1;
    return 0;
}
