/*
 * sheetcsv.h - raci's product sheet, saved as CSV, read back.
 *
 * A product sheet of raci's workbook (xlsx_layout.h), saved as CSV from a
 * spreadsheet, and the matrix export (export.h) are blocks of:
 *   row 1     the product's name, then its people's names;
 *   row 2     "Task", then each person's titles (several joined by "; ");
 *   rows 3... a task's name, then each person's letters on it.
 * The table is one when its second row's first cell is "Task" (in any
 * case) and its first row's first cell is not empty. The last column
 * named, when it is headed "Findings" with nothing in row 2 (the
 * workbook's summary of each task's findings), is not read. Another block starts at a row whose
 * next row's first cell is "Task", after a blank line or a row of empty cells: one block per
 * product.
 *
 * A column is a person, the same person in every block (and every file)
 * where the same name has the same titles, so that a person on two
 * products is seen as one. A column whose name is its title stands for a
 * role, as a wide chart's columns do (shape.h): one person per product.
 * Every row with a task's name is a task of the block's product, letters or
 * none. A column with letters but no name is read as "(column F)", and
 * said so; a column with neither is padding, and skipped. An empty title is
 * a row problem at its cell, as in a long roster; a row whose fields
 * outnumber or fall short of its block's first row is a ragged row.
 */
#ifndef RACI_SHEETCSV_H
#define RACI_SHEETCSV_H

#include "raci/error.h"
#include "raci/reader.h"
#include "raci/roster.h"

/* Is t a product sheet (or several), as above? (The shapes read a table
 * whose header names a person and a title column as a long roster first:
 * a sheet's people may be called "Name" or "Employee".) */
int raci_sheetcsv_is(const struct raci_table *t);

/*
 * Add every block of t to r: products, people, tasks and letters, with the
 * problems of its rows and header cells. The reader's notes on cells (bad
 * text, stray quotes, long cells) are the caller's (shape.c). t's strings
 * must be interned in r's pool. RACI_OK or RACI_ERROR_NOMEM.
 */
raci_error raci_sheetcsv_add(struct raci_roster *r, const struct raci_table *t);

#endif
