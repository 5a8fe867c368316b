/*
 * roster.c - building the roster model from reader tables.
 *
 * Two shapes of table are read:
 *  - long (the roster format): one row per assignment, with person and title
 *    columns; a row without a task is a roster entry alone;
 *  - wide (a RACI chart as companies publish it): a task column and one
 *    column per role or person, letters in the cells. It is recognised by a
 *    task column and no person column; each other column becomes a person
 *    whose name and title are the column's header.
 */
#include "raci/roster.h"

#include <stdlib.h>
#include <string.h>

#include "raci/letters.h"
#include "raci/array.h"
#include "raci/str.h"
#include "raci/titles.h"

/* ------------------------------------------------------------------ map --
 * A hash map from a pair (pointer-sized key, 32-bit key) to a 32-bit value.
 * Interned strings make pointer keys exact. */
struct map_entry {
    uintptr_t a;
    uint32_t b;
    uint32_t val;
    int used;
};

struct map {
    struct map_entry *v;
    size_t n, cap; /* cap: power of two or 0 */
};

static size_t map_hash(uintptr_t a, uint32_t b)
{
    uint64_t h = (uint64_t)a * 0x9E3779B97F4A7C15u ^ ((uint64_t)b * 0xC2B2AE3D27D4EB4Fu);
    return (size_t)(h ^ (h >> 29));
}

static uint32_t map_get(const struct map *m, uintptr_t a, uint32_t b)
{
    if (!m->cap)
        return RACI_NONE;
    for (size_t i = map_hash(a, b) & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
        if (!m->v[i].used)
            return RACI_NONE;
        if (m->v[i].a == a && m->v[i].b == b)
            return m->v[i].val;
    }
}

static raci_error map_put(struct map *m, uintptr_t a, uint32_t b, uint32_t val)
{
    if ((m->n + 1) * 2 > m->cap) {
        size_t cap = m->cap ? m->cap * 2 : 64;
        struct map_entry *v = calloc(cap, sizeof(*v));
        if (!v)
            return RACI_ERROR_NOMEM;
        for (size_t i = 0; i < m->cap; i++) {
            if (!m->v[i].used)
                continue;
            size_t j = map_hash(m->v[i].a, m->v[i].b) & (cap - 1);
            while (v[j].used)
                j = (j + 1) & (cap - 1);
            v[j] = m->v[i];
        }
        free(m->v);
        m->v = v;
        m->cap = cap;
    }
    size_t i = map_hash(a, b) & (m->cap - 1);
    while (m->v[i].used && !(m->v[i].a == a && m->v[i].b == b))
        i = (i + 1) & (m->cap - 1);
    if (!m->v[i].used)
        m->n++;
    m->v[i] = (struct map_entry){a, b, val, 1};
    return RACI_OK;
}

struct extra_value {
    uint32_t person;
    uint32_t column;
    const char *value;
};

struct index {
    struct map persons;  /* interned identity key -> person */
    struct map names;    /* interned normalised name -> person (for reports_to) */
    struct map products; /* interned normalised name -> product */
    struct map tasks;    /* (interned task key, product) -> task */
    struct map members;  /* (person, product) -> member */
    struct map letters;  /* (task, person) -> letters | conditional << 4 */
    struct extra_value *extras;
    size_t nextras, cap_extras;
    uint32_t *team_size; /* per product, after finish */
};

/* -------------------------------------------------------------- columns -- */
enum col {
    COL_PERSON,
    COL_TITLE,
    COL_PRODUCT,
    COL_TASK,
    COL_RACI,
    COL_ID,
    COL_REPORTS_TO,
    COL_COUNT
};

static const char *const col_aliases[COL_COUNT][8] = {
    [COL_PERSON] = {"person", "name", "employee", "member", "full name", "employee name", NULL},
    [COL_TITLE] = {"title", "job title", "role", "position", NULL},
    [COL_PRODUCT] = {"product", "team", "squad", "project", NULL},
    [COL_TASK] = {"task", "activity", "responsibility", "deliverable", NULL},
    [COL_RACI] = {"raci", "letter", "letters", "assignment", NULL},
    [COL_ID] = {"id", "email", "employee id", NULL},
    [COL_REPORTS_TO] = {"reports to", "manager", NULL},
};

