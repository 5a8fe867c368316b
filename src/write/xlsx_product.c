/*
 * xlsx_product.c - a product's sheet: the matrix of tasks by people.
 *
 * Written strictly row by row, left to right, each task's row built whole
 * just before it is written (the discipline of libxlsxwriter's
 * constant_memory mode, which a large workbook is written in, comments
 * and drop-down included). The findings marked on the sheet come from
 * the layout in that same order, so one cursor walks them.
 */
#include "raci/xlsx_product.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "raci/letters.h"
#include "raci/view.h"
#include "raci/xlsx_book.h"
#include "raci/xlsx_fit.h"
#include "raci/xlsx_header.h"

/* Excel accepts longer comments, but a pop-up of more than a few thousand
 * characters is unreadable; the Findings sheet has everything. */
#define MATRIX_COMMENT_MAX 4000
/* Room kept at the end of a comment for the "... and N more" line. */
#define MATRIX_COMMENT_TAIL 64

/* Font sizes (points) of the product's name, the titles and the Findings
 * column (xlsx_book.c's formats); that column's width, and the cap on
 * column A's. */
#define MATRIX_PRODUCT_PT     13.0
#define MATRIX_TITLE_PT       9.0
#define MATRIX_SUMMARY_PT     9.0
#define MATRIX_FINDINGS_WIDTH 36.0
#define MATRIX_TASK_CAP       38.0

/* The findings marked on the sheet, and the first not yet written. */
struct matrix_cursor {
    const struct raci_xlsx_layout_mark *marks;
    size_t n, cur;
};

/* The worst severity of the findings marks[a..e). */
static int matrix_worst(const struct raci_xlsx_book *b, const struct raci_xlsx_layout_mark *marks,
                        size_t a, size_t e)
{
    int worst = 0;

    for (size_t i = a; i < e; i++) {
        int s = raci_xlsx_layout_severity(b->fs->v[marks[i].finding].severity);
        if (s > worst)
            worst = s;
    }
    return worst;
}

/* Put the cell's note at the start of the comment buf: cut to half the
 * comment, so that findings after it keep room. Returns the bytes written,
 * SIZE_MAX when out of memory; *nlines counts its lines. */
static size_t matrix_note(const char *note, char *buf, size_t *nlines)
{
    char *owned;
    int cut;
    const char *t = raci_str_xml(note, MATRIX_COMMENT_MAX / 2, &owned, &cut);
    size_t o;

    if (!t)
        return SIZE_MAX;
    o = strlen(t);
    memcpy(buf, t, o);
    if (cut) {
        memcpy(buf + o, "\xE2\x80\xA6", 3); /* an ellipsis */
        o += 3;
    }
    (*nlines)++;
    for (const char *c = t; (c = strchr(c, '\n')) != NULL; c++)
        (*nlines)++;
    free(owned);
    return o;
}

/* The comment for a cell with a note (NULL or "" for none) and the findings
 * marks[a..e): the note first, then one "[rule] message" line each, cut to
 * MATRIX_COMMENT_MAX bytes; *nlines gets its lines. NULL when out of
 * memory. */
static char *matrix_comment(const struct raci_xlsx_book *b, const char *note,
                            const struct raci_xlsx_layout_mark *marks, size_t a, size_t e,
                            size_t *nlines)
{
    char *buf = malloc(MATRIX_COMMENT_MAX + 1);
    size_t o = 0, i;

    *nlines = 0;
    if (!buf)
        return NULL;
    if (note && *note && (o = matrix_note(note, buf, nlines)) == SIZE_MAX) {
        free(buf);
        return NULL;
    }
    for (i = a; i < e; i++) {
        const struct raci_finding *f = &b->fs->v[marks[i].finding];
        /* Bytes spoken for: the text so far, a newline, an ellipsis should
         * this line be cut, and the tail line. */
        size_t used = o + (o ? 1 : 0) + 3 + MATRIX_COMMENT_TAIL;
        char *line, *owned;
        const char *t;
        int cut;
        if (o > 0 && used + 40 > MATRIX_COMMENT_MAX)
            break;
        line = raci_str_printf("[%s] %s", f->rule ? f->rule : "?", f->message ? f->message : "");
        t = line ? raci_str_xml(line, MATRIX_COMMENT_MAX - used, &owned, &cut) : NULL;
        if (!t) {
            free(line);
            free(buf);
            return NULL;
        }
        if (o)
            buf[o++] = '\n';
        memcpy(buf + o, t, strlen(t));
        o += strlen(t);
        if (cut) {
            memcpy(buf + o, "\xE2\x80\xA6", 3); /* an ellipsis */
            o += 3;
        }
        (*nlines)++;
        free(owned);
        free(line);
    }
    if (i < e) {
        o += (size_t)snprintf(buf + o, MATRIX_COMMENT_MAX + 1 - o,
                              "\n\xE2\x80\xA6 and %zu more (see the Findings sheet)", e - i);
        (*nlines)++;
    }
    buf[o] = '\0';
    return buf;
}

