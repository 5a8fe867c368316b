/*
 * matrix.c - a matrix's rows into the roster: tasks, the products their
 * groups or headings name, a person per role column, letters; and a
 * transposed table turned into a matrix first.
 */
#include "raci/matrix.h"

#include <stdlib.h>
#include <string.h>

#include "raci/assign.h"
#include "raci/cells.h"
#include "raci/letters.h"
#include "raci/shape.h"
#include "raci/str.h"

/* One matrix being added. */
struct mx {
    struct raci_roster *r;
    const struct raci_matrix *m;
    const struct raci_table *t;
    const struct raci_detect *d;
    const char **who;  /* per column: the person's name */
    uint32_t *role_of; /* per column: the role column its cells are for */
    int scoped;        /* a person per product (the tasks are grouped) */
    const char *group; /* the last grouping value, carried down */
    struct raci_loc group_loc;
    const char *heading; /* the last section heading */
    struct raci_loc heading_loc;
};

static struct raci_loc at_cell(const struct raci_table *t, const struct raci_cell *c)
{
    struct raci_loc l = {t->file, c->line, c->col, t->sheet};
    return l;
}

static const char *text_of(const struct raci_row *row, int c)
{
    return c >= 0 && (uint32_t)c < row->ncells ? row->cells[c].text : "";
}

/* Is s blank? */
static int blank_text(const char *s)
{
    while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
        s++;
    return *s == '\0';
}

static int is_role(const struct mx *x, uint32_t c)
{
    return c < x->d->ncols && x->d->col[c] == RACI_DETECT_ROLE;
}

/*
 * The person of role column col in product. In a chart of several products
 * a role column is one person per product; in one of one product it is one
 * person, unless the header repeats an earlier one's: two "Developer"
 * columns are two developers.
 */
static raci_error role_person(struct mx *x, uint32_t col, uint32_t product, uint32_t *out)
{
    struct raci_roster *r = x->r;
    const char *title = x->m->titles && x->m->titles[col] ? raci_shape_trim(r, x->m->titles[col])
                                                          : x->m->cols->v[col].name;
    struct raci_loc l = at_cell(x->t, &x->t->header.cells[col]);
    int again = (x->m->cols->v[col].flags & RACI_COLUMN_AGAIN) != 0;
    const char *scope = NULL;
    raci_error err;

    if (x->scoped)
        scope = raci_strpool_printf(r->pool, "%s#%u#%u", x->t->file, col, product);
    else if (again)
        scope = raci_strpool_printf(r->pool, "%s#%u", x->t->file, col);
    if (((x->scoped || again) && !scope) || !title)
        return RACI_ERROR_NOMEM;
    /* Rows of people with their titles name people; a column headed by a
     * role (or a name the people roster may know) is a chart's column. */
    if (x->m->titles && x->m->titles[col])
        err = raci_roster_person(r, x->who[col], "", scope, l, out);
    else
        err = raci_roster_column_person(r, x->who[col], title, scope, l, out);
    if (err || (x->m->titles && x->m->titles[col] && *title &&
                (err = raci_roster_title(r, *out, title, l))))
        return err;
    return raci_roster_member(r, *out, product, l);
}

/* Does row hold letters in a role column? (Unreadable ones count: they
 * are meant as some.) Section headings, legends and notes hold none. */
static int row_has_letters(const struct mx *x, const struct raci_row *row)
{
    struct raci_letters l;
    const struct raci_ruleset *rs = x->r->rs;

    for (uint32_t c = 0; c < row->ncells; c++)
        if (is_role(x, c) && raci_letters_parse(row->cells[c].text, rs->aliases, rs->naliases,
                                                &l) != RACI_LETTERS_EMPTY)
            return 1;
    return 0;
}

/* A header row again, of a table that shares the columns: its role cells
 * say which role each column is for from here on. */
static void reheader(struct mx *x, const struct raci_row *row)
{
    for (uint32_t c = 0; c < x->d->ncols; c++) {
        const char *s = text_of(row, (int)c);
        x->role_of[c] = c;
        for (uint32_t k = 0; is_role(x, c) && k < x->d->ncols; k++)
            if (is_role(x, k) && raci_str_same_key(s, x->m->cols->v[k].name) == 1) {
                x->role_of[c] = k;
                break;
            }
    }
}