/* The known column a header names, -1 for none, -2 when out of memory. */
static int column_kind(const char *header)
{
    char *key = raci_str_key(header);
    int kind = key ? -1 : -2;

    for (int c = 0; key && kind == -1 && c < COL_COUNT; c++)
        for (int i = 0; kind == -1 && col_aliases[c][i]; i++)
            if (strcmp(key, col_aliases[c][i]) == 0)
                kind = c;
    free(key);
    return kind;
}

/* ------------------------------------------------------------- helpers -- */
static struct index *idx(const struct raci_roster *r)
{
    return r->index;
}

static struct raci_loc loc_of(const struct raci_table *t, const struct raci_cell *c)
{
    struct raci_loc l = {t->file, c->line, c->col};
    return l;
}

/* Interned normalised form of s; NULL when out of memory. */
static const char *norm_intern(struct raci_roster *r, const char *s)
{
    return raci_strpool_key(r->pool, s);
}

/* Trimmed copy of a cell's text, interned. */
static const char *trim_intern(struct raci_roster *r, const char *s)
{
    size_t n;
    while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
        s++;
    n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
        n--;
    return raci_strpool_intern(r->pool, s, n);
}

static raci_error add_issue(struct raci_roster *r, enum raci_row_problem p, struct raci_loc loc,
                            uint32_t got, uint32_t want, uint32_t person)
{
    if (raci_array_grow(&r->issues, &r->cap_issues, r->nissues + 1, sizeof(*r->issues)) != RACI_OK)
        return RACI_ERROR_NOMEM;
    r->issues[r->nissues++] = (struct raci_row_issue){p, loc, got, want, person};
    return RACI_OK;
}

static raci_error get_product(struct raci_roster *r, const char *name, struct raci_loc loc,
                              uint32_t *out)
{
    const char *key = norm_intern(r, name);
    if (!key)
        return RACI_ERROR_NOMEM;
    uint32_t p = map_get(&idx(r)->products, (uintptr_t)key, 0);
    if (p == RACI_NONE) {
        if (raci_array_grow(&r->products, &r->cap_products, r->nproducts + 1, sizeof(*r->products)))
            return RACI_ERROR_NOMEM;
        p = (uint32_t)r->nproducts++;
        r->products[p].name = name;
        r->products[p].loc = loc;
        if (map_put(&idx(r)->products, (uintptr_t)key, 0, p))
            return RACI_ERROR_NOMEM;
    }
    *out = p;
    return RACI_OK;
}

/* The person with this identity, made on first sight. scope, when not NULL,
 * makes the identity private to it (a wide chart's column in one product). */
static raci_error get_person(struct raci_roster *r, const char *name, const char *id,
                             const char *scope, struct raci_loc loc, uint32_t *out)
{
    const char *nkey = norm_intern(r, name);
    const char *key;
    char *tmp;

    if (!nkey)
        return RACI_ERROR_NOMEM;
    /* The id decides identity when given: two Ana Silvas with different
     * emails are two people. */
    if (scope)
        tmp = raci_str_printf("scope:%s:%s", scope, nkey);
    else
        tmp = *id ? raci_str_printf("id:%s", id) : raci_str_printf("name:%s", nkey);
    if (!tmp)
        return RACI_ERROR_NOMEM;
    key = raci_strpool_add(r->pool, tmp);
    free(tmp);
    if (!key)
        return RACI_ERROR_NOMEM;
    uint32_t p = map_get(&idx(r)->persons, (uintptr_t)key, 0);
    if (p == RACI_NONE) {
        if (raci_array_grow(&r->persons, &r->cap_persons, r->npersons + 1, sizeof(*r->persons)))
            return RACI_ERROR_NOMEM;
        p = (uint32_t)r->npersons++;
        struct raci_person *pp = &r->persons[p];
        pp->name = name;
        pp->id = id;
        pp->manager = "";
        pp->manager_idx = RACI_NONE;
        pp->loc = loc;
        if (map_put(&idx(r)->persons, (uintptr_t)key, 0, p))
            return RACI_ERROR_NOMEM;
        if (map_get(&idx(r)->names, (uintptr_t)nkey, 0) == RACI_NONE &&
            map_put(&idx(r)->names, (uintptr_t)nkey, 0, p))
            return RACI_ERROR_NOMEM;
    }
    *out = p;
    return RACI_OK;
}

