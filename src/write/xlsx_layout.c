/*
 * xlsx_layout.c - where everything goes in the workbook.
 *
 * Built in a pass over the findings (products, counts), a sort of the
 * products (which get a sheet), passes over the products (names, rows,
 * columns, Other products' rows) and the findings (cells), then a sort of
 * the marks; nothing here groups assignments or people again.
 */
#include "raci/xlsx_layout.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "raci/str.h"
#include "raci/view.h"
#include "raci/worst.h"

/* The workbook picks its products as the HTML page does (worst.h). */
_Static_assert(RACI_XLSX_LAYOUT_NSEV == RACI_WORST_NSEV, "counts indexed alike");
_Static_assert(RACI_XLSX_LAYOUT_MAX_SHEETS == RACI_WORST_SHOWN, "the same default");
_Static_assert(RACI_XLSX_LAYOUT_SUMMARY_WORST == RACI_WORST_SUMMARY, "the same summary");

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

/* Read a number from the environment variable name, lo..hi; def when it
 * is unset or no such number. */
static unsigned long layout_env(const char *name, unsigned long lo, unsigned long hi,
                                unsigned long def)
{
    const char *s = getenv(name);
    char *end;
    unsigned long v;

    if (!s || *s < '0' || *s > '9')
        return def;
    errno = 0;
    v = strtoul(s, &end, 10);
    return errno || *end || v < lo || v > hi ? def : v;
}

/* Sheet kind's parts, of rows rows of data in all (at least one part, but
 * for an Other products sheet the workbook does not need), named and
 * reserved in taken. */
static raci_error layout_split(struct raci_xlsx_layout *lay, struct raci_sheetname_set *taken,
                               enum raci_xlsx_layout_sheet kind, const char *name, size_t rows,
                               int needed)
{
    struct raci_xlsx_layout_split *sp = &lay->split[kind];
    uint32_t per = lay->max_rows - 1;
    size_t n = (rows + per - 1) / per;

    if (n == 0 && needed)
        n = 1;
    sp->n = (uint32_t)n;
    if (!(sp->names = calloc(n ? n : 1, sizeof(*sp->names))))
        return RACI_ERROR_NOMEM;
    for (size_t k = 0; k < n; k++) {
        if (k == 0)
            snprintf(sp->names[k], sizeof(sp->names[k]), "%s", name);
        else
            snprintf(sp->names[k], sizeof(sp->names[k]), "%s (%zu)", name, k + 1);
        if (raci_sheetname_set_add(taken, sp->names[k]))
            return RACI_ERROR_NOMEM;
    }
    return RACI_OK;
}

/* The split sheets' names, then each product's sheet name, unique against
 * them and the products before it. */
static raci_error layout_names(struct raci_xlsx_layout *lay)
{
    const struct raci_roster *r = lay->r;
    struct raci_sheetname_set taken = RACI_SHEETNAME_SET_INIT;
    raci_error err;

    lay->names = calloc(r->nproducts ? r->nproducts : 1, sizeof(*lay->names));
    if (!lay->names || raci_sheetname_set_add(&taken, "Summary")) {
        raci_sheetname_set_release(&taken);
        return RACI_ERROR_NOMEM;
    }
    err = layout_split(lay, &taken, RACI_XLSX_LAYOUT_FINDINGS, "Findings", lay->fs->n, 1);
    if (!err)
        err = layout_split(lay, &taken, RACI_XLSX_LAYOUT_ROSTER, "Roster", r->npersons, 1);
    if (!err)
        err = layout_split(lay, &taken, RACI_XLSX_LAYOUT_REST, "Other products", lay->nrest,
                           lay->nsheets < r->nproducts);
    for (size_t p = 0; !err && p < r->nproducts; p++)
        if (lay->on_sheet[p])
            err = raci_sheetname_set_unique(&taken, r->products[p].name, lay->names[p],
                                            sizeof(lay->names[p]));
    raci_sheetname_set_release(&taken);
    return err;
}

