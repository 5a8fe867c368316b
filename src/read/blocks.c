/*
 * blocks.c - the tables of a page that holds several (blocks.h).
 */
#include "raci/blocks.h"

#include "raci/cells.h"

/* The last line a row's cells reach (a quoted field may span lines). */
static uint32_t row_end(const struct raci_row *row)
{
    uint32_t end = row->line;
    for (uint32_t c = 0; c < row->ncells; c++)
        if (row->cells[c].line > end)
            end = row->cells[c].line;
    return end;
}

/* A header of a table: two named cells or more, none of them letters. */
static int header_like(const struct raci_row *row, const struct raci_ruleset *rs)
{
    uint32_t named = 0;
    for (uint32_t c = 0; c < row->ncells; c++) {
        const char *s = row->cells[c].text;
        if (raci_cells_blank(s))
            continue;
        if (raci_cells_letters(s, rs))
            return 0;
        named++;
    }
    return named >= 2;
}

/* Does a table start at rows[i], after prev? */
static int starts_at(const struct raci_table *t, size_t i, const struct raci_row *prev,
                     const struct raci_ruleset *rs)
{
    const struct raci_row *row = &t->rows[i];
    int only = -1;

    if (i + 1 >= t->nrows || raci_cells_filled(row, &only) != 1)
        return 0;
    if (raci_cells_filled(prev, NULL) != 0 && row->line <= row_end(prev) + 1)
        return 0; /* neither an empty row nor a blank line before it */
    return header_like(&t->rows[i + 1], rs);
}

/* Does the header name person and title columns (a long roster)? */
static int names_people(const struct raci_row *h)
{
    static const char *const person[] = {"person", "name", "employee", "member", NULL};
    static const char *const title[] = {"title", "job title", "role", "position", NULL};
    int p = 0, ti = 0;
    for (uint32_t c = 0; c < h->ncells; c++) {
        p |= raci_cells_key_in(h->cells[c].text, person);
        ti |= raci_cells_key_in(h->cells[c].text, title);
    }
    return p && ti;
}

size_t raci_blocks_split(const struct raci_table *t, const struct raci_ruleset *rs, size_t *starts)
{
    size_t n = 0;

    if (names_people(&t->header))
        return 0;
    for (size_t i = 1; i < t->nrows; i++)
        if (starts_at(t, i, &t->rows[i - 1], rs))
            starts[n++] = i;
    return n;
}

struct raci_table raci_blocks_view(const struct raci_table *t, const size_t *starts, size_t n,
                                   size_t k)
{
    struct raci_table v = *t;
    size_t first = k ? starts[k - 1] : 0, end = k < n ? starts[k] : t->nrows;

    if (k) {
        v.header = t->rows[first];
        first++;
    }
    v.rows = t->rows + first;
    v.nrows = end - first;
    return v;
}
