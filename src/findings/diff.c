/*
 * diff.c - two audited rosters compared: people, products, tasks, their A's
 * and R's, and the findings (diff.h). The shape of each side is
 * diff_shape.c's.
 */
#include "raci/diff.h"

#include <stdlib.h>
#include <string.h>

#include "raci/letters.h"
#include "raci/map.h"
#include "raci/strpool.h"
#include "raci/view.h"

#define AR_MASK (RACI_A | RACI_R)

/* What the comparison keeps besides d: the keys' strings, and each roster's
 * index -> the diff's, by side. */
struct diff_priv {
    struct raci_strpool *pool;
    uint32_t *person[2], *product[2], *task[2];
};

static uint32_t *diff_none_array(size_t n)
{
    uint32_t *v = malloc((n ? n : 1) * sizeof(*v));
    for (size_t i = 0; v && i < n; i++)
        v[i] = RACI_NONE;
    return v;
}

static int diff_grow(void **v, size_t *cap, size_t n, size_t size)
{
    if (n < *cap)
        return 0;
    size_t c = *cap ? *cap * 2 : 16;
    void *nv = realloc(*v, c * size);
    if (!nv)
        return -1;
    *v = nv;
    *cap = c;
    return 0;
}

/* ------------------------------------------------------------ people -- */

static raci_error diff_add_person(struct raci_diff *d, struct diff_priv *pv, size_t *cap,
                                  uint32_t before, uint32_t after)
{
    const struct raci_roster *r = after != RACI_NONE ? d->r[1] : d->r[0];
    uint32_t i = after != RACI_NONE ? after : before;
    struct raci_diff_person *p;

    if (diff_grow((void **)&d->people, cap, d->npeople, sizeof(*d->people)))
        return RACI_ERROR_NOMEM;
    p = &d->people[d->npeople];
    memset(p, 0, sizeof(*p));
    p->idx[0] = before;
    p->idx[1] = after;
    p->manager[0] = p->manager[1] = RACI_NONE;
    if (!(p->key = raci_strpool_key(pv->pool, r->persons[i].name)))
        return RACI_ERROR_NOMEM;
    if (before != RACI_NONE)
        pv->person[0][before] = (uint32_t)d->npeople;
    if (after != RACI_NONE)
        pv->person[1][after] = (uint32_t)d->npeople;
    d->npeople++;
    return RACI_OK;
}

/* Pass 1: the people with the same id on both sides. */
static raci_error diff_match_ids(struct raci_diff *d, struct diff_priv *pv, size_t *cap)
{
    const struct raci_roster *b = d->r[0], *a = d->r[1];
    struct raci_map byid = {0};
    raci_error err = RACI_OK;

    for (uint32_t i = 0; i < b->npersons && !err; i++) {
        const char *k = *b->persons[i].id ? raci_strpool_add(pv->pool, b->persons[i].id) : NULL;
        if (*b->persons[i].id && !k)
            err = RACI_ERROR_NOMEM;
        else if (k && raci_map_get(&byid, (uintptr_t)k, 0) == RACI_MAP_NONE)
            err = raci_map_put(&byid, (uintptr_t)k, 0, i);
    }
    for (uint32_t j = 0; j < a->npersons && !err; j++) {
        if (!*a->persons[j].id)
            continue;
        const char *k = raci_strpool_add(pv->pool, a->persons[j].id);
        uint32_t i = k ? raci_map_get(&byid, (uintptr_t)k, 0) : RACI_MAP_NONE;
        if (!k)
            err = RACI_ERROR_NOMEM;
        else if (i != RACI_MAP_NONE && pv->person[0][i] == RACI_NONE)
            err = diff_add_person(d, pv, cap, i, j);
    }
    raci_map_release(&byid);
    return err;
}

/* Pass 2: the nth person of a name not matched yet on one side with the
 * nth on the other, unless both have an id (then the ids say they are two
 * people). */