/* Which products get a sheet: the max_sheets worst. */
static raci_error layout_choose(struct raci_xlsx_layout *lay)
{
    size_t np = lay->r->nproducts;
    struct raci_worst *rank = malloc((np ? np : 1) * sizeof(*rank));

    lay->worst = malloc((np ? np : 1) * sizeof(*lay->worst));
    lay->on_sheet = calloc(np ? np : 1, 1);
    if (!rank || !lay->worst || !lay->on_sheet) {
        free(rank);
        return RACI_ERROR_NOMEM;
    }
    for (size_t p = 0; p < np; p++)
        rank[p] =
            (struct raci_worst){(uint32_t)p, lay->r->products[p].name, lay->counts[p].findings};
    raci_worst_sort(rank, np);
    for (size_t k = 0; k < np; k++)
        lay->worst[k] = rank[k].p;
    free(rank);
    /* A product with more people than a sheet has columns (or more tasks
     * than rows) is listed on Other products, a row a pair, as those past
     * max_sheets are. */
    lay->nsheets = 0;
    for (size_t k = 0; k < np && lay->nsheets < lay->max_sheets; k++) {
        size_t ntasks, npeople;
        raci_view_product_tasks(lay->r, lay->worst[k], &ntasks);
        raci_view_product_people(lay->r, lay->worst[k], &npeople);
        if (npeople + 2 <= RACI_XLSX_LAYOUT_MAX_COLS &&
            ntasks + RACI_XLSX_LAYOUT_HEAD_ROWS <= RACI_XLSX_LAYOUT_MAX_ROWS) {
            lay->on_sheet[lay->worst[k]] = 1;
            lay->nsheets++;
        }
    }
    return RACI_OK;
}

/* The rows of Other products, each task's of the products without a sheet
 * (raci_view_task_rows), and where each task's, product's and person's first is. */
static raci_error layout_rest(struct raci_xlsx_layout *lay)
{
    const struct raci_roster *r = lay->r;
    size_t g = 0;

    lay->task_rest = malloc((r->ntasks ? r->ntasks : 1) * sizeof(*lay->task_rest));
    lay->product_rest = malloc((r->nproducts ? r->nproducts : 1) * sizeof(*lay->product_rest));
    if (!lay->task_rest || !lay->product_rest)
        return RACI_ERROR_NOMEM;
    memset(lay->task_rest, 0xff, (r->ntasks ? r->ntasks : 1) * sizeof(*lay->task_rest)); /* NONE */
    for (uint32_t p = 0; p < r->nproducts; p++) {
        size_t ntasks;
        const uint32_t *tasks = raci_view_product_tasks(r, p, &ntasks);
        lay->product_rest[p] = RACI_NONE;
        if (lay->on_sheet[p])
            continue;
        for (size_t i = 0; i < ntasks; i++) {
            size_t npairs;
            struct raci_pair none;
            const struct raci_pair *pairs = raci_view_task_rows(r, tasks[i], &npairs, &none);
            if (npairs == 0)
                continue;
            lay->task_rest[tasks[i]] = (uint32_t)g;
            if (lay->product_rest[p] == RACI_NONE)
                lay->product_rest[p] = (uint32_t)g;
            for (size_t k = 0; k < npairs; k++, g++)
                if (raci_map_get(&lay->rest_people, p, pairs[k].person) == RACI_MAP_NONE &&
                    raci_map_put(&lay->rest_people, p, pairs[k].person, (uint32_t)g))
                    return RACI_ERROR_NOMEM;
        }
        /* A member without a pair: a row without a task, that they are
         * still on the product when the workbook is read back. */
        size_t nmem;
        const uint32_t *mem = raci_view_product_members(r, p, &nmem);
        for (size_t k = 0; k < nmem; k++) {
            uint32_t who = r->members[mem[k]].person;
            if (raci_map_get(&lay->rest_people, p, who) != RACI_MAP_NONE)
                continue;
            if (raci_map_put(&lay->rest_people, p, who, (uint32_t)g))
                return RACI_ERROR_NOMEM;
            if (lay->product_rest[p] == RACI_NONE)
                lay->product_rest[p] = (uint32_t)g;
            g++;
        }
    }
    lay->nrest = g;
    return RACI_OK;
}

/* Rows of each product's tasks, columns of its people (layout_choose gave
 * a sheet only to a product that fits one), and its counts of people and
 * tasks. */
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

        lay->counts[p].people = raci_view_team_size(r, p);
        lay->counts[p].tasks = ntasks;
        if (!lay->on_sheet[p])
            continue;
        for (size_t i = 0; i < ntasks; i++)
            lay->task_row[tasks[i]] = (uint32_t)(RACI_XLSX_LAYOUT_HEAD_ROWS + i);
        for (size_t k = 0; k < npeople; k++)
            if (raci_map_put(&lay->columns, p, people[k], (uint32_t)(1 + k)))
                return RACI_ERROR_NOMEM;
    }
    return RACI_OK;
}

