/*
 * view.c - the roster's views, built by counting sorts: each list is one
 * pass to count, one to place, so building every view is linear in the
 * roster, and each list keeps roster order because placing is stable.
 */
#include "raci/view.h"

#include <stdlib.h>
#include <string.h>

#include "raci/array.h"
#include "raci/letters.h"
#include "raci/roster.h"

static const uint32_t no_counts[4];

/* A grouping of n items by key (key(ctx, i) < nkeys, or UINT32_MAX to leave
 * item i out): *off gets nkeys + 1 offsets, *items the items grouped by key,
 * each group in increasing order. */
typedef uint32_t (*key_fn)(const struct raci_roster *r, size_t i);

static raci_error group(const struct raci_roster *r, size_t n, size_t nkeys, key_fn key,
                        uint32_t **off, uint32_t **items)
{
    uint32_t *fill;

    *off = calloc(nkeys + 1, sizeof(**off));
    *items = malloc((n ? n : 1) * sizeof(**items));
    fill = calloc(nkeys ? nkeys : 1, sizeof(*fill));
    if (!*off || !*items || !fill) {
        free(fill);
        return RACI_ERROR_NOMEM;
    }
    for (size_t i = 0; i < n; i++) {
        uint32_t k = key(r, i);
        if (k < nkeys)
            (*off)[k + 1]++;
    }
    for (size_t k = 0; k < nkeys; k++)
        (*off)[k + 1] += (*off)[k];
    for (size_t i = 0; i < n; i++) {
        uint32_t k = key(r, i);
        if (k < nkeys)
            (*items)[(*off)[k] + fill[k]++] = (uint32_t)i;
    }
    free(fill);
    return RACI_OK;
}

static uint32_t member_product(const struct raci_roster *r, size_t i)
{
    return r->members[i].product < r->nproducts ? r->members[i].product : UINT32_MAX;
}

static uint32_t member_person(const struct raci_roster *r, size_t i)
{
    return r->members[i].person < r->npersons ? r->members[i].person : UINT32_MAX;
}

static uint32_t assign_task(const struct raci_roster *r, size_t i)
{
    const struct raci_assign *a = &r->assigns[i];
    return a->task < r->ntasks && a->person < r->npersons ? a->task : UINT32_MAX;
}

static uint32_t task_product(const struct raci_roster *r, size_t i)
{
    return r->tasks[i].product < r->nproducts ? r->tasks[i].product : UINT32_MAX;
}

/* Members by (product, role): a member counts once for each role its person
 * holds. */
static raci_error group_roles(struct raci_roster *r)
{
    struct raci_view *v = &r->view;
    size_t nroles = v->nroles, nkeys = r->nproducts * nroles, total = 0;
    uint32_t *fill;

    v->role_member_off = calloc(nkeys + 1, sizeof(*v->role_member_off));
    if (!v->role_member_off)
        return RACI_ERROR_NOMEM;
    for (size_t m = 0; m < r->nmembers; m++)
        for (size_t k = 0; k < nroles; k++)
            if (r->persons[r->members[m].person].roles & ((uint64_t)1 << k)) {
                v->role_member_off[r->members[m].product * nroles + k + 1]++;
                total++;
            }
    for (size_t k = 0; k < nkeys; k++)
        v->role_member_off[k + 1] += v->role_member_off[k];
    v->role_member = malloc((total ? total : 1) * sizeof(*v->role_member));
    fill = calloc(nkeys ? nkeys : 1, sizeof(*fill));
    if (!v->role_member || !fill) {
        free(fill);
        return RACI_ERROR_NOMEM;
    }
    for (size_t m = 0; m < r->nmembers; m++)
        for (size_t k = 0; k < nroles; k++)
            if (r->persons[r->members[m].person].roles & ((uint64_t)1 << k)) {
                size_t key = r->members[m].product * nroles + k;
                v->role_member[v->role_member_off[key] + fill[key]++] = (uint32_t)m;
            }
    free(fill);
    return RACI_OK;
}

