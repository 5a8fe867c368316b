/*
 * xlsx_layout.c - where everything goes in the workbook.
 *
 * Built in one pass over the products (their sheets' names, rows and
 * columns, from the roster's views) and one over the findings (their
 * products, counts and cells), then one sort of the marks; nothing here
 * groups assignments or people again.
 */
#include "raci/xlsx_layout.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "raci/str.h"
#include "raci/view.h"

static const struct raci_findings layout_no_findings;
static const struct raci_xlsx_layout_counts layout_no_counts;

/* Record why the workbook cannot be laid out. */
static raci_error layout_limit(struct raci_xlsx_layout *lay, const char *fmt, ...)
    RACI_PRINTF(2, 3);

static raci_error layout_limit(struct raci_xlsx_layout *lay, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    lay->message = raci_str_vprintf(fmt, ap);
    va_end(ap);
    return lay->message ? RACI_ERROR_OUTPUT : RACI_ERROR_NOMEM;
}

/* Each product's sheet name, unique against the fixed sheets and the
 * products before it. */
static raci_error layout_names(struct raci_xlsx_layout *lay)
{
    size_t np = lay->r->nproducts;
    const char **taken;

    lay->names = calloc(np ? np : 1, sizeof(*lay->names));
    taken = calloc(np + 3, sizeof(*taken));
    if (!lay->names || !taken) {
        free(taken);
        return RACI_ERROR_NOMEM;
    }
    taken[0] = "Summary";
    taken[1] = "Findings";
    taken[2] = "Roster";
    for (size_t p = 0; p < np; p++) {
        raci_sheetname_unique(lay->r->products[p].name, taken, p + 3, lay->names[p],
                              sizeof(lay->names[p]));
        taken[p + 3] = lay->names[p];
    }
    free(taken);
    return RACI_OK;
}

/* Rows of each product's tasks, columns of its people, and its counts of
 * people and tasks; a product too big for a sheet stops the layout. */
static raci_error layout_products(struct raci_xlsx_layout *lay)
{
    const struct raci_roster *r = lay->r;

    lay->task_row = malloc((r->ntasks ? r->ntasks : 1) * sizeof(*lay->task_row));
    if (!lay->task_row)
        return RACI_ERROR_NOMEM;
    for (size_t t = 0; t < r->ntasks; t++)
        lay->task_row[t] = RACI_NONE;
    for (uint32_t p = 0; p < r->nproducts; p++) {
        size_t ntasks, npeople;
        const uint32_t *tasks = raci_view_product_tasks(r, p, &ntasks);
        const uint32_t *people = raci_view_product_people(r, p, &npeople);

        /* The name column, the people, the Findings column; the two head
         * rows, the tasks. Checked here so that the message can say why. */
        if (npeople + 2 > RACI_XLSX_LAYOUT_MAX_COLS ||
            ntasks + RACI_XLSX_LAYOUT_HEAD_ROWS > RACI_XLSX_LAYOUT_MAX_ROWS)
            return layout_limit(lay,
                                "product '%s' has %zu %s and %zu %s, more than a sheet holds "
                                "(at most %u people and %u tasks): split it into products",
                                r->products[p].name, npeople, npeople == 1 ? "person" : "people",
                                ntasks, ntasks == 1 ? "task" : "tasks",
                                (unsigned)(RACI_XLSX_LAYOUT_MAX_COLS - 2),
                                (unsigned)(RACI_XLSX_LAYOUT_MAX_ROWS - RACI_XLSX_LAYOUT_HEAD_ROWS));
        for (size_t i = 0; i < ntasks; i++)
            lay->task_row[tasks[i]] = (uint32_t)(RACI_XLSX_LAYOUT_HEAD_ROWS + i);
        for (size_t k = 0; k < npeople; k++)
            if (raci_map_put(&lay->columns, p, people[k], (uint32_t)(1 + k)))
                return RACI_ERROR_NOMEM;
        lay->counts[p].people = raci_view_team_size(r, p);
        lay->counts[p].tasks = ntasks;
    }
    return RACI_OK;
}

