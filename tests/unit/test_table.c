/*
 * test_table.c - a table's cells and the notes on them: a cell's note found
 * by its place, of that cell and not of a copy at the same place, in place
 * order once the table is finished, whatever order the notes came in;
 * cells cut from blocks, each row's contiguous in one.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "raci/reader.h"
#include "raci/table.h"

/* A row of t of n cells at line, columns 1..n (the header when t has no
 * header yet). */
static struct raci_row *add_row(struct raci_table *t, uint32_t line, uint32_t n)
{
    struct raci_row *row;
    /* The cells first, then the row, as the CSV reader makes them. */
    struct raci_cell *cells = raci_table_cells(t, n);

    assert_non_null(cells);
    if (!t->header.cells) {
        row = &t->header;
    } else {
        t->rows = realloc(t->rows, (t->nrows + 1) * sizeof(*t->rows));
        assert_non_null(t->rows);
        row = &t->rows[t->nrows++];
        t->cap = t->nrows;
    }
    row->cells = cells;
    row->line = line;
    row->ncells = n;
    for (uint32_t k = 0; k < n; k++)
        row->cells[k] = (struct raci_cell){"", line, k + 1};
    return row;
}

static raci_error note(struct raci_table *t, const struct raci_cell *c, uint32_t flags,
                       uint32_t nquotes)
{
    struct raci_cell_note n = {0};
    n.flags = flags;
    n.nquotes = nquotes;
    return raci_table_note_add(t, c, &n);
}

/* A table without notes finds none, for any cell. */
static void test_no_notes(void **state)
{
    struct raci_table t = {0};
    struct raci_cell elsewhere = {"x", 1, 1};

    (void)state;
    add_row(&t, 1, 3);
    assert_null(raci_table_note(&t, &t.header.cells[0]));
    assert_null(raci_table_note(&t, &elsewhere));
    raci_table_release(&t);
    assert_null(t.header.cells);
}

/* Notes added out of place order are put in it when the table is
 * finished, and each is found by its cell, with the cell's place copied
 * into it. */
static void test_lookup(void **state)
{
    struct raci_table t = {0};
    struct raci_row *h, *r2, *r3;
    struct raci_cell stranger = {"", 2, 2};

    (void)state;
    h = add_row(&t, 1, 4);
    add_row(&t, 2, 4);
    add_row(&t, 5, 4);
    r2 = &t.rows[0]; /* the rows may have moved as they grew */
    r3 = &t.rows[1];
    assert_int_equal(note(&t, &r2->cells[1], RACI_READER_STRAY_QUOTE, 2), RACI_OK);
    assert_int_equal(note(&t, &r3->cells[3], RACI_READER_LONG, 0), RACI_OK);
    assert_int_equal(note(&t, &h->cells[2], RACI_READER_BAD_TEXT, 0), RACI_OK);
    assert_int_equal(note(&t, &r2->cells[0], RACI_READER_BAD_TEXT | RACI_READER_LONG, 0), RACI_OK);
    assert_int_equal(t.nnotes, 4);
    assert_true(t.notes_unsorted);
    raci_table_finish(&t);
    assert_false(t.notes_unsorted);
    r2 = &t.rows[0]; /* the rows array was trimmed: the cells stayed */
    r3 = &t.rows[1];
    /* In place order: 1:3, 2:1, 2:2, 5:4. */
    assert_int_equal(t.notes[0].line, 1);
    assert_int_equal(t.notes[0].col, 3);
    assert_int_equal(t.notes[1].line, 2);
    assert_int_equal(t.notes[1].col, 1);
    assert_int_equal(t.notes[2].col, 2);
    assert_int_equal(t.notes[3].line, 5);
    assert_int_equal(t.notes[3].col, 4);
    assert_ptr_equal(raci_table_note(&t, &r2->cells[1]), &t.notes[2]);
    assert_int_equal(raci_table_note(&t, &r2->cells[1])->nquotes, 2);
    assert_ptr_equal(raci_table_note(&t, &r2->cells[1])->cell, &r2->cells[1]);
    assert_int_equal(raci_table_note(&t, &r2->cells[0])->flags,
                     RACI_READER_BAD_TEXT | RACI_READER_LONG);
    assert_int_equal(raci_table_note(&t, &h->cells[2])->flags, RACI_READER_BAD_TEXT);
    assert_int_equal(raci_table_note(&t, &r3->cells[3])->flags, RACI_READER_LONG);
    /* Cells without a note, before, between and after the noted ones. */
    assert_null(raci_table_note(&t, &h->cells[0]));
    assert_null(raci_table_note(&t, &h->cells[3]));
    assert_null(raci_table_note(&t, &r2->cells[2]));
    assert_null(raci_table_note(&t, &r3->cells[0]));
    /* A cell at a noted place that is not the noted cell. */
    assert_null(raci_table_note(&t, &stranger));
    raci_table_release(&t);
}

/* Copies of one cell at one place (a workbook's cell on several rows of the
 * table its reader makes): the note is of the copy it was added for. */
