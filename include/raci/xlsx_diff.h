/*
 * xlsx_diff.h - the diff workbook, `raci diff -o FILE.xlsx`:
 *
 *  - Summary: the two files, the verdict, the findings new, resolved and
 *    persisting, the churn, and the shape's figures side by side (a figure
 *    that moves is highlighted);
 *  - Changes: every change as report_diff.h lists it (product, subject,
 *    change, before, after), with an autofilter and a frozen header;
 *  - Findings: the new and the resolved findings (status, severity, rule,
 *    subject, message, location), with an autofilter;
 *  - for each product that changed, a Before and an After sheet: its tasks
 *    by the people of either side, the same columns on both, each cell the
 *    person's letters on that side; a cell whose letters change is
 *    highlighted on both sheets, and on the After sheet carries a comment
 *    with the old value ("before: A/R"). A task on one side only is marked
 *    so in its row.
 *
 * Written into an output begun by the caller (outputs.h), whole or not at
 * all, with the fixed document date of the audit's workbook.
 */
#ifndef RACI_XLSX_DIFF_H
#define RACI_XLSX_DIFF_H

#include "raci/diag.h"
#include "raci/diff.h"
#include "raci/error.h"
#include "raci/outfile.h"
#include "raci/report_diff.h"

/* Write the workbook of r (its diff, rows and verdict) into of's temporary
 * file and prepare it; on failure of is aborted and diag says why. */
raci_error raci_xlsx_diff_write_into(struct raci_outfile *of, const struct raci_diff_report *r,
                                     struct raci_diag *diag);

#endif
