/*
 * roster.c - the roster model: identity, building, and finishing it (the
 * reporting lines, the default RACI of products given by titles alone, in
 * defaults.c, and the views).
 */
#include "raci/roster.h"

#include <stdlib.h>
#include <string.h>

#include "raci/array.h"
#include "raci/defaults.h"
#include "raci/map.h"
#include "raci/str.h"
#include "raci/titles.h"

struct extra_value {
    uint32_t person;
    uint32_t column;
    const char *value;
    struct raci_loc loc;
};

/* Lookups of identity. Keys are interned strings, so pointers compare. */
struct index {
    struct raci_map persons;  /* identity key -> person */
    struct raci_map names;    /* matching key of a name -> its first person (reports_to) */
    struct raci_map products; /* matching key -> product */
    struct raci_map tasks;    /* (task key, product) -> task */
    struct raci_map members;  /* (person, product) -> member */
    struct raci_map extra;    /* (matching key, nth) -> extra column */
    struct raci_map listed;   /* matching key of a name -> the people roster's person */
    /* A text as given -> what it named: (id, 1), (name, 2) person, (name, 3)
     * product; (name, product) task. One interned text, one key: no key made. */
    struct raci_map seen, seen_tasks;
    struct extra_value *extras;
    size_t nextras, cap_extras;
};

static struct index *idx(const struct raci_roster *r)
{
    return r->index;
}

raci_error raci_roster_init(struct raci_roster *r, struct raci_strpool *pool,
                            const struct raci_ruleset *rs)
{
    memset(r, 0, sizeof(*r));
    r->pool = pool;
    r->rs = rs;
    r->index = calloc(1, sizeof(struct index));
    return r->index ? RACI_OK : RACI_ERROR_NOMEM;
}

/* ------------------------------------------------------------ building -- */

raci_error raci_roster_add_file(struct raci_roster *r, const char *file)
{
    if (raci_array_grow(&r->files, &r->cap_files, r->nfiles + 1, sizeof(*r->files)) ||
        raci_array_grow(&r->file_headers, &r->cap_file_headers, r->nfiles + 1,
                        sizeof(*r->file_headers)))
        return RACI_ERROR_NOMEM;
    r->file_headers[r->nfiles] = (struct raci_loc){file, 1, 1, NULL};
    r->files[r->nfiles++] = file;
    return RACI_OK;
}

void raci_roster_file_header(struct raci_roster *r, struct raci_loc loc)
{
    if (r->nfiles)
        r->file_headers[r->nfiles - 1] = loc;
}

raci_error raci_roster_product(struct raci_roster *r, const char *name, struct raci_loc loc,
                               uint32_t *out)
{
    const char *key;
    uint32_t p = raci_map_get(&idx(r)->seen, (uintptr_t)name, 3);

    if (p != RACI_MAP_NONE) {
        *out = p;
        return RACI_OK;
    }
    if (!(key = raci_strpool_key(r->pool, name)))
        return RACI_ERROR_NOMEM;
    p = raci_map_get(&idx(r)->products, (uintptr_t)key, 0);
    if (p == RACI_MAP_NONE) {
        if (raci_array_grow(&r->products, &r->cap_products, r->nproducts + 1, sizeof(*r->products)))
            return RACI_ERROR_NOMEM;
        p = (uint32_t)r->nproducts;
        if (raci_map_put(&idx(r)->products, (uintptr_t)key, 0, p))
            return RACI_ERROR_NOMEM;
        r->products[p].name = name;
        r->products[p].loc = loc;
        r->nproducts++;
    }
    *out = p;
    return raci_map_put(&idx(r)->seen, (uintptr_t)name, 3, p);
}

/* A person of one title points into themselves (title, title_loc): before
 * the array of people moves, those pointers are cleared (unpin_titles),
 * and set again in the new place after (pin_titles). A person given their
 * titles some other way (an array of their own) is left alone. */
static void unpin_titles(struct raci_roster *r)
{
    for (size_t i = 0; i < r->npersons; i++) {
        struct raci_person *p = &r->persons[i];
        if (p->titles == &p->title)
            p->titles = NULL;
        if (p->title_locs == &p->title_loc)
            p->title_locs = NULL;
    }
}

static void pin_titles(struct raci_roster *r)
{
    for (size_t i = 0; i < r->npersons; i++) {
        struct raci_person *p = &r->persons[i];
        if (p->ntitles && !p->titles)
            p->titles = &p->title;
        if (p->ntitles && !p->title_locs)
            p->title_locs = &p->title_loc;
    }
}

