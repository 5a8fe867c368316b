/*
 * cells.h - what the cells of a table say, as shape detection (detect.h)
 * reads them: blank or not, letters or not, a legend of the letters, a
 * header row again; and what the cells of one column hold, counted.
 */
#ifndef RACI_CELLS_H
#define RACI_CELLS_H

#include <stddef.h>
#include <stdint.h>

#include "raci/error.h"
#include "raci/map.h"
#include "raci/reader.h"
#include "raci/ruleset.h"

/* Is s empty, or only spaces and line breaks? */
int raci_cells_blank(const char *s);

/* The text of cell c of row; "" past its end (or for c < 0). */
const char *raci_cells_text(const struct raci_row *row, int c);

/* How many cells of row are not blank; *only (when not NULL) gets the
 * column of the last of them. */
uint32_t raci_cells_filled(const struct raci_row *row, int *only);

/* Is text's matching key (raci_str_key) one of words (keys, NULL-ended)? */
int raci_cells_key_in(const char *text, const char *const *words);

/* Is one of the words of text's matching key one of words? */
int raci_cells_has_word(const char *text, const char *const *words);

/* Does text read as letters (rs's aliases included)? */
int raci_cells_letters(const char *text, const struct raci_ruleset *rs);

/* Is row a legend of the letters: a first cell "Legend..." or "Key", a
 * cell defining one ("R = Responsible", "A: Accountable", "C - Consulted"),
 * a cell naming two of their words, or a letter followed by its word? */
int raci_cells_legend(const struct raci_row *row);

/* The same, remembering what each cell's text says in memo (keyed by the
 * text's address: cells are interned, and the texts must outlive memo), so
 * that a text repeated down a table is read once. */
int raci_cells_legend_in(const struct raci_row *row, struct raci_map *memo);

/* Is t raci's own product sheet saved as CSV: row 1 ending in "Findings",
 * row 2 starting with "Task"? */
int raci_cells_product_sheet(const struct raci_table *t);

/* RACI asks one A of every task: how much better do the marks columns of
 * rows (marks[c] non-zero) keep to it read with the tasks down the side
 * (each row a task) than across (each column a task)? From -4 to 4, in
 * quarters of the tasks; 0 when the cells say nothing. */
int raci_cells_one_a(const struct raci_row *const *rows, size_t n, const int *marks, uint32_t ncols,
                     const struct raci_ruleset *rs);

/* Does row repeat header cell for cell, but for case and punctuation (two
 * named cells at least)? */
int raci_cells_same_row(const struct raci_row *header, const struct raci_row *row);

/* What the cells of one column hold, over the data rows. */
struct raci_cells_stats {
    uint32_t n;       /* non-blank cells */
    uint32_t letters; /* of them, letters */
    uint32_t marks;   /* other text, short: at most two words, twelve bytes */
    uint32_t distinct;
    uint32_t gaps; /* blank cells below a value */
    double chars;  /* bytes of the other text, on average */
    double words;  /* its words, on average */
    double alpha;  /* its letters (of any alphabet), on average */
};

/* A column's kind, from its statistics. */
enum { RACI_CELLS_EMPTY, RACI_CELLS_LETTERS, RACI_CELLS_TEXT };

/* EMPTY with no cells, LETTERS when half of them or more are, else TEXT. */
int raci_cells_kind(const struct raci_cells_stats *s);

/* The statistics of each column c < ncols over rows[0..nrows), into
 * s[c]. RACI_OK or RACI_ERROR_NOMEM. */
raci_error raci_cells_columns_stats(struct raci_cells_stats *s, const struct raci_row *const *rows,
                                    size_t nrows, uint32_t ncols, const struct raci_ruleset *rs);

#endif
