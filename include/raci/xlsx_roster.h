/*
 * xlsx_roster.h - what a workbook's sheets mean: raci's own workbook read
 * back as the roster it was made from, any other workbook sheet by sheet.
 *
 * raci's own workbook (xlsx_layout.h) is recognised by its Summary,
 * Findings and Roster sheets with the header rows raci writes. It is read
 * back as long tables (person, title, product, task, raci, id, reports_to)
 * for raci_shape_add, each cell at the sheet and cell it came from:
 *  - the Roster sheet gives each person: name, id, titles (one row per
 *    title; the sheet joins them with "; "), manager and the extra
 *    columns; its other columns (roles, products, counts) are raci's
 *    findings about the roster, not roster data, and are left alone;
 *  - each product sheet gives the product: its name in A1 (not the sheet's
 *    name, which may have been shortened), its people across row 1 (names;
 *    their first title in row 2), each of them a member of it, its tasks
 *    down column A, and the letters in the cells, as a manager left them
 *    (letters raci generated from titles included: read back, they are
 *    given ones). The Findings column is raci's, and is left alone; a
 *    person or task a manager added, after it or below the last task, is
 *    read. A person is found on the Roster sheet by name (and by titles,
 *    when two share it); one found nowhere there is a new person.
 * A sheet split at Excel's row limit (xlsx_layout.h) is read whole: the
 * parts "Roster (2)", ... that follow Roster are the Roster sheet too, and
 * "Findings (2)", ... are raci's, left alone like Findings. Each part of
 * Other products (xlsx_rest.h) gives a row of the roster per row: product,
 * task, person, their first title, letters, id (the manager is Roster's);
 * its Findings column is raci's, and is left alone.
 * The Org chart sheet (xlsx_org.h), a picture under a line of text, holds
 * nothing of the roster and is skipped.
 * A title holding "; " reads as two, as the sheets join titles with it.
 * So a finding points at the product sheet's cell (team-raci.xlsx:Atlas!C7)
 * and the edits made in a spreadsheet are what is audited.
 *
 * Any other workbook, and any workbook read with --input matrix: each of
 * its non-empty sheets is a table handed to raci_shape_add_as as it is,
 * in the shape input states.
 */
#ifndef RACI_XLSX_ROSTER_H
#define RACI_XLSX_ROSTER_H

#include "raci/detect.h"
#include "raci/diag.h"
#include "raci/error.h"
#include "raci/roster.h"
#include "raci/xlsx_read.h"

/* Is b raci's own workbook? */
int raci_xlsx_roster_is_own(const struct raci_xlsx_read_book *b);

/* Add the sheets of b (its strings interned in r's pool) to r, as above;
 * input is --input (detect.h).
 * RACI_OK; RACI_ERROR_INPUT with diag at the sheet (diag->sheet) when a
 * sheet is no table raci reads; RACI_ERROR_NOMEM. */
raci_error raci_xlsx_roster_add(struct raci_roster *r, const struct raci_xlsx_read_book *b,
                                enum raci_detect_input input, struct raci_diag *diag);

#endif