/* Room for one more person; the array doubles, so its moves are few. */
static raci_error grow_persons(struct raci_roster *r)
{
    raci_error err;

    if (r->npersons < r->cap_persons)
        return RACI_OK;
    unpin_titles(r);
    err = raci_array_grow(&r->persons, &r->cap_persons, r->npersons + 1, sizeof(*r->persons));
    pin_titles(r);
    return err;
}

raci_error raci_roster_person(struct raci_roster *r, const char *name, const char *id,
                              const char *scope, struct raci_loc loc, uint32_t *out)
{
    const char *nkey, *key;
    struct raci_person *pp;
    uint32_t p, seen = scope ? 0 : *id ? 1 : 2;

    if (seen && (p = raci_map_get(&idx(r)->seen, (uintptr_t)(seen == 1 ? id : name), seen)) !=
                    RACI_MAP_NONE) {
        *out = p;
        return RACI_OK;
    }
    if (!(nkey = raci_strpool_key(r->pool, name)))
        return RACI_ERROR_NOMEM;
    /* The id decides identity when given: two Ana Silvas with different
     * emails are two people. */
    if (scope)
        key = raci_strpool_printf(r->pool, "scope:%s:%s", scope, nkey);
    else if (*id)
        key = raci_strpool_printf(r->pool, "id:%s", id);
    else
        key = raci_strpool_printf(r->pool, "name:%s", nkey);
    if (!key)
        return RACI_ERROR_NOMEM;
    p = raci_map_get(&idx(r)->persons, (uintptr_t)key, 0);
    if (p != RACI_MAP_NONE)
        goto found;
    if (grow_persons(r))
        return RACI_ERROR_NOMEM;
    p = (uint32_t)r->npersons;
    if (raci_map_put(&idx(r)->persons, (uintptr_t)key, 0, p))
        return RACI_ERROR_NOMEM;
    if (raci_map_get(&idx(r)->names, (uintptr_t)nkey, 0) == RACI_MAP_NONE &&
        raci_map_put(&idx(r)->names, (uintptr_t)nkey, 0, p))
        return RACI_ERROR_NOMEM;
    pp = &r->persons[p];
    pp->name = name;
    pp->id = id;
    pp->manager = "";
    pp->manager_idx = RACI_NONE;
    pp->loc = loc;
    r->npersons++;
found:
    *out = p;
    return seen && raci_map_put(&idx(r)->seen, (uintptr_t)(seen == 1 ? id : name), seen, p)
               ? RACI_ERROR_NOMEM
               : RACI_OK;
}

raci_error raci_roster_title(struct raci_roster *r, uint32_t person, const char *title,
                             struct raci_loc loc)
{
    struct raci_person *p = &r->persons[person];
    const char **titles;
    struct raci_loc *locs;

    for (uint32_t i = 0; i < p->ntitles; i++)
        if (p->titles[i] == title)
            return RACI_OK;
    if (p->ntitles == 0) {
        p->title = title;
        p->title_loc = loc;
        p->titles = &p->title;
        p->title_locs = &p->title_loc;
        p->ntitles = 1;
        p->roles |= raci_titles_match(r->rs, title);
        return RACI_OK;
    }
    /* A second title on: arrays of the person's own, which grow one at a
     * time (titles are few per person). */
    titles =
        realloc(p->titles == &p->title ? NULL : p->titles, (p->ntitles + 1) * sizeof(*p->titles));
    if (!titles)
        return RACI_ERROR_NOMEM;
    if (p->titles == &p->title)
        titles[0] = p->title;
    p->titles = titles;
    locs = realloc(p->title_locs == &p->title_loc ? NULL : p->title_locs,
                   (p->ntitles + 1) * sizeof(*p->title_locs));
    if (!locs)
        return RACI_ERROR_NOMEM;
    if (p->title_locs == &p->title_loc)
        locs[0] = p->title_loc;
    p->title_locs = locs;
    p->title_locs[p->ntitles] = loc;
    p->titles[p->ntitles++] = title;
    p->roles |= raci_titles_match(r->rs, title);
    return RACI_OK;
}

raci_error raci_roster_list_person(struct raci_roster *r, uint32_t person)
{
    const char *key = raci_strpool_key(r->pool, r->persons[person].name);

    if (!key)
        return RACI_ERROR_NOMEM;
    r->persons[person].flags |= RACI_PERSON_LISTED;
    /* Two people of one name: a column of that name is the first. */
    if (raci_map_get(&idx(r)->listed, (uintptr_t)key, 0) != RACI_MAP_NONE)
        return RACI_OK;
    return raci_map_put(&idx(r)->listed, (uintptr_t)key, 0, person) ? RACI_ERROR_NOMEM : RACI_OK;
}