/* "1 error, 2 warnings: single-accountable, missing-responsible" for the
 * findings marks[a..e) (rule ids once each, in order of appearance), into
 * out. */
static void matrix_row_summary(const struct raci_xlsx_book *b,
                               const struct raci_xlsx_layout_mark *marks, size_t a, size_t e,
                               struct raci_str *out)
{
    size_t n[RACI_XLSX_BOOK_NSEV] = {0};
    static const char *const one[RACI_XLSX_BOOK_NSEV] = {"", "info", "warning", "error"};
    static const char *const many[RACI_XLSX_BOOK_NSEV] = {"", "infos", "warnings", "errors"};
    int first = 1;

    for (size_t i = a; i < e; i++)
        n[raci_xlsx_layout_severity(b->fs->v[marks[i].finding].severity)]++;
    for (int s = RACI_SEV_ERROR; s >= RACI_SEV_INFO; s--) {
        if (!n[s])
            continue;
        raci_str_addf(out, "%s%zu %s", first ? "" : ", ", n[s], n[s] == 1 ? one[s] : many[s]);
        first = 0;
    }
    if (n[0])
        raci_str_addf(out, "%s%zu other", first ? "" : ", ", n[0]);
    raci_str_add(out, ":");
    for (size_t i = a; i < e; i++) {
        const char *rule = b->fs->v[marks[i].finding].rule;
        size_t j;
        if (!rule)
            continue;
        for (j = a; j < i; j++) {
            const char *seen = b->fs->v[marks[j].finding].rule;
            if (seen && strcmp(seen, rule) == 0)
                break;
        }
        if (j == i)
            raci_str_addf(out, "%s %s", i == a ? "" : ",", rule);
    }
}

/* Write a cell with the findings at the cursor that sit at (row, col), if
 * any: the format fmts[their worst severity], and a comment holding the
 * cell's note (NULL or "" for none), then the findings. */
static int matrix_marked(struct raci_xlsx_book *b, lxw_worksheet *ws, struct matrix_cursor *c,
                         uint32_t row, uint32_t col, const char *text, const char *note,
                         lxw_format *const *fmts)
{
    size_t a = c->cur, e = a, nlines = 0;
    char *comment = NULL;
    int rc;

    while (e < c->n && c->marks[e].row == row && c->marks[e].col == col)
        e++;
    c->cur = e;
    if ((e > a || (note && *note)) && !(comment = matrix_comment(b, note, c->marks, a, e, &nlines)))
        return raci_xlsx_book_nomem(b);
    rc = raci_xlsx_book_str(b, ws, row, col, text, fmts[matrix_worst(b, c->marks, a, e)]);
    if (!rc && comment)
        rc = raci_xlsx_book_comment(b, ws, row, col, comment, nlines);
    free(comment);
    return rc;
}

/* The width of a person's column: their name (bold) on a line or two. */
static double matrix_person_width(const char *name)
{
    return raci_xlsx_fit_column(raci_xlsx_fit_text_width(name, RACI_XLSX_FIT_PT) * 1.1, 10, 18);
}

/* The width of column A: the product's name and its tasks' names. */
static double matrix_task_width(const struct raci_xlsx_book *b, uint32_t p, const uint32_t *tasks,
                                size_t ntasks)
{
    double w = raci_xlsx_fit_text_width(b->r->products[p].name, MATRIX_PRODUCT_PT) * 1.1;

    for (size_t i = 0; i < ntasks; i++) {
        double t = raci_xlsx_fit_text_width(b->r->tasks[tasks[i]].name, RACI_XLSX_FIT_PT);
        if (t > w)
            w = t;
    }
    return raci_xlsx_fit_column(w, 16, MATRIX_TASK_CAP);
}