/* The cell that finding i, of product p (or none), marks. */
static struct raci_xlsx_layout_target layout_place(const struct raci_xlsx_layout *lay, size_t i,
                                                   uint32_t p)
{
    const struct raci_roster *r = lay->r;
    const struct raci_finding *f = &lay->fs->v[i];
    struct raci_xlsx_layout_target t = {RACI_XLSX_LAYOUT_NOWHERE, RACI_NONE, 0, 0};
    uint32_t col;
    int task_here;

    if (p == RACI_NONE) {
        if (f->person < r->npersons) {
            t.sheet = RACI_XLSX_LAYOUT_ROSTER;
            t.row = raci_xlsx_layout_roster_row(lay, f->person);
        }
        return t;
    }
    t.sheet = RACI_XLSX_LAYOUT_PRODUCT;
    t.product = p;
    col = f->person < r->npersons ? raci_xlsx_layout_column(lay, p, f->person) : RACI_NONE;
    task_here = f->task < r->ntasks && r->tasks[f->task].product == p;
    if (task_here)
        t.row = lay->task_row[f->task];
    if (col != RACI_NONE)
        t.col = col;
    return t;
}

static int layout_mark_cmp(const void *a, const void *b)
{
    const struct raci_xlsx_layout_mark *x = a, *y = b;
    if (x->row != y->row)
        return x->row < y->row ? -1 : 1;
    if (x->col != y->col)
        return x->col < y->col ? -1 : 1;
    return x->finding < y->finding ? -1 : x->finding > y->finding;
}

/* Each finding's product, count and cell; the marks of each product sheet
 * in the order its cells are written. */
static raci_error layout_findings(struct raci_xlsx_layout *lay)
{
    const struct raci_roster *r = lay->r;
    const struct raci_findings *fs = lay->fs;
    size_t np = r->nproducts, n = fs->n ? fs->n : 1;
    uint32_t *fill;

    lay->finding_product = malloc(n * sizeof(*lay->finding_product));
    lay->targets = calloc(n, sizeof(*lay->targets));
    lay->marks = calloc(n, sizeof(*lay->marks));
    lay->mark_off = calloc(np + 1, sizeof(*lay->mark_off));
    fill = calloc(np ? np : 1, sizeof(*fill));
    if (!lay->finding_product || !lay->targets || !lay->marks || !lay->mark_off || !fill) {
        free(fill);
        return RACI_ERROR_NOMEM;
    }
    for (size_t i = 0; i < fs->n; i++) {
        const struct raci_finding *f = &fs->v[i];
        uint32_t p = f->product;
        if (p >= np && f->task < r->ntasks)
            p = r->tasks[f->task].product;
        if (p >= np)
            p = RACI_NONE;
        lay->finding_product[i] = p;
        lay->targets[i] = layout_place(lay, i, p);
        lay->counts[p == RACI_NONE ? np : p].findings[raci_xlsx_layout_severity(f->severity)]++;
        lay->counts[np + 1].findings[raci_xlsx_layout_severity(f->severity)]++;
        if (p != RACI_NONE)
            lay->mark_off[p + 1]++;
    }
    for (size_t p = 0; p < np; p++)
        lay->mark_off[p + 1] += lay->mark_off[p];
    for (size_t i = 0; i < fs->n; i++) {
        const struct raci_xlsx_layout_target *t = &lay->targets[i];
        if (t->sheet == RACI_XLSX_LAYOUT_PRODUCT)
            lay->marks[lay->mark_off[t->product] + fill[t->product]++] =
                (struct raci_xlsx_layout_mark){t->row, t->col, (uint32_t)i};
    }
    free(fill);
    for (size_t p = 0; p < np; p++)
        if (lay->mark_off[p + 1] - lay->mark_off[p] > 1)
            qsort(lay->marks + lay->mark_off[p], lay->mark_off[p + 1] - lay->mark_off[p],
                  sizeof(*lay->marks), layout_mark_cmp);
    return RACI_OK;
}