/* Person i's manager, when it is someone else on the roster. */
static uint32_t person_manager(const struct raci_roster *r, size_t i)
{
    uint32_t m = r->persons[i].manager_idx;
    return m < r->npersons && m != i ? m : UINT32_MAX;
}

/*
 * Layers and loops. Each person is walked once, up to someone already done
 * (or the top), on a stack, not by recursion; a walk that meets its own
 * path has closed a loop, marked once. state: 0 unvisited, 1 on the
 * current path, 2 done.
 */
static raci_error build_layers(struct raci_roster *r)
{
    struct raci_view *v = &r->view;
    size_t np = r->npersons ? r->npersons : 1;
    uint32_t *stack = malloc(np * sizeof(*stack));
    uint8_t *state = calloc(np, 1);
    raci_error err;

    v->layer = calloc(np, sizeof(*v->layer));
    v->in_loop = calloc(np, 1);
    err = stack && state && v->layer && v->in_loop ? RACI_OK : RACI_ERROR_NOMEM;
    for (uint32_t i = 0; !err && i < r->npersons; i++) {
        size_t n = 0;
        uint32_t p = i, above = 0;
        while (p != UINT32_MAX && !state[p]) {
            state[p] = 1;
            stack[n++] = p;
            p = person_manager(r, p);
        }
        int loop = p != UINT32_MAX && state[p] == 1;
        for (uint32_t q = p; loop && !v->in_loop[q]; q = person_manager(r, q))
            v->in_loop[q] = 1;
        if (p != UINT32_MAX && !loop)
            above = v->layer[p], loop = !above;
        while (n) {
            uint32_t q = stack[--n];
            v->layer[q] = loop ? 0 : ++above;
            state[q] = 2;
        }
    }
    free(stack);
    free(state);
    return err;
}

raci_error raci_view_build_members(struct raci_roster *r)
{
    struct raci_view *v = &r->view;
    raci_error err;

    v->nroles = r->rs ? r->rs->nroles : 0;
    if (v->nroles > 64)
        v->nroles = 64;
    if ((err = group(r, r->nmembers, r->nproducts, member_product, &v->prod_member_off,
                     &v->prod_member)) ||
        (err = group(r, r->nmembers, r->npersons, member_person, &v->person_member_off,
                     &v->person_member)) ||
        (err = group_roles(r)) ||
        (err = group(r, r->npersons, r->npersons, person_manager, &v->report_off, &v->report)) ||
        (err = build_layers(r)))
        return err;
    v->members_built = 1;
    return RACI_OK;
}

/* The pairs of task t from its assignments: one per person, in the order
 * of their first row. slot[person] is the pair a person has on the task
 * being built, valid when stamp[person] == t + 1. */
static raci_error build_task_pairs(struct raci_roster *r, uint32_t t, uint32_t *stamp,
                                   uint32_t *slot, size_t *npairs, uint8_t *firm)
{
    struct raci_view *v = &r->view;

    for (uint32_t k = v->task_assign_off[t]; k < v->task_assign_off[t + 1]; k++) {
        uint32_t ai = v->task_assign[k];
        const struct raci_assign *a = &r->assigns[ai];
        struct raci_pair *p;

        if (stamp[a->person] != t + 1) {
            stamp[a->person] = t + 1;
            slot[a->person] = (uint32_t)*npairs;
            p = &v->pairs[(*npairs)++];
            memset(p, 0, sizeof(*p));
            p->person = a->person;
            p->first = ai;
            p->flags = RACI_PAIR_GENERATED;
            firm[slot[a->person]] = 0;
            for (int b = 0; b < 4; b++)
                p->first_of[b] = UINT32_MAX;
        }
        p = &v->pairs[slot[a->person]];
        if (!(a->flags & RACI_ASSIGN_GENERATED))
            p->flags &= ~(unsigned)RACI_PAIR_GENERATED;
        if (a->flags & RACI_ASSIGN_UNKNOWN) {
            if (!p->raw && a->raw && *a->raw)
                p->raw = a->raw;
            continue;
        }
        p->letters |= a->letters;
        p->conditional |= a->letters & a->conditional;
        firm[slot[a->person]] |= a->letters & ~a->conditional;
        for (int b = 0; b < 4; b++)
            if ((a->letters & (1u << b)) && p->first_of[b] == UINT32_MAX)
                p->first_of[b] = ai;
    }
    return RACI_OK;
}

