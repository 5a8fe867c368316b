/*
 * detect.c - which shape a table is in: a long roster, a matrix of tasks by
 * roles or people, or one turned on its side; and, in a matrix, what each
 * column and each row is.
 *
 * The cells decide where the header does not: each column of the rows
 * below the header is counted for its letters, its other text, how long
 * that text is and how often its values repeat. Tasks are a column of text
 * whose values differ, with letters to their right; a grouping column
 * repeats its values, or leaves blank what merged cells spanned; notes are
 * long prose.
 */
#include "raci/detect.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "raci/cells.h"
#include "raci/columns.h"
#include "raci/letters.h"
#include "raci/str.h"
#include "raci/words.h"
#include "raci/titles.h"

/* Words that lean the same way, but head a column of tasks too ("Name"). */
static const char *const weak_people_words[] = {"name",  "names",     "member",    "members",
                                                "who",   "resource",  "resources", "position",
                                                "title", "job title", NULL};
/* ------------------------------------------------------------ helpers -- */

const struct raci_row *raci_detect_row_at(const struct raci_table *t, size_t k)
{
    if (k == 0)
        return &t->header;
    return k <= t->nrows ? &t->rows[k - 1] : NULL;
}

void raci_detect_span(uint32_t first, uint32_t last, char out[32])
{
    char a[8], b[8];

    raci_columns_label(first, a);
    raci_columns_label(last, b);
    if (first == last)
        snprintf(out, 32, "column %s", a);
    else
        snprintf(out, 32, "columns %s to %s", a, b);
}

/* --------------------------------------------------------------- rows -- */

/* Does row name the roles of d's header (in any order), as the header of
 * another table does? No letters in it, and most roles named. */
static int names_roles(const struct raci_detect *d, const struct raci_row *header,
                       const struct raci_row *row, const struct raci_ruleset *rs)
{
    uint32_t roles = 0, named = 0;

    for (uint32_t c = 0; c < d->ncols; c++) {
        const char *s = raci_cells_text(row, (int)c);
        if (d->col[c] != RACI_DETECT_ROLE)
            continue;
        roles++;
        if (raci_cells_letters(s, rs))
            return 0;
        for (uint32_t k = 0; k < d->ncols && !raci_cells_blank(s); k++)
            if (d->col[k] == RACI_DETECT_ROLE &&
                raci_str_same_key(s, raci_cells_text(header, (int)k)) == 1) {
                named++;
                break;
            }
    }
    return named >= 2 && 2 * named >= roles;
}

enum raci_detect_row raci_detect_row(const struct raci_detect *d, const struct raci_row *header,
                                     const struct raci_row *row, const struct raci_ruleset *rs)
{
    int only = -1;
    uint32_t n = raci_cells_filled(row, &only);

    if (n == 0)
        return RACI_ROW_BLANK;
    if (raci_cells_legend(row))
        return RACI_ROW_LEGEND;
    if (n == 1 && (only == 0 || only == d->label) &&
        !raci_cells_letters(raci_cells_text(row, only), rs))
        return RACI_ROW_HEADING;
    if (raci_cells_same_row(header, row) || names_roles(d, header, row, rs))
        return RACI_ROW_HEADER;
    return RACI_ROW_DATA;
}

/* ------------------------------------------------------------ columns -- */

/* ---------------------------------------------------------- detection -- */

/* The table as detection sees it. */
struct scan {
    const struct raci_table *t;
    const struct raci_ruleset *rs;
    const struct raci_row *header;
    const struct raci_row **rows; /* the data rows below the header */
    size_t nrows;
    struct raci_cells_stats *st; /* per header column */
    struct raci_columns cols;
    struct raci_detect *d;
    int second;                  /* another column that could be the label, or -1 */
    int first;                   /* the first column of marks */
    enum raci_detect_shape lean; /* the page's earlier table's orientation */
    struct raci_map legend;      /* raci_cells_legend_in's memo */
};

