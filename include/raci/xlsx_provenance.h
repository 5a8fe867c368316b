/*
 * xlsx_provenance.h - the Summary's "Made from" block: the rosters, the
 * ruleset and its `extends` chain, and raci's version (provenance.h), so
 * that a workbook passed around says where it came from.
 *
 * Internal to the xlsx writer (xlsx.h).
 */
#ifndef RACI_XLSX_PROVENANCE_H
#define RACI_XLSX_PROVENANCE_H

#include <stdint.h>

struct raci_xlsx_book;

/* Write the block on the Summary from row on: a "Made from" heading, then a
 * row per item, its label in column A and its value in column B. *last gets
 * the last row written. Returns 0, or -1 with the failure recorded in b. */
int raci_xlsx_provenance_write(struct raci_xlsx_book *b, uint32_t row, uint32_t *last);

#endif