/* Are task t's pairs looked up by person, in one table sized once (a task
 * of a few people is searched in its pairs, raci_view_pair)? */
static int pairs_indexed(const struct raci_view *v, uint32_t t)
{
    return v->task_pair_off[t + 1] - v->task_pair_off[t] > RACI_VIEW_PAIR_SCAN;
}
static raci_error index_pairs(struct raci_roster *r)
{
    struct raci_view *v = &r->view;
    const uint32_t *off = v->task_pair_off;
    size_t n = 0;
    raci_error err = RACI_OK;

    for (uint32_t t = 0; t < r->ntasks; t++)
        n += pairs_indexed(v, t) ? off[t + 1] - off[t] : 0;
    if (n)
        err = raci_map_reserve(&v->pair_index, n);
    for (uint32_t t = 0; n && t < r->ntasks && !err; t++)
        for (uint32_t i = off[t]; pairs_indexed(v, t) && i < off[t + 1] && !err; i++)
            err = raci_map_put(&v->pair_index, t, v->pairs[i].person, i);
    return err;
}

static raci_error build_pairs(struct raci_roster *r)
{
    struct raci_view *v = &r->view;
    size_t npairs = 0, n = r->nassigns ? r->nassigns : 1;
    struct raci_pair *fit;
    uint32_t *stamp = calloc(r->npersons ? r->npersons : 1, sizeof(*stamp));
    uint32_t *slot = malloc((r->npersons ? r->npersons : 1) * sizeof(*slot));
    uint8_t *firm = malloc(n * sizeof(*firm));
    raci_error err = RACI_OK;

    v->pairs = malloc(n * sizeof(*v->pairs));
    v->task_pair_off = calloc(r->ntasks + 1, sizeof(*v->task_pair_off));
    v->counts = calloc(r->npersons ? r->npersons : 1, sizeof(*v->counts));
    if (!stamp || !slot || !firm || !v->pairs || !v->task_pair_off || !v->counts)
        err = RACI_ERROR_NOMEM;
    for (uint32_t t = 0; t < r->ntasks && !err; t++) {
        size_t start = npairs;
        err = build_task_pairs(r, t, stamp, slot, &npairs, firm);
        v->task_pair_off[t + 1] = (uint32_t)npairs;
        /* A letter is conditional only when no row gives it firmly. */
        for (size_t i = start; i < npairs && !err; i++) {
            struct raci_pair *p = &v->pairs[i];
            p->conditional &= ~firm[i];
            for (int b = 0; b < 4; b++)
                if (p->letters & (1u << b))
                    v->counts[p->person][b]++;
        }
    }
    free(stamp);
    free(slot);
    free(firm);
    if (!err)
        err = index_pairs(r);
    /* Room was made for a pair per assignment; the rest is given back. */
    if (!err && npairs && npairs < n && (fit = realloc(v->pairs, npairs * sizeof(*fit))))
        v->pairs = fit;
    return err;
}

static uint32_t assign_product(const struct raci_roster *r, size_t i)
{
    return assign_task(r, i) != UINT32_MAX ? task_product(r, r->assigns[i].task) : UINT32_MAX;
}

/* The people of each product: its team, then whoever else has a row on
 * one of its tasks, in the order of their first such row. */