static const char *header_at(const struct scan *sc, int c)
{
    return raci_cells_text(sc->header, c);
}

/* Does any cell of row read as letters? */
static int any_letters(const struct raci_row *row, const struct raci_ruleset *rs)
{
    for (uint32_t c = 0; c < row->ncells; c++)
        if (raci_cells_letters(row->cells[c].text, rs))
            return 1;
    return 0;
}

/* The header row: the first with two cells or more that is no legend and
 * holds no letters; the rows above it are headings (a title), the last of
 * which names what follows. A heading that names a column ("Task") is the
 * header itself, and so is the first row when a row of letters comes
 * before any such. */
static void find_header(struct scan *sc)
{
    const struct raci_row *row;

    sc->header = &sc->t->header;
    for (size_t k = 0; (row = raci_detect_row_at(sc->t, k)); k++) {
        int only = -1;
        uint32_t n = raci_cells_filled(row, &only);
        if (raci_cells_legend_in(row, &sc->legend) || n == 0)
            continue;
        if (any_letters(row, sc->rs))
            break;
        if (n >= 2) {
            sc->d->header = (uint32_t)k;
            sc->header = row;
            return;
        }
        if (raci_cells_key_in(raci_cells_text(row, only), raci_words_task) ||
            raci_cells_key_in(raci_cells_text(row, only), raci_words_people))
            break;
        sc->d->heading = raci_cells_text(row, only);
    }
    sc->d->heading = NULL;
}

/* The data rows below the header, the headings counted; the columns'
 * statistics. */
static raci_error scan_rows(struct scan *sc)
{
    const struct raci_row *row;

    if (!(sc->rows = malloc((sc->t->nrows + 1) * sizeof(*sc->rows))) ||
        !(sc->st = calloc(sc->d->ncols ? sc->d->ncols : 1, sizeof(*sc->st))))
        return RACI_ERROR_NOMEM;
    for (size_t k = sc->d->header + 1; (row = raci_detect_row_at(sc->t, k)); k++) {
        int only = -1;
        uint32_t n = raci_cells_filled(row, &only);
        if (n == 0 || raci_cells_legend_in(row, &sc->legend) ||
            raci_cells_same_row(sc->header, row))
            continue;
        if (n >= 2)
            sc->rows[sc->nrows++] = row;
        else if (!raci_cells_letters(raci_cells_text(row, only), sc->rs))
            sc->d->headings++;
    }
    return raci_cells_columns_stats(sc->st, sc->rows, sc->nrows, sc->d->ncols, sc->rs);
}

/* Could column c hold the tasks? Text that is mostly no letters, in most
 * rows, with values that mostly differ; named_ok: even a column named as a
 * note or a group. */
static int candidate(const struct scan *sc, uint32_t c, int named_ok)
{
    const struct raci_cells_stats *s = &sc->st[c];
    const char *h = header_at(sc, (int)c);

    if (raci_cells_kind(s) != RACI_CELLS_TEXT || s->alpha < 2 || 2 * s->n < sc->nrows ||
        10 * s->distinct < 6 * s->n)
        return 0;
    if (!named_ok && s->gaps)
        return 0; /* blank below a value: a group's merged cells, more likely */
    return named_ok ||
           !(raci_cells_key_in(h, raci_words_note) || raci_cells_key_in(h, raci_words_group));
}

/* Short words that repeat: the marks of another vocabulary ("Owns"). */
static int mark_column(const struct raci_cells_stats *s)
{
    return raci_cells_kind(s) == RACI_CELLS_TEXT && 10 * s->marks >= 8 * s->n && s->distinct <= 4;
}

/* The first column of marks: letters, or else (a table in another
 * vocabulary) short words that repeat; -1 when none. *marks: it is no
 * letters. */
