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
 *
 * Nothing of the table is dropped or merged unseen: what the reader found in
 * a cell, a header that names a column twice and a column of letters with
 * no header become the roster's cell issues, and the data is kept.
 */
#include "raci/shape.h"

#include <stdlib.h>
#include <string.h>

#include "raci/columns.h"
#include "raci/letters.h"
#include "raci/str.h"

/* One table being added. */
struct shape {
    struct raci_roster *r;
    const struct raci_table *t;
    struct raci_columns cols;
    const int *of;                /* cols.of */
    int *take;                    /* per header column: an extra column (long) or a role (wide) */
    uint32_t *extra;              /* long: per header column, its extra column in the roster */
    const char **who;             /* wide: per role column, the person's name */
    const char *fallback_product; /* when the table has no product column */
};

/* ------------------------------------------------------------- cells -- */

static struct raci_loc loc_of(const struct raci_table *t, const struct raci_cell *c)
{
    struct raci_loc l = {t->file, c->line, c->col, t->sheet};
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
        struct raci_loc l = {t->file, row->line, 1, t->sheet};
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

/* -------------------------------------------------------- cell issues -- */

/* How many of the first characters of s (n bytes) fit in max UTF-16 units:
 * where a workbook cell cuts it. */
static uint32_t chars_within(const char *s, size_t n, size_t max)
{
    size_t units = 0, chars = 0;

    for (size_t i = 0, k; i < n; i += k ? k : 1) {
        uint32_t cp = 0;
        k = raci_str_decode(s + i, n - i, &cp);
        units += k && cp > 0xFFFF ? 2 : 1;
        if (units > max)
            break;
        chars++;
    }
    return (uint32_t)chars;
}

/* The issues of cell c of row (the header, for row NULL), of person's,
 * from what the reader noted in it. */
static raci_error cell_issues(struct shape *sh, const struct raci_row *row, uint32_t c,
                              uint32_t person)
{
    const struct raci_cell *cell = &(row ? row : &sh->t->header)->cells[c];
    const struct raci_cell_note *n = &sh->t->notes[cell->note];
    struct raci_cell_issue is = {.problem = RACI_CELL_BAD_TEXT};
    raci_error err = RACI_OK;

    is.loc = loc_of(sh->t, cell);
    is.header = !row;
    is.person = person;
    is.column = c < sh->cols.n ? sh->cols.v[c].name : "";
    if (c < sh->cols.n) {
        is.label = sh->cols.v[c].label;
    } else {
        /* A field past the header's last column, of a ragged row. */
        char label[8];
        raci_columns_label(c, label);
        if (!(is.label = raci_strpool_add(sh->r->pool, label)))
            return RACI_ERROR_NOMEM;
    }
    is.first = is.first_label = is.value = "";
    if (cell->flags & RACI_READER_BAD_TEXT) {
        is.value = sh->t->encoding;
        is.at = (struct raci_loc){sh->t->file, n->bad_line, n->bad_col, sh->t->sheet};
        is.what = n->bad_what;
        is.code = n->bad_code;
        is.count = n->nbad;
        err = raci_roster_cell_issue(sh->r, &is);
    }
    if (!err && (cell->flags & RACI_READER_STRAY_QUOTE)) {
        is.problem = RACI_CELL_STRAY_QUOTE;
        is.value = "";
        is.at = (struct raci_loc){sh->t->file, n->quote_line, n->quote_col, sh->t->sheet};
        is.what = is.code = 0;
        is.count = n->nquotes;
        err = raci_roster_cell_issue(sh->r, &is);
    }
    if (!err && (cell->flags & RACI_READER_LONG)) {
        size_t len = strlen(cell->text);
        is.problem = RACI_CELL_LONG;
        is.value = "";
        is.at = is.loc;
        is.what = is.code = 0;
        is.count = (uint32_t)raci_str_chars(cell->text, len);
        is.units = n->units;
        /* The workbook keeps what fits before an ellipsis (xlsx_book.c). */
        is.kept = chars_within(cell->text, len, RACI_READER_CELL_UNITS - 1);
        err = raci_roster_cell_issue(sh->r, &is);
    }
    return err;
}

/* The issues of every cell of row (the header, for NULL) that the reader
 * flagged; person: whose row it is, or RACI_NONE. */
static raci_error row_issues(struct shape *sh, const struct raci_row *row, uint32_t person)
{
    const struct raci_row *cells = row ? row : &sh->t->header;
    raci_error err = RACI_OK;

    for (uint32_t c = 0; c < cells->ncells && !err; c++)
        if (cells->cells[c].flags)
            err = cell_issues(sh, row, c, person);
    return err;
}

/* The header names column c again (columns.h): say what was made of it. */
static raci_error duplicate_column(struct shape *sh, uint32_t c, int wide)
{
    const struct raci_column *col = &sh->cols.v[c], *first = &sh->cols.v[col->first];
    struct raci_cell_issue is = {.problem = RACI_CELL_DUPLICATE_COLUMN};

    is.loc = loc_of(sh->t, &sh->t->header.cells[c]);
    is.header = 1;
    is.at = loc_of(sh->t, &sh->t->header.cells[col->first]);
    is.person = RACI_NONE;
    is.column = col->name;
    is.label = col->label;
    is.first = first->name;
    is.first_label = first->label;
    is.value = (col->flags & RACI_COLUMN_AGAIN_KNOWN) ? raci_columns_kind_name(first->kind) : "";
    is.what = ((col->flags & RACI_COLUMN_AGAIN_KNOWN) ? RACI_CELL_KNOWN : 0) |
              (wide ? RACI_CELL_AS_ROLE : 0);
    return raci_roster_cell_issue(sh->r, &is);
}

/* ---------------------------------------------------------------- long -- */

/* The person a long row names, with the problems of the row recorded;
 * RACI_NONE in *person for a row with no name, which is skipped. */
static raci_error long_person(struct shape *sh, const struct raci_row *row, uint32_t *person)
{
    struct raci_roster *r = sh->r;
    const struct raci_table *t = sh->t;
    const int *of = sh->of;
    struct raci_loc rowloc = {t->file, row->line, 1, t->sheet};
    const char *name = trim_intern(r, cell_text(row, of[RACI_COLUMN_PERSON]));
    const char *title = trim_intern(r, cell_text(row, of[RACI_COLUMN_TITLE]));
    const char *id = trim_intern(r, cell_text(row, of[RACI_COLUMN_ID]));
    const char *mgr = trim_intern(r, cell_text(row, of[RACI_COLUMN_REPORTS_TO]));
    struct raci_loc at = cell_loc(t, row, of[RACI_COLUMN_PERSON]);
    int ragged = row->ncells != t->header.ncells;
    raci_error err;

    *person = RACI_NONE;
    if (!name || !title || !id || !mgr)
        return RACI_ERROR_NOMEM;
    if (!*name) {
        if (ragged && (err = raci_roster_issue(r, RACI_ROW_RAGGED, rowloc, row->ncells,
                                               t->header.ncells, RACI_NONE)))
            return err;
        return raci_roster_issue(r, RACI_ROW_NO_PERSON, at, 0, 0, RACI_NONE);
    }
    if ((err = raci_roster_person(r, name, id, NULL, at, person)))
        return err;
    /* The issue names the person, so that it keeps its identity when the
     * rows are re-sorted (baselines compare by subject, not by line). */
    if (ragged && (err = raci_roster_issue(r, RACI_ROW_RAGGED, rowloc, row->ncells,
                                           t->header.ncells, *person)))
        return err;
    if (!*title)
        err = raci_roster_issue(r, RACI_ROW_NO_TITLE, cell_loc(t, row, of[RACI_COLUMN_TITLE]), 0, 0,
                                *person);
    else
        err = raci_roster_title(r, *person, title, cell_loc(t, row, of[RACI_COLUMN_TITLE]));
    if (!err)
        raci_roster_manager(r, *person, mgr, cell_loc(t, row, of[RACI_COLUMN_REPORTS_TO]));
    return err;
}

/* Add a long row; *person gets the person it names, or RACI_NONE. */
static raci_error add_long_row(struct shape *sh, const struct raci_row *row, uint32_t *person)
{
    struct raci_roster *r = sh->r;
    const struct raci_table *t = sh->t;
    const int *of = sh->of;
    struct raci_loc rowloc = {t->file, row->line, 1, t->sheet};
    const char *prod = trim_intern(r, cell_text(row, of[RACI_COLUMN_PRODUCT]));
    const char *tname = trim_intern(r, cell_text(row, of[RACI_COLUMN_TASK]));
    uint32_t who, product, task;
    raci_error err;

    if (!prod || !tname)
        return RACI_ERROR_NOMEM;
    if ((err = long_person(sh, row, person)) || (who = *person) == RACI_NONE)
        return err;
    for (uint32_t c = 0; c < row->ncells && c < t->header.ncells; c++)
        if (sh->take[c] && (err = raci_roster_extra_value(r, who, sh->extra[c], row->cells[c].text,
                                                          loc_of(t, &row->cells[c]))))
            return err;
    /* A file without a product column is one product; in a file with
     * one, an empty cell on a roster entry puts the person in none. */
    if (!*prod && of[RACI_COLUMN_PRODUCT] >= 0 && !*tname)
        return RACI_OK;
    if ((err = raci_roster_product(r, *prod ? prod : sh->fallback_product,
                                   *prod ? cell_loc(t, row, of[RACI_COLUMN_PRODUCT]) : rowloc,
                                   &product)) ||
        (err = raci_roster_member(r, who, product, cell_loc(t, row, of[RACI_COLUMN_PERSON]))))
        return err;
    if (!*tname)
        return RACI_OK; /* a roster entry alone */
    if ((err = raci_roster_task(r, product, tname, cell_loc(t, row, of[RACI_COLUMN_TASK]), &task)))
        return err;
    if (of[RACI_COLUMN_RACI] < 0)
        return RACI_OK;
    return assign_cell(r, who, product, task, cell_text(row, of[RACI_COLUMN_RACI]),
                       cell_loc(t, row, of[RACI_COLUMN_RACI]), row->line);
}

/* Every other column is an extra column of the roster, and every row a
 * person's. */
static raci_error add_long(struct shape *sh)
{
    uint32_t n = sh->cols.n;
    raci_error err = RACI_OK;

    if (!(sh->extra = calloc(n ? n : 1, sizeof(*sh->extra))))
        return RACI_ERROR_NOMEM;
    for (uint32_t c = 0; c < n && !err; c++) {
        const struct raci_column *col = &sh->cols.v[c];
        sh->take[c] = col->kind == RACI_COLUMN_OTHER;
        if (sh->take[c])
            err = raci_roster_extra_column(sh->r, col->name, col->nth, &sh->extra[c]);
        if (!err && (col->flags & RACI_COLUMN_AGAIN))
            err = duplicate_column(sh, c, 0);
    }
    for (size_t i = 0; i < sh->t->nrows && !err; i++) {
        uint32_t person;
        err = add_long_row(sh, &sh->t->rows[i], &person);
        if (!err)
            err = row_issues(sh, &sh->t->rows[i], person);
    }
    return err;
}

/* ---------------------------------------------------------------- wide -- */

/*
 * A role column of a wide chart is one person per product: in a chart that
 * covers several products, "Product Owner" is each product's own PO, not
 * one person owning them all. Without a product column it is one person,
 * unless the header repeats an earlier one's: two "Developer" columns are
 * two developers.
 */
static raci_error wide_person(struct shape *sh, uint32_t col, uint32_t product, uint32_t *out)
{
    struct raci_roster *r = sh->r;
    const char *h = sh->who[col], *title = sh->cols.v[col].name;
    struct raci_loc l = loc_of(sh->t, &sh->t->header.cells[col]);
    const char *scope = NULL;
    raci_error err;

    if (sh->of[RACI_COLUMN_PRODUCT] >= 0)
        scope = raci_strpool_printf(r->pool, "%s#%u#%u", sh->t->file, col, product);
    else if (sh->cols.v[col].flags & RACI_COLUMN_AGAIN)
        scope = raci_strpool_printf(r->pool, "%s#%u", sh->t->file, col);
    if ((sh->of[RACI_COLUMN_PRODUCT] >= 0 || (sh->cols.v[col].flags & RACI_COLUMN_AGAIN)) && !scope)
        return RACI_ERROR_NOMEM;
    if ((err = raci_roster_person(r, h, "", scope, l, out)) ||
        (*title && (err = raci_roster_title(r, *out, title, l))))
        return err;
    return raci_roster_member(r, *out, product, l);
}

/* Does cell c of row hold letters? (UNKNOWN counts: it is meant as some.)
 * Section headings, legends and notes in published charts hold none. */
static int has_letters(const struct raci_roster *r, const struct raci_row *row, uint32_t c)
{
    struct raci_letters l;
    return c < row->ncells && raci_letters_parse(row->cells[c].text, r->rs->aliases,
                                                 r->rs->naliases, &l) != RACI_LETTERS_EMPTY;
}

static int wide_row_has_letters(const struct shape *sh, const struct raci_row *row)
{
    for (uint32_t c = 0; c < sh->cols.n && c < row->ncells; c++)
        if (sh->take[c] && has_letters(sh->r, row, c))
            return 1;
    return 0;
}

static raci_error add_wide_row(struct shape *sh, const struct raci_row *row)
{
    struct raci_roster *r = sh->r;
    const struct raci_table *t = sh->t;
    const int *of = sh->of;
    struct raci_loc rowloc = {t->file, row->line, 1, t->sheet};
    const char *prod = trim_intern(r, cell_text(row, of[RACI_COLUMN_PRODUCT]));
    const char *tname = trim_intern(r, cell_text(row, of[RACI_COLUMN_TASK]));
    uint32_t product, task, who;
    raci_error err;

    if (!prod || !tname)
        return RACI_ERROR_NOMEM;
    if (row->ncells != t->header.ncells &&
        (err = raci_roster_issue(r, RACI_ROW_RAGGED, rowloc, row->ncells, t->header.ncells,
                                 RACI_NONE)))
        return err;
    if (!*tname || !wide_row_has_letters(sh, row))
        return RACI_OK;
    if ((err = raci_roster_product(r, *prod ? prod : sh->fallback_product,
                                   *prod ? cell_loc(t, row, of[RACI_COLUMN_PRODUCT]) : rowloc,
                                   &product)) ||
        (err = raci_roster_task(r, product, tname, cell_loc(t, row, of[RACI_COLUMN_TASK]), &task)))
        return err;
    for (uint32_t c = 0; c < sh->cols.n; c++) {
        if (!sh->take[c])
            continue;
        if ((err = wide_person(sh, c, product, &who)))
            return err;
        if (c < row->ncells && (err = assign_cell(r, who, product, task, row->cells[c].text,
                                                  loc_of(t, &row->cells[c]), row->line)))
            return err;
    }
    return RACI_OK;
}

/* Column c of a wide chart has letters but no header: it is read as a
 * person named after its letters, "(column F)", and said so. */
static raci_error unnamed_column(struct shape *sh, uint32_t c)
{
    const struct raci_column *col = &sh->cols.v[c];
    struct raci_cell_issue is = {.problem = RACI_CELL_UNNAMED_COLUMN};

    if (!(sh->who[c] = raci_strpool_printf(sh->r->pool, "(column %s)", col->label)))
        return RACI_ERROR_NOMEM;
    is.loc = is.at = loc_of(sh->t, &sh->t->header.cells[c]);
    is.header = 1;
    is.person = RACI_NONE; /* a person per product: the column names them all */
    is.column = sh->who[c];
    is.label = col->label;
    is.first = is.first_label = is.value = "";
    return raci_roster_cell_issue(sh->r, &is);
}

static raci_error add_wide(struct shape *sh)
{
    struct raci_roster *r = sh->r;
    raci_error err = RACI_OK;

    if (!(sh->who = calloc(sh->cols.n ? sh->cols.n : 1, sizeof(*sh->who))))
        return RACI_ERROR_NOMEM;
    for (uint32_t c = 0; c < sh->cols.n && !err; c++) {
        if (!sh->take[c])
            continue;
        sh->who[c] = sh->cols.v[c].name;
        if (!*sh->who[c])
            err = unnamed_column(sh, c);
        else if (sh->cols.v[c].flags & RACI_COLUMN_AGAIN)
            err = duplicate_column(sh, c, 1);
    }
    if (!err && sh->of[RACI_COLUMN_PRODUCT] < 0) {
        /* One product: its people are every role column, in order, even
         * those the chart leaves empty. */
        uint32_t product, who;
        struct raci_loc l = {sh->t->file, sh->t->header.line, 1, sh->t->sheet};
        if ((err = raci_roster_product(r, sh->fallback_product, l, &product)))
            return err;
        for (uint32_t c = 0; c < sh->cols.n && !err; c++)
            if (sh->take[c])
                err = wide_person(sh, c, product, &who);
    }
    for (size_t i = 0; i < sh->t->nrows && !err; i++) {
        err = add_wide_row(sh, &sh->t->rows[i]);
        if (!err)
            err = row_issues(sh, &sh->t->rows[i], RACI_NONE);
    }
    return err;
}

/* Is the table a wide chart? A task column, no person, title or raci
 * column, and at least one role: a column raci does not read, named, or
 * unnamed with letters in it (take[] gets them). */
static int is_wide(struct shape *sh)
{
    const int *of = sh->of;
    int roles = 0;

    if (of[RACI_COLUMN_PERSON] >= 0 || of[RACI_COLUMN_TASK] < 0 || of[RACI_COLUMN_TITLE] >= 0 ||
        of[RACI_COLUMN_RACI] >= 0)
        return 0;
    for (uint32_t c = 0; c < sh->cols.n; c++) {
        sh->take[c] = sh->cols.v[c].kind == RACI_COLUMN_OTHER;
        /* An empty header carries nothing, unless its column has letters. */
        for (size_t i = 0; sh->take[c] && !*sh->cols.v[c].name && i < sh->t->nrows; i++)
            if (has_letters(sh->r, &sh->t->rows[i], c))
                sh->take[c] = 2;
        if (sh->take[c] == 1 && !*sh->cols.v[c].name)
            sh->take[c] = 0;
        roles += sh->take[c] != 0;
    }
    return roles > 0;
}

/* ------------------------------------------------------------- tables -- */

/* The header has no person or title column: say which, and what would do. */
static raci_error missing_column(const struct raci_table *t, int c, struct raci_diag *diag)
{
    uint32_t n = t->header.ncells;
    const struct raci_cell *h = n ? &t->header.cells[0] : NULL;

    return raci_diag_set(diag, t->file, t->header.line, 1, NULL,
                         "the header has no %s column (expected one named %s; found %s%s%s)",
                         c == RACI_COLUMN_PERSON ? "person" : "title",
                         c == RACI_COLUMN_PERSON ? "'person', 'name', 'employee' or 'member'"
                                                 : "'title', 'job title', 'role' or 'position'",
                         h ? "'" : "no columns", h ? h->text : "",
                         h ? (n > 1 ? "', ..." : "'") : "");
}

raci_error raci_shape_add(struct raci_roster *r, const struct raci_table *t, struct raci_diag *diag)
{
    struct shape sh = {.r = r, .t = t};
    raci_error err;

    if (raci_roster_add_file(r, t->file) || raci_columns_read(&sh.cols, t, r->pool))
        return RACI_ERROR_NOMEM;
    sh.of = sh.cols.of;
    sh.take = calloc(sh.cols.n ? sh.cols.n : 1, sizeof(*sh.take));
    sh.fallback_product = default_product(r, t->file);
    if (!sh.take || !sh.fallback_product)
        err = RACI_ERROR_NOMEM;
    else if (is_wide(&sh))
        err = add_wide(&sh);
    else if (sh.of[RACI_COLUMN_PERSON] < 0)
        err = missing_column(t, RACI_COLUMN_PERSON, diag);
    else if (sh.of[RACI_COLUMN_TITLE] < 0)
        err = missing_column(t, RACI_COLUMN_TITLE, diag);
    else
        err = add_long(&sh);
    if (!err)
        err = row_issues(&sh, NULL, RACI_NONE);
    raci_columns_release(&sh.cols);
    free(sh.take);
    free(sh.extra);
    free(sh.who);
    return err;
}
