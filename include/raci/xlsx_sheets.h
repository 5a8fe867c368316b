/*
 * xlsx_sheets.h - the workbook's Summary and Roster sheets (their content
 * is described in xlsx.h; the Findings sheet is xlsx_findings.h's).
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

/* Every person, with titles, roles, products, manager, letter counts and
 * the roster's extra columns. */
int raci_xlsx_sheets_roster(struct raci_xlsx_book *b);

#endif