/* The product of a data row: its grouping cell, or the one above it, or
 * the last heading, or the caller's. */
static raci_error row_product(struct mx *x, const struct raci_row *row, uint32_t *product)
{
    int g = x->d->group;
    const char *name = x->m->product;
    struct raci_loc l = {x->t->file, row->line, 1, x->t->sheet};

    if (g >= 0 && (uint32_t)g < row->ncells) {
        const char *v = raci_shape_trim(x->r, row->cells[g].text);
        if (!v)
            return RACI_ERROR_NOMEM;
        if (*v) {
            x->group = v;
            x->group_loc = at_cell(x->t, &row->cells[g]);
        }
    }
    if (x->group)
        name = x->group, l = x->group_loc;
    else if (x->heading)
        name = x->heading, l = x->heading_loc;
    return raci_roster_product(x->r, name, l, product);
}

/* The note of a data row: its note cells, each after its header when
 * there are several. NULL when out of memory. */
static const char *row_note(struct mx *x, const struct raci_row *row)
{
    struct raci_str b = RACI_STR_INIT;
    const char *note;
    uint32_t n = 0;

    for (uint32_t c = 0; c < x->d->ncols && c < row->ncells; c++)
        n += x->d->col[c] == RACI_DETECT_NOTE && !blank_text(row->cells[c].text);
    for (uint32_t c = 0; c < x->d->ncols && c < row->ncells && n; c++) {
        const char *s = row->cells[c].text;
        if (x->d->col[c] != RACI_DETECT_NOTE || blank_text(s))
            continue;
        if (b.len)
            raci_str_add(&b, "; ");
        if (n > 1 && *x->m->cols->v[c].name)
            raci_str_addf(&b, "%s: ", x->m->cols->v[c].name);
        raci_str_add(&b, s);
    }
    note = b.failed ? NULL : raci_shape_trim(x->r, raci_str_cstr(&b));
    raci_str_release(&b);
    return note;
}

static raci_error add_task_row(struct mx *x, const struct raci_row *row)
{
    struct raci_roster *r = x->r;
    const char *tname = raci_shape_trim(r, text_of(row, x->d->label)), *note;
    uint32_t product, task, who;
    raci_error err;

    if (!tname)
        return RACI_ERROR_NOMEM;
    if (!*tname || !row_has_letters(x, row))
        return RACI_OK;
    if ((err = row_product(x, row, &product)) ||
        (err = raci_roster_task(r, product, tname, raci_shape_cell_loc(x->t, row, x->d->label),
                                &task)))
        return err;
    if (!(note = row_note(x, row)))
        return RACI_ERROR_NOMEM;
    if (*note && (err = raci_roster_task_note(r, task, note)))
        return err;
    for (uint32_t c = 0; c < x->d->ncols; c++) {
        uint32_t role = x->role_of[c];
        if (!is_role(x, c) || !is_role(x, role))
            continue;
        if ((err = role_person(x, role, product, &who)))
            return err;
        if (c < row->ncells && (err = raci_assign_cell(r, who, product, task, row->cells[c].text,
                                                       at_cell(x->t, &row->cells[c]), row->line)))
            return err;
    }
    return RACI_OK;
}

static raci_error add_row(struct mx *x, const struct raci_row *row)
{
    const struct raci_table *t = x->t;
    struct raci_loc rowloc = {t->file, row->line, 1, t->sheet};
    enum raci_detect_row kind =
        x->m->turned ? RACI_ROW_DATA : raci_detect_row(x->d, &t->header, row, x->r->rs);
    raci_error err;

    /* A heading or a legend is a line of its own, however many fields. */
    if (!x->m->turned && row->ncells != t->header.ncells &&
        (kind == RACI_ROW_DATA || kind == RACI_ROW_HEADER) &&
        (err = raci_roster_issue(x->r, RACI_ROW_RAGGED, rowloc, row->ncells, t->header.ncells,
                                 RACI_NONE)))
        return err;
    if (kind == RACI_ROW_HEADING) {
        int c = x->d->label >= 0 && !blank_text(text_of(row, x->d->label)) ? x->d->label : 0;
        if (!(x->heading = raci_shape_trim(x->r, text_of(row, c))))
            return RACI_ERROR_NOMEM;
        x->heading_loc = raci_shape_cell_loc(t, row, c);
        x->group = NULL;
    } else if (kind == RACI_ROW_HEADER) {
        reheader(x, row);
    } else if (kind == RACI_ROW_DATA) {
        return add_task_row(x, row);
    }
    return RACI_OK;
}

