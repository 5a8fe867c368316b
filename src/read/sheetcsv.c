/*
 * sheetcsv.c - raci's product sheets, saved as CSV, read back into the
 * roster: a block per product, a column per person, a row per task.
 */
#include "raci/sheetcsv.h"

#include <stdlib.h>
#include <string.h>

#include "raci/assign.h"
#include "raci/columns.h"
#include "raci/letters.h"
#include "raci/map.h"
#include "raci/shape.h"
#include "raci/str.h"

/* The head of the workbook's last column, which sums up findings. */
#define SHEET_FINDINGS "Findings"
/* What joins a person's titles in row 2 (xlsx_book.c writes them so). */
#define SHEET_TITLE_SEP "; "

/* One block being read: rows[head] is row 1 (NULL: the table's header),
 * rows[head + 1] row 2, then the tasks up to rows[end]. */
struct sheet {
    struct raci_roster *r;
    const struct raci_table *t;
    const struct raci_row *names, *titles;
    size_t first, end; /* the task rows: t->rows[first .. end) */
    uint32_t product;
    uint32_t *who;        /* per column: its person, or RACI_NONE for none */
    struct raci_map seen; /* the block's columns so far, by name and titles */
};

static const char *sheet_text(const struct raci_row *row, uint32_t c)
{
    return c < row->ncells ? row->cells[c].text : "";
}

static struct raci_loc sheet_loc(const struct raci_table *t, const struct raci_row *row, uint32_t c)
{
    struct raci_loc l = {t->file, row->line, 1, t->sheet};
    if (c < row->ncells) {
        l.line = row->cells[c].line;
        l.col = row->cells[c].col;
    }
    return l;
}