/* The widths of the columns (column A's task_width), frozen heads, and
 * print set-up: one page wide, or over pages when that would shrink it
 * past reading (xlsx_header.h). */
static int matrix_columns(struct raci_xlsx_book *b, lxw_worksheet *ws, uint32_t p,
                          const uint32_t *people, size_t npeople, double task_width)
{
    const struct raci_roster *r = b->r;
    uint32_t fcol = raci_xlsx_layout_findings_column(b->lay, p);
    double *widths = calloc((size_t)fcol + 1, sizeof(*widths));
    int rc = 0;

    if (!widths)
        return raci_xlsx_book_nomem(b);
    widths[0] = task_width;
    widths[fcol] = MATRIX_FINDINGS_WIDTH;
    for (size_t k = 0; k < npeople; k++) {
        uint32_t col = raci_xlsx_layout_column(b->lay, p, people[k]);
        if (col < fcol)
            widths[col] = matrix_person_width(r->persons[people[k]].name);
    }
    for (uint32_t c = 0; rc == 0 && c <= fcol; c++)
        rc = raci_xlsx_book_check(
            b, worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, widths[c], NULL));
    if (rc == 0)
        rc = raci_xlsx_header_page_setup(b, ws, r->products[p].name, RACI_XLSX_LAYOUT_HEAD_ROWS, 1,
                                         raci_xlsx_header_fit_scale(widths, (size_t)fcol + 1));
    free(widths);
    worksheet_freeze_panes(ws, RACI_XLSX_LAYOUT_HEAD_ROWS, 1);
    return rc;
}

/* The drop-down of valid letters over the matrix: a warning, not a stop,
 * since a manager may still type "A/R/C". */
static int matrix_dropdown(struct raci_xlsx_book *b, lxw_worksheet *ws, uint32_t p,
                           const uint32_t *people, size_t npeople, const uint32_t *tasks,
                           size_t ntasks)
{
    static char error_title[] = "RACI letters";
    static char error_message[] = "Expected A, R, C or I, combined like A/R, or bracketed "
                                  "like (C) when conditional. Keep this value anyway?";
    const struct raci_xlsx_layout *lay = b->lay;
    lxw_data_validation dv = {0};
    size_t n, i;
    const char *const *choices = raci_letters_choices(&n);
    char **list;
    int rc = -1;

    if (npeople == 0 || ntasks == 0)
        return 0;
    /* libxlsxwriter takes the list as char **: copies, not casts. */
    if (!(list = calloc(n + 1, sizeof(*list))))
        return raci_xlsx_book_nomem(b);
    for (i = 0; i < n && (list[i] = raci_str_dup(choices[i])); i++)
        ;
    if (i < n) {
        raci_xlsx_book_nomem(b);
        goto out;
    }
    dv.validate = LXW_VALIDATION_TYPE_LIST;
    dv.value_list = list;
    dv.ignore_blank = LXW_VALIDATION_ON;
    dv.dropdown = LXW_VALIDATION_ON;
    dv.show_error = LXW_VALIDATION_ON;
    dv.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
    dv.error_title = error_title;
    dv.error_message = error_message;
    rc = raci_xlsx_book_check(
        b, worksheet_data_validation_range(
               ws, raci_xlsx_layout_task_row(lay, tasks[0]),
               (lxw_col_t)raci_xlsx_layout_column(lay, p, people[0]),
               raci_xlsx_layout_task_row(lay, tasks[ntasks - 1]),
               (lxw_col_t)raci_xlsx_layout_column(lay, p, people[npeople - 1]), &dv));
out:
    for (i = 0; i < n; i++)
        free(list[i]);
    free(list);
    return rc;
}

/* Row 0: the product, then its people, each marked with the findings about
 * it; row 1: "Task", then the people's titles. Each row's height first,
 * from its wrapped text. */