/* Role column c has letters but no header: it is read as a person named
 * after its letters, "(column F)", and said so. */
static raci_error unnamed_column(struct mx *x, uint32_t c)
{
    const struct raci_column *col = &x->m->cols->v[c];
    struct raci_cell_issue is = {.problem = RACI_CELL_UNNAMED_COLUMN};

    if (!(x->who[c] = raci_strpool_printf(x->r->pool, "(column %s)", col->label)))
        return RACI_ERROR_NOMEM;
    is.loc = is.at = at_cell(x->t, &x->t->header.cells[c]);
    is.header = 1;
    is.person = RACI_NONE; /* a person per product: the column names them all */
    is.column = x->who[c];
    is.label = col->label;
    is.first = is.first_label = is.value = "";
    return raci_roster_cell_issue(x->r, &is);
}

/* The persons of the role columns; in a matrix of one product, every one
 * a member of it, in order, even those the chart leaves empty. */
static raci_error add_roles(struct mx *x)
{
    raci_error err = RACI_OK;

    for (uint32_t c = 0; c < x->d->ncols && !err; c++) {
        x->role_of[c] = c;
        if (!is_role(x, c))
            continue;
        x->who[c] = x->m->cols->v[c].name;
        if (!*x->who[c])
            err = unnamed_column(x, c);
        else if (x->m->cols->v[c].flags & RACI_COLUMN_AGAIN)
            err = raci_shape_duplicate_column(x->r, x->t, x->m->cols, c, 1);
    }
    if (!err && !x->scoped) {
        uint32_t product, who;
        struct raci_loc l = {x->t->file, x->t->header.line, 1, x->t->sheet};
        const char *name = x->d->heading ? x->d->heading : x->m->product;
        if ((err = raci_roster_product(x->r, name, l, &product)))
            return err;
        for (uint32_t c = 0; c < x->d->ncols && !err; c++)
            if (is_role(x, c))
                err = role_person(x, c, product, &who);
    }
    return err;
}

raci_error raci_matrix_add(struct raci_roster *r, const struct raci_matrix *m)
{
    struct mx x = {.r = r, .m = m, .t = m->t, .d = m->d};
    uint32_t n = m->d->ncols ? m->d->ncols : 1;
    raci_error err = RACI_ERROR_NOMEM;

    x.scoped = m->d->group >= 0 || m->d->headings > 0;
    x.who = calloc(n, sizeof(*x.who));
    x.role_of = calloc(n, sizeof(*x.role_of));
    if (x.who && x.role_of)
        err = add_roles(&x);
    if (m->d->heading && !err && !(x.heading = raci_shape_trim(r, m->d->heading)))
        err = RACI_ERROR_NOMEM;
    x.heading_loc = (struct raci_loc){m->t->file, m->t->header.line, 1, m->t->sheet};
    for (size_t i = 0; i < m->t->nrows && !err; i++)
        err = add_row(&x, &m->t->rows[i]);
    free(x.who);
    free(x.role_of);
    return err;
}

/* -------------------------------------------------------------- turned -- */

raci_error raci_matrix_ragged(struct raci_roster *r, const struct raci_table *t)
{
    raci_error err = RACI_OK;

    for (size_t i = 0; i < t->nrows && !err; i++) {
        const struct raci_row *row = &t->rows[i];
        struct raci_loc l = {t->file, row->line, 1, t->sheet};
        if (row->ncells != t->header.ncells)
            err =
                raci_roster_issue(r, RACI_ROW_RAGGED, l, row->ncells, t->header.ncells, RACI_NONE);
    }
    return err;
}

/* The cell of row at column c, or an empty one at the row's start. */
static struct raci_cell cell_or_empty(const struct raci_row *row, int c)
{
    struct raci_cell e = {"", row->line, 1};
    return c >= 0 && (uint32_t)c < row->ncells ? row->cells[c] : e;
}

