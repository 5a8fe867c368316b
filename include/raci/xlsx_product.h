/*
 * xlsx_product.h - a product's sheet of the workbook: the RACI matrix of its
 * tasks by its people, each cell the person's letters on the task (as the
 * roster's view combines them, view.h), and the marks and comments of the
 * findings about it, where the layout (xlsx_layout.h) puts them.
 *
 * Internal to the xlsx writer (xlsx.h).
 */
#ifndef RACI_XLSX_PRODUCT_H
#define RACI_XLSX_PRODUCT_H

#include <stdint.h>

struct raci_xlsx_book;

/* Write product p's sheet, b->sheets[p], row by row from the top. 0, or
 * -1 with the failure recorded in b. */
int raci_xlsx_product_write(struct raci_xlsx_book *b, uint32_t p);

#endif