static raci_error add_title(struct raci_roster *r, uint32_t person, const char *title,
                            struct raci_loc loc)
{
    struct raci_person *p = &r->persons[person];
    size_t cap = p->ntitles;

    for (uint32_t i = 0; i < p->ntitles; i++)
        if (p->titles[i] == title)
            return RACI_OK;
    if (raci_array_grow(&p->titles, &cap, p->ntitles + 1, sizeof(*p->titles)))
        return RACI_ERROR_NOMEM;
    if (p->ntitles == 0)
        p->title_loc = loc;
    p->titles[p->ntitles++] = title;
    p->roles |= raci_titles_match(r->rs, title);
    return RACI_OK;
}

static raci_error add_member(struct raci_roster *r, uint32_t person, uint32_t product,
                             struct raci_loc loc)
{
    if (map_get(&idx(r)->members, person, product) != RACI_NONE)
        return RACI_OK;
    if (raci_array_grow(&r->members, &r->cap_members, r->nmembers + 1, sizeof(*r->members)))
        return RACI_ERROR_NOMEM;
    r->members[r->nmembers] = (struct raci_member){person, product, loc};
    return map_put(&idx(r)->members, person, product, (uint32_t)r->nmembers++);
}

static raci_error get_task(struct raci_roster *r, uint32_t product, const char *name,
                           struct raci_loc loc, uint32_t *out)
{
    int def = raci_ruleset_find_task(r->rs, name);
    const char *key;
    char *tmp;

    /* Canonical tasks are keyed by their index, so "KPIs" and "success
     * metrics" are one task; others by their normalised name. */
    if (def >= 0) {
        tmp = raci_str_printf("def:%d", def);
    } else {
        const char *k = raci_strpool_key(r->pool, name);
        tmp = k ? raci_str_printf("task:%s", k) : NULL;
    }
    if (!tmp)
        return RACI_ERROR_NOMEM;
    key = raci_strpool_add(r->pool, tmp);
    free(tmp);
    if (!key)
        return RACI_ERROR_NOMEM;
    uint32_t t = map_get(&idx(r)->tasks, (uintptr_t)key, product);
    if (t == RACI_NONE) {
        if (raci_array_grow(&r->tasks, &r->cap_tasks, r->ntasks + 1, sizeof(*r->tasks)))
            return RACI_ERROR_NOMEM;
        t = (uint32_t)r->ntasks++;
        r->tasks[t].name = def >= 0 ? raci_strpool_add(r->pool, r->rs->tasks[def].name) : name;
        if (!r->tasks[t].name)
            return RACI_ERROR_NOMEM;
        r->tasks[t].product = product;
        r->tasks[t].def = def;
        r->tasks[t].loc = loc;
        if (map_put(&idx(r)->tasks, (uintptr_t)key, product, t))
            return RACI_ERROR_NOMEM;
    }
    *out = t;
    return RACI_OK;
}

static raci_error add_assign(struct raci_roster *r, const struct raci_assign *a)
{
    if (raci_array_grow(&r->assigns, &r->cap_assigns, r->nassigns + 1, sizeof(*r->assigns)))
        return RACI_ERROR_NOMEM;
    r->assigns[r->nassigns++] = *a;
    if (a->letters) {
        uint32_t old = map_get(&idx(r)->letters, a->task, a->person);
        uint32_t v = (a->letters | (a->conditional << 4)) | (old == RACI_NONE ? 0 : old);
        return map_put(&idx(r)->letters, a->task, a->person, v);
    }
    return RACI_OK;
}