static raci_error diff_match_names(struct raci_diff *d, struct diff_priv *pv, size_t *cap)
{
    const struct raci_roster *b = d->r[0], *a = d->r[1];
    struct raci_map count = {0}, byname = {0}, cursor = {0};
    raci_error err = RACI_OK;

    for (uint32_t i = 0; i < b->npersons && !err; i++) {
        if (pv->person[0][i] != RACI_NONE)
            continue;
        const char *k = raci_strpool_key(pv->pool, b->persons[i].name);
        uint32_t n = k ? raci_map_get(&count, (uintptr_t)k, 0) : 0;
        n = n == RACI_MAP_NONE ? 0 : n;
        if (!k || raci_map_put(&byname, (uintptr_t)k, n, i) ||
            raci_map_put(&count, (uintptr_t)k, 0, n + 1))
            err = RACI_ERROR_NOMEM;
    }
    for (uint32_t j = 0; j < a->npersons && !err; j++) {
        if (pv->person[1][j] != RACI_NONE)
            continue;
        const char *k = raci_strpool_key(pv->pool, a->persons[j].name);
        uint32_t c = k ? raci_map_get(&cursor, (uintptr_t)k, 0) : 0, i;
        c = c == RACI_MAP_NONE ? 0 : c;
        if (!k || raci_map_put(&cursor, (uintptr_t)k, 0, c + 1)) {
            err = RACI_ERROR_NOMEM;
            break;
        }
        i = raci_map_get(&byname, (uintptr_t)k, c);
        if (i != RACI_MAP_NONE && !(*b->persons[i].id && *a->persons[j].id))
            err = diff_add_person(d, pv, cap, i, j);
    }
    raci_map_release(&count);
    raci_map_release(&byname);
    raci_map_release(&cursor);
    return err;
}

static int diff_cmp_people(const void *x, const void *y)
{
    const struct raci_diff_person *a = x, *b = y;
    int c = strcmp(a->key, b->key);
    if (c)
        return c;
    /* Two people of one name: the one on both sides, then before's order. */
    for (int s = 0; s < 2; s++)
        if (a->idx[s] != b->idx[s])
            return a->idx[s] < b->idx[s] ? -1 : 1;
    return 0;
}

static raci_error diff_people(struct raci_diff *d, struct diff_priv *pv)
{
    size_t cap = 0;
    raci_error err;

    for (int s = 0; s < 2; s++)
        if (!(pv->person[s] = diff_none_array(d->r[s]->npersons)))
            return RACI_ERROR_NOMEM;
    if ((err = diff_match_ids(d, pv, &cap)) || (err = diff_match_names(d, pv, &cap)))
        return err;
    for (uint32_t j = 0; j < d->r[1]->npersons && !err; j++)
        if (pv->person[1][j] == RACI_NONE)
            err = diff_add_person(d, pv, &cap, RACI_NONE, j);
    for (uint32_t i = 0; i < d->r[0]->npersons && !err; i++)
        if (pv->person[0][i] == RACI_NONE)
            err = diff_add_person(d, pv, &cap, i, RACI_NONE);
    if (err)
        return err;
    if (d->npeople)
        qsort(d->people, d->npeople, sizeof(*d->people), diff_cmp_people);
    for (uint32_t k = 0; k < d->npeople; k++)
        for (int s = 0; s < 2; s++)
            if (d->people[k].idx[s] != RACI_NONE)
                pv->person[s][d->people[k].idx[s]] = k;
    return RACI_OK;
}

/* ---------------------------------------------------- products, tasks -- */

static int diff_cmp_products(const void *x, const void *y)
{
    const struct raci_diff_product *a = x, *b = y;
    return strcmp(a->key, b->key);
}

/* Is the one product of r the one its roster (the last file added: a
 * --people roster comes first) is read as when it has no product column
 * (shape.c): the file's name without directory and extension, or "roster"
 * for standard input? */
