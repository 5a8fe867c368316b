/*
 * xlsx_rest.c - the Other products sheet: a row per (task, person) pair of
 * every product without a sheet of its own.
 *
 * Written strictly row by row, as constant_memory mode needs; the findings
 * marked on the sheet come from the layout in that order, so one cursor
 * walks them, as on a product sheet.
 */
#include "raci/xlsx_rest.h"

#include <stdlib.h>
#include <string.h>

#include "raci/letters.h"
#include "raci/view.h"
#include "raci/xlsx_book.h"

/* Where the writing is: the part, its sheet, the marks not yet written;
 * room to make a finding's text in, kept from row to row. */
struct rest_cursor {
    uint32_t part;
    lxw_worksheet *ws;
    const struct raci_xlsx_layout_mark *marks;
    size_t n, cur;
    struct raci_str item;
};

/* A part's print set-up, widths, header row, frozen header and autofilter
 * over its rows rows of data. */
static int rest_head(struct raci_xlsx_book *b, lxw_worksheet *ws, const char *name, uint32_t rows)
{
    static const char *const rest_heads[RACI_XLSX_LAYOUT_REST_NCOLS] = {
        "Product", "Task", "Person", "Title", "Letters", "Findings", "ID"};
    static const double rest_widths[RACI_XLSX_LAYOUT_REST_NCOLS] = {24, 30, 22, 26, 8, 60, 18};

    if (raci_xlsx_book_page_setup(b, ws, name, 1, 0))
        return -1;
    worksheet_freeze_panes(ws, 1, 0);
    for (lxw_col_t c = 0; c < RACI_XLSX_LAYOUT_REST_NCOLS; c++)
        if (raci_xlsx_book_check(b, worksheet_set_column(ws, c, c, rest_widths[c], NULL)) ||
            raci_xlsx_book_str(b, ws, 0, c, rest_heads[c], b->f.header))
            return -1;
    return raci_xlsx_book_check(
        b, worksheet_autofilter(ws, 0, 0, rows, RACI_XLSX_LAYOUT_REST_NCOLS - 1));
}

/* The worst severity of the marks at the cursor on row g and column col
 * (0 for none). */
static int rest_worst(const struct raci_xlsx_book *b, const struct rest_cursor *c, uint32_t g,
                      uint32_t col)
{
    int worst = 0;

    for (size_t i = c->cur; i < c->n && c->marks[i].row == g; i++) {
        int s = raci_xlsx_layout_severity(b->fs->v[c->marks[i].finding].severity);
        if (c->marks[i].col == col && s > worst)
            worst = s;
    }
    return worst;
}

/* The findings column of row g: "error [rule] message" for each finding
 * marked on the row, in the order of the marks, as a list of them
 * (xlsx_book.h); one that a cell holds whole is that text, written without
 * a list. */
static int rest_findings(struct raci_xlsx_book *b, struct rest_cursor *c, uint32_t g, uint32_t row)
{
    struct raci_xlsx_book_list l = RACI_XLSX_BOOK_LIST_INIT;
    size_t e = c->cur;
    int worst = 0, rc;

    while (e < c->n && c->marks[e].row == g)
        e++;
    for (size_t i = c->cur; i < e; i++) {
        int s = raci_xlsx_layout_severity(b->fs->v[c->marks[i].finding].severity);
        if (s > worst)
            worst = s;
    }
    for (; c->cur < e; c->cur++) {
        const struct raci_finding *f = &b->fs->v[c->marks[c->cur].finding];
        raci_str_reset(&c->item);
        raci_str_add(&c->item, raci_severity_name(f->severity));
        raci_str_add(&c->item, " [");
        raci_str_add(&c->item, f->rule ? f->rule : "?");
        raci_str_add(&c->item, "] ");
        raci_str_add(&c->item, f->message ? f->message : "");
        if (c->item.failed) {
            raci_xlsx_book_list_release(&l);
            return raci_xlsx_book_nomem(b);
        }
        if (l.n == 0 && c->cur + 1 == e && c->item.len <= RACI_XLSX_BOOK_STR_MAX) {
            c->cur++;
            return raci_xlsx_book_str(b, c->ws, row, RACI_XLSX_LAYOUT_REST_FINDINGS, c->item.s,
                                      b->f.summary[worst]);
        }
        raci_xlsx_book_list_add(&l, c->item.s);
    }
    rc = l.n ? raci_xlsx_book_list_write(b, c->ws, row, RACI_XLSX_LAYOUT_REST_FINDINGS, &l,
                                         "finding", b->f.summary[worst])
             : 0;
    raci_xlsx_book_list_release(&l);
    return rc;
}

/* Person pe's titles in column 3 of row: as raci_xlsx_book_list_write of
 * raci_xlsx_book_titles, whose list of one title a cell holds whole is that
 * title (most people have one: no list is built on every row). */
static int rest_titles(struct raci_xlsx_book *b, lxw_worksheet *ws, uint32_t row,
                       const struct raci_person *pe)
{
    struct raci_xlsx_book_list titles = RACI_XLSX_BOOK_LIST_INIT;
    int rc;

    if (pe->ntitles == 0)
        return 0;
    if (pe->ntitles == 1 && (!pe->titles[0] || strlen(pe->titles[0]) <= RACI_XLSX_BOOK_STR_MAX))
        return raci_xlsx_book_str(b, ws, row, 3, pe->titles[0], NULL);
    raci_xlsx_book_titles(pe, &titles);
    rc = raci_xlsx_book_list_write(b, ws, row, 3, &titles, "title", NULL);
    raci_xlsx_book_list_release(&titles);
    return rc;
}

