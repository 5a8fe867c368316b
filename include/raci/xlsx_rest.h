/*
 * xlsx_rest.h - the Other products sheet of a large roster's workbook: the
 * products that get no sheet of their own (xlsx_layout.h decides which),
 * one row per (task, person) pair, with the columns product, task, person,
 * title, letters, findings and id, an autofilter and a frozen header. It
 * splits at the layout's row limit into "Other products (2)" and so on,
 * each part with its header.
 *
 * A finding marks its cell as on a product sheet (the colour of its
 * severity); the findings column says what the findings marked on the row
 * are, "error [single-accountable] ...", one after another. No comments: the
 * Findings sheet has every finding in full.
 *
 * Internal to the xlsx writer (xlsx.h).
 */
#ifndef RACI_XLSX_REST_H
#define RACI_XLSX_REST_H

struct raci_xlsx_book;

/* Write every part of Other products, row by row from the top (none when
 * every product has a sheet). 0, or -1 with the failure recorded in b. */
int raci_xlsx_rest_write(struct raci_xlsx_book *b);

#endif