/* Read one letters cell into an assignment. */
static raci_error assign_cell(struct raci_roster *r, uint32_t person, uint32_t product,
                              uint32_t task, const char *text, struct raci_loc loc,
                              uint32_t row_line)
{
    struct raci_letters l;
    struct raci_assign a = {person, product, task, 0, 0, 0, text, loc, row_line};
    raci_letters_status st = raci_letters_parse(text, r->rs->aliases, r->rs->naliases, &l);

    if (st == RACI_LETTERS_EMPTY)
        return RACI_OK;
    if (st == RACI_LETTERS_UNKNOWN)
        a.flags |= RACI_ASSIGN_UNKNOWN;
    a.letters = l.mask;
    a.conditional = l.conditional;
    return add_assign(r, &a);
}

static raci_error add_extra(struct raci_roster *r, uint32_t person, uint32_t column,
                            const char *value)
{
    struct index *x = idx(r);
    if (!*value)
        return RACI_OK;
    if (raci_array_grow(&x->extras, &x->cap_extras, x->nextras + 1, sizeof(*x->extras)))
        return RACI_ERROR_NOMEM;
    x->extras[x->nextras++] = (struct extra_value){person, column, value};
    return RACI_OK;
}

static raci_error extra_column(struct raci_roster *r, const char *name, uint32_t *out)
{
    for (size_t i = 0; i < r->nextra; i++)
        if (raci_str_casecmp(r->extra_names[i], name) == 0) {
            *out = (uint32_t)i;
            return RACI_OK;
        }
    if (raci_array_grow(&r->extra_names, &r->cap_extra, r->nextra + 1, sizeof(*r->extra_names)))
        return RACI_ERROR_NOMEM;
    r->extra_names[r->nextra] = name;
    *out = (uint32_t)r->nextra++;
    return RACI_OK;
}

/* The product a table names when it has no product column: its file's name
 * without directory and extension ("teams/atlas.csv" -> "atlas"). */
static const char *default_product(struct raci_roster *r, const char *file)
{
    const char *base = strrchr(file, '/');
    const char *dot;
    base = base ? base + 1 : file;
    if (*base == '<') /* <stdin> */
        return raci_strpool_add(r->pool, "roster");
    dot = strrchr(base, '.');
    return raci_strpool_intern(r->pool, base,
                               dot && dot != base ? (size_t)(dot - base) : strlen(base));
}

/* ------------------------------------------------------------- tables -- */
static const char *cell_text(const struct raci_row *row, int col)
{
    if (col < 0 || (uint32_t)col >= row->ncells)
        return "";
    return row->cells[col].text;
}

static struct raci_loc cell_loc(const struct raci_table *t, const struct raci_row *row, int col)
{
    if (col < 0 || (uint32_t)col >= row->ncells) {
        /* A missing field: point at the row's end, where it should be. */
        struct raci_loc l = {t->file, row->line, 1};
        if (row->ncells) {
            const struct raci_cell *last = &row->cells[row->ncells - 1];
            l.line = last->line;
            l.col = last->col + (uint32_t)raci_str_chars(last->text, strlen(last->text));
        }
        return l;
    }
    return loc_of(t, &row->cells[col]);
}

