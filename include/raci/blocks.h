/*
 * blocks.h - the tables of a page that holds several, one after another.
 *
 * A page exported from a handbook or a wiki often holds several RACI tables,
 * each under its own heading and each with its own header (a transposed
 * table's tasks differ from one table to the next). A new table starts at a
 * heading: a row with text in one cell only, after an empty row (or a blank
 * line), followed by a header: a row of two or more named cells none of
 * which holds letters. Each table is then read on its own, its heading
 * naming its product (detect.h).
 *
 * A table whose header names person and title columns is a long roster,
 * never split.
 */
#ifndef RACI_BLOCKS_H
#define RACI_BLOCKS_H

#include <stddef.h>

#include "raci/reader.h"
#include "raci/ruleset.h"

/*
 * The row (an index of t's rows, the header being -1) each table of t
 * after the first starts at, into starts (which has room for t->nrows);
 * returns how many, 0 when t is one table.
 */
size_t raci_blocks_split(const struct raci_table *t, const struct raci_ruleset *rs, size_t *starts);

/* Table k of t, as a view into t's rows: its header is the row the table
 * starts at (the table's heading), its rows run to the next start. starts
 * and n are raci_blocks_split's. */
struct raci_table raci_blocks_view(const struct raci_table *t, const size_t *starts, size_t n,
                                   size_t k);

#endif