static int diff_file_product(const struct raci_roster *r)
{
    const char *file, *base, *dot, *name;
    size_t n;

    if (r->nproducts != 1 || !r->nfiles || !r->files[r->nfiles - 1])
        return 0;
    file = r->files[r->nfiles - 1];
    name = r->products[0].name;
    base = strrchr(file, '/');
    base = base ? base + 1 : file;
    if (*base == '<')
        return strcmp(name, "roster") == 0;
    dot = strrchr(base, '.');
    n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
    return strlen(name) == n && strncmp(name, base, n) == 0;
}

static raci_error diff_products(struct raci_diff *d, struct diff_priv *pv)
{
    struct raci_map by = {0};
    size_t cap = 0;
    raci_error err = RACI_OK;
    /* Two rosters with no product column, each read as a product named
     * after its file (team.csv, base.csv): one product, not a rename. */
    const char *one =
        diff_file_product(d->r[0]) && diff_file_product(d->r[1]) ? d->r[1]->products[0].name : NULL;

    for (int s = 0; s < 2 && !err; s++) {
        const struct raci_roster *r = d->r[s];
        if (!(pv->product[s] = diff_none_array(r->nproducts)))
            err = RACI_ERROR_NOMEM;
        for (uint32_t p = 0; p < r->nproducts && !err; p++) {
            const char *k = raci_strpool_key(pv->pool, one ? one : r->products[p].name);
            uint32_t slot = k ? raci_map_get(&by, (uintptr_t)k, 0) : RACI_MAP_NONE;
            if (!k) {
                err = RACI_ERROR_NOMEM;
            } else if (slot == RACI_MAP_NONE) {
                if (diff_grow((void **)&d->products, &cap, d->nproducts, sizeof(*d->products)) ||
                    raci_map_put(&by, (uintptr_t)k, 0, (uint32_t)d->nproducts)) {
                    err = RACI_ERROR_NOMEM;
                    break;
                }
                slot = (uint32_t)d->nproducts++;
                memset(&d->products[slot], 0, sizeof(d->products[slot]));
                d->products[slot].idx[0] = d->products[slot].idx[1] = RACI_NONE;
                d->products[slot].key = k;
            }
            if (!err)
                d->products[slot].idx[s] = p;
        }
    }
    raci_map_release(&by);
    if (err)
        return err;
    if (d->nproducts)
        qsort(d->products, d->nproducts, sizeof(*d->products), diff_cmp_products);
    for (uint32_t k = 0; k < d->nproducts; k++)
        for (int s = 0; s < 2; s++)
            if (d->products[k].idx[s] != RACI_NONE)
                pv->product[s][d->products[k].idx[s]] = k;
    return RACI_OK;
}

static int diff_cmp_tasks(const void *x, const void *y)
{
    const struct raci_diff_task *a = x, *b = y;
    if (a->product != b->product)
        return a->product < b->product ? -1 : 1;
    return strcmp(a->key, b->key);
}

static raci_error diff_task_side(struct raci_diff *d, struct diff_priv *pv, struct raci_map *by,
                                 size_t *cap, int s)
{
    const struct raci_roster *r = d->r[s];

    if (!(pv->task[s] = diff_none_array(r->ntasks)))
        return RACI_ERROR_NOMEM;
    for (uint32_t t = 0; t < r->ntasks; t++) {
        uint32_t prod = pv->product[s][r->tasks[t].product];
        const char *k = raci_strpool_key(pv->pool, r->tasks[t].name);
        uint32_t slot = k ? raci_map_get(by, (uintptr_t)k, prod) : RACI_MAP_NONE;
        if (!k)
            return RACI_ERROR_NOMEM;
        if (slot == RACI_MAP_NONE) {
            if (diff_grow((void **)&d->tasks, cap, d->ntasks, sizeof(*d->tasks)) ||
                raci_map_put(by, (uintptr_t)k, prod, (uint32_t)d->ntasks))
                return RACI_ERROR_NOMEM;
            slot = (uint32_t)d->ntasks++;
            memset(&d->tasks[slot], 0, sizeof(d->tasks[slot]));
            d->tasks[slot].idx[0] = d->tasks[slot].idx[1] = RACI_NONE;
            d->tasks[slot].key = k;
            d->tasks[slot].product = prod;
        }
        d->tasks[slot].idx[s] = t;
    }
    return RACI_OK;
}