static raci_error build_people(struct raci_roster *r)
{
    struct raci_view *v = &r->view;
    uint32_t *aoff = NULL, *assigns = NULL, *fit;
    uint32_t *stamp = calloc(r->npersons ? r->npersons : 1, sizeof(*stamp));
    size_t total = 0;
    raci_error err = RACI_ERROR_NOMEM;

    v->prod_people_off = calloc(r->nproducts + 1, sizeof(*v->prod_people_off));
    v->prod_people = malloc((r->nmembers + r->nassigns + 1) * sizeof(*v->prod_people));
    if (!stamp || !v->prod_people_off || !v->prod_people ||
        group(r, r->nassigns, r->nproducts, assign_product, &aoff, &assigns))
        goto out;
    /* stamp[q] == p + 1: person q is already one of product p's people. */
    for (uint32_t p = 0; p < r->nproducts; p++) {
        for (uint32_t k = v->prod_member_off[p]; k < v->prod_member_off[p + 1]; k++) {
            uint32_t q = r->members[v->prod_member[k]].person;
            if (stamp[q] != p + 1) {
                stamp[q] = p + 1;
                v->prod_people[total++] = q;
            }
        }
        for (uint32_t k = aoff[p]; k < aoff[p + 1]; k++) {
            uint32_t q = r->assigns[assigns[k]].person;
            if (stamp[q] != p + 1) {
                stamp[q] = p + 1;
                v->prod_people[total++] = q;
            }
        }
        v->prod_people_off[p + 1] = (uint32_t)total;
    }
    /* Room was made for every member and assignment; the rest is given back. */
    if (total && (fit = realloc(v->prod_people, total * sizeof(*fit))))
        v->prod_people = fit;
    err = RACI_OK;
out:
    free(stamp);
    free(aoff);
    free(assigns);
    return err;
}

/* A person the people roster alone lists: on no team, with no letters. */
static int directory_only(const struct raci_roster *r, uint32_t i)
{
    const uint32_t *n = r->view.counts[i];
    return (r->persons[i].flags & RACI_PERSON_LISTED) &&
           r->view.person_member_off[i] == r->view.person_member_off[i + 1] &&
           !(n[0] | n[1] | n[2] | n[3]);
}

/* The holders of each unmapped title, as (group, person) pairs in roster
 * order, each person once per group (two spellings of one title are one
 * group); last[g] is the last person added to group g. */
static raci_error title_pairs(struct raci_roster *r, struct raci_map *keys, uint32_t **pairs,
                              size_t *npairs, size_t *cap)
{
    struct raci_view *v = &r->view;
    size_t capg = 0, capl = 0;
    uint32_t *last = NULL;
    raci_error err = RACI_OK;

    for (uint32_t i = 0; i < r->npersons && !err; i++) {
        const struct raci_person *p = &r->persons[i];
        for (uint32_t k = 0; !p->roles && !directory_only(r, i) && k < p->ntitles && !err; k++) {
            const char *key = raci_strpool_key(r->pool, p->titles[k]);
            uint32_t g = key ? raci_map_get(keys, (uintptr_t)key, 0) : RACI_MAP_NONE;
            err = key ? RACI_OK : RACI_ERROR_NOMEM;
            if (!err && g == RACI_MAP_NONE) {
                g = (uint32_t)v->ntitles;
                if (raci_array_grow(&v->titles, &capg, g + 1, sizeof(*v->titles)) ||
                    raci_array_grow(&last, &capl, g + 1, sizeof(*last)) ||
                    raci_map_put(keys, (uintptr_t)key, 0, g))
                    err = RACI_ERROR_NOMEM;
                else
                    v->titles[v->ntitles++] = (struct raci_title_group){p->titles[k], i, k};
            }
            if (err || last[g] == i + 1)
                continue;
            if (raci_array_grow(pairs, cap, *npairs + 2, sizeof(**pairs)))
                err = RACI_ERROR_NOMEM;
            else {
                (*pairs)[(*npairs)++] = g;
                (*pairs)[(*npairs)++] = i;
                last[g] = i + 1;
            }
        }
    }
    free(last);
    return err;
}