static raci_error add_long(struct raci_roster *r, const struct raci_table *t, const int *cols,
                           const int *is_extra, const uint32_t *extra_ix)
{
    const char *fallback_product = default_product(r, t->file);
    raci_error err;

    if (!fallback_product)
        return RACI_ERROR_NOMEM;
    for (size_t i = 0; i < t->nrows; i++) {
        const struct raci_row *row = &t->rows[i];
        struct raci_loc rowloc = {t->file, row->line, 1};
        uint32_t person, product, task;

        const char *name = trim_intern(r, cell_text(row, cols[COL_PERSON]));
        const char *title = trim_intern(r, cell_text(row, cols[COL_TITLE]));
        const char *prod = trim_intern(r, cell_text(row, cols[COL_PRODUCT]));
        const char *tname = trim_intern(r, cell_text(row, cols[COL_TASK]));
        const char *id = trim_intern(r, cell_text(row, cols[COL_ID]));
        const char *mgr = trim_intern(r, cell_text(row, cols[COL_REPORTS_TO]));
        if (!name || !title || !prod || !tname || !id || !mgr)
            return RACI_ERROR_NOMEM;

        int ragged = row->ncells != t->header.ncells;
        if (!*name) {
            if ((ragged && (err = add_issue(r, RACI_ROW_RAGGED, rowloc, row->ncells,
                                            t->header.ncells, RACI_NONE))) ||
                (err = add_issue(r, RACI_ROW_NO_PERSON, cell_loc(t, row, cols[COL_PERSON]), 0, 0,
                                 RACI_NONE)))
                return err;
            continue;
        }
        if ((err = get_person(r, name, id, NULL, cell_loc(t, row, cols[COL_PERSON]), &person)))
            return err;
        /* The issue names the person, so that it keeps its identity when the
         * rows are re-sorted (baselines compare by subject, not by line). */
        if (ragged &&
            (err = add_issue(r, RACI_ROW_RAGGED, rowloc, row->ncells, t->header.ncells, person)))
            return err;
        if (!*title) {
            if ((err = add_issue(r, RACI_ROW_NO_TITLE, cell_loc(t, row, cols[COL_TITLE]), 0, 0,
                                 person)))
                return err;
        } else if ((err = add_title(r, person, title, cell_loc(t, row, cols[COL_TITLE])))) {
            return err;
        }
        struct raci_person *pp = &r->persons[person];
        if (*mgr && !*pp->manager) {
            pp->manager = mgr;
            pp->manager_loc = cell_loc(t, row, cols[COL_REPORTS_TO]);
        }
        for (uint32_t c = 0; c < row->ncells && c < t->header.ncells; c++)
            if (is_extra[c] && (err = add_extra(r, person, extra_ix[c], row->cells[c].text)))
                return err;
        /* A file without a product column is one product; in a file with
         * one, an empty cell on a roster entry puts the person in none. */
        if (!*prod && cols[COL_PRODUCT] >= 0 && !*tname)
            continue;
        if ((err = get_product(r, *prod ? prod : fallback_product,
                               *prod ? cell_loc(t, row, cols[COL_PRODUCT]) : rowloc, &product)))
            return err;
        if ((err = add_member(r, person, product, cell_loc(t, row, cols[COL_PERSON]))))
            return err;
        if (!*tname)
            continue; /* a roster entry alone */
        if ((err = get_task(r, product, tname, cell_loc(t, row, cols[COL_TASK]), &task)))
            return err;
        if (cols[COL_RACI] >= 0 &&
            (err = assign_cell(r, person, product, task, cell_text(row, cols[COL_RACI]),
                               cell_loc(t, row, cols[COL_RACI]), row->line)))
            return err;
    }
    return RACI_OK;
}

/*
 * A role column of a wide chart is one person per product: in a chart that
 * covers several products, "Product Owner" is each product's own PO, not
 * one person owning them all. Without a product column it is one person.
 */
static raci_error wide_person(struct raci_roster *r, const struct raci_table *t, uint32_t col,
                              uint32_t product, int per_product, uint32_t *out)
{
    const char *h = trim_intern(r, t->header.cells[col].text);
    struct raci_loc l = loc_of(t, &t->header.cells[col]);
    const char *scope = NULL;
    raci_error err;

    if (!h)
        return RACI_ERROR_NOMEM;
    if (per_product) {
        char *tmp = raci_str_printf("%s#%u#%u", t->file, col, product);
        if (!tmp)
            return RACI_ERROR_NOMEM;
        scope = raci_strpool_add(r->pool, tmp);
        free(tmp);
        if (!scope)
            return RACI_ERROR_NOMEM;
    }
    if ((err = get_person(r, h, "", scope, l, out)) || (err = add_title(r, *out, h, l)))
        return err;
    return add_member(r, *out, product, l);
}

