/*
 * loc.h - how a place in an input is written, the one spelling of every
 * report, diagnostic and workbook.
 *
 * A place in a text file is file:line:column (team.csv:7:3), or file:line
 * when the column is not known, or the file alone when the line is not. A
 * place in a workbook is file:sheet!cell (team.xlsx:Atlas!C7), the cell as
 * an A1 reference (row = line, column = col, both 1-based), and the sheet's
 * name quoted as Excel quotes it in a reference: within single quotes, a
 * quote doubled, when it holds anything but letters, digits, '_' and '.',
 * starts with a digit, or could be read as a cell ('Q3 plan'!B4,
 * 'Ann''s'!A1, 'A1'!C2). A row of a sheet without a column is sheet!7:7,
 * the sheet alone is file:sheet.
 */
#ifndef RACI_LOC_H
#define RACI_LOC_H

#include <stddef.h>
#include <stdint.h>

#include "raci/str.h"

/* Room for any A1 reference Excel has ("XFD1048576") and more: a column
 * and row up to UINT32_MAX, and the NUL. */
#define RACI_LOC_CELL_SIZE 20

/* The column letters of 1-based column col ("A", "Z", "AA", "XFD") into
 * out; "" for 0. Returns the length. */
size_t raci_loc_column(uint32_t col, char out[RACI_LOC_CELL_SIZE]);

/* The A1 reference of row and col (1-based: "C7") into out; the row alone
 * when col is 0 ("7:7"), "" when row is 0. Returns the length. */
size_t raci_loc_cell(uint32_t row, uint32_t col, char out[RACI_LOC_CELL_SIZE]);

/* Append sheet's name to b as a reference writes it (quoted when it must
 * be, see above). */
void raci_loc_add_sheet(struct raci_str *b, const char *sheet);

/* Append the reference sheet!cell ("Atlas!C7", "'Q3 plan'!B4"), or the
 * sheet alone when row is 0. */
void raci_loc_add_ref(struct raci_str *b, const char *sheet, uint32_t row, uint32_t col);

/* Append the place: "file:line:col" (sheet NULL) or "file:sheet!cell";
 * the parts not known (0) are left out, see above. file NULL is "-". */
void raci_loc_add(struct raci_str *b, const char *file, const char *sheet, uint32_t line,
                  uint32_t col);

/* The same as a malloc'd string; NULL when out of memory. */
char *raci_loc_format(const char *file, const char *sheet, uint32_t line, uint32_t col);

#endif