static int matrix_head(struct raci_xlsx_book *b, lxw_worksheet *ws, uint32_t p,
                       const uint32_t *people, size_t npeople, double task_width,
                       struct matrix_cursor *c)
{
    const struct raci_roster *r = b->r;
    const struct raci_xlsx_book_formats *f = &b->f;
    uint32_t fcol = raci_xlsx_layout_findings_column(b->lay, p);
    double h0 = raci_xlsx_fit_cell_height(r->products[p].name, task_width, MATRIX_PRODUCT_PT),
           h1 = RACI_XLSX_FIT_ROW;

    for (size_t k = 0; k < npeople; k++) {
        const struct raci_person *pe = &r->persons[people[k]];
        double w = matrix_person_width(pe->name), h;
        struct raci_xlsx_book_list t = RACI_XLSX_BOOK_LIST_INIT;
        /* A bold name: as wide as a name in a column a tenth narrower. */
        if ((h = raci_xlsx_fit_cell_height(pe->name, w / 1.1, RACI_XLSX_FIT_PT)) > h0)
            h0 = h;
        raci_xlsx_book_titles(pe, &t);
        h = raci_xlsx_fit_cell_height(raci_str_cstr(&t.text), w, MATRIX_TITLE_PT);
        raci_xlsx_book_list_release(&t);
        if (h > h1)
            h1 = h;
    }
    if (raci_xlsx_book_check(b, worksheet_set_row(ws, 0, h0, NULL)) ||
        matrix_marked(b, ws, c, 0, 0, r->products[p].name, NULL, f->product))
        return -1;
    for (size_t k = 0; k < npeople; k++)
        if (matrix_marked(b, ws, c, 0, raci_xlsx_layout_column(b->lay, p, people[k]),
                          r->persons[people[k]].name, NULL, f->person))
            return -1;
    /* Row 1's height once row 0 is written: in constant_memory mode a row
     * set up before an earlier one is written would drop that one. */
    if (raci_xlsx_book_str(b, ws, 0, fcol, "Findings", f->header) ||
        raci_xlsx_book_check(b, worksheet_set_row(ws, 1, h1, NULL)) ||
        raci_xlsx_book_str(b, ws, 1, 0, "Task", f->header))
        return -1;
    for (size_t k = 0; k < npeople; k++) {
        struct raci_xlsx_book_list t = RACI_XLSX_BOOK_LIST_INIT;
        int e;
        raci_xlsx_book_titles(&r->persons[people[k]], &t);
        e = raci_xlsx_book_list_write(b, ws, 1, raci_xlsx_layout_column(b->lay, p, people[k]), &t,
                                      "title", f->subheader);
        raci_xlsx_book_list_release(&t);
        if (e)
            return -1;
    }
    return raci_xlsx_book_str(b, ws, 1, fcol, "", f->header);
}

/* The Findings column of a task's row: what the findings marks[a..e) on
 * the row are (made by matrix_row_summary into sum). */
static int matrix_row_findings(struct raci_xlsx_book *b, lxw_worksheet *ws, uint32_t row,
                               uint32_t fcol, const struct raci_xlsx_layout_mark *marks, size_t a,
                               size_t e, struct raci_str *sum)
{
    if (e == a)
        return 0;
    return sum->failed ? raci_xlsx_book_nomem(b)
                       : raci_xlsx_book_str(b, ws, row, fcol, sum->s,
                                            b->f.summary[matrix_worst(b, marks, a, e)]);
}

/* The notes of task t's cells, into notes (one per column of people): each
 * person's first note on the task, NULL for none. */
static void matrix_notes(const struct raci_xlsx_book *b, uint32_t p, uint32_t t, const char **notes,
                         size_t ncells)
{
    size_t n;
    const uint32_t *rows = raci_view_task_assigns(b->r, t, &n);

    memset(notes, 0, ncells * sizeof(*notes));
    for (size_t i = 0; i < n; i++) {
        const struct raci_assign *a = &b->r->assigns[rows[i]];
        uint32_t col = raci_xlsx_layout_column(b->lay, p, a->person);
        if (a->note && *a->note && col != RACI_NONE && col - 1 < ncells && !notes[col - 1])
            notes[col - 1] = a->note;
    }
}

/* Task t's row, its height first (from its name and its findings): its
 * name, then each person's letters on it (cells and notes, one per column
 * of people, are room to build the row in), then its findings. */