raci_error raci_roster_column_person(struct raci_roster *r, const char *name, const char *title,
                                     const char *scope, struct raci_loc loc, uint32_t *out)
{
    const char *key = raci_strpool_key(r->pool, name);
    uint32_t p;
    raci_error err;

    if (!key)
        return RACI_ERROR_NOMEM;
    p = raci_map_get(&idx(r)->listed, (uintptr_t)key, 0);
    if (p != RACI_MAP_NONE) {
        *out = p; /* a person of the people roster: its titles are theirs */
        return RACI_OK;
    }
    if ((err = raci_roster_person(r, name, "", scope, loc, out)) ||
        (*title && (err = raci_roster_title(r, *out, title, loc))))
        return err;
    r->persons[*out].flags |= RACI_PERSON_ROLE;
    return RACI_OK;
}

struct raci_loc raci_roster_title_loc(const struct raci_roster *r, uint32_t person,
                                      const char *title)
{
    const struct raci_person *p = &r->persons[person];
    for (uint32_t i = 0; i < p->ntitles; i++)
        if (raci_str_same_key(p->titles[i], title) == 1)
            return p->title_locs[i];
    return p->title_loc;
}

void raci_roster_manager(struct raci_roster *r, uint32_t person, const char *manager,
                         struct raci_loc loc)
{
    struct raci_person *p = &r->persons[person];

    if (*manager && !*p->manager) {
        p->manager = manager;
        p->manager_loc = loc;
    }
}

raci_error raci_roster_member(struct raci_roster *r, uint32_t person, uint32_t product,
                              struct raci_loc loc)
{
    if (raci_map_get(&idx(r)->members, person, product) != RACI_MAP_NONE)
        return RACI_OK;
    if (raci_array_grow(&r->members, &r->cap_members, r->nmembers + 1, sizeof(*r->members)) ||
        raci_map_put(&idx(r)->members, person, product, (uint32_t)r->nmembers))
        return RACI_ERROR_NOMEM;
    r->members[r->nmembers++] = (struct raci_member){person, product, loc};
    return RACI_OK;
}

raci_error raci_roster_task_note(struct raci_roster *r, uint32_t task, const char *note)
{
    if (task < r->ntasks && !r->tasks[task].note)
        r->tasks[task].note = note;
    return RACI_OK;
}

raci_error raci_roster_task(struct raci_roster *r, uint32_t product, const char *name,
                            struct raci_loc loc, uint32_t *out)
{
    int def;
    const char *key;
    uint32_t t = raci_map_get(&idx(r)->seen_tasks, (uintptr_t)name, product);

    if (t != RACI_MAP_NONE) {
        *out = t;
        return RACI_OK;
    }
    def = raci_ruleset_find_task(r->rs, name);
    /* Canonical tasks are keyed by their index, so "KPIs" and "success
     * metrics" are one task; others by their matching key. */
    if (def >= 0) {
        key = raci_strpool_printf(r->pool, "def:%d", def);
    } else {
        const char *k = raci_strpool_key(r->pool, name);
        key = k ? raci_strpool_printf(r->pool, "task:%s", k) : NULL;
    }
    if (!key)
        return RACI_ERROR_NOMEM;
    t = raci_map_get(&idx(r)->tasks, (uintptr_t)key, product);
    if (t == RACI_MAP_NONE) {
        const char *shown = def >= 0 ? raci_strpool_add(r->pool, r->rs->tasks[def].name) : name;
        if (!shown || raci_array_grow(&r->tasks, &r->cap_tasks, r->ntasks + 1, sizeof(*r->tasks)))
            return RACI_ERROR_NOMEM;
        t = (uint32_t)r->ntasks;
        if (raci_map_put(&idx(r)->tasks, (uintptr_t)key, product, t))
            return RACI_ERROR_NOMEM;
        r->tasks[t] = (struct raci_task){shown, product, def, loc, NULL, loc.line};
        r->ntasks++;
    }
    *out = t;
    return raci_map_put(&idx(r)->seen_tasks, (uintptr_t)name, product, t);
}

raci_error raci_roster_assign(struct raci_roster *r, const struct raci_assign *a)
{
    if (raci_array_grow(&r->assigns, &r->cap_assigns, r->nassigns + 1, sizeof(*r->assigns)))
        return RACI_ERROR_NOMEM;
    r->assigns[r->nassigns++] = *a;
    return RACI_OK;
}