static void test_copies_at_one_place(void **state)
{
    struct raci_table t = {0};
    struct raci_row *rows[3];

    (void)state;
    add_row(&t, 1, 2);
    for (int i = 0; i < 3; i++) {
        rows[i] = add_row(&t, 7, 2);
        rows[i]->cells[0].col = rows[i]->cells[1].col = 3; /* both copies of 7:3 */
    }
    /* rows may have moved as they grew: take them again. */
    for (int i = 0; i < 3; i++)
        rows[i] = &t.rows[i];
    assert_int_equal(note(&t, &rows[1]->cells[1], RACI_READER_STRAY_QUOTE, 1), RACI_OK);
    assert_int_equal(note(&t, &rows[2]->cells[0], RACI_READER_STRAY_QUOTE, 3), RACI_OK);
    assert_null(raci_table_note(&t, &rows[0]->cells[0]));
    assert_null(raci_table_note(&t, &rows[0]->cells[1]));
    assert_null(raci_table_note(&t, &rows[1]->cells[0]));
    assert_int_equal(raci_table_note(&t, &rows[1]->cells[1])->nquotes, 1);
    assert_int_equal(raci_table_note(&t, &rows[2]->cells[0])->nquotes, 3);
    assert_null(raci_table_note(&t, &rows[2]->cells[1]));
    raci_table_release(&t);
}

/* The reader's notes: each flagged cell of a file has its own, and the
 * others none. */
static void test_reader_notes(void **state)
{
    struct raci_strpool *pool = raci_strpool_new();
    struct raci_table t = {0};
    const char *csv = "person,title,notes\n"
                      "Ana,Dev,5'11\"\n"
                      "Bo,\"Ops\",ok\n"
                      "Cy,Dev\x07,27\" and 5\"\n";
    const struct raci_cell_note *n;

    (void)state;
    assert_non_null(pool);
    assert_int_equal(raci_reader_read_mem(&t, csv, strlen(csv), "t.csv", pool, NULL), RACI_OK);
    assert_int_equal(t.nnotes, 3);
    n = raci_table_note(&t, &t.rows[0].cells[2]);
    assert_non_null(n);
    assert_int_equal(n->flags, RACI_READER_STRAY_QUOTE);
    assert_int_equal(n->line, 2);
    assert_int_equal(n->col, 9);
    assert_int_equal(n->quote_col, 13);
    assert_int_equal(n->nquotes, 1);
    n = raci_table_note(&t, &t.rows[2].cells[1]);
    assert_non_null(n);
    assert_int_equal(n->flags, RACI_READER_BAD_TEXT);
    assert_int_equal(n->bad_what, RACI_STR_BAD_CONTROL);
    assert_int_equal(n->bad_col, 7);
    n = raci_table_note(&t, &t.rows[2].cells[2]);
    assert_non_null(n);
    assert_int_equal(n->nquotes, 2);
    for (uint32_t k = 0; k < 3; k++) {
        assert_null(raci_table_note(&t, &t.header.cells[k]));
        assert_null(raci_table_note(&t, &t.rows[1].cells[k]));
    }
    assert_null(raci_table_note(&t, &t.rows[0].cells[0]));
    raci_reader_release(&t);
    raci_strpool_free(pool);
}

/* Rows of 7 cells fill a block but for its last 65536 % 7 = 2 cells: the
 * row that does not fit goes whole into a second block; a row wider than a
 * block gets one of its own, and the next row a new one. */
static void test_blocks(void **state)
{
    struct raci_table t = {0};
    const uint32_t fit = RACI_TABLE_BLOCK / 7;
    struct raci_cell *first = NULL, *c = NULL, *wide, *after;

    (void)state;
    for (uint32_t i = 0; i < fit; i++) {
        c = raci_table_cells(&t, 7);
        assert_non_null(c);
        if (!first)
            first = c;
        assert_ptr_equal(c, first + 7 * i); /* contiguous in the first block */
        c[6] = (struct raci_cell){"last", i + 1, 7};
    }
    assert_int_equal(t.nblocks, 1);
    assert_int_equal(t.block_used, 7 * fit);
    c = raci_table_cells(&t, 7);
    assert_non_null(c);
    assert_int_equal(t.nblocks, 2);
    assert_ptr_equal(c, t.blocks[1]);
    assert_int_equal(t.block_used, 7);
    for (uint32_t k = 0; k < 7; k++)
        c[k] = (struct raci_cell){"next", fit + 1, k + 1};
    /* What the first block holds is still there. */
    assert_string_equal(first[7 * (fit - 1) + 6].text, "last");
    assert_int_equal(first[7 * (fit - 1) + 6].line, fit);
    wide = raci_table_cells(&t, RACI_TABLE_BLOCK + 5);
    assert_non_null(wide);
    assert_int_equal(t.nblocks, 3);
    assert_int_equal(t.block_size, RACI_TABLE_BLOCK + 5);
    wide[RACI_TABLE_BLOCK + 4] = (struct raci_cell){"far", 1, RACI_TABLE_BLOCK + 5};
    after = raci_table_cells(&t, 1);
    assert_non_null(after);
    assert_int_equal(t.nblocks, 4);
    assert_ptr_equal(after, t.blocks[3]);
    assert_string_equal(c[6].text, "next");
    assert_int_equal(wide[RACI_TABLE_BLOCK + 4].col, RACI_TABLE_BLOCK + 5);
    raci_table_release(&t);
    assert_null(t.blocks);
    assert_int_equal(t.nblocks, 0);
}