static int matrix_task_row(struct raci_xlsx_book *b, lxw_worksheet *ws, uint32_t p, uint32_t t,
                           const struct raci_pair **cells, const char **notes, size_t ncells,
                           double task_width, struct matrix_cursor *c)
{
    const struct raci_xlsx_layout *lay = b->lay;
    uint32_t row = raci_xlsx_layout_task_row(lay, t);
    size_t npairs, first, end;
    const struct raci_pair *pairs = raci_view_task_pairs(b->r, t, &npairs);
    struct raci_str sum = RACI_STR_INIT;
    double h = raci_xlsx_fit_cell_height(b->r->tasks[t].name, task_width, RACI_XLSX_FIT_PT), hs;
    int rc;

    /* Marks are on cells written here, so none should be left over from
     * rows above; skipping keeps a stray one from blocking the rest. */
    while (c->cur < c->n && c->marks[c->cur].row < row)
        c->cur++;
    first = end = c->cur;
    while (end < c->n && c->marks[end].row == row)
        end++;
    if (end > first) {
        matrix_row_summary(b, c->marks, first, end, &sum);
        hs = raci_xlsx_fit_cell_height(sum.s, MATRIX_FINDINGS_WIDTH, MATRIX_SUMMARY_PT);
        h = hs > h ? hs : h;
    }
    memset(cells, 0, ncells * sizeof(*cells));
    for (size_t i = 0; i < npairs; i++) {
        uint32_t col = raci_xlsx_layout_column(lay, p, pairs[i].person);
        if (col != RACI_NONE && col - 1 < ncells)
            cells[col - 1] = &pairs[i];
    }
    matrix_notes(b, p, t, notes, ncells);
    rc = (h > RACI_XLSX_FIT_ROW + 2 &&
          raci_xlsx_book_check(b, worksheet_set_row(ws, row, h, NULL))) ||
         matrix_marked(b, ws, c, row, 0, b->r->tasks[t].name, NULL, b->f.task);
    for (size_t k = 0; !rc && k < ncells; k++) {
        const struct raci_pair *pr = cells[k];
        int look = raci_xlsx_book_look(pr);
        char text[32] = "";
        if (pr && look != RACI_XLSX_BOOK_UNREAD)
            raci_letters_format((struct raci_letters){pr->letters, pr->conditional}, text,
                                sizeof(text));
        rc = matrix_marked(b, ws, c, row, (uint32_t)(k + 1),
                           look == RACI_XLSX_BOOK_UNREAD ? pr->raw : text, notes[k],
                           b->f.cell[look]);
    }
    /* Anything left in this row sits on no column written above. */
    c->cur = end;
    rc = rc || matrix_row_findings(b, ws, row, raci_xlsx_layout_findings_column(lay, p), c->marks,
                                   first, end, &sum);
    raci_str_release(&sum);
    return rc ? -1 : 0;
}

int raci_xlsx_product_write(struct raci_xlsx_book *b, uint32_t p)
{
    lxw_worksheet *ws = b->sheets[p];
    size_t npeople, ntasks;
    const uint32_t *people = raci_view_product_people(b->r, p, &npeople);
    const uint32_t *tasks = raci_view_product_tasks(b->r, p, &ntasks);
    const struct raci_pair **cells = calloc(npeople ? npeople : 1, sizeof(*cells));
    const char **notes = calloc(npeople ? npeople : 1, sizeof(*notes));
    struct matrix_cursor c = {NULL, 0, 0};
    double task_width = matrix_task_width(b, p, tasks, ntasks);
    int rc;

    if (!cells || !notes) {
        free(cells);
        free(notes);
        return raci_xlsx_book_nomem(b);
    }
    c.marks = raci_xlsx_layout_marks(b->lay, p, &c.n);
    rc = matrix_columns(b, ws, p, people, npeople, task_width) ||
                 matrix_dropdown(b, ws, p, people, npeople, tasks, ntasks) ||
                 matrix_head(b, ws, p, people, npeople, task_width, &c)
             ? -1
             : 0;
    for (size_t i = 0; rc == 0 && i < ntasks; i++)
        rc = matrix_task_row(b, ws, p, tasks[i], cells, notes, npeople, task_width, &c);
    free(cells);
    free(notes);
    return rc;
}
