/*
 * xlsx_fit.h - how much room a text takes in a spreadsheet cell, estimated
 * from the text alone: the width of a column that holds it on one line, and
 * the lines (and so the row height) it takes wrapped in a column of a given
 * width. LibreOffice, unlike Excel, does not fit a row to wrapped text when
 * it opens a workbook: the writer stores each row's height, and sizes
 * columns to their content, from these estimates.
 *
 * Widths are in Excel's column units: the width of the digit '0' in the
 * workbook's default font (Calibri 11 points, Carlito in LibreOffice).
 * Characters are weighed as that font draws them, roughly: narrow (i, l,
 * '.', ' ') about half a digit, capitals and m, w wider, East Asian wide
 * characters and emoji two. The estimates lean to more room, never less:
 * a row a little too tall reads well, one too short hides its text.
 * Pure functions, no libxlsxwriter; NULL is read as "".
 */
#ifndef RACI_XLSX_FIT_H
#define RACI_XLSX_FIT_H

#include <stddef.h>

/* The default font's size, in points. */
#define RACI_XLSX_FIT_PT 11.0

/* Excel's tallest row, in points. */
#define RACI_XLSX_FIT_MAX_HEIGHT 409.0

/* The height of a row of one line in the default font, in points. */
#define RACI_XLSX_FIT_ROW 15.0

/* The width, in column units, of the widest line of s (lines end at '\n')
 * in a font of pt points. 0 for "". */
double raci_xlsx_fit_text_width(const char *s, double pt);

/* The lines s takes wrapped at word boundaries (a word longer than the
 * column is broken) in a column width units wide, in a font of pt points:
 * each '\n' starts a line. At least 1, "" included. */
size_t raci_xlsx_fit_lines(const char *s, double width, double pt);

/* The height in points of a row of nlines lines in a font of pt points,
 * at most RACI_XLSX_FIT_MAX_HEIGHT. */
double raci_xlsx_fit_height(size_t nlines, double pt);

/* The height in points s needs wrapped in a column width units wide at pt
 * points: raci_xlsx_fit_height of raci_xlsx_fit_lines. */
double raci_xlsx_fit_cell_height(const char *s, double width, double pt);

/* The width of a column whose widest content is content units wide (a
 * raci_xlsx_fit_text_width): content and the cell's margins, within [min,
 * cap]. */
double raci_xlsx_fit_column(double content, double min, double cap);

#endif