static int first_marks(const struct scan *sc, int *marks)
{
    *marks = 0;
    for (uint32_t c = 0; c < sc->d->ncols; c++)
        if (raci_cells_kind(&sc->st[c]) == RACI_CELLS_LETTERS)
            return (int)c;
    if (sc->cols.of[RACI_COLUMN_PERSON] >= 0 || sc->cols.of[RACI_COLUMN_TITLE] >= 0 ||
        sc->nrows < 2)
        return -1;
    for (uint32_t c = 1; c + 1 < sc->d->ncols; c++)
        if (mark_column(&sc->st[c]) && mark_column(&sc->st[c + 1]) && candidate(sc, c - 1, 1)) {
            *marks = 1;
            return (int)c;
        }
    return -1;
}

/* The label column of a matrix, or -1; sc->second gets another candidate
 * when the choice is a close call. */
static int find_label(struct scan *sc, int f)
{
    int first = -1;

    sc->second = -1;
    if (sc->cols.of[RACI_COLUMN_TASK] >= 0 &&
        raci_cells_kind(&sc->st[sc->cols.of[RACI_COLUMN_TASK]]) != RACI_CELLS_LETTERS)
        return sc->cols.of[RACI_COLUMN_TASK];
    for (uint32_t c = 0; f < 0 && c < sc->d->ncols; c++)
        if (raci_cells_key_in(header_at(sc, (int)c), raci_words_task) &&
            raci_cells_kind(&sc->st[c]) == RACI_CELLS_TEXT)
            return (int)c; /* no letters anywhere: the header says where the tasks are */
    if (f < 0)
        return -1;
    for (int named_ok = 0; named_ok < 2 && first < 0; named_ok++)
        for (int c = 0; c < f; c++) {
            if (!candidate(sc, (uint32_t)c, named_ok))
                continue;
            if (raci_cells_key_in(header_at(sc, c), raci_words_task))
                return c;
            if (first < 0)
                first = c;
            else if (sc->second < 0 && sc->st[c].chars < 2 * sc->st[first].chars)
                sc->second = c;
        }
    for (int c = f - 1; c >= 0 && first < 0; c--)
        if (raci_cells_kind(&sc->st[c]) == RACI_CELLS_TEXT && sc->st[c].alpha >= 1)
            first = c;
    return first;
}

/* What column c is, beside the label column. */
static enum raci_detect_column classify(struct scan *sc, int c)
{
    const struct raci_cells_stats *s = &sc->st[c];
    const char *h = header_at(sc, c);
    int k = raci_cells_kind(s);

    /* A column the header calls the product (PRODUCT.md's product column
     * and its aliases) groups the tasks, whatever its values look like:
     * products named "A" and "B" are products, not letters. */
    if (sc->d->group < 0 && (k != RACI_CELLS_LETTERS || raci_cells_key_in(h, raci_words_product)) &&
        raci_cells_key_in(h, raci_words_group)) {
        sc->d->group = c;
        return RACI_DETECT_GROUP;
    }
    if (k != RACI_CELLS_LETTERS && raci_cells_key_in(h, raci_words_note))
        return RACI_DETECT_NOTE;
    if (k == RACI_CELLS_LETTERS)
        return RACI_DETECT_ROLE;
    if (k == RACI_CELLS_EMPTY)
        return c > sc->d->label && !raci_cells_blank(h) ? RACI_DETECT_ROLE : RACI_DETECT_SKIP;
    if (c < sc->d->label)
        return s->distinct < s->n || s->gaps ? RACI_DETECT_GROUP : RACI_DETECT_NOTE;
    if (c < sc->first)
        return RACI_DETECT_NOTE; /* text between the tasks and the letters */
    return s->letters == 0 && (s->chars >= 20 || s->words >= 3) ? RACI_DETECT_NOTE
                                                                : RACI_DETECT_ROLE;
}

/* Every column of a matrix whose label column is d->label; the number of
 * roles. Of the unnamed grouping columns, the nearest the label is one;
 * the others are notes. */
