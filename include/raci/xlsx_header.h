/*
 * xlsx_header.h - how a sheet of the workbook prints: landscape, its head
 * rows (and its first column, when asked) on every page, its subject bold
 * in the page header, "Page 3 of 7" in the footer.
 *
 * A sheet prints one page wide while that keeps it at
 * RACI_XLSX_HEADER_MIN_SCALE percent or more; a sheet wider than that (a
 * product of many people) prints at RACI_XLSX_HEADER_WIDE_SCALE percent
 * across as many pages as it takes, left to right then down, each page
 * beginning with the head rows and the first column, never shrunk to a
 * scale nobody reads.
 * A page is a landscape Letter page less Excel's margins (the narrower of
 * Letter and A4).
 *
 * Internal to the xlsx writer (xlsx.h).
 */
#ifndef RACI_XLSX_HEADER_H
#define RACI_XLSX_HEADER_H

#include <stddef.h>
#include <stdint.h>

#include "raci/xlsx_book.h"

/* The smallest scale, in percent, a sheet is shrunk to to fit one page
 * wide; the scale a wider sheet is printed at, over pages. */
#define RACI_XLSX_HEADER_MIN_SCALE  60
#define RACI_XLSX_HEADER_WIDE_SCALE 75

/* The printable width of a page, in pixels at 96 per inch: 11 inches of
 * landscape Letter less margins of 0.7 inch. */
#define RACI_XLSX_HEADER_PAGE_PX 921.6

/* The scale, in percent (at most 100), at which columns of widths (ncols,
 * in Excel's units) fit one page wide. */
double raci_xlsx_header_fit_scale(const double *widths, size_t ncols);

/*
 * Print set-up of ws: landscape; the first head_rows rows, and with
 * repeat_first_col the first column, on every page; subject (cut past
 * Excel's 255 characters, its '&' escaped) centred and bold in the page
 * header; page numbers in the footer. scale is what
 * raci_xlsx_header_fit_scale says of the sheet's columns, or 0 to fit one
 * page wide whatever it takes. 0, or -1 with the failure recorded in b.
 */
int raci_xlsx_header_page_setup(struct raci_xlsx_book *b, lxw_worksheet *ws, const char *subject,
                                uint32_t head_rows, int repeat_first_col, double scale);

#endif
