/*
 * xlsx_findings.h - the workbook's Findings sheet: every finding with its
 * rule, severity, product, task, person, message, file, line, column, the
 * other rows it concerns, and a link to the cell it marks; an autofilter
 * over them all.
 *
 * Its columns are as wide as their content within a cap (the message's is
 * fixed), its text wraps, and each row's height is stored, computed from
 * its text and the widths (xlsx_fit.h), so that LibreOffice shows every
 * message whole. The rows are written in order, each with its height first
 * (as libxlsxwriter's constant_memory mode needs).
 *
 * Internal to the xlsx writer (xlsx.h).
 */
#ifndef RACI_XLSX_FINDINGS_H
#define RACI_XLSX_FINDINGS_H

struct raci_xlsx_book;

/* Write every part of the Findings sheet (it splits at the layout's row
 * limit: "Findings (2)", ..., each with its header and the same widths),
 * each in turn b->findings. 0, or -1 with the failure recorded in b. */
int raci_xlsx_findings_sheet(struct raci_xlsx_book *b);

#endif