static raci_error build_titles(struct raci_roster *r)
{
    struct raci_view *v = &r->view;
    struct raci_map keys = {0};
    uint32_t *pairs = NULL, *fill = NULL;
    size_t npairs = 0, cap = 0;
    raci_error err = title_pairs(r, &keys, &pairs, &npairs, &cap);

    if (!err) {
        v->title_holder_off = calloc(v->ntitles + 1, sizeof(*v->title_holder_off));
        v->title_holder = malloc((npairs / 2 + 1) * sizeof(*v->title_holder));
        fill = calloc(v->ntitles + 1, sizeof(*fill));
        if (!v->title_holder_off || !v->title_holder || !fill)
            err = RACI_ERROR_NOMEM;
    }
    for (size_t i = 0; !err && i < npairs; i += 2)
        v->title_holder_off[pairs[i] + 1]++;
    for (size_t g = 0; !err && g < v->ntitles; g++)
        v->title_holder_off[g + 1] += v->title_holder_off[g];
    for (size_t i = 0; !err && i < npairs; i += 2)
        v->title_holder[v->title_holder_off[pairs[i]] + fill[pairs[i]]++] = pairs[i + 1];
    free(fill);
    free(pairs);
    raci_map_release(&keys);
    return err;
}

raci_error raci_view_build_assigns(struct raci_roster *r)
{
    struct raci_view *v = &r->view;
    raci_error err;

    if (!v->members_built && (err = raci_view_build_members(r)))
        return err;
    if ((err =
             group(r, r->nassigns, r->ntasks, assign_task, &v->task_assign_off, &v->task_assign)) ||
        (err = group(r, r->ntasks, r->nproducts, task_product, &v->prod_task_off, &v->prod_task)) ||
        (err = build_pairs(r)) || (err = build_people(r)) || (err = build_titles(r)))
        return err;
    v->assigns_built = 1;
    return RACI_OK;
}

void raci_view_free(struct raci_roster *r)
{
    struct raci_view *v = &r->view;

    free(v->prod_member_off);
    free(v->prod_member);
    free(v->person_member_off);
    free(v->person_member);
    free(v->role_member_off);
    free(v->role_member);
    free(v->task_assign_off);
    free(v->task_assign);
    free(v->task_pair_off);
    free(v->pairs);
    free(v->prod_task_off);
    free(v->prod_task);
    free(v->prod_people_off);
    free(v->prod_people);
    free(v->counts);
    free(v->titles);
    free(v->title_holder_off);
    free(v->title_holder);
    raci_map_release(&v->pair_index);
    free(v->report_off);
    free(v->report);
    free(v->layer);
    free(v->in_loop);
    memset(v, 0, sizeof(*v));
}

/* ------------------------------------------------------------ queries -- */

/* The list of key k in a grouping with nkeys keys, or an empty one. */
static const uint32_t *list_of(const uint32_t *off, const uint32_t *items, size_t nkeys, size_t k,
                               size_t *n)
{
    if (!off || k >= nkeys) {
        *n = 0;
        return NULL;
    }
    *n = off[k + 1] - off[k];
    return items + off[k];
}

const uint32_t *raci_view_task_assigns(const struct raci_roster *r, uint32_t t, size_t *n)
{
    return list_of(r->view.task_assign_off, r->view.task_assign, r->ntasks, t, n);
}

const struct raci_pair *raci_view_task_pairs(const struct raci_roster *r, uint32_t t, size_t *n)
{
    const struct raci_view *v = &r->view;
    if (!v->assigns_built || t >= r->ntasks) {
        *n = 0;
        return NULL;
    }
    *n = v->task_pair_off[t + 1] - v->task_pair_off[t];
    return v->pairs + v->task_pair_off[t];
}

const struct raci_pair *raci_view_task_rows(const struct raci_roster *r, uint32_t t, size_t *n,
                                            struct raci_pair *none)
{
    const struct raci_pair *pairs = raci_view_task_pairs(r, t, n);
    size_t nmem = 0;
    const uint32_t *mem =
        t < r->ntasks ? raci_view_product_members(r, r->tasks[t].product, &nmem) : NULL;

    if (*n > 0 || nmem == 0)
        return pairs;
    memset(none, 0, sizeof(*none));
    none->person = r->members[mem[0]].person;
    *n = 1;
    return none;
}