static uint32_t classify_all(struct scan *sc)
{
    struct raci_detect *d = sc->d;
    uint32_t roles = 0;
    int near = -1;

    d->group = -1;
    for (uint32_t c = 0; c < d->ncols; c++)
        if ((int)c != d->label &&
            (d->col[c] = (unsigned char)classify(sc, (int)c)) == RACI_DETECT_GROUP &&
            d->group != (int)c) {
            if (near >= 0)
                d->col[near] = RACI_DETECT_NOTE;
            near = (int)c;
        }
    if (d->group < 0)
        d->group = near;
    else if (near >= 0)
        d->col[near] = RACI_DETECT_NOTE;
    d->col[d->label] = RACI_DETECT_LABEL;
    for (uint32_t c = 0; c < d->ncols; c++)
        roles += d->col[c] == RACI_DETECT_ROLE;
    return roles;
}

/* How far the ruleset finds titles (which > 0) or tasks (which = 0) in
 * the label column rather than in the role headers: +1 or -1 when clearly
 * more on one side, else 0. */
static int found_on(const struct scan *sc, int which)
{
    const struct raci_detect *d = sc->d;
    uint32_t in_label = 0, in_header = 0, roles = 0;

    for (size_t i = 0; i < sc->nrows; i++) {
        const char *s = raci_cells_text(sc->rows[i], d->label);
        in_label +=
            which ? raci_titles_match(sc->rs, s) != 0 : raci_ruleset_find_task(sc->rs, s) >= 0;
    }
    for (uint32_t c = 0; c < d->ncols; c++) {
        const char *s = header_at(sc, (int)c);
        if (d->col[c] != RACI_DETECT_ROLE)
            continue;
        roles++;
        in_header +=
            which ? raci_titles_match(sc->rs, s) != 0 : raci_ruleset_find_task(sc->rs, s) >= 0;
    }
    if (!sc->nrows || !roles)
        return 0;
    /* Fractions compared, a fifth apart at least. */
    if (5 * (in_label * roles) >= 5 * in_header * sc->nrows + sc->nrows * roles)
        return 1;
    if (5 * (in_header * sc->nrows) >= 5 * in_label * roles + sc->nrows * roles)
        return -1;
    return 0;
}

/* Which way the matrix is turned: > 0 tasks down the side (the titles and
 * headers are the roles), < 0 roles down the side; near 0, a close call. */
static int one_a(const struct scan *sc)
{
    int *marks = calloc(sc->d->ncols ? sc->d->ncols : 1, sizeof(*marks)), k;
    for (uint32_t c = 0; marks && c < sc->d->ncols; c++)
        marks[c] = sc->d->col[c] == RACI_DETECT_ROLE;
    k = marks ? raci_cells_one_a(sc->rows, sc->nrows, marks, sc->d->ncols, sc->rs) : 0;
    free(marks);
    return k >= 2 ? 3 : k <= -2 ? -3 : 0;
}

static int orientation(const struct scan *sc)
{
    const struct raci_detect *d = sc->d;
    const char *lh = header_at(sc, d->label);
    double words = 0;
    uint32_t roles = 0;
    int score = 0;

    if (raci_cells_key_in(lh, raci_words_people))
        return -9;
    score -= raci_cells_key_in(lh, weak_people_words) ? 3 : 0;
    if (raci_cells_has_word(lh, raci_words_task) || d->group >= 0 || d->headings || d->label > 0)
        return 9;
    for (uint32_t c = 0; c < d->ncols; c++)
        if (d->col[c] == RACI_DETECT_ROLE) {
            const char *h = header_at(sc, (int)c);
            roles++;
            for (size_t i = 0; h[i]; i++)
                words += h[i] != ' ' && (i == 0 || h[i - 1] == ' ');
        }
    words = roles ? words / roles : 0;
    /* Titles name roles; tasks are the ruleset's tasks. */
    score -= 2 * found_on(sc, 1);
    score += 2 * found_on(sc, 0);
    /* Task names run longer than role names. */
    score += sc->st[d->label].words > words + 0.5   ? 1
             : sc->st[d->label].words + 0.5 < words ? -1
                                                    : 0;
    /* A chart has more tasks than roles, and one A on each. */
    score += sc->nrows > roles ? 1 : sc->nrows < roles ? -1 : 0;
    return score + one_a(sc);
}