/* Row g: pair pr of task t, of product p. */
static int rest_row(struct raci_xlsx_book *b, struct rest_cursor *c, uint32_t g, uint32_t p,
                    uint32_t t, const struct raci_pair *pr)
{
    const struct raci_roster *r = b->r;
    const struct raci_person *pe = &r->persons[pr->person];
    const struct raci_xlsx_book_formats *f = &b->f;
    uint32_t row = g % raci_xlsx_layout_part_rows(b->lay) + 1;
    int look = raci_xlsx_book_look(pr), e;
    char letters[32] = "";

    /* Marks behind the cursor sit on no row written here: skip them. */
    while (c->cur < c->n && c->marks[c->cur].row < g)
        c->cur++;
    if (look != RACI_XLSX_BOOK_UNREAD)
        raci_letters_format((struct raci_letters){pr->letters, pr->conditional}, letters,
                            sizeof(letters));
    e = raci_xlsx_book_str(b, c->ws, row, 0, r->products[p].name,
                           rest_worst(b, c, g, 0) ? f->product[rest_worst(b, c, g, 0)] : NULL) ||
        raci_xlsx_book_str(b, c->ws, row, 1, t < r->ntasks ? r->tasks[t].name : "",
                           rest_worst(b, c, g, 1) ? f->task[rest_worst(b, c, g, 1)] : NULL) ||
        raci_xlsx_book_str(b, c->ws, row, 2, pe->name,
                           rest_worst(b, c, g, 2) ? f->person[rest_worst(b, c, g, 2)] : NULL) ||
        rest_titles(b, c->ws, row, pe) ||
        raci_xlsx_book_str(b, c->ws, row, 4, look == RACI_XLSX_BOOK_UNREAD ? pr->raw : letters,
                           f->cell[look][rest_worst(b, c, g, 4)]) ||
        rest_findings(b, c, g, row) || raci_xlsx_book_str(b, c->ws, row, 6, pe->id, NULL);
    return e ? -1 : 0;
}

/* Move to the part row g is on, writing its head when it is a new one. */
static int rest_part(struct raci_xlsx_book *b, struct rest_cursor *c, uint32_t g)
{
    const struct raci_xlsx_layout *lay = b->lay;
    uint32_t per = raci_xlsx_layout_part_rows(lay), part = g / per;
    size_t left = lay->nrest - (size_t)part * per;

    if (c->ws && part == c->part)
        return 0;
    c->part = part;
    c->ws = b->parts[RACI_XLSX_LAYOUT_REST][part];
    return rest_head(b, c->ws, raci_xlsx_layout_part_sheet(lay, RACI_XLSX_LAYOUT_REST, part),
                     (uint32_t)(left < per ? left : per));
}

/* Every row of every part, with the cursor c. */
static int rest_rows(struct raci_xlsx_book *b, struct rest_cursor *c)
{
    const struct raci_roster *r = b->r;
    const struct raci_xlsx_layout *lay = b->lay;
    uint32_t g = 0;

    if (rest_part(b, c, 0))
        return -1;
    for (uint32_t p = 0; p < r->nproducts; p++) {
        size_t ntasks;
        const uint32_t *tasks = raci_view_product_tasks(r, p, &ntasks);
        if (raci_xlsx_layout_on_sheet(lay, p))
            continue;
        for (size_t i = 0; i < ntasks; i++) {
            size_t npairs;
            struct raci_pair none;
            /* A task nobody has a letter on is a row of its team's first
             * person without letters, which reads back as the task with
             * nobody on it (the layout counts it so). */
            const struct raci_pair *pairs = raci_view_task_rows(r, tasks[i], &npairs, &none);
            for (size_t k = 0; k < npairs; k++, g++)
                if (rest_part(b, c, g) || rest_row(b, c, g, p, tasks[i], &pairs[k]))
                    return -1;
        }
        /* Then each member without a pair, on a row without a task, as the
         * layout counts them. */
        size_t nmem;
        const uint32_t *mem = raci_view_product_members(r, p, &nmem);
        for (size_t k = 0; k < nmem; k++) {
            struct raci_pair none = {0};
            none.person = r->members[mem[k]].person;
            if (raci_map_get(&lay->rest_people, p, none.person) != g)
                continue;
            if (rest_part(b, c, g) || rest_row(b, c, g, p, RACI_NONE, &none))
                return -1;
            g++;
        }
    }
    return 0;
}

int raci_xlsx_rest_write(struct raci_xlsx_book *b)
{
    struct rest_cursor c = {0, NULL, NULL, 0, 0, RACI_STR_INIT};
    int rc;

    if (raci_xlsx_layout_parts(b->lay, RACI_XLSX_LAYOUT_REST) == 0)
        return 0;
    c.marks = raci_xlsx_layout_rest_marks(b->lay, &c.n);
    rc = rest_rows(b, &c);
    raci_str_release(&c.item);
    return rc;
}