raci_error raci_roster_issue(struct raci_roster *r, enum raci_row_problem problem,
                             struct raci_loc loc, uint32_t got, uint32_t want, uint32_t person)
{
    if (raci_array_grow(&r->issues, &r->cap_issues, r->nissues + 1, sizeof(*r->issues)))
        return RACI_ERROR_NOMEM;
    r->issues[r->nissues++] = (struct raci_row_issue){problem, loc, got, want, person};
    return RACI_OK;
}

raci_error raci_roster_cell_issue(struct raci_roster *r, const struct raci_cell_issue *issue)
{
    if (raci_array_grow(&r->cell_issues, &r->cap_cell_issues, r->ncell_issues + 1,
                        sizeof(*r->cell_issues)))
        return RACI_ERROR_NOMEM;
    r->cell_issues[r->ncell_issues++] = *issue;
    return RACI_OK;
}

raci_error raci_roster_extra_column(struct raci_roster *r, const char *name, uint32_t nth,
                                    uint32_t *out)
{
    const char *key = raci_strpool_key(r->pool, name);
    uint32_t c;

    if (!key)
        return RACI_ERROR_NOMEM;
    c = raci_map_get(&idx(r)->extra, (uintptr_t)key, nth);
    if (c == RACI_MAP_NONE) {
        if (raci_array_grow(&r->extra_names, &r->cap_extra, r->nextra + 1,
                            sizeof(*r->extra_names)) ||
            raci_map_put(&idx(r)->extra, (uintptr_t)key, nth, (uint32_t)r->nextra))
            return RACI_ERROR_NOMEM;
        c = (uint32_t)r->nextra;
        r->extra_names[r->nextra++] = name;
    }
    *out = c;
    return RACI_OK;
}

raci_error raci_roster_extra_value(struct raci_roster *r, uint32_t person, uint32_t column,
                                   const char *value, struct raci_loc loc)
{
    struct index *x = idx(r);

    if (!*value)
        return RACI_OK;
    if (raci_array_grow(&x->extras, &x->cap_extras, x->nextras + 1, sizeof(*x->extras)))
        return RACI_ERROR_NOMEM;
    x->extras[x->nextras++] = (struct extra_value){person, column, value, loc};
    return RACI_OK;
}

/* ------------------------------------------------------------- finish -- */

static raci_error resolve_managers(struct raci_roster *r)
{
    for (size_t i = 0; i < r->npersons; i++) {
        struct raci_person *p = &r->persons[i];
        const char *k;
        uint32_t m;

        if (!*p->manager)
            continue;
        /* By id first (ids are exact), then by name. */
        if (!(k = raci_strpool_printf(r->pool, "id:%s", p->manager)))
            return RACI_ERROR_NOMEM;
        m = raci_map_get(&idx(r)->persons, (uintptr_t)k, 0);
        if (m == RACI_MAP_NONE) {
            if (!(k = raci_strpool_key(r->pool, p->manager)))
                return RACI_ERROR_NOMEM;
            m = raci_map_get(&idx(r)->names, (uintptr_t)k, 0);
        }
        p->manager_idx = m == RACI_MAP_NONE ? RACI_NONE : m;
    }
    return RACI_OK;
}

/* A later value of an extra column that is not the one kept: one cell
 * issue per person and column (in found, which maps the pair to it), at the
 * first such cell, counting the others. */
static raci_error extra_conflict(struct raci_roster *r, struct raci_map *found,
                                 const struct extra_value *v, const struct extra_value *kept)
{
    uint32_t i = raci_map_get(found, v->person, v->column);
    struct raci_cell_issue is = {.problem = RACI_CELL_CONFLICTING_VALUE};

    if (i != RACI_MAP_NONE) {
        r->cell_issues[i].count++;
        return RACI_OK;
    }
    is.loc = v->loc;
    is.at = kept->loc;
    is.person = v->person;
    is.column = r->extra_names[v->column];
    is.label = is.first_label = "";
    is.first = kept->value;
    is.value = v->value;
    is.count = 1;
    if (raci_map_put(found, v->person, v->column, (uint32_t)r->ncell_issues))
        return RACI_ERROR_NOMEM;
    return raci_roster_cell_issue(r, &is);
}

/* Each person's first value of each extra column; x->extras is in file
 * order. kept maps (person, column) to the value kept, found to its
 * conflict's cell issue. */