static raci_error add_wide(struct raci_roster *r, const struct raci_table *t, const int *cols,
                           const int *is_role)
{
    const char *fallback_product = default_product(r, t->file);
    int per_product = cols[COL_PRODUCT] >= 0;
    raci_error err = RACI_OK;

    if (!fallback_product)
        return RACI_ERROR_NOMEM;
    if (!per_product) {
        /* One product: its people are every role column, in order, even
         * those the chart leaves empty. */
        uint32_t product, who;
        struct raci_loc l = {t->file, t->header.line, 1};
        if ((err = get_product(r, fallback_product, l, &product)))
            return err;
        for (uint32_t c = 0; c < t->header.ncells; c++)
            if (is_role[c] && (err = wide_person(r, t, c, product, 0, &who)))
                return err;
    }
    for (size_t i = 0; i < t->nrows; i++) {
        const struct raci_row *row = &t->rows[i];
        struct raci_loc rowloc = {t->file, row->line, 1};
        uint32_t product, task, who;
        const char *prod = trim_intern(r, cell_text(row, cols[COL_PRODUCT]));
        const char *tname = trim_intern(r, cell_text(row, cols[COL_TASK]));

        if (!prod || !tname)
            return RACI_ERROR_NOMEM;
        if (row->ncells != t->header.ncells &&
            (err = add_issue(r, RACI_ROW_RAGGED, rowloc, row->ncells, t->header.ncells, RACI_NONE)))
            return err;
        /* Section headings, legends and notes in published charts: a row
         * with nothing in any role column is no task. */
        int any = 0;
        for (uint32_t c = 0; c < t->header.ncells && c < row->ncells && !any; c++) {
            struct raci_letters l;
            any = is_role[c] && raci_letters_parse(row->cells[c].text, r->rs->aliases,
                                                   r->rs->naliases, &l) != RACI_LETTERS_EMPTY;
        }
        if (!*tname || !any)
            continue;
        if ((err = get_product(r, *prod ? prod : fallback_product,
                               *prod ? cell_loc(t, row, cols[COL_PRODUCT]) : rowloc, &product)))
            return err;
        if ((err = get_task(r, product, tname, cell_loc(t, row, cols[COL_TASK]), &task)))
            return err;
        for (uint32_t c = 0; c < t->header.ncells; c++) {
            if (!is_role[c])
                continue;
            if ((err = wide_person(r, t, c, product, per_product, &who)))
                return err;
            if (c < row->ncells && (err = assign_cell(r, who, product, task, row->cells[c].text,
                                                      loc_of(t, &row->cells[c]), row->line)))
                return err;
        }
    }
    return RACI_OK;
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

raci_error raci_roster_add_table(struct raci_roster *r, const struct raci_table *t,
                                 struct raci_diag *diag)
{
    int cols[COL_COUNT];
    uint32_t n = t->header.ncells;
    int *flags = calloc(n ? n : 1, sizeof(int));
    uint32_t *extra_ix = calloc(n ? n : 1, sizeof(uint32_t));
    raci_error err = RACI_OK;

    if (!flags || !extra_ix) {
        err = RACI_ERROR_NOMEM;
        goto cleanup;
    }
    if (raci_array_grow(&r->files, &r->cap_files, r->nfiles + 1, sizeof(*r->files))) {
        err = RACI_ERROR_NOMEM;
        goto cleanup;
    }
    r->files[r->nfiles++] = t->file;
    for (int c = 0; c < COL_COUNT; c++)
        cols[c] = -1;
    for (uint32_t c = 0; c < n; c++) {
        int kind = column_kind(t->header.cells[c].text);
        if (kind == -2) {
            err = RACI_ERROR_NOMEM;
            goto cleanup;
        }
        if (kind >= 0 && cols[kind] < 0)
            cols[kind] = (int)c;
        else
            flags[c] = 1; /* extra column (long) or role column (wide) */
    }

    if (cols[COL_PERSON] < 0 && cols[COL_TASK] >= 0) {
        /* A wide chart: tasks down, roles across. Empty headers carry
         * nothing; known columns are not roles. */
        int roles = 0;
        for (uint32_t c = 0; c < n; c++) {
            if (flags[c] && !*t->header.cells[c].text)
                flags[c] = 0;
            roles += flags[c];
        }
        if (cols[COL_TITLE] < 0 && cols[COL_RACI] < 0 && roles > 0) {
            err = add_wide(r, t, cols, flags);
            goto cleanup;
        }
    }
    for (int c = COL_PERSON; c <= COL_TITLE; c++) {
        if (cols[c] >= 0)
            continue;
        const struct raci_cell *h = n ? &t->header.cells[0] : NULL;
        err = raci_diag_set(diag, t->file, t->header.line, 1, NULL,
                            "the header has no %s column (expected one named %s; found %s%s%s)",
                            c == COL_PERSON ? "person" : "title",
                            c == COL_PERSON ? "'person', 'name', 'employee' or 'member'"
                                            : "'title', 'job title', 'role' or 'position'",
                            h ? "'" : "no columns", h ? h->text : "",
                            h ? (n > 1 ? "', ..." : "'") : "");
        goto cleanup;
    }
    for (uint32_t c = 0; c < n; c++)
        if (flags[c] &&
            (err = extra_column(r, trim_intern(r, t->header.cells[c].text), &extra_ix[c])))
            goto cleanup;
    err = add_long(r, t, cols, flags, extra_ix);
cleanup:
    free(flags);
    free(extra_ix);
    return err;
}

/* ------------------------------------------------------------- finish -- */
static raci_error resolve_managers(struct raci_roster *r)
{
    for (size_t i = 0; i < r->npersons; i++) {
        struct raci_person *p = &r->persons[i];
        if (!*p->manager)
            continue;
        /* By id first (ids are exact), then by name. */
        uint32_t m = RACI_NONE;
        char *key = raci_str_printf("id:%s", p->manager);
        if (!key)
            return RACI_ERROR_NOMEM;
        const char *k = raci_strpool_add(r->pool, key);
        free(key);
        if (!k)
            return RACI_ERROR_NOMEM;
        m = map_get(&idx(r)->persons, (uintptr_t)k, 0);
        if (m == RACI_NONE) {
            const char *nk = norm_intern(r, p->manager);
            if (!nk)
                return RACI_ERROR_NOMEM;
            m = map_get(&idx(r)->names, (uintptr_t)nk, 0);
        }
        p->manager_idx = m;
    }
    return RACI_OK;
}

static raci_error build_extras(struct raci_roster *r)
{
    struct index *x = idx(r);
    if (!r->nextra)
        return RACI_OK;
    for (size_t i = 0; i < r->npersons; i++) {
        r->persons[i].extra = calloc(r->nextra, sizeof(const char *));
        if (!r->persons[i].extra)
            return RACI_ERROR_NOMEM;
    }
    for (size_t i = 0; i < x->nextras; i++) {
        const char **slot = &r->persons[x->extras[i].person].extra[x->extras[i].column];
        if (!*slot)
            *slot = x->extras[i].value;
    }
    return RACI_OK;
}

/* The first member of product p holding role, or RACI_NONE. */
static uint32_t first_in_role(const struct raci_roster *r, uint32_t p, int role)
{
    for (size_t m = 0; m < r->nmembers; m++)
        if (r->members[m].product == p &&
            (r->persons[r->members[m].person].roles & ((uint64_t)1 << role)))
            return r->members[m].person;
    return RACI_NONE;
}

/*
 * Who is accountable for default task d in product p: the first member in
 * the role the table makes accountable, or, where the product has nobody in
 * it, the first member of its fallback roles in the ruleset's order. The A
 * goes to one person, so that several developers do not make several A's.
 * Sets *letters to the accountable role's letters.
 */
static uint32_t generated_owner(const struct raci_roster *r, uint32_t p, size_t d,
                                unsigned *letters)
{
    const struct raci_ruleset *rs = r->rs;
    for (size_t role = 0; role < rs->nroles; role++) {
        if (!(rs->tasks[d].raci[role] & RACI_A))
            continue;
        uint32_t who = first_in_role(r, p, (int)role);
        for (size_t k = 0; who == RACI_NONE && k < rs->roles[role].nfallbacks; k++)
            who = first_in_role(r, p, rs->roles[role].fallbacks[k]);
        if (who != RACI_NONE) {
            *letters = rs->tasks[d].raci[role];
            return who;
        }
    }
    *letters = 0;
    return RACI_NONE;
}

/* A product that names no task at all gets the ruleset's default RACI,
 * from the roles its people's titles map to. */
static raci_error generate(struct raci_roster *r)
{
    const struct raci_ruleset *rs = r->rs;
    uint8_t *has_task = calloc(r->nproducts ? r->nproducts : 1, 1);
    raci_error err = RACI_OK;

    if (!has_task)
        return RACI_ERROR_NOMEM;
    for (size_t i = 0; i < r->ntasks; i++)
        has_task[r->tasks[i].product] = 1;
    for (uint32_t p = 0; p < r->nproducts; p++) {
        if (has_task[p])
            continue;
        for (size_t d = 0; d < rs->ntasks; d++) {
            uint32_t task = RACI_NONE;
            unsigned owner_letters;
            uint32_t owner = generated_owner(r, p, d, &owner_letters);
            /* Nobody in the accountable role or its fallbacks: the team does
             * not do this task, so no row is made for it. */
            if (owner == RACI_NONE)
                continue;
            for (size_t m = 0; m < r->nmembers; m++) {
                const struct raci_member *mem = &r->members[m];
                if (mem->product != p)
                    continue;
                unsigned letters = 0;
                for (size_t role = 0; role < rs->nroles; role++)
                    if (r->persons[mem->person].roles & ((uint64_t)1 << role))
                        letters |= rs->tasks[d].raci[role] & ~(unsigned)RACI_A;
                /* Who takes the A takes the accountable role's letters; C and
                 * I of their own role would only repeat them. */
                if (mem->person == owner)
                    letters = owner_letters | (letters & RACI_R);
                if (!letters)
                    continue;
                if (task == RACI_NONE && (err = get_task(r, p, rs->tasks[d].name, mem->loc, &task)))
                    goto cleanup;
                struct raci_assign a = {mem->person,           p,  task,     letters,      0,
                                        RACI_ASSIGN_GENERATED, "", mem->loc, mem->loc.line};
                if ((err = add_assign(r, &a)))
                    goto cleanup;
            }
        }
    }
cleanup:
    free(has_task);
    return err;
}

raci_error raci_roster_finish(struct raci_roster *r)
{
    raci_error err;
    struct index *x = idx(r);

    if ((err = resolve_managers(r)) || (err = build_extras(r)) || (err = generate(r)))
        return err;
    x->team_size = calloc(r->nproducts ? r->nproducts : 1, sizeof(*x->team_size));
    if (!x->team_size)
        return RACI_ERROR_NOMEM;
    for (size_t i = 0; i < r->nmembers; i++)
        x->team_size[r->members[i].product]++;
    return RACI_OK;
}

size_t raci_roster_team_size(const struct raci_roster *r, uint32_t product)
{
    const struct index *x = idx(r);
    if (x->team_size)
        return x->team_size[product];
    size_t n = 0;
    for (size_t i = 0; i < r->nmembers; i++)
        n += r->members[i].product == product;
    return n;
}

unsigned raci_roster_letters(const struct raci_roster *r, uint32_t task, uint32_t person)
{
    uint32_t v = map_get(&idx(r)->letters, task, person);
    return v == RACI_NONE ? 0 : v & RACI_ALL;
}

unsigned raci_roster_conditional(const struct raci_roster *r, uint32_t task, uint32_t person)
{
    uint32_t v = map_get(&idx(r)->letters, task, person);
    return v == RACI_NONE ? 0 : (v >> 4) & RACI_ALL;
}

void raci_roster_release(struct raci_roster *r)
{
    struct index *x;
    if (!r)
        return;
    x = r->index;
    for (size_t i = 0; i < r->npersons; i++) {
        free(r->persons[i].titles);
        free(r->persons[i].extra);
    }
    free(r->persons);
    free(r->products);
    free(r->tasks);
    free(r->assigns);
    free(r->members);
    free(r->issues);
    free(r->extra_names);
    free(r->files);
    if (x) {
        free(x->persons.v);
        free(x->names.v);
        free(x->products.v);
        free(x->tasks.v);
        free(x->members.v);
        free(x->letters.v);
        free(x->extras);
        free(x->team_size);
        free(x);
    }
    memset(r, 0, sizeof(*r));
}
