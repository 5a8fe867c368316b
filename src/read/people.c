/*
 * people.c - the people roster: a long roster of people, their titles and
 * managers, which gives a chart's people-named columns who they are.
 */
#include "raci/people.h"

#include <string.h>

#include "raci/columns.h"
#include "raci/str.h"

/* A cell's text, trimmed and interned; "" for a field the row lacks. */
static const char *people_text(struct raci_roster *r, const struct raci_row *row, int col)
{
    const char *s = col >= 0 && (uint32_t)col < row->ncells ? row->cells[col].text : "";
    size_t n;

    while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
        s++;
    n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
        n--;
    return raci_strpool_intern(r->pool, s, n);
}

/* Where a cell is; a field the row lacks is at the row's start. */
static struct raci_loc people_loc(const struct raci_table *t, const struct raci_row *row, int col)
{
    struct raci_loc l = {t->file, row->line, 1};
    if (col >= 0 && (uint32_t)col < row->ncells) {
        l.line = row->cells[col].line;
        l.col = row->cells[col].col;
    }
    return l;
}

static raci_error people_row(struct raci_roster *r, const struct raci_table *t, const int *of,
                             const struct raci_row *row)
{
    const char *name = people_text(r, row, of[RACI_COLUMN_PERSON]);
    const char *title = people_text(r, row, of[RACI_COLUMN_TITLE]);
    const char *id = people_text(r, row, of[RACI_COLUMN_ID]);
    const char *mgr = people_text(r, row, of[RACI_COLUMN_REPORTS_TO]);
    struct raci_loc rowloc = {t->file, row->line, 1},
                    at = people_loc(t, row, of[RACI_COLUMN_PERSON]);
    uint32_t p = RACI_NONE;
    raci_error err = RACI_OK;

    if (!name || !title || !id || !mgr)
        return RACI_ERROR_NOMEM;
    if (*name && (err = raci_roster_person(r, name, id, NULL, at, &p)))
        return err;
    if (row->ncells != t->header.ncells &&
        (err = raci_roster_issue(r, RACI_ROW_RAGGED, rowloc, row->ncells, t->header.ncells, p)))
        return err;
    if (!*name)
        return raci_roster_issue(r, RACI_ROW_NO_PERSON, at, 0, 0, RACI_NONE);
    if ((err = raci_roster_list_person(r, p)))
        return err;
    if (!*title)
        err = raci_roster_issue(r, RACI_ROW_NO_TITLE, people_loc(t, row, of[RACI_COLUMN_TITLE]), 0,
                                0, p);
    else
        err = raci_roster_title(r, p, title, people_loc(t, row, of[RACI_COLUMN_TITLE]));
    if (!err)
        raci_roster_manager(r, p, mgr, people_loc(t, row, of[RACI_COLUMN_REPORTS_TO]));
    return err;
}

raci_error raci_people_add(struct raci_roster *r, const struct raci_table *t,
                           struct raci_diag *diag)
{
    struct raci_columns cols;
    raci_error err = RACI_OK;

    if (raci_roster_add_file(r, t->file) || raci_columns_read(&cols, t, r->pool))
        return RACI_ERROR_NOMEM;
    raci_roster_file_header(r, (struct raci_loc){t->file, t->header.line, 1});
    for (int k = RACI_COLUMN_PERSON; k <= RACI_COLUMN_TITLE && !err; k++)
        if (cols.of[k] < 0)
            err = raci_diag_set(diag, t->file, t->header.line, 1, NULL,
                                "the people roster has no %s column (expected one named %s)",
                                k == RACI_COLUMN_PERSON ? "person" : "title",
                                k == RACI_COLUMN_PERSON
                                    ? "'person', 'name', 'employee' or 'member'"
                                    : "'title', 'job title', 'role' or 'position'");
    for (size_t i = 0; i < t->nrows && !err; i++)
        err = people_row(r, t, cols.of, &t->rows[i]);
    raci_columns_release(&cols);
    return err;
}