/* The text of s without the spaces around it, interned. */
static const char *sheet_trim(struct raci_roster *r, const char *s, size_t n)
{
    while (n && (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n'))
        s++, n--;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
        n--;
    return raci_strpool_intern(r->pool, s, n);
}

static int is_word(const char *text, const char *word)
{
    size_t n = strlen(word);
    while (*text == ' ' || *text == '\t')
        text++;
    if (strlen(text) < n)
        return 0;
    for (size_t i = 0; i < n; i++)
        if ((text[i] | 0x20) != (word[i] | 0x20))
            return 0;
    for (text += n; *text == ' ' || *text == '\t' || *text == '\r' || *text == '\n';)
        text++;
    return !*text;
}

static int row_empty(const struct raci_row *row)
{
    for (uint32_t c = 0; c < row->ncells; c++)
        for (const char *s = row->cells[c].text; *s; s++)
            if (*s != ' ' && *s != '\t' && *s != '\r' && *s != '\n')
                return 0;
    return 1;
}

/* The line a row ends on: its last field's, and the line ends in it. */
static uint32_t row_end_line(const struct raci_row *row)
{
    uint32_t line = row->line;
    if (row->ncells) {
        const struct raci_cell *c = &row->cells[row->ncells - 1];
        line = c->line;
        for (const char *s = c->text; *s; s++)
            line += *s == '\n';
    }
    return line;
}

int raci_sheetcsv_is(const struct raci_table *t)
{
    const struct raci_row *names = &t->header, *titles;

    if (!names->ncells || !t->nrows || !t->rows[0].ncells || is_word(names->cells[0].text, "") ||
        !is_word(t->rows[0].cells[0].text, "task"))
        return 0;
    /* Every title of row 2 stands under a name of row 1: a heading above a
     * table whose header starts with 'Task' (several tables in one file) has
     * no names over that header's roles. */
    titles = &t->rows[0];
    for (uint32_t c = 1; c < titles->ncells; c++)
        if (!is_word(titles->cells[c].text, "") &&
            (c >= names->ncells || is_word(names->cells[c].text, "")))
            return 0;
    return 1;
}

/* Does a new block start at t->rows[i]? */
static int block_starts(const struct raci_table *t, size_t i)
{
    const struct raci_row *prev = &t->rows[i - 1];
    if (i + 1 >= t->nrows || !t->rows[i + 1].ncells || !t->rows[i].ncells)
        return 0;
    if (!is_word(t->rows[i + 1].cells[0].text, "task") || is_word(t->rows[i].cells[0].text, ""))
        return 0;
    return row_empty(prev) || t->rows[i].line > row_end_line(prev) + 1;
}

/* ------------------------------------------------------------- people -- */

/* Is column c the workbook's Findings column: the last one named (a
 * spreadsheet may save empty columns after it), with no title? */
static int findings_column(const struct sheet *sh, uint32_t c)
{
    if (!is_word(sheet_text(sh->names, c), SHEET_FINDINGS) ||
        !is_word(sheet_text(sh->titles, c), ""))
        return 0;
    for (uint32_t k = c + 1; k < sh->names->ncells; k++)
        if (!is_word(sheet_text(sh->names, k), ""))
            return 0;
    return 1;
}

/* Does column c hold letters (or what is meant as some) in a task row? */
static int column_has_letters(const struct sheet *sh, uint32_t c)
{
    struct raci_letters l;
    for (size_t i = sh->first; i < sh->end; i++)
        if (c < sh->t->rows[i].ncells &&
            raci_letters_parse(sh->t->rows[i].cells[c].text, sh->r->rs->aliases,
                               sh->r->rs->naliases, &l) != RACI_LETTERS_EMPTY)
            return 1;
    return 0;
}

/* Column c has letters but no name: "(column F)", said so. */
static const char *unnamed(struct sheet *sh, uint32_t c)
{
    struct raci_cell_issue is = {.problem = RACI_CELL_UNNAMED_COLUMN};
    char label[8];

    raci_columns_label(c, label);
    is.loc = is.at = sheet_loc(sh->t, sh->names, c);
    is.header = 1;
    is.person = RACI_NONE;
    is.column = raci_strpool_printf(sh->r->pool, "(column %s)", label);
    is.label = raci_strpool_add(sh->r->pool, label);
    is.first = is.first_label = is.value = "";
    if (!is.column || !is.label || raci_roster_cell_issue(sh->r, &is))
        return NULL;
    return is.column;
}

/* Every title in the cell of column c of row 2, "; " between them. */
static raci_error person_titles(struct sheet *sh, uint32_t c, uint32_t who)
{
    const char *s = sheet_text(sh->titles, c), *sep;
    struct raci_loc l = sheet_loc(sh->t, sh->titles, c);
    raci_error err = RACI_OK;
    int any = 0;

    for (; !err; s = sep + strlen(SHEET_TITLE_SEP)) {
        const char *title;
        sep = strstr(s, SHEET_TITLE_SEP);
        title = sheet_trim(sh->r, s, sep ? (size_t)(sep - s) : strlen(s));
        if (!title)
            return RACI_ERROR_NOMEM;
        if (*title) {
            err = raci_roster_title(sh->r, who, title, l);
            any = 1;
        }
        if (!sep)
            break;
    }
    if (!err && !any)
        err = raci_roster_issue(sh->r, RACI_ROW_NO_TITLE, l, 0, 0, who);
    return err;
}

/* Does column c repeat the name and titles of an earlier column of its
 * block? 1, 0, or -1 when out of memory. Linear: the block's map of both
 * keys. */
static int repeats(struct sheet *sh, const char *name, const char *titles)
{
    const char *nk = raci_strpool_key(sh->r->pool, name);
    const char *tk = raci_strpool_key(sh->r->pool, titles);
    const char *both = nk && tk ? raci_strpool_printf(sh->r->pool, "%s\x1f%s", nk, tk) : NULL;

    if (!both)
        return -1;
    if (raci_map_get(&sh->seen, (uintptr_t)both, 0) != RACI_MAP_NONE)
        return 1;
    return raci_map_put(&sh->seen, (uintptr_t)both, 0, 1) ? -1 : 0;
}

/* The person of column c, on the block's product's team. */
static raci_error column_person(struct sheet *sh, uint32_t c)
{
    struct raci_roster *r = sh->r;
    const char *name = sheet_trim(r, sheet_text(sh->names, c), strlen(sheet_text(sh->names, c)));
    const char *titles =
        sheet_trim(r, sheet_text(sh->titles, c), strlen(sheet_text(sh->titles, c)));
    struct raci_loc l = sheet_loc(sh->t, sh->names, c);
    const char *scope, *key;
    raci_error err;
    int same, again;

    sh->who[c] = RACI_NONE;
    if (!name || !titles)
        return RACI_ERROR_NOMEM;
    if (!*name && !*titles && !column_has_letters(sh, c))
        return RACI_OK; /* padding */
    if (!*name && !(name = unnamed(sh, c)))
        return RACI_ERROR_NOMEM;
    /* A role is one person per product; a person, one by name and titles;
     * a column repeating an earlier one of its block, another one. */
    if ((same = raci_str_same_key(name, titles)) < 0 || (again = repeats(sh, name, titles)) < 0)
        return RACI_ERROR_NOMEM;
    key = raci_strpool_key(r->pool, titles);
    scope = !key ? NULL
            : again
                ? raci_strpool_printf(r->pool, "sheet#%s#%u#%u", sh->t->file, sh->names->line, c)
            : same ? raci_strpool_printf(r->pool, "sheet-role#%u", sh->product)
                   : raci_strpool_printf(r->pool, "sheet#%s", key);
    if (!scope || (err = raci_roster_person(r, name, "", scope, l, &sh->who[c])) ||
        (err = person_titles(sh, c, sh->who[c])))
        return scope ? err : RACI_ERROR_NOMEM;
    return raci_roster_member(r, sh->who[c], sh->product, l);
}

/* -------------------------------------------------------------- tasks -- */

static raci_error sheet_letters(struct sheet *sh, const struct raci_row *row, uint32_t c,
                                uint32_t task)
{
    /* Read as any letters cell is (shape.h): a note typed after the
     * letters is kept. */
    return raci_assign_cell(sh->r, sh->who[c], sh->product, task, row->cells[c].text,
                            sheet_loc(sh->t, row, c), row->line);
}

static raci_error task_row(struct sheet *sh, const struct raci_row *row)
{
    struct raci_roster *r = sh->r;
    const char *name = sheet_trim(r, sheet_text(row, 0), strlen(sheet_text(row, 0)));
    struct raci_loc rowloc = {sh->t->file, row->line, 1, sh->t->sheet};
    uint32_t task;
    raci_error err;

    if (!name)
        return RACI_ERROR_NOMEM;
    if (row_empty(row))
        return RACI_OK;
    if (row->ncells != sh->names->ncells &&
        (err = raci_roster_issue(r, RACI_ROW_RAGGED, rowloc, row->ncells, sh->names->ncells,
                                 RACI_NONE)))
        return err;
    if (!*name)
        return RACI_OK; /* letters without a task: the ragged row, if any, says enough */
    if ((err = raci_roster_task(r, sh->product, name, sheet_loc(sh->t, row, 0), &task)))
        return err;
    for (uint32_t c = 1; c < row->ncells && c < sh->names->ncells; c++)
        if (sh->who[c] != RACI_NONE && (err = sheet_letters(sh, row, c, task)))
            return err;
    return RACI_OK;
}

/* ------------------------------------------------------------- blocks -- */

static raci_error add_block(struct sheet *sh)
{
    struct raci_roster *r = sh->r;
    const struct raci_cell *pc = &sh->names->cells[0];
    const char *product = sheet_trim(r, pc->text, strlen(pc->text));
    uint32_t n = sh->names->ncells;
    raci_error err;

    if (!product)
        return RACI_ERROR_NOMEM;
    if ((err = raci_roster_product(r, product, sheet_loc(sh->t, sh->names, 0), &sh->product)))
        return err;
    free(sh->who);
    raci_map_release(&sh->seen);
    if (!(sh->who = malloc((n ? n : 1) * sizeof(*sh->who))))
        return RACI_ERROR_NOMEM;
    sh->who[0] = RACI_NONE;
    for (uint32_t c = 1; c < n && !err; c++) {
        sh->who[c] = RACI_NONE;
        if (!findings_column(sh, c))
            err = column_person(sh, c);
    }
    for (size_t i = sh->first; i < sh->end && !err; i++)
        err = task_row(sh, &sh->t->rows[i]);
    return err;
}

raci_error raci_sheetcsv_add(struct raci_roster *r, const struct raci_table *t)
{
    struct sheet sh = {.r = r, .t = t};
    raci_error err = RACI_OK;
    size_t i = 1;

    sh.names = &t->header;
    sh.titles = &t->rows[0];
    while (!err) {
        sh.first = i;
        while (i < t->nrows && !block_starts(t, i))
            i++;
        sh.end = i;
        err = add_block(&sh);
        if (i >= t->nrows)
            break;
        sh.names = &t->rows[i];
        sh.titles = &t->rows[i + 1];
        i += 2;
    }
    free(sh.who);
    raci_map_release(&sh.seen);
    return err;
}