/* The reader's rows across two blocks: 7 cells a row, the header and 9361
 * rows fill the first block, row 9362 (line 9363) starts the second, and
 * every cell reads back, with a note on both sides of the seam. */
static void test_reader_blocks(void **state)
{
    struct raci_strpool *pool = raci_strpool_new();
    struct raci_table t = {0};
    const size_t nrows = 9400, seam = RACI_TABLE_BLOCK / 7 - 1; /* rows in the first block */
    size_t cap = 64 * (nrows + 1), len = 0;
    char *csv = malloc(cap);

    (void)state;
    assert_non_null(pool);
    assert_non_null(csv);
    len += (size_t)snprintf(csv, cap, "a,b,c,d,e,f,g\n");
    for (size_t i = 1; i <= nrows; i++)
        len += (size_t)snprintf(csv + len, cap - len, "r%zu,%s,x,y,z,w,v%zu\n", i,
                                i == seam || i == seam + 1 ? "5\"" : "b", i);
    assert_int_equal(raci_reader_read_mem(&t, csv, len, "t.csv", pool, NULL), RACI_OK);
    assert_int_equal(t.nrows, nrows);
    assert_int_equal(t.cap, nrows); /* the rows array trimmed to fit */
    assert_int_equal(t.nblocks, 2);
    assert_ptr_equal(t.header.cells, t.blocks[0]);
    assert_ptr_equal(t.rows[seam - 1].cells, t.blocks[0] + 7 * seam);
    assert_ptr_equal(t.rows[seam].cells, t.blocks[1]);
    for (size_t i = 1; i <= nrows; i++) {
        const struct raci_row *row = &t.rows[i - 1];
        char want[32];
        assert_int_equal(row->ncells, 7);
        assert_int_equal(row->line, i + 1);
        snprintf(want, sizeof(want), "r%zu", i);
        assert_string_equal(row->cells[0].text, want);
        snprintf(want, sizeof(want), "v%zu", i);
        assert_string_equal(row->cells[6].text, want);
        assert_int_equal(row->cells[6].line, i + 1);
    }
    assert_string_equal(t.rows[seam].cells[1].text, "5\"");
    assert_int_equal(t.rows[seam].cells[1].col, strlen(t.rows[seam].cells[0].text) + 2);
    assert_int_equal(t.nnotes, 2);
    assert_int_equal(raci_table_note(&t, &t.rows[seam - 1].cells[1])->nquotes, 1);
    assert_int_equal(raci_table_note(&t, &t.rows[seam].cells[1])->quote_line, seam + 2);
    assert_null(raci_table_note(&t, &t.rows[seam].cells[0]));
    raci_reader_release(&t);
    raci_strpool_free(pool);
    free(csv);
}

/* Rows read once give their blocks back: with rows of 40,000 cells, one
 * block each, dropping rows[0..2) frees their two blocks and keeps the
 * header's, that of rows[2] (outside the range) and the last; dropping
 * rows[1..4) then frees only the block of rows[2] (the last stays, and so
 * does rows[0]'s, already gone). A range that ends inside a block keeps it. */
static void test_drop_rows(void **state)
{
    struct raci_table t = {0};
    const uint32_t wide = 40000;

    (void)state;
    add_row(&t, 1, wide); /* the header: block 0 */
    for (uint32_t i = 0; i < 4; i++)
        add_row(&t, i + 2, wide); /* rows[i]: block i + 1 */
    add_row(&t, 6, 3);            /* rows[4]: in the last block, with rows[3] */
    assert_int_equal(t.nblocks, 5);
    raci_table_drop_rows(&t, 0, 1); /* rows[0] only, whose block is its own */
    assert_null(t.blocks[1]);
    raci_table_drop_rows(&t, 1, 2);
    assert_null(t.blocks[2]);
    assert_non_null(t.blocks[0]);
    assert_non_null(t.blocks[3]);
    assert_string_equal(t.header.cells[wide - 1].text, "");
    assert_int_equal(t.header.cells[wide - 1].col, wide);
    assert_int_equal(t.rows[2].cells[wide - 1].line, 4);
    raci_table_drop_rows(&t, 0, 5); /* rows[3] and [4] share the last block */
    assert_null(t.blocks[3]);
    assert_non_null(t.blocks[4]);
    assert_non_null(t.blocks[0]);
    assert_int_equal(t.rows[4].cells[2].col, 3);
    assert_int_equal(t.rows[3].cells[0].line, 5);
    raci_table_release(&t);
    assert_null(t.blocks);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_no_notes),
        cmocka_unit_test(test_lookup),
        cmocka_unit_test(test_copies_at_one_place),
        cmocka_unit_test(test_reader_notes),
        cmocka_unit_test(test_blocks),
        cmocka_unit_test(test_reader_blocks),
        cmocka_unit_test(test_drop_rows),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
