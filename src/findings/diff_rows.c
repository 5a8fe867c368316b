/*
 * diff_rows.c - a diff's changes as rows of (subject, kind, before, after),
 * the list that the text, markdown, JSON and workbook outputs show (diff.h).
 */
#include "raci/diff.h"

#include <stdlib.h>
#include <string.h>

#include "raci/letters.h"
#include "raci/str.h"
#include "raci/strpool.h"
#include "raci/view.h"

static const char *const row_kinds[] = {
    "product", "task",  "accountable", "responsible", "joined",  "left",
    "name",    "title", "role",        "products",    "manager", "load",
};

const char *raci_diff_rows_kind(enum raci_diff_kind k)
{
    return (size_t)k < sizeof row_kinds / sizeof row_kinds[0] ? row_kinds[k] : "";
}

/* Append a row; the strings of b and a (may be NULL: "") are copied into
 * the rows' pool. */
static raci_error rows_add(struct raci_diff_rows *rows, struct raci_diff_row row, const char *b,
                           const char *a)
{
    if (rows->n == rows->cap) {
        size_t c = rows->cap ? rows->cap * 2 : 32;
        struct raci_diff_row *v = realloc(rows->v, c * sizeof(*v));
        if (!v)
            return RACI_ERROR_NOMEM;
        rows->v = v;
        rows->cap = c;
    }
    row.before = raci_strpool_add(rows->pool, b ? b : "");
    row.after = raci_strpool_add(rows->pool, a ? a : "");
    if (!row.before || !row.after || !row.subject)
        return RACI_ERROR_NOMEM;
    rows->v[rows->n++] = row;
    return RACI_OK;
}

/* The names of those of task t holding letter on side, ", " between. */
static char *rows_holders(const struct raci_diff *d, const struct raci_diff_task *t, int side,
                          unsigned letter)
{
    struct raci_str b = RACI_STR_INIT;
    int any = 0;

    for (size_t i = t->first; i < t->first + t->nholders; i++)
        if (d->holders[i].letters[side] & letter) {
            raci_str_add(&b, any ? ", " : "");
            raci_str_add(&b, raci_diff_person_name(d, d->holders[i].person));
            any = 1;
        }
    raci_str_add(&b, "");
    return raci_str_take(&b);
}

/* Does letter move on task t? */
static int rows_moves(const struct raci_diff *d, const struct raci_diff_task *t, unsigned letter)
{
    for (size_t i = t->first; i < t->first + t->nholders; i++)
        if ((d->holders[i].letters[0] & letter) != (d->holders[i].letters[1] & letter))
            return 1;
    return 0;
}

static raci_error rows_task(struct raci_diff_rows *rows, const struct raci_diff *d, uint32_t ti)
{
    const struct raci_diff_task *t = &d->tasks[ti];
    struct raci_diff_row row = {RACI_DIFF_ROW_TASK,        t->product, ti,  RACI_NONE,
                                raci_diff_task_name(d, t), NULL,       NULL};
    static const unsigned letters[2] = {RACI_A, RACI_R};
    raci_error err = RACI_OK;

    row.subject = raci_strpool_add(rows->pool, row.subject);
    if (t->idx[0] == RACI_NONE || t->idx[1] == RACI_NONE)
        err = rows_add(rows, row, t->idx[0] != RACI_NONE ? row.subject : "",
                       t->idx[1] != RACI_NONE ? row.subject : "");
    for (int k = 0; k < 2 && !err; k++) {
        if (!rows_moves(d, t, letters[k]))
            continue;
        char *b = rows_holders(d, t, 0, letters[k]), *a = rows_holders(d, t, 1, letters[k]);
        row.kind = k == 0 ? RACI_DIFF_ROW_ACCOUNTABLE : RACI_DIFF_ROW_RESPONSIBLE;
        err = b && a ? rows_add(rows, row, b, a) : RACI_ERROR_NOMEM;
        free(b);
        free(a);
    }
    return err;
}

static raci_error rows_products(struct raci_diff_rows *rows, const struct raci_diff *d)
{
    raci_error err = RACI_OK;

    for (uint32_t p = 0; p < d->nproducts && !err; p++) {
        const struct raci_diff_product *x = &d->products[p];
        struct raci_diff_row row = {RACI_DIFF_ROW_PRODUCT,
                                    p,
                                    RACI_NONE,
                                    RACI_NONE,
                                    raci_strpool_add(rows->pool, raci_diff_product_name(d, p)),
                                    NULL,
                                    NULL};
        if (x->idx[0] == RACI_NONE || x->idx[1] == RACI_NONE)
            err = rows_add(rows, row, x->idx[0] != RACI_NONE ? row.subject : "",
                           x->idx[1] != RACI_NONE ? row.subject : "");
        for (size_t t = x->first; t < x->first + x->ntasks && !err; t++)
            if (d->tasks[t].changed)
                err = rows_task(rows, d, (uint32_t)t);
    }
    return err;
}

/* ------------------------------------------------------------ people -- */

static void rows_titles(struct raci_str *b, const struct raci_person *p)
{
    for (uint32_t i = 0; i < p->ntitles; i++) {
        raci_str_add(b, i ? ", " : "");
        raci_str_add(b, p->titles[i]);
    }
}

static void rows_roles(struct raci_str *b, const struct raci_person *p,
                       const struct raci_ruleset *rs)
{
    int any = 0;
    for (size_t i = 0; rs && i < rs->nroles && i < 64; i++)
        if (p->roles & (UINT64_C(1) << i)) {
            raci_str_add(b, any ? ", " : "");
            raci_str_add(b, rs->roles[i].name ? rs->roles[i].name : rs->roles[i].id);
            any = 1;
        }
}