const struct raci_pair *raci_view_pair(const struct raci_roster *r, uint32_t t, uint32_t p)
{
    uint32_t i;
    if (!r->view.assigns_built || t >= r->ntasks)
        return NULL;
    if (!pairs_indexed(&r->view, t)) {
        for (i = r->view.task_pair_off[t]; i < r->view.task_pair_off[t + 1]; i++)
            if (r->view.pairs[i].person == p)
                return &r->view.pairs[i];
        return NULL;
    }
    i = raci_map_get(&r->view.pair_index, t, p);
    return i == RACI_MAP_NONE ? NULL : &r->view.pairs[i];
}

const uint32_t *raci_view_product_tasks(const struct raci_roster *r, uint32_t p, size_t *n)
{
    return list_of(r->view.prod_task_off, r->view.prod_task, r->nproducts, p, n);
}

const uint32_t *raci_view_product_members(const struct raci_roster *r, uint32_t p, size_t *n)
{
    return list_of(r->view.prod_member_off, r->view.prod_member, r->nproducts, p, n);
}

size_t raci_view_team_size(const struct raci_roster *r, uint32_t p)
{
    size_t n;
    raci_view_product_members(r, p, &n);
    return n;
}

const uint32_t *raci_view_product_role(const struct raci_roster *r, uint32_t p, int role, size_t *n)
{
    const struct raci_view *v = &r->view;
    if (role < 0 || (size_t)role >= v->nroles || p >= r->nproducts) {
        *n = 0;
        return NULL;
    }
    return list_of(v->role_member_off, v->role_member, r->nproducts * v->nroles,
                   p * v->nroles + (size_t)role, n);
}

uint32_t raci_view_product_role_first(const struct raci_roster *r, uint32_t p, int role)
{
    size_t n;
    const uint32_t *m = raci_view_product_role(r, p, role, &n);
    return n ? r->members[m[0]].person : UINT32_MAX;
}

const uint32_t *raci_view_product_people(const struct raci_roster *r, uint32_t p, size_t *n)
{
    return list_of(r->view.prod_people_off, r->view.prod_people, r->nproducts, p, n);
}

const uint32_t *raci_view_person_members(const struct raci_roster *r, uint32_t p, size_t *n)
{
    return list_of(r->view.person_member_off, r->view.person_member, r->npersons, p, n);
}

const uint32_t *raci_view_counts(const struct raci_roster *r, uint32_t p)
{
    return r->view.counts && p < r->npersons ? r->view.counts[p] : no_counts;
}

const struct raci_title_group *raci_view_unmapped_titles(const struct raci_roster *r, size_t *n)
{
    *n = r->view.assigns_built ? r->view.ntitles : 0;
    return r->view.titles;
}

const uint32_t *raci_view_title_holders(const struct raci_roster *r, size_t g, size_t *n)
{
    return list_of(r->view.title_holder_off, r->view.title_holder, r->view.ntitles, g, n);
}

const uint32_t *raci_view_reports(const struct raci_roster *r, uint32_t p, size_t *n)
{
    return list_of(r->view.report_off, r->view.report, r->npersons, p, n);
}

uint32_t raci_view_layer(const struct raci_roster *r, uint32_t p)
{
    return r->view.layer && p < r->npersons ? r->view.layer[p] : 0;
}

int raci_view_in_loop(const struct raci_roster *r, uint32_t p)
{
    return r->view.in_loop && p < r->npersons && r->view.in_loop[p];
}

enum raci_pair_look raci_view_pair_look(const struct raci_pair *pr)
{
    unsigned m = pr ? pr->letters : 0;

    if (!m)
        return pr && pr->raw ? RACI_PAIR_LOOK_UNREAD : RACI_PAIR_LOOK_PLAIN;
    if (pr->flags & RACI_PAIR_GENERATED)
        return RACI_PAIR_LOOK_GENERATED;
    return m & RACI_A   ? RACI_PAIR_LOOK_A
           : m & RACI_R ? RACI_PAIR_LOOK_R
           : m & RACI_C ? RACI_PAIR_LOOK_C
                        : RACI_PAIR_LOOK_I;
}