raci_error raci_xlsx_layout_build(struct raci_xlsx_layout *lay, const struct raci_roster *r,
                                  const struct raci_findings *fs)
{
    struct raci_xlsx_layout_counts *total;
    raci_error err;

    memset(lay, 0, sizeof(*lay));
    lay->r = r;
    lay->fs = fs ? fs : &layout_no_findings;
    /* Per product, then the whole roster, then the total. */
    lay->counts = calloc(r->nproducts + 2, sizeof(*lay->counts));
    if (!lay->counts)
        return RACI_ERROR_NOMEM;
    total = &lay->counts[r->nproducts + 1];
    total->people = r->npersons;
    total->tasks = r->ntasks;
    if ((err = layout_names(lay)) || (err = layout_products(lay)) || (err = layout_findings(lay)))
        return err;
    if (lay->fs->n + 1 > RACI_XLSX_LAYOUT_MAX_ROWS)
        return layout_limit(lay,
                            "%zu findings, more than the Findings sheet holds (at most %u): "
                            "audit the products in several runs, or turn some checks off",
                            lay->fs->n, (unsigned)(RACI_XLSX_LAYOUT_MAX_ROWS - 1));
    if (r->npersons + 1 > RACI_XLSX_LAYOUT_MAX_ROWS)
        return layout_limit(lay,
                            "%zu people, more than the Roster sheet holds (at most %u): audit "
                            "the organisation in several runs",
                            r->npersons, (unsigned)(RACI_XLSX_LAYOUT_MAX_ROWS - 1));
    if (r->nextra + RACI_XLSX_LAYOUT_ROSTER_COLS > RACI_XLSX_LAYOUT_MAX_COLS)
        return layout_limit(lay,
                            "%zu extra columns, more than the Roster sheet holds (at most %u "
                            "beside its own %u): keep fewer columns in the roster",
                            r->nextra,
                            (unsigned)(RACI_XLSX_LAYOUT_MAX_COLS - RACI_XLSX_LAYOUT_ROSTER_COLS),
                            (unsigned)RACI_XLSX_LAYOUT_ROSTER_COLS);
    return RACI_OK;
}

void raci_xlsx_layout_release(struct raci_xlsx_layout *lay)
{
    free(lay->names);
    free(lay->task_row);
    raci_map_release(&lay->columns);
    free(lay->finding_product);
    free(lay->targets);
    free(lay->mark_off);
    free(lay->marks);
    free(lay->counts);
    free(lay->message);
    memset(lay, 0, sizeof(*lay));
}

/* ------------------------------------------------------------ queries -- */

const char *raci_xlsx_layout_sheet(const struct raci_xlsx_layout *lay, uint32_t p)
{
    return lay->names && p < lay->r->nproducts ? lay->names[p] : "";
}

uint32_t raci_xlsx_layout_task_row(const struct raci_xlsx_layout *lay, uint32_t t)
{
    return lay->task_row && t < lay->r->ntasks ? lay->task_row[t] : RACI_NONE;
}

uint32_t raci_xlsx_layout_column(const struct raci_xlsx_layout *lay, uint32_t p, uint32_t q)
{
    uint32_t col = raci_map_get(&lay->columns, p, q);
    return col == RACI_MAP_NONE ? RACI_NONE : col;
}

uint32_t raci_xlsx_layout_findings_column(const struct raci_xlsx_layout *lay, uint32_t p)
{
    size_t n = 0;
    if (lay->r)
        raci_view_product_people(lay->r, p, &n);
    return (uint32_t)(1 + n);
}

uint32_t raci_xlsx_layout_roster_row(const struct raci_xlsx_layout *lay, uint32_t q)
{
    (void)lay;
    return q + 1;
}

uint32_t raci_xlsx_layout_product(const struct raci_xlsx_layout *lay, size_t i)
{
    return lay->finding_product && i < lay->fs->n ? lay->finding_product[i] : RACI_NONE;
}

struct raci_xlsx_layout_target raci_xlsx_layout_target(const struct raci_xlsx_layout *lay, size_t i)
{
    static const struct raci_xlsx_layout_target layout_nowhere = {RACI_XLSX_LAYOUT_NOWHERE,
                                                                  RACI_NONE, 0, 0};
    return lay->targets && i < lay->fs->n ? lay->targets[i] : layout_nowhere;
}

const struct raci_xlsx_layout_mark *raci_xlsx_layout_marks(const struct raci_xlsx_layout *lay,
                                                           uint32_t p, size_t *n)
{
    if (!lay->mark_off || p >= lay->r->nproducts) {
        *n = 0;
        return NULL;
    }
    *n = lay->mark_off[p + 1] - lay->mark_off[p];
    return lay->marks + lay->mark_off[p];
}

const struct raci_xlsx_layout_counts *raci_xlsx_layout_counts(const struct raci_xlsx_layout *lay,
                                                              uint32_t p)
{
    if (!lay->counts)
        return &layout_no_counts;
    if (p == RACI_NONE)
        return &lay->counts[lay->r->nproducts];
    return p < lay->r->nproducts ? &lay->counts[p] : &layout_no_counts;
}

const struct raci_xlsx_layout_counts *raci_xlsx_layout_total(const struct raci_xlsx_layout *lay)
{
    return lay->counts ? &lay->counts[lay->r->nproducts + 1] : &layout_no_counts;
}

int raci_xlsx_layout_severity(enum raci_severity s)
{
    return s >= RACI_SEV_INFO && s <= RACI_SEV_ERROR ? (int)s : 0;
}