static void rows_person_products(struct raci_str *b, const struct raci_roster *r, uint32_t p)
{
    size_t n;
    const uint32_t *m = raci_view_person_members(r, p, &n);
    for (size_t i = 0; i < n; i++) {
        raci_str_add(b, i ? ", " : "");
        raci_str_add(b, r->products[r->members[m[i]].product].name);
    }
}

static void rows_manager(struct raci_str *b, const struct raci_diff *d, uint32_t p, int side)
{
    const struct raci_person *x = raci_diff_side_person(d, p, side);
    if (!x)
        return;
    if (d->people[p].manager[side] != RACI_NONE)
        raci_str_add(b, raci_diff_person_name(d, d->people[p].manager[side]));
    else if (*x->manager)
        raci_str_addf(b, "'%s' (not on the roster)", x->manager);
}

/* One kind of row about person p: what side has of it, into b. */
static void rows_person_value(struct raci_str *b, const struct raci_diff *d, uint32_t p, int side,
                              enum raci_diff_kind kind, const struct raci_ruleset *rs)
{
    const struct raci_person *x = raci_diff_side_person(d, p, side);
    const uint32_t *l = d->people[p].load[side];

    raci_str_add(b, "");
    if (!x && kind != RACI_DIFF_ROW_LOAD)
        return;
    switch (kind) {
    case RACI_DIFF_ROW_JOINED:
    case RACI_DIFF_ROW_LEFT:
        rows_titles(b, x);
        raci_str_add(b, "; ");
        rows_person_products(b, d->r[side], d->people[p].idx[side]);
        if (*x->manager) {
            raci_str_add(b, "; reports to ");
            rows_manager(b, d, p, side);
        }
        break;
    case RACI_DIFF_ROW_NAME:
        raci_str_add(b, x->name);
        break;
    case RACI_DIFF_ROW_TITLE:
        rows_titles(b, x);
        break;
    case RACI_DIFF_ROW_ROLE:
        rows_roles(b, x, rs);
        break;
    case RACI_DIFF_ROW_PRODUCTS:
        rows_person_products(b, d->r[side], d->people[p].idx[side]);
        break;
    case RACI_DIFF_ROW_MANAGER:
        rows_manager(b, d, p, side);
        break;
    default:
        raci_str_addf(b, "A %u, R %u, products %u", l[RACI_DIFF_LOAD_A], l[RACI_DIFF_LOAD_R],
                      l[RACI_DIFF_LOAD_PRODUCTS]);
        break;
    }
}

static raci_error rows_person(struct raci_diff_rows *rows, const struct raci_diff *d, uint32_t p,
                              const struct raci_ruleset *rs, int load)
{
    static const struct {
        unsigned bit;
        enum raci_diff_kind kind;
    } kinds[] = {
        {RACI_DIFF_JOINED, RACI_DIFF_ROW_JOINED},   {RACI_DIFF_LEFT, RACI_DIFF_ROW_LEFT},
        {RACI_DIFF_RENAMED, RACI_DIFF_ROW_NAME},    {RACI_DIFF_TITLE, RACI_DIFF_ROW_TITLE},
        {RACI_DIFF_ROLE, RACI_DIFF_ROW_ROLE},       {RACI_DIFF_PRODUCTS, RACI_DIFF_ROW_PRODUCTS},
        {RACI_DIFF_MANAGER, RACI_DIFF_ROW_MANAGER},
    };
    struct raci_str b = RACI_STR_INIT, a = RACI_STR_INIT;
    struct raci_diff_row row = {RACI_DIFF_ROW_LOAD,
                                RACI_NONE,
                                RACI_NONE,
                                p,
                                raci_strpool_add(rows->pool, raci_diff_person_name(d, p)),
                                NULL,
                                NULL};
    raci_error err = RACI_OK;

    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0] && !err; k++) {
        if (load ? k > 0 : !(d->people[p].changes & kinds[k].bit))
            continue;
        row.kind = load ? RACI_DIFF_ROW_LOAD : kinds[k].kind;
        raci_str_reset(&b);
        raci_str_reset(&a);
        rows_person_value(&b, d, p, 0, row.kind, rs);
        rows_person_value(&a, d, p, 1, row.kind, rs);
        err = b.failed || a.failed ? RACI_ERROR_NOMEM
                                   : rows_add(rows, row, raci_str_cstr(&b), raci_str_cstr(&a));
    }
    raci_str_release(&b);
    raci_str_release(&a);
    return err;
}

raci_error raci_diff_rows_build(struct raci_diff_rows *rows, const struct raci_diff *d,
                                const struct raci_ruleset *rs)
{
    raci_error err;

    memset(rows, 0, sizeof(*rows));
    if (!(rows->pool = raci_strpool_new()))
        return RACI_ERROR_NOMEM;
    err = rows_products(rows, d);
    for (uint32_t p = 0; p < d->npeople && !err; p++)
        err = rows_person(rows, d, p, rs, 0);
    for (uint32_t p = 0; p < d->npeople && !err; p++)
        if (d->people[p].changes & RACI_DIFF_LOAD)
            err = rows_person(rows, d, p, rs, 1);
    if (err)
        raci_diff_rows_release(rows);
    return err;
}

void raci_diff_rows_release(struct raci_diff_rows *rows)
{
    free(rows->v);
    raci_strpool_free(rows->pool);
    memset(rows, 0, sizeof(*rows));
}