/* Person q's cell in Roster. */
static struct raci_xlsx_layout_target layout_roster_target(const struct raci_xlsx_layout *lay,
                                                           uint32_t q)
{
    return (struct raci_xlsx_layout_target){RACI_XLSX_LAYOUT_ROSTER, RACI_NONE,
                                            raci_xlsx_layout_roster_row(lay, q), 0,
                                            raci_xlsx_layout_roster_part(lay, q)};
}

/* Row g of Other products, in column col. */
static struct raci_xlsx_layout_target layout_rest_target(const struct raci_xlsx_layout *lay,
                                                         uint32_t g, uint32_t col)
{
    uint32_t per = lay->max_rows - 1;
    struct raci_xlsx_layout_target t = {RACI_XLSX_LAYOUT_REST, RACI_NONE, 0, 0, 0};

    if (g == RACI_NONE)
        return (struct raci_xlsx_layout_target){RACI_XLSX_LAYOUT_NOWHERE, RACI_NONE, 0, 0, 0};
    t.row = g % per + 1;
    t.part = g / per;
    t.col = col;
    return t;
}

/* The cell of Other products that finding f, of product p there, marks. */
static struct raci_xlsx_layout_target layout_place_rest(const struct raci_xlsx_layout *lay,
                                                        const struct raci_finding *f, uint32_t p)
{
    const struct raci_roster *r = lay->r;
    int task_here = f->task < r->ntasks && r->tasks[f->task].product == p;
    int person = f->person < r->npersons;
    uint32_t g;

    if (task_here && person) {
        size_t n;
        const struct raci_pair *pairs = raci_view_task_pairs(r, f->task, &n);
        const struct raci_pair *pr = raci_view_pair(r, f->task, f->person);
        if (pr && lay->task_rest[f->task] != RACI_NONE)
            return layout_rest_target(lay, lay->task_rest[f->task] + (uint32_t)(pr - pairs),
                                      RACI_XLSX_LAYOUT_REST_LETTERS);
    }
    if (task_here && lay->task_rest[f->task] != RACI_NONE)
        return layout_rest_target(lay, lay->task_rest[f->task], RACI_XLSX_LAYOUT_REST_TASK);
    if (person) {
        g = raci_map_get(&lay->rest_people, p, f->person);
        return g != RACI_MAP_NONE ? layout_rest_target(lay, g, RACI_XLSX_LAYOUT_REST_PERSON)
                                  : layout_roster_target(lay, f->person);
    }
    return layout_rest_target(lay, lay->product_rest[p], RACI_XLSX_LAYOUT_REST_PRODUCT);
}

