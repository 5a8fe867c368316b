/*
 * table.h - a table of cells, as the readers make it: the CSV reader
 * (reader.h) and the workbook reader (xlsx_read.h, xlsx_roster.h).
 *
 * A table is a header row and data rows, each a run of cells with the text
 * and the place (line and column) of each. A million-row roster has
 * millions of cells, so a cell is kept small (16 bytes: its text and its
 * place) and the cells are not allocated one row at a time: they are cut
 * from blocks of RACI_TABLE_BLOCK cells, each row's cells contiguous in one
 * block (a row wider than a block gets a block of its own), and the table
 * frees the blocks together (raci_table_release). Cells never move once
 * made: a row, and a view of the table that shares its rows, may point at
 * them for as long as the table lives, and a note names its cell.
 *
 * What a reader finds wrong in a cell (reader.h: bad text, a stray quote, a
 * long cell) is not in the cell but in a note beside it, since few cells
 * have one: the table's notes are in the order of their cells' places
 * (line, then column) once the table is finished (raci_table_finish), each
 * naming its cell, and raci_table_note finds a cell's by a binary search on
 * its place. A place may be that of several cells (a workbook's cell that
 * its reader copies to several rows of the table it makes, xlsx_roster.c),
 * and the note is of the one cell it names, not of its copies. A table
 * without notes looks nothing up.
 */
#ifndef RACI_TABLE_H
#define RACI_TABLE_H

#include <stddef.h>
#include <stdint.h>

#include "raci/error.h"
#include "raci/str.h"

/* Cells in a block of a table's cells (a block is 1 MiB). */
#define RACI_TABLE_BLOCK 65536u

struct raci_cell {
    const char *text; /* interned, UTF-8, never NULL ("" for empty) */
    uint32_t line;    /* 1-based line where the field starts */
    uint32_t col;     /* 1-based column (characters) where it starts */
};

/* What a reader found wrong in one cell (reader.h says what each is). */
struct raci_cell_note {
    const struct raci_cell *cell; /* the cell, in the table's blocks */
    uint32_t line, col;           /* its place, the order of the notes */
    uint32_t flags;               /* RACI_READER_* (reader.h), never 0 */
    /* RACI_READER_BAD_TEXT: the first bad or control character, and how many */
    uint32_t bad_line, bad_col;
    enum raci_str_bad bad_what;
    uint32_t bad_code; /* decode.h's code; RACI_STR_BAD_CONTROL: the code point */
    uint32_t nbad;
    /* RACI_READER_STRAY_QUOTE: the first one, and how many */
    uint32_t quote_line, quote_col;
    uint32_t nquotes;
    /* RACI_READER_LONG: the cell's length in UTF-16 units */
    uint32_t units;
};

struct raci_row {
    uint32_t line;           /* line where the row starts */
    uint32_t ncells;         /* may differ from the header's */
    struct raci_cell *cells; /* in the table's blocks */
};

struct raci_table {
    const char *file; /* display name, interned ("<stdin>" for -) */
    /* The sheet of a workbook the table is (xlsx_read.h), interned; NULL
     * for a CSV file. Cells' line and col are then the sheet's row and
     * column. */
    const char *sheet;
    /* static: "UTF-8", "UTF-8 (BOM)", "UTF-16LE", "UTF-16BE" or "WINDOWS-1252" */
    const char *encoding;
    char delimiter;         /* ',', ';' or '\t' */
    struct raci_row header; /* the first non-empty row */
    struct raci_row *rows;  /* the data rows, in file order */
    size_t nrows;
    size_t cap;
    struct raci_cell_note *notes; /* of the flagged cells, by place (raci_table_note) */
    size_t nnotes, cap_notes;
    int notes_unsorted; /* a note came out of place order (raci_table_finish) */
    /* The blocks the cells are cut from (raci_table_cells); the last one
     * has block_used of its block_size cells taken. */
    struct raci_cell **blocks; /* NULL: given back (raci_table_drop_rows) */
    /* Per block, the row its first cell is of: 0 for the header, i + 1
     * for rows[i]. */
    size_t *block_row;
    size_t nblocks, cap_blocks, cap_block_row, block_used, block_size;
};

/*
 * Room for n cells of one row (n > 0), contiguous, in t's blocks: the
 * caller fills each. NULL when memory runs out (RACI_ERROR_NOMEM). The
 * cells are t's, freed by raci_table_release.
 */
struct raci_cell *raci_table_cells(struct raci_table *t, uint32_t n);

/*
 * Add note (its flags set) to t for cell, one of t's cells: its cell, line
 * and col are set from cell. A cell has one note at most. Notes may come in
 * any order (a reader's come in place order); raci_table_finish puts them
 * in place order, before any raci_table_note. RACI_OK or RACI_ERROR_NOMEM.
 */
raci_error raci_table_note_add(struct raci_table *t, const struct raci_cell *cell,
                               const struct raci_cell_note *note);

/* The note of cell in t, or NULL when it has none: a binary search of
 * t's notes by cell's place, never run when t has no notes. t must be
 * finished (raci_table_finish) since its last note came. */
const struct raci_cell_note *raci_table_note(const struct raci_table *t,
                                             const struct raci_cell *cell);

/* Once the last row and note of t are in: put the notes in place order,
 * and give back the room that the rows array, grown by doubling, does not
 * use (up to half of it). The cells stay where they are. */
void raci_table_finish(struct raci_table *t);

/*
 * Give back the blocks of t's cells that hold cells of rows[lo..hi) only,
 * the last block excepted: a caller that reads a large table's rows once,
 * in order, calls it as it goes, so that the table's cells are freed while
 * what is made of them grows. The cells of those rows are gone after it
 * (the rows still say where they were: their line and ncells stay); the
 * header's, and those of every row before lo or from hi on, stay. The
 * rows must have been made in order: each row's cells taken
 * (raci_table_cells) before the row is put in t, the header first (the CSV
 * reader's way).
 */
void raci_table_drop_rows(struct raci_table *t, size_t lo, size_t hi);

/* Free what t holds (its rows, cells and notes, not the interned strings)
 * and zero it. */
void raci_table_release(struct raci_table *t);

#endif