static raci_error diff_tasks(struct raci_diff *d, struct diff_priv *pv)
{
    struct raci_map by = {0};
    size_t cap = 0;
    raci_error err = diff_task_side(d, pv, &by, &cap, 0);

    if (!err)
        err = diff_task_side(d, pv, &by, &cap, 1);
    raci_map_release(&by);
    if (err)
        return err;
    if (d->ntasks)
        qsort(d->tasks, d->ntasks, sizeof(*d->tasks), diff_cmp_tasks);
    for (uint32_t k = 0; k < d->ntasks; k++) {
        struct raci_diff_product *p = &d->products[d->tasks[k].product];
        if (!p->ntasks)
            p->first = k;
        p->ntasks++;
        for (int s = 0; s < 2; s++)
            if (d->tasks[k].idx[s] != RACI_NONE)
                pv->task[s][d->tasks[k].idx[s]] = k;
    }
    return RACI_OK;
}

/* ----------------------------------------------------------- holders -- */

static int diff_cmp_holders(const void *x, const void *y)
{
    const struct raci_diff_holder *a = x, *b = y;
    if (a->task != b->task)
        return a->task < b->task ? -1 : 1;
    return a->person < b->person ? -1 : a->person > b->person;
}

static raci_error diff_holder_side(struct raci_diff *d, struct diff_priv *pv, struct raci_map *by,
                                   size_t *cap, int s)
{
    const struct raci_roster *r = d->r[s];

    for (uint32_t t = 0; t < r->ntasks; t++) {
        size_t n;
        const struct raci_pair *pairs = raci_view_task_pairs(r, t, &n);
        uint32_t ts = pv->task[s][t];
        for (size_t i = 0; i < n; i++) {
            unsigned l = pairs[i].letters & AR_MASK;
            uint32_t ps = pv->person[s][pairs[i].person], h;
            if (!l)
                continue;
            if ((h = raci_map_get(by, ts, ps)) == RACI_MAP_NONE) {
                if (diff_grow((void **)&d->holders, cap, d->nholders, sizeof(*d->holders)) ||
                    raci_map_put(by, ts, ps, (uint32_t)d->nholders))
                    return RACI_ERROR_NOMEM;
                h = (uint32_t)d->nholders++;
                d->holders[h] = (struct raci_diff_holder){ts, ps, {0, 0}};
            }
            d->holders[h].letters[s] |= l;
        }
    }
    return RACI_OK;
}

static unsigned diff_bits(unsigned x)
{
    unsigned n = 0;
    for (; x; x &= x - 1)
        n++;
    return n;
}

static raci_error diff_holders(struct raci_diff *d, struct diff_priv *pv)
{
    struct raci_map by = {0};
    size_t cap = 0;
    raci_error err = diff_holder_side(d, pv, &by, &cap, 0);

    if (!err)
        err = diff_holder_side(d, pv, &by, &cap, 1);
    raci_map_release(&by);
    if (err)
        return err;
    if (d->nholders)
        qsort(d->holders, d->nholders, sizeof(*d->holders), diff_cmp_holders);
    for (size_t k = 0; k < d->nholders; k++) {
        struct raci_diff_holder *h = &d->holders[k];
        struct raci_diff_task *t = &d->tasks[h->task];
        if (!t->nholders)
            t->first = k;
        t->nholders++;
        t->changed |= h->letters[0] != h->letters[1];
        d->ar[0] += diff_bits(h->letters[0]);
        d->ar[1] += diff_bits(h->letters[1]);
        d->ar_added += diff_bits(h->letters[1] & ~h->letters[0]);
        d->ar_removed += diff_bits(h->letters[0] & ~h->letters[1]);
    }
    for (size_t k = 0; k < d->ntasks; k++) {
        struct raci_diff_task *t = &d->tasks[k];
        t->changed |= t->idx[0] == RACI_NONE || t->idx[1] == RACI_NONE;
        d->products[t->product].nchanged += t->changed != 0;
    }
    return RACI_OK;
}

