/*
 * table.c - a table's cells in blocks, and the notes on them (table.h).
 */
#include "raci/table.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "raci/array.h"

struct raci_cell *raci_table_cells(struct raci_table *t, uint32_t n)
{
    struct raci_cell *block;
    size_t size = n > RACI_TABLE_BLOCK ? n : RACI_TABLE_BLOCK;

    if (t->nblocks && t->block_size - t->block_used >= n) {
        block = t->blocks[t->nblocks - 1] + t->block_used;
        t->block_used += n;
        return block;
    }
    /* The rest of the last block, fewer cells than a row, stays unused. */
    if (raci_array_grow(&t->blocks, &t->cap_blocks, t->nblocks + 1, sizeof(*t->blocks)) ||
        raci_array_grow(&t->block_row, &t->cap_block_row, t->nblocks + 1, sizeof(*t->block_row)) ||
        !(block = malloc(size * sizeof(*block))))
        return NULL;
    /* The row these cells are for is the header until there is one. */
    t->block_row[t->nblocks] = t->header.cells ? t->nrows + 1 : 0;
    t->blocks[t->nblocks++] = block;
    t->block_size = size;
    t->block_used = n;
    return block;
}

/* The order of places: -1, 0 or 1 as (l1, c1) is before, at or after
 * (l2, c2). */
static int place_cmp(uint32_t l1, uint32_t c1, uint32_t l2, uint32_t c2)
{
    if (l1 != l2)
        return l1 < l2 ? -1 : 1;
    return c1 < c2 ? -1 : c1 > c2;
}

raci_error raci_table_note_add(struct raci_table *t, const struct raci_cell *cell,
                               const struct raci_cell_note *note)
{
    struct raci_cell_note *n;

    if (raci_array_grow(&t->notes, &t->cap_notes, t->nnotes + 1, sizeof(*t->notes)))
        return RACI_ERROR_NOMEM;
    /* A reader's notes come in order; a workbook's copies of cells may come
     * back a place or two, and raci_table_finish sorts them then, once,
     * where inserting each in its place could move the notes after it
     * again and again. */
    if (t->nnotes && place_cmp(cell->line, cell->col, t->notes[t->nnotes - 1].line,
                               t->notes[t->nnotes - 1].col) < 0)
        t->notes_unsorted = 1;
    n = &t->notes[t->nnotes++];
    *n = *note;
    n->cell = cell;
    n->line = cell->line;
    n->col = cell->col;
    return RACI_OK;
}

const struct raci_cell_note *raci_table_note(const struct raci_table *t,
                                             const struct raci_cell *cell)
{
    size_t lo = 0, hi = t->nnotes;

    assert(!t->notes_unsorted); /* raci_table_finish was not called */
    /* The first note whose place is not before cell's. */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const struct raci_cell_note *n = &t->notes[mid];
        if (place_cmp(n->line, n->col, cell->line, cell->col) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < t->nnotes && t->notes[lo].line == cell->line && t->notes[lo].col == cell->col; lo++)
        if (t->notes[lo].cell == cell)
            return &t->notes[lo];
    return NULL;
}

/* qsort's order of notes: by place. */
static int note_cmp(const void *a, const void *b)
{
    const struct raci_cell_note *x = a, *y = b;
    return place_cmp(x->line, x->col, y->line, y->col);
}

void raci_table_finish(struct raci_table *t)
{
    struct raci_row *rows;

    /* Notes at one place are of different cells, so that their order
     * among themselves does not matter to raci_table_note. */
    if (t->notes_unsorted)
        qsort(t->notes, t->nnotes, sizeof(*t->notes), note_cmp);
    t->notes_unsorted = 0;
    if (t->nrows == 0 || t->nrows == t->cap)
        return;
    if ((rows = realloc(t->rows, t->nrows * sizeof(*t->rows)))) {
        t->rows = rows;
        t->cap = t->nrows;
    }
}

void raci_table_drop_rows(struct raci_table *t, size_t lo, size_t hi)
{
    /* Block b holds the rows from block_row[b] to block_row[b + 1] - 1
     * (counting the header as 0); the last block may still grow. */
    for (size_t b = 0; b + 1 < t->nblocks; b++)
        if (t->blocks[b] && t->block_row[b] >= lo + 1 && t->block_row[b + 1] <= hi + 1) {
            free(t->blocks[b]);
            t->blocks[b] = NULL;
        }
}

void raci_table_release(struct raci_table *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->nblocks; i++)
        free(t->blocks[i]);
    free(t->blocks);
    free(t->block_row);
    free(t->rows);
    free(t->notes);
    memset(t, 0, sizeof(*t));
}
