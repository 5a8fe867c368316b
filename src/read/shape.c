/*
 * shape.c - what a table is, and how its rows become the roster.
 *
 * Two shapes of table are read:
 *  - long (the roster format): one row per assignment, with person and title
 *    columns; a row without a task is a roster entry alone;
 *  - wide (a RACI chart as companies publish it): a task column and one
 *    column per role or person, letters in the cells. It is recognised by a
 *    task column and no person column; each other column becomes a person
 *    whose name and title are the column's header.
 */
#include "raci/shape.h"

#include <stdlib.h>
#include <string.h>

#include "raci/letters.h"
#include "raci/str.h"

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

/* ------------------------------------------------------------- cells -- */

static struct raci_loc loc_of(const struct raci_table *t, const struct raci_cell *c)
{
    struct raci_loc l = {t->file, c->line, c->col};
    return l;
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
    return raci_roster_assign(r, &a);
}

/* ---------------------------------------------------------------- long -- */

/* The person a long row names, with the problems of the row recorded;
 * RACI_NONE in *person for a row with no name, which is skipped. */
static raci_error long_person(struct raci_roster *r, const struct raci_table *t,
                              const struct raci_row *row, const int *cols, uint32_t *person)
{
    struct raci_loc rowloc = {t->file, row->line, 1};
    const char *name = trim_intern(r, cell_text(row, cols[COL_PERSON]));
    const char *title = trim_intern(r, cell_text(row, cols[COL_TITLE]));
    const char *id = trim_intern(r, cell_text(row, cols[COL_ID]));
    const char *mgr = trim_intern(r, cell_text(row, cols[COL_REPORTS_TO]));
    int ragged = row->ncells != t->header.ncells;
    raci_error err;

    *person = RACI_NONE;
    if (!name || !title || !id || !mgr)
        return RACI_ERROR_NOMEM;
    if (!*name) {
        if (ragged && (err = raci_roster_issue(r, RACI_ROW_RAGGED, rowloc, row->ncells,
                                               t->header.ncells, RACI_NONE)))
            return err;
        return raci_roster_issue(r, RACI_ROW_NO_PERSON, cell_loc(t, row, cols[COL_PERSON]), 0, 0,
                                 RACI_NONE);
    }
    if ((err = raci_roster_person(r, name, id, NULL, cell_loc(t, row, cols[COL_PERSON]), person)))
        return err;
    /* The issue names the person, so that it keeps its identity when the
     * rows are re-sorted (baselines compare by subject, not by line). */
    if (ragged && (err = raci_roster_issue(r, RACI_ROW_RAGGED, rowloc, row->ncells,
                                           t->header.ncells, *person)))
        return err;
    if (!*title)
        err = raci_roster_issue(r, RACI_ROW_NO_TITLE, cell_loc(t, row, cols[COL_TITLE]), 0, 0,
                                *person);
    else
        err = raci_roster_title(r, *person, title, cell_loc(t, row, cols[COL_TITLE]));
    if (!err)
        raci_roster_manager(r, *person, mgr, cell_loc(t, row, cols[COL_REPORTS_TO]));
    return err;
}

static raci_error add_long_row(struct raci_roster *r, const struct raci_table *t,
                               const struct raci_row *row, const int *cols, const int *is_extra,
                               const uint32_t *extra_ix, const char *fallback_product)
{
    struct raci_loc rowloc = {t->file, row->line, 1};
    const char *prod = trim_intern(r, cell_text(row, cols[COL_PRODUCT]));
    const char *tname = trim_intern(r, cell_text(row, cols[COL_TASK]));
    uint32_t person, product, task;
    raci_error err;

    if (!prod || !tname)
        return RACI_ERROR_NOMEM;
    if ((err = long_person(r, t, row, cols, &person)) || person == RACI_NONE)
        return err;
    for (uint32_t c = 0; c < row->ncells && c < t->header.ncells; c++)
        if (is_extra[c] &&
            (err = raci_roster_extra_value(r, person, extra_ix[c], row->cells[c].text)))
            return err;
    /* A file without a product column is one product; in a file with
     * one, an empty cell on a roster entry puts the person in none. */
    if (!*prod && cols[COL_PRODUCT] >= 0 && !*tname)
        return RACI_OK;
    if ((err =
             raci_roster_product(r, *prod ? prod : fallback_product,
                                 *prod ? cell_loc(t, row, cols[COL_PRODUCT]) : rowloc, &product)) ||
        (err = raci_roster_member(r, person, product, cell_loc(t, row, cols[COL_PERSON]))))
        return err;
    if (!*tname)
        return RACI_OK; /* a roster entry alone */
    if ((err = raci_roster_task(r, product, tname, cell_loc(t, row, cols[COL_TASK]), &task)))
        return err;
    if (cols[COL_RACI] < 0)
        return RACI_OK;
    return assign_cell(r, person, product, task, cell_text(row, cols[COL_RACI]),
                       cell_loc(t, row, cols[COL_RACI]), row->line);
}

static raci_error add_long(struct raci_roster *r, const struct raci_table *t, const int *cols,
                           const int *is_extra)
{
    const char *fallback_product = default_product(r, t->file);
    uint32_t n = t->header.ncells;
    uint32_t *extra_ix = calloc(n ? n : 1, sizeof(*extra_ix));
    raci_error err = RACI_OK;

    if (!fallback_product || !extra_ix) {
        free(extra_ix);
        return RACI_ERROR_NOMEM;
    }
    for (uint32_t c = 0; c < n && !err; c++) {
        const char *name = is_extra[c] ? trim_intern(r, t->header.cells[c].text) : NULL;
        if (is_extra[c])
            err = name ? raci_roster_extra_column(r, name, &extra_ix[c]) : RACI_ERROR_NOMEM;
    }
    for (size_t i = 0; i < t->nrows && !err; i++)
        err = add_long_row(r, t, &t->rows[i], cols, is_extra, extra_ix, fallback_product);
    free(extra_ix);
    return err;
}