/* The columns of the roles (or, turned, of the tasks): "columns C to H". */
static void role_span(const struct raci_detect *d, char out[32])
{
    uint32_t first = UINT32_MAX, last = 0;

    for (uint32_t c = 0; c < d->ncols; c++)
        if (d->col[c] == RACI_DETECT_ROLE) {
            first = first == UINT32_MAX ? c : first;
            last = c;
        }
    raci_detect_span(first == UINT32_MAX ? 0 : first, last, out);
}

/* d->why: what the table was read as. */
static void say_what(struct scan *sc, const char *side, const char *across)
{
    struct raci_detect *d = sc->d;
    char label[8], roles[32];
    const char *h = header_at(sc, d->label);
    int named = !raci_cells_blank(h) && strlen(h) <= 40;

    raci_columns_label((uint32_t)d->label, label);
    role_span(d, roles);
    snprintf(d->why, sizeof d->why, "read as a matrix of %s (column %s%s%s%s) by %s (%s)", side,
             label, named ? ", '" : "", named ? h : "", named ? "'" : "", across, roles);
}

static void add_why(struct raci_detect *d, const char *more)
{
    size_t n = strlen(d->why);
    snprintf(d->why + n, sizeof d->why - n, "%s", more);
}

/* A matrix, in either orientation, in the columns scanned; d->shape is
 * NONE when the cells are none. */
static void find_matrix(struct scan *sc, enum raci_detect_input input)
{
    struct raci_detect *d = sc->d;
    int marks, f = first_marks(sc, &marks), turn;

    sc->first = f;
    marks |= f < 0;

    if ((d->label = find_label(sc, f)) < 0 || classify_all(sc) == 0)
        return;
    turn = orientation(sc);
    if (turn >= -1 && turn <= 1 && sc->lean == RACI_DETECT_TRANSPOSED)
        turn = -2; /* a close call goes the way of the page's other tables */
    else if (turn >= -1 && turn <= 1 && sc->lean == RACI_DETECT_MATRIX)
        turn = 2;
    d->shape = turn < 0 ? RACI_DETECT_TRANSPOSED : RACI_DETECT_MATRIX;
    if (turn < 0)
        say_what(sc, "roles or people", "tasks");
    else
        say_what(sc, "tasks", "roles");
    if (sc->second >= 0) {
        char other[8], more[128];
        raci_columns_label((uint32_t)sc->second, other);
        snprintf(more, sizeof more,
                 "; column %s could hold the tasks too: head the tasks' column "
                 "'Task' to state it",
                 other);
        add_why(d, more);
        d->unsure = 1;
    } else if (turn >= -1 && turn <= 1) {
        char more[160], label[8];
        raci_columns_label((uint32_t)d->label, label);
        snprintf(more, sizeof more,
                 "; it could be turned the other way: head column %s 'Task' "
                 "(tasks down the side) or 'Role' (roles down the side) to state it",
                 label);
        add_why(d, more);
        d->unsure = 1;
    }
    if (marks && input == RACI_INPUT_AUTO) {
        add_why(d, "; its cells hold no letters: state the shape with --input matrix");
        d->unsure = 1;
    }
}

/* A roster of people with titles whose other columns hold letters: people
 * by tasks. The label is the person column. 0 when it is none. */