/* The cell that finding i, of product p (or none), marks. */
static struct raci_xlsx_layout_target layout_place(const struct raci_xlsx_layout *lay, size_t i,
                                                   uint32_t p)
{
    const struct raci_roster *r = lay->r;
    const struct raci_finding *f = &lay->fs->v[i];
    struct raci_xlsx_layout_target t = {RACI_XLSX_LAYOUT_NOWHERE, RACI_NONE, 0, 0, 0};
    uint32_t col;
    int task_here;

    if (p != RACI_NONE && !lay->on_sheet[p])
        return layout_place_rest(lay, f, p);
    if (p == RACI_NONE) {
        if (f->person < r->npersons)
            t = layout_roster_target(lay, f->person);
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

/* Each finding's product, and the counts by severity of each product. */
static raci_error layout_tally(struct raci_xlsx_layout *lay)
{
    const struct raci_roster *r = lay->r;
    const struct raci_findings *fs = lay->fs;
    size_t np = r->nproducts;

    lay->finding_product = malloc((fs->n ? fs->n : 1) * sizeof(*lay->finding_product));
    if (!lay->finding_product)
        return RACI_ERROR_NOMEM;
    for (size_t i = 0; i < fs->n; i++) {
        const struct raci_finding *f = &fs->v[i];
        uint32_t p = f->product;
        if (p >= np && f->task < r->ntasks)
            p = r->tasks[f->task].product;
        if (p >= np)
            p = RACI_NONE;
        lay->finding_product[i] = p;
        lay->counts[p == RACI_NONE ? np : p].findings[raci_xlsx_layout_severity(f->severity)]++;
        lay->counts[np + 1].findings[raci_xlsx_layout_severity(f->severity)]++;
    }
    return RACI_OK;
}

/* Each finding's cell; the marks of each product sheet, and of Other
 * products, in the order their cells are written. */
static raci_error layout_findings(struct raci_xlsx_layout *lay)
{
    const struct raci_findings *fs = lay->fs;
    size_t np = lay->r->nproducts, n = fs->n ? fs->n : 1;
    uint32_t *fill;

    lay->targets = calloc(n, sizeof(*lay->targets));
    lay->marks = calloc(n, sizeof(*lay->marks));
    lay->rest_marks = calloc(n, sizeof(*lay->rest_marks));
    lay->mark_off = calloc(np + 1, sizeof(*lay->mark_off));
    fill = calloc(np ? np : 1, sizeof(*fill));
    if (!lay->targets || !lay->marks || !lay->rest_marks || !lay->mark_off || !fill) {
        free(fill);
        return RACI_ERROR_NOMEM;
    }
    for (size_t i = 0; i < fs->n; i++) {
        const struct raci_xlsx_layout_target *t = &lay->targets[i];
        lay->targets[i] = layout_place(lay, i, lay->finding_product[i]);
        if (t->sheet == RACI_XLSX_LAYOUT_PRODUCT)
            lay->mark_off[t->product + 1]++;
        else if (t->sheet == RACI_XLSX_LAYOUT_REST)
            lay->rest_marks[lay->nrest_marks++] = (struct raci_xlsx_layout_mark){
                t->part * (lay->max_rows - 1) + t->row - 1, t->col, (uint32_t)i};
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
        qsort(lay->marks + lay->mark_off[p], lay->mark_off[p + 1] - lay->mark_off[p],
              sizeof(*lay->marks), layout_mark_cmp);
    qsort(lay->rest_marks, lay->nrest_marks, sizeof(*lay->rest_marks), layout_mark_cmp);
    return RACI_OK;
}

/* Whether to write in constant_memory mode: by the rows of every sheet. */
static void layout_memory(struct raci_xlsx_layout *lay)
{
    const struct raci_roster *r = lay->r;
    size_t rows = lay->fs->n + r->npersons + lay->nrest, sheets = 1 + lay->nsheets;
    unsigned long limit =
        layout_env("RACI_XLSX_CONSTANT_ROWS", 0, ULONG_MAX, RACI_XLSX_LAYOUT_CONSTANT_ROWS);

    for (uint32_t p = 0; p < r->nproducts; p++)
        if (lay->on_sheet[p])
            rows += RACI_XLSX_LAYOUT_HEAD_ROWS + lay->counts[p].tasks;
    for (int k = 0; k < RACI_XLSX_LAYOUT_NKINDS; k++)
        sheets += lay->split[k].n;
    lay->constant_memory = rows > limit && sheets <= RACI_XLSX_LAYOUT_CONSTANT_SHEETS;
}

raci_error raci_xlsx_layout_build(struct raci_xlsx_layout *lay, const struct raci_roster *r,
                                  const struct raci_findings *fs)
{
    return raci_xlsx_layout_build_max(lay, r, fs, RACI_XLSX_LAYOUT_MAX_SHEETS);
}

raci_error raci_xlsx_layout_build_max(struct raci_xlsx_layout *lay, const struct raci_roster *r,
                                      const struct raci_findings *fs, size_t max_sheets)
{
    struct raci_xlsx_layout_counts *total;
    raci_error err;

    memset(lay, 0, sizeof(*lay));
    lay->r = r;
    lay->fs = fs ? fs : &layout_no_findings;
    lay->max_sheets = max_sheets;
    lay->max_rows = (uint32_t)layout_env("RACI_XLSX_MAX_ROWS", 2, RACI_XLSX_LAYOUT_MAX_ROWS,
                                         RACI_XLSX_LAYOUT_MAX_ROWS);
    /* Per product, then the whole roster, then the total. */
    lay->counts = calloc(r->nproducts + 2, sizeof(*lay->counts));
    if (!lay->counts)
        return RACI_ERROR_NOMEM;
    total = &lay->counts[r->nproducts + 1];
    total->people = r->npersons;
    total->tasks = r->ntasks;
    if ((err = layout_tally(lay)) || (err = layout_choose(lay)) || (err = layout_rest(lay)) ||
        (err = layout_names(lay)) || (err = layout_products(lay)) || (err = layout_findings(lay)))
        return err;
    if (r->nextra + RACI_XLSX_LAYOUT_ROSTER_COLS > RACI_XLSX_LAYOUT_MAX_COLS)
        return layout_limit(lay,
                            "%zu extra columns, more than the Roster sheet holds (at most %u "
                            "beside its own %u): keep fewer columns in the roster",
                            r->nextra,
                            (unsigned)(RACI_XLSX_LAYOUT_MAX_COLS - RACI_XLSX_LAYOUT_ROSTER_COLS),
                            (unsigned)RACI_XLSX_LAYOUT_ROSTER_COLS);
    layout_memory(lay);
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
    free(lay->on_sheet);
    free(lay->worst);
    free(lay->task_rest);
    free(lay->product_rest);
    raci_map_release(&lay->rest_people);
    free(lay->rest_marks);
    for (int k = 0; k < RACI_XLSX_LAYOUT_NKINDS; k++)
        free(lay->split[k].names);
    memset(lay, 0, sizeof(*lay));
}

/* ------------------------------------------------------------ queries -- */

const char *raci_xlsx_layout_sheet(const struct raci_xlsx_layout *lay, uint32_t p)
{
    return lay->names && p < lay->r->nproducts ? lay->names[p] : "";
}

int raci_xlsx_layout_on_sheet(const struct raci_xlsx_layout *lay, uint32_t p)
{
    return lay->on_sheet && p < lay->r->nproducts && lay->on_sheet[p];
}

const uint32_t *raci_xlsx_layout_worst(const struct raci_xlsx_layout *lay, size_t *n)
{
    *n = lay->worst ? lay->r->nproducts : 0;
    return lay->worst;
}

uint32_t raci_xlsx_layout_parts(const struct raci_xlsx_layout *lay,
                                enum raci_xlsx_layout_sheet kind)
{
    return kind >= 0 && kind < RACI_XLSX_LAYOUT_NKINDS ? lay->split[kind].n : 0;
}

const char *raci_xlsx_layout_part_sheet(const struct raci_xlsx_layout *lay,
                                        enum raci_xlsx_layout_sheet kind, uint32_t part)
{
    return part < raci_xlsx_layout_parts(lay, kind) ? lay->split[kind].names[part] : "";
}

uint32_t raci_xlsx_layout_part_rows(const struct raci_xlsx_layout *lay)
{
    return lay->max_rows - 1;
}

const char *raci_xlsx_layout_target_sheet(const struct raci_xlsx_layout *lay,
                                          const struct raci_xlsx_layout_target *t)
{
    if (t->sheet == RACI_XLSX_LAYOUT_PRODUCT)
        return raci_xlsx_layout_sheet(lay, t->product);
    return raci_xlsx_layout_part_sheet(lay, t->sheet, t->part);
}

struct raci_xlsx_layout_target raci_xlsx_layout_product_target(const struct raci_xlsx_layout *lay,
                                                               uint32_t p)
{
    struct raci_xlsx_layout_target t = {RACI_XLSX_LAYOUT_PRODUCT, p, 0, 0, 0};

    if (!lay->on_sheet || p >= lay->r->nproducts)
        return (struct raci_xlsx_layout_target){RACI_XLSX_LAYOUT_NOWHERE, RACI_NONE, 0, 0, 0};
    return lay->on_sheet[p]
               ? t
               : layout_rest_target(lay, lay->product_rest[p], RACI_XLSX_LAYOUT_REST_PRODUCT);
}

const struct raci_xlsx_layout_mark *raci_xlsx_layout_rest_marks(const struct raci_xlsx_layout *lay,
                                                                size_t *n)
{
    *n = lay->nrest_marks;
    return lay->rest_marks;
}

int raci_xlsx_layout_constant_memory(const struct raci_xlsx_layout *lay)
{
    return lay->constant_memory;
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
    return lay->max_rows > 1 ? q % (lay->max_rows - 1) + 1 : q + 1;
}

uint32_t raci_xlsx_layout_roster_part(const struct raci_xlsx_layout *lay, uint32_t q)
{
    return lay->max_rows > 1 ? q / (lay->max_rows - 1) : 0;
}

uint32_t raci_xlsx_layout_product(const struct raci_xlsx_layout *lay, size_t i)
{
    return lay->finding_product && i < lay->fs->n ? lay->finding_product[i] : RACI_NONE;
}

struct raci_xlsx_layout_target raci_xlsx_layout_target(const struct raci_xlsx_layout *lay, size_t i)
{
    static const struct raci_xlsx_layout_target layout_nowhere = {RACI_XLSX_LAYOUT_NOWHERE,
                                                                  RACI_NONE, 0, 0, 0};
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