/* -------------------------------------------------- what people change -- */

static int diff_cmp_u32(const void *x, const void *y)
{
    uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
    return a < b ? -1 : a > b;
}

/* Are the products of person p of the diff (by the diff's products) other
 * after than before? -1 when out of memory. */
static int diff_products_differ(const struct raci_diff *d, const struct diff_priv *pv,
                                const struct raci_diff_person *p)
{
    size_t n[2];
    const uint32_t *m[2];
    uint32_t *v[2];
    int differ = 0;

    for (int s = 0; s < 2; s++)
        m[s] = raci_view_person_members(d->r[s], p->idx[s], &n[s]);
    if (n[0] != n[1])
        return 1;
    if (!(v[0] = malloc((2 * n[0] + 1) * sizeof(uint32_t))))
        return -1;
    v[1] = v[0] + n[0];
    for (int s = 0; s < 2; s++) {
        for (size_t i = 0; i < n[s]; i++)
            v[s][i] = pv->product[s][d->r[s]->members[m[s][i]].product];
        qsort(v[s], n[s], sizeof(uint32_t), diff_cmp_u32);
    }
    differ = n[0] && memcmp(v[0], v[1], n[0] * sizeof(uint32_t)) != 0;
    free(v[0]);
    return differ;
}

/* Each person's manager (a person of the diff), load, and changes. */
static raci_error diff_changes(struct raci_diff *d, struct diff_priv *pv)
{
    for (size_t k = 0; k < d->npeople; k++) {
        struct raci_diff_person *p = &d->people[k];
        const struct raci_person *ps[2] = {raci_diff_side_person(d, (uint32_t)k, 0),
                                           raci_diff_side_person(d, (uint32_t)k, 1)};
        for (int s = 0; s < 2; s++) {
            size_t n = 0;
            if (!ps[s])
                continue;
            const uint32_t *c = raci_view_counts(d->r[s], p->idx[s]);
            raci_view_person_members(d->r[s], p->idx[s], &n);
            p->load[s][RACI_DIFF_LOAD_A] = c[1];
            p->load[s][RACI_DIFF_LOAD_R] = c[0];
            p->load[s][RACI_DIFF_LOAD_PRODUCTS] = (uint32_t)n;
            if (ps[s]->manager_idx != RACI_NONE && ps[s]->manager_idx != p->idx[s])
                p->manager[s] = pv->person[s][ps[s]->manager_idx];
        }
        if (memcmp(p->load[0], p->load[1], sizeof(p->load[0])) != 0)
            p->changes |= RACI_DIFF_LOAD;
        if (!ps[0] || !ps[1]) {
            p->changes |= ps[0] ? RACI_DIFF_LEFT : RACI_DIFF_JOINED;
            continue;
        }
        int t = raci_diff_people_titles_differ(pv->pool, ps[0], ps[1]),
            pr = diff_products_differ(d, pv, p);
        if (t < 0 || pr < 0)
            return RACI_ERROR_NOMEM;
        p->changes |= (strcmp(ps[0]->name, ps[1]->name) ? RACI_DIFF_RENAMED : 0u) |
                      (t ? RACI_DIFF_TITLE : 0u) | (pr ? RACI_DIFF_PRODUCTS : 0u) |
                      (ps[0]->roles != ps[1]->roles ? RACI_DIFF_ROLE : 0u);
        if (p->manager[0] != p->manager[1] ||
            (p->manager[0] == RACI_NONE && raci_strpool_key(pv->pool, ps[0]->manager) !=
                                               raci_strpool_key(pv->pool, ps[1]->manager)))
            p->changes |= RACI_DIFF_MANAGER;
    }
    return RACI_OK;
}

