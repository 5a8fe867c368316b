/*
 * worst.h - which products of a large roster an output shows in full: the
 * order, worst first, in which both the workbook (xlsx_layout.h, a sheet
 * each) and the HTML page (report_html_matrix.h, a matrix each) pick the
 * products they have room for.
 *
 * Worst first means most errors, then most warnings, then most infos, then
 * by name (strcmp), then in roster order; so the order is total and the
 * same for the same counts, whatever qsort does with equal elements.
 */
#ifndef RACI_WORST_H
#define RACI_WORST_H

#include <stddef.h>
#include <stdint.h>

#include "raci/severity.h"

/* Counts by severity are indexed by enum raci_severity, RACI_SEV_INFO to
 * RACI_SEV_ERROR (index 0 is not compared). */
#define RACI_WORST_NSEV (RACI_SEV_ERROR + 1)

/* Products shown in full unless told otherwise (--max-sheets), and the
 * products a shortened summary lists (the rest are counted). */
#define RACI_WORST_SHOWN   200u
#define RACI_WORST_SUMMARY 20u

/* A product as the order sees it; every pointer is borrowed. */
struct raci_worst {
    uint32_t p;             /* its index in the roster */
    const char *name;       /* its name */
    const size_t *findings; /* its findings by severity, RACI_WORST_NSEV of them */
};

/* Sort the n products of v worst first (above). */
void raci_worst_sort(struct raci_worst *v, size_t n);

#endif
