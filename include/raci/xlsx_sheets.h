/*
 * xlsx_sheets.h - the workbook's sheets that are not a product's: Summary,
 * Findings and Roster (their content is described in xlsx.h).
 *
 * Internal to the xlsx writer (xlsx.h). Each returns 0, or -1 with the
 * failure recorded in b.
 */
#ifndef RACI_XLSX_SHEETS_H
#define RACI_XLSX_SHEETS_H

struct raci_xlsx_book;

/* Per product its counts and status, the whole roster, the total; the
 * legend of colours; the heaviest accountability loads, with a chart. */
int raci_xlsx_sheets_summary(struct raci_xlsx_book *b);

/* Every finding, with a link to the cell it marks. */
int raci_xlsx_sheets_findings(struct raci_xlsx_book *b);

/* Every person, with titles, roles, products, manager, letter counts and
 * the roster's extra columns. */
int raci_xlsx_sheets_roster(struct raci_xlsx_book *b);

#endif
