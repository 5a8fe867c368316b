/*
 * shape.h - the shapes a table of RACI data comes in, and how each one's
 * rows become the roster.
 *
 * A table (reader.h) is cells; its shape says what they mean. Recognised
 * from the header:
 *  - raci's own product sheets saved as CSV, and the matrix export: row 1
 *    the product and its people, row 2 "Task" and their titles, a block
 *    per product (sheetcsv.h), unless the header names a person and a
 *    title column;
 *  - the long roster of the product's documentation: one row per
 *    assignment, with person and title columns (aliases as PRODUCT.md
 *    lists), optionally product, task, raci, id and reports_to; any other
 *    column is kept as an extra column of the person;
 *  - a matrix as RACI charts are kept: tasks down the side, roles or people
 *    across (matrix.h), found from its cells wherever its header does not
 *    say (detect.h): the label column may have any header or none, and
 *    grouping, note, heading, legend and repeated header rows are told
 *    apart;
 *  - a transposed matrix, roles or people down the side, turned into one.
 */
#ifndef RACI_SHAPE_H
#define RACI_SHAPE_H

#include "raci/columns.h"
#include "raci/detect.h"
#include "raci/diag.h"
#include "raci/error.h"
#include "raci/reader.h"
#include "raci/roster.h"

/*
 * Add every row of t to r, in the shape input states (detect.h; AUTO: as
 * detected). A table in no shape raci reads, or one --input roster is
 * given for that has no person or title column, is RACI_ERROR_INPUT with
 * the header's location in diag, saying what was looked for. Row-level
 * problems become the roster's row issues and the rest of the table is
 * still read; a detection that was a close call is a cell issue
 * (RACI_CELL_INPUT_SHAPE) at the header. t's strings must be interned in
 * r's pool.
 */
raci_error raci_shape_add_as(struct raci_roster *r, const struct raci_table *t,
                             enum raci_detect_input input, struct raci_diag *diag);

/* raci_shape_add_as, detecting the shape. */
raci_error raci_shape_add(struct raci_roster *r, const struct raci_table *t,
                          struct raci_diag *diag);

/* What the shapes share with matrix.c. */

/* A trimmed copy of s, interned in r's pool; NULL when out of memory. */
const char *raci_shape_trim(struct raci_roster *r, const char *s);

/* Where cell col of row is; for a field the row lacks, the row's end. */
struct raci_loc raci_shape_cell_loc(const struct raci_table *t, const struct raci_row *row,
                                    int col);

/* The header names column c again (columns.h): record what was made of it,
 * an extra column, or (wide) a role. */
raci_error raci_shape_duplicate_column(struct raci_roster *r, const struct raci_table *t,
                                       const struct raci_columns *cols, uint32_t c, int wide);

#endif
