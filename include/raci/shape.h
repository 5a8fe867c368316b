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
 *  - a wide chart as RACI matrices are published: a task column, no person
 *    column, and one column per role or person with letters in the cells;
 *    each such column becomes a person named and titled by its header, one
 *    per product when there is a product column. Rows with no letters
 *    (section headings, legends) are no tasks.
 */
#ifndef RACI_SHAPE_H
#define RACI_SHAPE_H

#include "raci/diag.h"
#include "raci/error.h"
#include "raci/reader.h"
#include "raci/roster.h"

/*
 * Add every row of t to r. A header that lacks a required column (person,
 * title) is RACI_ERROR_INPUT with the header's location in diag. Row-level
 * problems become the roster's row issues and the rest of the table is
 * still read. t's strings must be interned in r's pool.
 */
raci_error raci_shape_add(struct raci_roster *r, const struct raci_table *t,
                          struct raci_diag *diag);

#endif