/* ---------------------------------------------------------------- wide -- */

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
    if (per_product && !(scope = raci_strpool_printf(r->pool, "%s#%u#%u", t->file, col, product)))
        return RACI_ERROR_NOMEM;
    if ((err = raci_roster_person(r, h, "", scope, l, out)) ||
        (err = raci_roster_title(r, *out, h, l)))
        return err;
    return raci_roster_member(r, *out, product, l);
}

/* Does any role column of row hold letters? Section headings, legends and
 * notes in published charts hold none. */
static int wide_row_has_letters(const struct raci_roster *r, const struct raci_table *t,
                                const struct raci_row *row, const int *is_role)
{
    for (uint32_t c = 0; c < t->header.ncells && c < row->ncells; c++) {
        struct raci_letters l;
        if (is_role[c] && raci_letters_parse(row->cells[c].text, r->rs->aliases, r->rs->naliases,
                                             &l) != RACI_LETTERS_EMPTY)
            return 1;
    }
    return 0;
}

static raci_error add_wide_row(struct raci_roster *r, const struct raci_table *t,
                               const struct raci_row *row, const int *cols, const int *is_role,
                               const char *fallback_product)
{
    struct raci_loc rowloc = {t->file, row->line, 1};
    int per_product = cols[COL_PRODUCT] >= 0;
    const char *prod = trim_intern(r, cell_text(row, cols[COL_PRODUCT]));
    const char *tname = trim_intern(r, cell_text(row, cols[COL_TASK]));
    uint32_t product, task, who;
    raci_error err;

    if (!prod || !tname)
        return RACI_ERROR_NOMEM;
    if (row->ncells != t->header.ncells &&
        (err = raci_roster_issue(r, RACI_ROW_RAGGED, rowloc, row->ncells, t->header.ncells,
                                 RACI_NONE)))
        return err;
    if (!*tname || !wide_row_has_letters(r, t, row, is_role))
        return RACI_OK;
    if ((err =
             raci_roster_product(r, *prod ? prod : fallback_product,
                                 *prod ? cell_loc(t, row, cols[COL_PRODUCT]) : rowloc, &product)) ||
        (err = raci_roster_task(r, product, tname, cell_loc(t, row, cols[COL_TASK]), &task)))
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
    return RACI_OK;
}

static raci_error add_wide(struct raci_roster *r, const struct raci_table *t, const int *cols,
                           const int *is_role)
{
    const char *fallback_product = default_product(r, t->file);
    raci_error err = RACI_OK;

    if (!fallback_product)
        return RACI_ERROR_NOMEM;
    if (cols[COL_PRODUCT] < 0) {
        /* One product: its people are every role column, in order, even
         * those the chart leaves empty. */
        uint32_t product, who;
        struct raci_loc l = {t->file, t->header.line, 1};
        if ((err = raci_roster_product(r, fallback_product, l, &product)))
            return err;
        for (uint32_t c = 0; c < t->header.ncells && !err; c++)
            if (is_role[c])
                err = wide_person(r, t, c, product, 0, &who);
    }
    for (size_t i = 0; i < t->nrows && !err; i++)
        err = add_wide_row(r, t, &t->rows[i], cols, is_role, fallback_product);
    return err;
}

/* ------------------------------------------------------------- tables -- */

/* The header has no person or title column: say which, and what would do. */
static raci_error missing_column(const struct raci_table *t, int c, struct raci_diag *diag)
{
    uint32_t n = t->header.ncells;
    const struct raci_cell *h = n ? &t->header.cells[0] : NULL;

    return raci_diag_set(diag, t->file, t->header.line, 1, NULL,
                         "the header has no %s column (expected one named %s; found %s%s%s)",
                         c == COL_PERSON ? "person" : "title",
                         c == COL_PERSON ? "'person', 'name', 'employee' or 'member'"
                                         : "'title', 'job title', 'role' or 'position'",
                         h ? "'" : "no columns", h ? h->text : "",
                         h ? (n > 1 ? "', ..." : "'") : "");
}

raci_error raci_shape_add(struct raci_roster *r, const struct raci_table *t, struct raci_diag *diag)
{
    int cols[COL_COUNT];
    uint32_t n = t->header.ncells;
    int *flags = calloc(n ? n : 1, sizeof(int));
    raci_error err = RACI_OK;

    if (!flags || raci_roster_add_file(r, t->file)) {
        free(flags);
        return RACI_ERROR_NOMEM;
    }
    for (int c = 0; c < COL_COUNT; c++)
        cols[c] = -1;
    for (uint32_t c = 0; c < n && !err; c++) {
        int kind = column_kind(t->header.cells[c].text);
        if (kind == -2)
            err = RACI_ERROR_NOMEM;
        else if (kind >= 0 && cols[kind] < 0)
            cols[kind] = (int)c;
        else
            flags[c] = 1; /* extra column (long) or role column (wide) */
    }
    if (!err && cols[COL_PERSON] < 0 && cols[COL_TASK] >= 0) {
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
            free(flags);
            return err;
        }
    }
    if (!err && cols[COL_PERSON] < 0)
        err = missing_column(t, COL_PERSON, diag);
    else if (!err && cols[COL_TITLE] < 0)
        err = missing_column(t, COL_TITLE, diag);
    if (!err)
        err = add_long(r, t, cols, flags);
    free(flags);
    return err;
}