static raci_error build_extras(struct raci_roster *r)
{
    struct index *x = idx(r);
    struct raci_map kept = {0}, found = {0};
    raci_error err = RACI_OK;

    if (!r->nextra)
        return RACI_OK;
    for (size_t i = 0; i < r->npersons; i++)
        if (!(r->persons[i].extra = calloc(r->nextra, sizeof(const char *))))
            return RACI_ERROR_NOMEM;
    for (size_t i = 0; i < x->nextras && !err; i++) {
        const struct extra_value *v = &x->extras[i];
        const char **slot = &r->persons[v->person].extra[v->column];
        if (!*slot) {
            *slot = v->value;
            err = raci_map_put(&kept, v->person, v->column, (uint32_t)i);
        } else if (*slot != v->value) {
            uint32_t k = raci_map_get(&kept, v->person, v->column);
            err = extra_conflict(r, &found, v, &x->extras[k]);
        }
    }
    raci_map_release(&kept);
    raci_map_release(&found);
    return err;
}

/* Is every person first seen in file named by their own title (and
 * not listed by the people roster)? Then they stand for roles: a published
 * chart written out long. */
static int titles_as_names(const struct raci_roster *r, const char *file)
{
    size_t n = 0;

    for (size_t i = 0; i < r->npersons; i++) {
        const struct raci_person *p = &r->persons[i];
        if (p->loc.file != file)
            continue;
        if ((p->flags & RACI_PERSON_LISTED) || p->ntitles != 1 ||
            raci_str_same_key(p->name, p->titles[0]) != 1)
            return 0;
        n++;
    }
    return n > 0;
}

static void mark_role_files(struct raci_roster *r)
{
    for (size_t f = 0; f < r->nfiles; f++) {
        if (!titles_as_names(r, r->files[f]))
            continue;
        for (size_t i = 0; i < r->npersons; i++)
            if (r->persons[i].loc.file == r->files[f])
                r->persons[i].flags |= RACI_PERSON_ROLE;
    }
}

/* The lookup tables of identity answer the building alone: once every
 * assignment is in, they are given back, and so are the extra values (kept
 * in the people) and the reading of letters cells. */
static void release_index(struct raci_roster *r)
{
    struct index *x = r->index;

    if (x) {
        struct raci_map *maps[] = {&x->persons, &x->names,   &x->products,
                                   &x->tasks,   &x->members, &x->extra,
                                   &x->listed,  &x->seen,    &x->seen_tasks};
        for (size_t i = 0; i < sizeof(maps) / sizeof(maps[0]); i++)
            raci_map_release(maps[i]);
        free(x->extras);
        x->extras = NULL;
        x->nextras = x->cap_extras = 0;
    }
    raci_map_release(&r->letters_read);
}

/* An array that is complete is cut to its count n, from the capacity of a
 * doubling array, up to twice that. */
static void fit(void *array, size_t *cap, size_t n, size_t size)
{
    void **p = array, *q;

    if (n && n < *cap && (q = realloc(*p, n * size))) {
        *p = q;
        *cap = n;
    }
}

static void fit_all(struct raci_roster *r)
{
    unpin_titles(r);
    fit(&r->persons, &r->cap_persons, r->npersons, sizeof(*r->persons));
    pin_titles(r);
    fit(&r->products, &r->cap_products, r->nproducts, sizeof(*r->products));
    fit(&r->tasks, &r->cap_tasks, r->ntasks, sizeof(*r->tasks));
    fit(&r->assigns, &r->cap_assigns, r->nassigns, sizeof(*r->assigns));
    fit(&r->members, &r->cap_members, r->nmembers, sizeof(*r->members));
}

raci_error raci_roster_finish(struct raci_roster *r)
{
    raci_error err;

    mark_role_files(r);
    /* The member views first: generation asks who holds which role. */
    if ((err = resolve_managers(r)) || (err = build_extras(r)) ||
        (err = raci_view_build_members(r)) || (err = raci_defaults_generate(r)))
        return err;
    release_index(r);
    fit_all(r);
    return raci_view_build_assigns(r);
}

void raci_roster_release(struct raci_roster *r)
{
    struct index *x;

    if (!r)
        return;
    x = r->index;
    for (size_t i = 0; i < r->npersons; i++) {
        struct raci_person *p = &r->persons[i];
        if (p->titles != &p->title)
            free(p->titles);
        if (p->title_locs != &p->title_loc)
            free(p->title_locs);
        free(p->extra);
    }
    free(r->persons);
    free(r->products);
    free(r->tasks);
    free(r->assigns);
    free(r->members);
    free(r->issues);
    free(r->cell_issues);
    free(r->extra_names);
    free(r->files);
    free(r->file_headers);
    raci_view_free(r);
    release_index(r);
    free(x);
    memset(r, 0, sizeof(*r));
}