/* The rows of t that name a person or role, and the task columns. */
static size_t named_rows(const struct raci_table *t, const struct raci_detect *d,
                         const struct raci_ruleset *rs, const struct raci_row **rows)
{
    size_t n = 0;

    for (size_t i = 0; i < t->nrows; i++) {
        const struct raci_row *row = &t->rows[i];
        if (raci_detect_row(d, &t->header, row, rs) == RACI_ROW_DATA &&
            !blank_text(text_of(row, d->label)))
            rows[n++] = row;
    }
    return n;
}

/* A row of a turned table with no letters in it but prose or links (a
 * "see also" row under a published chart) is the tasks' notes, as a notes
 * column is in a matrix, not one more role. */
static int prose_row(const struct raci_row *row, const struct raci_detect *d,
                     const struct raci_ruleset *rs)
{
    int prose = 0;
    for (uint32_t c = 0; c < d->ncols; c++) {
        const char *s = text_of(row, (int)c);
        if (d->col[c] != RACI_DETECT_ROLE || blank_text(s))
            continue;
        if (raci_cells_letters(s, rs))
            return 0;
        prose |= strlen(s) >= 20 || (strchr(s, ' ') && strchr(strchr(s, ' ') + 1, ' '));
    }
    return prose;
}

raci_error raci_matrix_turn(struct raci_matrix_turned *out, const struct raci_table *t,
                            const struct raci_detect *d, const struct raci_ruleset *rs)
{
    const struct raci_row **rows = malloc((t->nrows ? t->nrows : 1) * sizeof(*rows));
    size_t np, ntasks = 0, w;

    memset(out, 0, sizeof(*out));
    if (!rows)
        return RACI_ERROR_NOMEM;
    np = named_rows(t, d, rs, rows);
    for (uint32_t c = 0; c < d->ncols; c++)
        ntasks += d->col[c] == RACI_DETECT_ROLE;
    w = np + 1;
    out->t = *t;
    out->cells = calloc(w * (ntasks + 1), sizeof(*out->cells));
    out->t.rows = calloc(ntasks ? ntasks : 1, sizeof(*out->t.rows));
    out->titles = calloc(w, sizeof(*out->titles));
    out->d.col = calloc(w, 1);
    if (!out->cells || !out->t.rows || !out->titles || !out->d.col) {
        free(rows);
        raci_matrix_turned_release(out);
        return RACI_ERROR_NOMEM;
    }
    out->t.header = (struct raci_row){t->header.line, (uint32_t)w, out->cells};
    out->t.header.cells[0] = cell_or_empty(&t->header, d->label);
    for (size_t p = 0; p < np; p++) {
        out->t.header.cells[p + 1] = cell_or_empty(rows[p], d->label);
        out->titles[p + 1] = d->title >= 0 ? text_of(rows[p], d->title) : NULL;
        out->d.col[p + 1] = prose_row(rows[p], d, rs) ? RACI_DETECT_NOTE : RACI_DETECT_ROLE;
    }
    out->t.nrows = out->t.cap = 0;
    for (uint32_t c = 0; c < d->ncols; c++) {
        struct raci_row *row;
        if (d->col[c] != RACI_DETECT_ROLE)
            continue;
        row = &out->t.rows[out->t.nrows++];
        row->cells = out->cells + w * out->t.nrows;
        row->ncells = (uint32_t)w;
        row->cells[0] = cell_or_empty(&t->header, (int)c);
        row->line = row->cells[0].line;
        for (size_t p = 0; p < np; p++)
            row->cells[p + 1] = cell_or_empty(rows[p], (int)c);
    }
    out->d.col[0] = RACI_DETECT_LABEL;
    out->d.ncols = (uint32_t)w;
    out->d.shape = RACI_DETECT_MATRIX;
    out->d.label = 0;
    out->d.group = out->d.title = -1;
    out->d.heading = d->heading;
    free(rows);
    return RACI_OK;
}

void raci_matrix_turned_release(struct raci_matrix_turned *m)
{
    free(m->cells);
    free(m->t.rows);
    free(m->titles);
    free(m->d.col);
    memset(m, 0, sizeof(*m));
}