static int find_people(struct scan *sc, enum raci_detect_input input)
{
    struct raci_detect *d = sc->d;
    uint32_t tasks = 0;

    d->label = sc->cols.of[RACI_COLUMN_PERSON];
    d->title = sc->cols.of[RACI_COLUMN_TITLE];
    d->group = -1;
    for (uint32_t c = 0; c < d->ncols; c++) {
        int k = raci_cells_kind(&sc->st[c]);
        if ((int)c == d->label || (int)c == d->title)
            d->col[c] = (int)c == d->label ? RACI_DETECT_LABEL : RACI_DETECT_TITLE;
        else if (sc->cols.v[c].kind == RACI_COLUMN_OTHER && k == RACI_CELLS_LETTERS)
            d->col[c] = RACI_DETECT_ROLE, tasks++;
        else
            d->col[c] = RACI_DETECT_NOTE;
    }
    if (tasks < (input == RACI_INPUT_MATRIX ? 1u : 2u))
        return 0;
    d->shape = RACI_DETECT_TRANSPOSED;
    say_what(sc, "people", "tasks");
    if (input == RACI_INPUT_AUTO && tasks < 3) {
        add_why(d, "; state the shape with --input matrix, or --input roster to read it as a "
                   "roster");
        d->unsure = 1;
    }
    return 1;
}

/* The shape, once the header and the columns are known. */
static void decide(struct scan *sc, enum raci_detect_input input)
{
    const int *of = sc->cols.of;
    struct raci_detect *d = sc->d;
    int person = of[RACI_COLUMN_PERSON] >= 0, title = of[RACI_COLUMN_TITLE] >= 0;
    int roster =
        (person && title) || of[RACI_COLUMN_RACI] >= 0 || (person && of[RACI_COLUMN_TASK] >= 0);

    int people = person && title && of[RACI_COLUMN_TASK] < 0 && of[RACI_COLUMN_RACI] < 0;

    if (input != RACI_INPUT_ROSTER && people && find_people(sc, input))
        return;
    d->title = -1;
    if (input != RACI_INPUT_MATRIX && roster) {
        d->shape = RACI_DETECT_ROSTER;
        return;
    }
    find_matrix(sc, input);
    if (input == RACI_INPUT_ROSTER) {
        d->looks = d->shape;
        d->shape = RACI_DETECT_NONE;
    }
}

raci_error raci_detect_table(struct raci_detect *d, const struct raci_table *t,
                             const struct raci_ruleset *rs, struct raci_strpool *pool,
                             enum raci_detect_input input)
{
    return raci_detect_table_after(d, t, rs, pool, input, RACI_DETECT_NONE);
}

raci_error raci_detect_table_after(struct raci_detect *d, const struct raci_table *t,
                                   const struct raci_ruleset *rs, struct raci_strpool *pool,
                                   enum raci_detect_input input, enum raci_detect_shape lean)
{
    struct scan sc = {.t = t, .rs = rs, .d = d, .lean = lean};
    struct raci_table view = *t;
    raci_error err;

    memset(d, 0, sizeof(*d));
    d->label = d->group = d->title = -1;
    if (input != RACI_INPUT_ROSTER && raci_cells_product_sheet(t)) {
        d->shape = RACI_DETECT_PRODUCT_SHEET;
        return RACI_OK;
    }
    find_header(&sc);
    view.header = *sc.header;
    d->ncols = sc.header->ncells;
    if ((err = raci_columns_read(&sc.cols, &view, pool)))
        return err;
    if (!(d->col = calloc(d->ncols ? d->ncols : 1, 1)) || (err = scan_rows(&sc)))
        err = RACI_ERROR_NOMEM;
    else
        decide(&sc, input);
    raci_columns_release(&sc.cols);
    raci_map_release(&sc.legend);
    free(sc.rows);
    free(sc.st);
    if (err)
        raci_detect_release(d);
    return err;
}

void raci_detect_release(struct raci_detect *d)
{
    free(d->col);
    memset(d, 0, sizeof(*d));
}
