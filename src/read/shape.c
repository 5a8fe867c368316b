/*
 * shape.c - what a table is, and how its rows become the roster.
 *
 * detect.c finds the shape; this file reads the long roster (one row per
 * assignment, with person and title columns; a row without a task is a
 * roster entry alone) and hands a matrix to matrix.c, turned first when it
 * is transposed. The cells' issues are found here for every shape.
 *
 * Nothing of the table is dropped or merged unseen: what the reader found in
 * a cell, a header that names a column twice and a column of letters with
 * no header become the roster's cell issues, and the data is kept.
 */
#include "raci/shape.h"

#include <stdlib.h>
#include <string.h>

#include "raci/assign.h"
#include "raci/blocks.h"
#include "raci/columns.h"
#include "raci/letters.h"
#include "raci/matrix.h"
#include "raci/sheetcsv.h"
#include "raci/str.h"
#include "raci/table.h"

/* Rows of a long roster read between two givings back of their cells. */
#define DROP_EVERY 4096u

/* One table being added. */
struct shape {
    struct raci_roster *r;
    const struct raci_table *t;
    /* The table t views, when its cells may be given back as its rows are
     * read (raci_shape_add_taking); else NULL. */
    struct raci_table *own;
    struct raci_columns cols;
    const int *of;                /* cols.of */
    int *take;                    /* per header column: an extra column (long) */
    uint32_t *extra;              /* long: per header column, its extra column in the roster */
    const char *fallback_product; /* when the table has no product column */
};

/* ------------------------------------------------------------- cells -- */

static struct raci_loc loc_of(const struct raci_table *t, const struct raci_cell *c)
{
    struct raci_loc l = {t->file, c->line, c->col, t->sheet};
    return l;
}

static const char *cell_text(const struct raci_row *row, int col)
{
    if (col < 0 || (uint32_t)col >= row->ncells)
        return "";
    return row->cells[col].text;
}

static int is_trim_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Trimmed copy of a cell's text, interned. */
static const char *trim_intern(struct raci_roster *r, const char *s)
{
    size_t n;
    while (is_trim_space(*s))
        s++;
    for (n = strlen(s); n && is_trim_space(s[n - 1]); n--)
        ;
    return raci_strpool_intern(r->pool, s, n);
}

/* The trimmed text of cell col of row. A cell's text is interned in r's
 * pool already (raci_shape_add_as), so one with nothing to trim is its own
 * trimmed copy, and a million rows are not hashed again. */
