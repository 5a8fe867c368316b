/*
 * export.h - the roster written back out, as CSV that raci reads again.
 *
 * Both exports write the model's data, not the input's text: the same
 * roster gives the same bytes whatever shape, encoding or delimiter it was
 * read from. UTF-8 without a BOM, LF line ends, fields quoted where a CSV
 * reader needs it (csvout.h). Letters are written in their canonical form
 * (raci_letters_format: "A/R", "(C)"); a cell that could not be read is
 * written as it was, so that it is reported again. What the ruleset
 * generated (a product's default RACI, made from its people's titles) is
 * not written: read again, the product is generated again.
 *
 * The roster export is the long CSV of PRODUCT.md: a header
 *   person,title,product,task,raci[,id,reports_to][,extra columns...]
 * (id and reports_to when a person has one), then
 *  - one row per assignment, as read (two rows for one cell stay two);
 *  - a row without task for a person on a product where no row of theirs
 *    stands where they joined it (above all: one with no letters there);
 *  - a row without task for a task that has no letters at all;
 *  - a row without product and task for a person on no product;
 *  - a row without product and task for each title of a person after the
 *    first, right after the person's first row (every row of a person
 *    carries the first title: the reader keeps a person's titles in the
 *    order their rows give them).
 * Rows are in the order of where their data came from (file, line), so that
 * the people, products, tasks and teams are read back in the same order.
 * Each person's id, reports_to and extra values are on each of their rows.
 * Two people the roster keeps apart that have the same name and no id (a
 * chart's role column in two products, "Product Owner" of each) would be
 * one person when read again: the second and later get an id, "NAME
 * (PRODUCT)", and the id column is written.
 *
 * The matrix export is, product after product and separated by a blank
 * line, the two-row head of raci's product sheet (xlsx_layout.h): row 1 the
 * product's name, then its people's names (raci_view_product_people); row 2
 * "Task", then their titles, joined by "; "; then a row per task, its name
 * and each person's letters on it (the pair, view.h). The sheet reader
 * (sheetcsv.h) reads it back. It holds no ids, managers, extra columns, nor
 * people on no product: what the matrix has no place for.
 */
#ifndef RACI_EXPORT_H
#define RACI_EXPORT_H

#include <stdio.h>

#include "raci/error.h"
#include "raci/roster.h"

/* Write the roster export of the finished roster r to out. RACI_OK;
 * RACI_ERROR_OUTPUT when writing failed (errno says why); or
 * RACI_ERROR_NOMEM. */
raci_error raci_export_roster(FILE *out, const struct raci_roster *r);

/* Write the matrix export of the finished roster r to out. The same
 * returns. */
raci_error raci_export_matrix(FILE *out, const struct raci_roster *r);

#endif