/* ------------------------------------------------------------ public -- */

raci_error raci_diff_compute(struct raci_diff *d, const struct raci_roster *before,
                             const struct raci_findings *fb, const struct raci_roster *after,
                             const struct raci_findings *fa, const struct raci_ruleset *rs)
{
    struct diff_priv *pv = calloc(1, sizeof(*pv));
    raci_error err = RACI_ERROR_NOMEM;

    memset(d, 0, sizeof(*d));
    d->r[0] = before;
    d->r[1] = after;
    d->priv = pv;
    if (pv && (pv->pool = raci_strpool_new()) && !(err = diff_people(d, pv)) &&
        !(err = diff_products(d, pv)) && !(err = diff_tasks(d, pv)) &&
        !(err = diff_holders(d, pv)) && !(err = diff_changes(d, pv)) &&
        !(err = raci_diff_findings_compare(d, fb, fa)) &&
        !(err = raci_diff_shape_compute(&d->shape[0], before, rs)))
        err = raci_diff_shape_compute(&d->shape[1], after, rs);
    if (err)
        raci_diff_release(d);
    return err;
}

double raci_diff_churn(const struct raci_diff *d)
{
    size_t total = d->ar[0] > d->ar[1] ? d->ar[0] : d->ar[1];
    return total ? 100.0 * (double)(d->ar_added + d->ar_removed) / (double)total : 0.0;
}

int raci_diff_changed(const struct raci_diff *d)
{
    for (size_t i = 0; i < d->npeople; i++)
        if (d->people[i].changes)
            return 1;
    for (size_t i = 0; i < d->nproducts; i++)
        if (d->products[i].nchanged || d->products[i].idx[0] == RACI_NONE ||
            d->products[i].idx[1] == RACI_NONE)
            return 1;
    return 0;
}

uint32_t raci_diff_person_of(const struct raci_diff *d, int side, uint32_t i)
{
    const struct diff_priv *pv = d->priv;
    if (!pv || !pv->person[side] || i >= d->r[side]->npersons)
        return RACI_NONE;
    return pv->person[side][i];
}

const struct raci_person *raci_diff_side_person(const struct raci_diff *d, uint32_t p, int side)
{
    if (p >= d->npeople || d->people[p].idx[side] == RACI_NONE)
        return NULL;
    return &d->r[side]->persons[d->people[p].idx[side]];
}

const char *raci_diff_person_name(const struct raci_diff *d, uint32_t p)
{
    const struct raci_person *x = raci_diff_side_person(d, p, 1);
    if (!x)
        x = raci_diff_side_person(d, p, 0);
    return x ? x->name : "";
}

const char *raci_diff_product_name(const struct raci_diff *d, uint32_t p)
{
    const struct raci_diff_product *x = &d->products[p];
    if (x->idx[1] != RACI_NONE)
        return d->r[1]->products[x->idx[1]].name;
    return d->r[0]->products[x->idx[0]].name;
}

const char *raci_diff_task_name(const struct raci_diff *d, const struct raci_diff_task *t)
{
    if (t->idx[1] != RACI_NONE)
        return d->r[1]->tasks[t->idx[1]].name;
    return d->r[0]->tasks[t->idx[0]].name;
}

void raci_diff_release(struct raci_diff *d)
{
    struct diff_priv *pv = d->priv;

    if (pv) {
        for (int s = 0; s < 2; s++) {
            free(pv->person[s]);
            free(pv->product[s]);
            free(pv->task[s]);
        }
        raci_strpool_free(pv->pool);
        free(pv);
    }
    free(d->people);
    free(d->products);
    free(d->tasks);
    free(d->holders);
    raci_selection_release(&d->added);
    raci_selection_release(&d->resolved);
    memset(d, 0, sizeof(*d));
}