static const char *cell_trimmed(struct raci_roster *r, const struct raci_row *row, int col)
{
    const char *s = cell_text(row, col);
    size_t n = strlen(s);

    if (n && !is_trim_space(s[0]) && !is_trim_space(s[n - 1]))
        return s;
    return trim_intern(r, s);
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

const char *raci_shape_trim(struct raci_roster *r, const char *s)
{
    return trim_intern(r, s);
}

struct raci_loc raci_shape_cell_loc(const struct raci_table *t, const struct raci_row *row, int col)
{
    return cell_loc(t, row, col);
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
 * from what the reader noted in it (n). */
static raci_error cell_issues(struct shape *sh, const struct raci_row *row, uint32_t c,
                              const struct raci_cell_note *n, uint32_t person)
{
    const struct raci_cell *cell = &(row ? row : &sh->t->header)->cells[c];
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
    if (n->flags & RACI_READER_BAD_TEXT) {
        is.value = sh->t->encoding;
        is.at = (struct raci_loc){sh->t->file, n->bad_line, n->bad_col, sh->t->sheet};
        is.what = n->bad_what;
        is.code = n->bad_code;
        is.count = n->nbad;
        err = raci_roster_cell_issue(sh->r, &is);
    }
    if (!err && (n->flags & RACI_READER_STRAY_QUOTE)) {
        is.problem = RACI_CELL_STRAY_QUOTE;
        is.value = "";
        is.at = (struct raci_loc){sh->t->file, n->quote_line, n->quote_col, sh->t->sheet};
        is.what = is.code = 0;
        is.count = n->nquotes;
        err = raci_roster_cell_issue(sh->r, &is);
    }
    if (!err && (n->flags & RACI_READER_LONG)) {
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

    if (!sh->t->nnotes) /* most tables: nothing to look up */
        return RACI_OK;
    for (uint32_t c = 0; c < cells->ncells && !err; c++) {
        const struct raci_cell_note *n = raci_table_note(sh->t, &cells->cells[c]);
        if (n)
            err = cell_issues(sh, row, c, n, person);
    }
    return err;
}

raci_error raci_shape_duplicate_column(struct raci_roster *r, const struct raci_table *t,
                                       const struct raci_columns *cols, uint32_t c, int wide)
{
    const struct raci_column *col = &cols->v[c], *first = &cols->v[col->first];
    struct raci_cell_issue is = {.problem = RACI_CELL_DUPLICATE_COLUMN};

    is.loc = loc_of(t, &t->header.cells[c]);
    is.header = 1;
    is.at = loc_of(t, &t->header.cells[col->first]);
    is.person = RACI_NONE;
    is.column = col->name;
    is.label = col->label;
    is.first = first->name;
    is.first_label = first->label;
    is.value = (col->flags & RACI_COLUMN_AGAIN_KNOWN) ? raci_columns_kind_name(first->kind) : "";
    is.what = ((col->flags & RACI_COLUMN_AGAIN_KNOWN) ? RACI_CELL_KNOWN : 0) |
              (wide ? RACI_CELL_AS_ROLE : 0);
    return raci_roster_cell_issue(r, &is);
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
    const char *name = cell_trimmed(r, row, of[RACI_COLUMN_PERSON]);
    const char *title = cell_trimmed(r, row, of[RACI_COLUMN_TITLE]);
    const char *id = cell_trimmed(r, row, of[RACI_COLUMN_ID]);
    const char *mgr = cell_trimmed(r, row, of[RACI_COLUMN_REPORTS_TO]);
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
    const char *prod = cell_trimmed(r, row, of[RACI_COLUMN_PRODUCT]);
    const char *tname = cell_trimmed(r, row, of[RACI_COLUMN_TASK]);
    uint32_t who, product, task;
    size_t ntasks;
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
    ntasks = r->ntasks;
    if ((err = raci_roster_task(r, product, tname, cell_loc(t, row, of[RACI_COLUMN_TASK]), &task)))
        return err;
    if (r->ntasks > ntasks)
        r->tasks[task].row_line = row->line; /* the export places it by its row */
    if (of[RACI_COLUMN_RACI] < 0)
        return RACI_OK;
    return raci_assign_cell(r, who, product, task, cell_text(row, of[RACI_COLUMN_RACI]),
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
            err = raci_shape_duplicate_column(sh->r, sh->t, &sh->cols, c, 0);
    }
    for (size_t i = 0; i < sh->t->nrows && !err; i++) {
        uint32_t person;
        err = add_long_row(sh, &sh->t->rows[i], &person);
        if (!err)
            err = row_issues(sh, &sh->t->rows[i], person);
        /* Each row is read once: the cells of those read are given back
         * while the roster grows (the header and what is above it stay). */
        if (sh->own && (i + 1) % DROP_EVERY == 0) {
            size_t first = (size_t)(sh->t->rows - sh->own->rows);
            raci_table_drop_rows(sh->own, first, first + i + 1);
        }
    }
    return err;
}

/* ------------------------------------------------------------- tables -- */

/* A matrix (turned first, when transposed), and the issues of its cells. */
static raci_error add_matrix(struct shape *sh, const struct raci_detect *d)
{
    struct raci_matrix m = {sh->t, d, &sh->cols, NULL, sh->fallback_product, 0};
    struct raci_matrix_turned u;
    struct raci_columns ucols;
    raci_error err;

    if (d->shape == RACI_DETECT_MATRIX)
        err = raci_matrix_add(sh->r, &m);
    else if (!(err = raci_matrix_ragged(sh->r, sh->t)) &&
             !(err = raci_matrix_turn(&u, sh->t, d, sh->r->rs))) {
        if (!(err = raci_columns_read(&ucols, &u.t, sh->r->pool))) {
            m = (struct raci_matrix){&u.t, &u.d, &ucols, u.titles, sh->fallback_product, 1};
            err = raci_matrix_add(sh->r, &m);
            raci_columns_release(&ucols);
        }
        raci_matrix_turned_release(&u);
    }
    for (size_t i = 0; i < sh->t->nrows && !err; i++)
        err = row_issues(sh, &sh->t->rows[i], RACI_NONE);
    return err;
}

/* The detection was a close call: say what it chose, at the label
 * column's header cell, and how to state it (input-shape). */
static raci_error shape_note(struct shape *sh, const struct raci_detect *d)
{
    struct raci_cell_issue is = {.problem = RACI_CELL_INPUT_SHAPE};
    uint32_t c = d->label >= 0 ? (uint32_t)d->label : 0;

    if (c >= sh->t->header.ncells || c >= sh->cols.n)
        return RACI_OK;
    is.loc = is.at = loc_of(sh->t, &sh->t->header.cells[c]);
    is.header = 1;
    is.person = RACI_NONE;
    is.column = sh->cols.v[c].name;
    is.label = sh->cols.v[c].label;
    is.first = is.first_label = "";
    if (!(is.value = raci_strpool_add(sh->r->pool, d->why)))
        return RACI_ERROR_NOMEM;
    return raci_roster_cell_issue(sh->r, &is);
}

/* The header's first cell, for a message: "found 'title', ...". */
#define FOUND_FMT "found %s%s%s"
#define FOUND_ARGS(t)                                                                              \
    (t)->header.ncells ? "'" : "no columns", (t)->header.ncells ? (t)->header.cells[0].text : "",  \
        (t)->header.ncells ? ((t)->header.ncells > 1 ? "', ..." : "'") : ""

/* The header has no person or title column: say which, and what would do
 * (a table that is a matrix, when --input roster was given). */
static raci_error missing_column(const struct raci_table *t, int c, const struct raci_detect *d,
                                 struct raci_diag *diag)
{
    const char *more = "";
    char *tail = NULL;
    raci_error err;

    if (d->looks == RACI_DETECT_MATRIX || d->looks == RACI_DETECT_TRANSPOSED)
        more = tail = raci_str_printf("; --input roster reads the long roster, and this table is "
                                      "a matrix: without --input, or with --input matrix, it "
                                      "is %s",
                                      d->why);
    else if (d->shape == RACI_DETECT_NONE && c == RACI_COLUMN_PERSON)
        more = "; nor is it a matrix (expected a column of tasks beside columns of R, A, C and "
               "I letters)";
    err = raci_diag_set(diag, t->file, t->header.line, 1, NULL,
                        "the header has no %s column (expected one named %s; " FOUND_FMT ")%s",
                        c == RACI_COLUMN_PERSON ? "person" : "title",
                        c == RACI_COLUMN_PERSON ? "'person', 'name', 'employee' or 'member'"
                                                : "'title', 'job title', 'role' or 'position'",
                        FOUND_ARGS(t), more);
    free(tail);
    return err;
}

/* --input matrix, on a table that is none. */
static raci_error no_matrix(const struct raci_table *t, struct raci_diag *diag)
{
    return raci_diag_set(diag, t->file, t->header.line, 1, NULL,
                         "the table is no matrix (expected a column of tasks, or of roles or "
                         "people, beside columns of R, A, C and I letters; " FOUND_FMT ")",
                         FOUND_ARGS(t));
}

/*
 * raci's own product sheet saved as CSV (detect.h): its own reader is to
 * come (it is the export's shape); until then it is refused, so that no
 * other shape takes its title row for a header.
 */
/* raci's product sheets saved as CSV, and --export-matrix's blocks
 * (sheetcsv.h), with what the reader noted in their cells. */
static raci_error add_product_sheets(struct shape *sh, const struct raci_table *t)
{
    raci_error err = raci_sheetcsv_add(sh->r, t);
    for (size_t i = 0; i < t->nrows && !err; i++)
        err = row_issues(sh, &t->rows[i], RACI_NONE);
    return err;
}

/* t is raci's product sheets saved as CSV or --export-matrix's blocks,
 * unless its header names person and title columns (a long roster:
 * *taken is 0 then, and nothing was added). */
static raci_error product_sheets(struct shape *sh, const struct raci_table *t, int *taken)
{
    raci_error err;

    sh->t = t;
    if (raci_columns_read(&sh->cols, t, sh->r->pool))
        return RACI_ERROR_NOMEM;
    if (sh->cols.of[RACI_COLUMN_PERSON] >= 0 && sh->cols.of[RACI_COLUMN_TITLE] >= 0) {
        *taken = 0; /* a long roster whose first row of data starts with 'Task' */
        raci_columns_release(&sh->cols);
        return RACI_OK;
    }
    *taken = 1;
    raci_roster_file_header(sh->r, (struct raci_loc){t->file, t->header.line, 1, t->sheet});
    err = add_product_sheets(sh, t);
    if (!err)
        err = row_issues(sh, NULL, RACI_NONE);
    raci_columns_release(&sh->cols);
    return err;
}

/* Add view (t from its header row on) in the shape d found. */
static raci_error add_shape(struct shape *sh, const struct raci_table *t,
                            const struct raci_detect *d, enum raci_detect_input input,
                            struct raci_diag *diag)
{
    const struct raci_table *v = sh->t;
    raci_error err;

    if (raci_columns_read(&sh->cols, v, sh->r->pool))
        return RACI_ERROR_NOMEM;
    sh->of = sh->cols.of;
    sh->take = calloc(sh->cols.n ? sh->cols.n : 1, sizeof(*sh->take));
    sh->fallback_product = default_product(sh->r, v->file);
    if (!sh->take || !sh->fallback_product)
        return RACI_ERROR_NOMEM;
    if (d->shape == RACI_DETECT_ROSTER ||
        (d->shape == RACI_DETECT_NONE && input != RACI_INPUT_MATRIX))
        err = sh->of[RACI_COLUMN_PERSON] < 0  ? missing_column(v, RACI_COLUMN_PERSON, d, diag)
              : sh->of[RACI_COLUMN_TITLE] < 0 ? missing_column(v, RACI_COLUMN_TITLE, d, diag)
              : d->shape == RACI_DETECT_NONE  ? missing_column(v, RACI_COLUMN_PERSON, d, diag)
                                              : add_long(sh);
    else if (d->shape == RACI_DETECT_NONE)
        err = no_matrix(v, diag);
    else
        err = add_matrix(sh, d);
    if (!err)
        err = row_issues(sh, NULL, RACI_NONE);
    /* Rows above the header: headings, whose cells may still be flagged. */
    for (uint32_t k = 0; k < d->header && !err; k++)
        err = row_issues(sh, raci_detect_row_at(t, k), RACI_NONE);
    if (!err && d->unsure)
        err = shape_note(sh, d);
    return err;
}

/* Add one table of a file (all of it, or one of a page's tables). */
static raci_error add_table(struct raci_roster *r, const struct raci_table *t,
                            struct raci_table *own, enum raci_detect_input input,
                            enum raci_detect_shape *lean, struct raci_diag *diag)
{
    struct shape sh = {.r = r};
    struct raci_detect d;
    struct raci_table view = *t;
    raci_error err;

    if (input != RACI_INPUT_ROSTER && raci_sheetcsv_is(t)) {
        int taken;
        if ((err = product_sheets(&sh, t, &taken)) || taken)
            return err;
        sh = (struct shape){.r = r};
    }
    if ((err = raci_detect_table_after(&d, t, r->rs, r->pool, input, *lean)))
        return err;
    if (d.shape == RACI_DETECT_MATRIX || d.shape == RACI_DETECT_TRANSPOSED)
        *lean = d.shape;
    if (d.header > 0) {
        view.header = t->rows[d.header - 1];
        view.rows = t->rows + d.header;
        view.nrows = t->nrows - d.header;
    }
    sh.t = &view;
    sh.own = own;
    raci_roster_file_header(r, (struct raci_loc){t->file, view.header.line, 1, t->sheet});
    if (d.shape == RACI_DETECT_PRODUCT_SHEET)
        err = raci_diag_set(diag, t->file, t->header.line, 1, NULL,
                            "this looks like a product sheet of raci's workbook saved as CSV "
                            "(row 1 ends in 'Findings') but row 2 does not start with 'Task'; "
                            "put the titles' row back under the names");
    else
        err = add_shape(&sh, t, &d, input, diag);
    raci_detect_release(&d);
    raci_columns_release(&sh.cols);
    free(sh.take);
    free(sh.extra);
    return err;
}

static raci_error shape_add(struct raci_roster *r, const struct raci_table *t,
                            struct raci_table *own, enum raci_detect_input input,
                            struct raci_diag *diag)
{
    size_t *starts, n;
    enum raci_detect_shape lean = RACI_DETECT_NONE;
    raci_error err = RACI_OK;

    if (raci_roster_add_file(r, t->file))
        return RACI_ERROR_NOMEM;
    /* raci's product sheets hold several blocks of their own (sheetcsv.h),
     * a product with nobody on it a heading alone: never split them. */
    if (input == RACI_INPUT_ROSTER || !t->nrows || raci_sheetcsv_is(t))
        return add_table(r, t, own, input, &lean, diag);
    if (!(starts = malloc(t->nrows * sizeof(*starts))))
        return RACI_ERROR_NOMEM;
    n = raci_blocks_split(t, r->rs, starts);
    for (size_t k = 0; k <= n && !err; k++) {
        struct raci_table v = raci_blocks_view(t, starts, n, k);
        err = add_table(r, &v, n == 0 ? own : NULL, input, &lean, diag);
    }
    free(starts);
    return err;
}

raci_error raci_shape_add_as(struct raci_roster *r, const struct raci_table *t,
                             enum raci_detect_input input, struct raci_diag *diag)
{
    return shape_add(r, t, NULL, input, diag);
}

raci_error raci_shape_add_taking(struct raci_roster *r, struct raci_table *t,
                                 enum raci_detect_input input, struct raci_diag *diag)
{
    return shape_add(r, t, t, input, diag);
}

raci_error raci_shape_add(struct raci_roster *r, const struct raci_table *t, struct raci_diag *diag)
{
    return raci_shape_add_as(r, t, RACI_INPUT_AUTO, diag);
}
