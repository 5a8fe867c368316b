/*
 * xlsx.h - the annotated RACI workbook.
 *
 * Sheets, in this order:
 *  - Summary: per product its people, tasks, findings by severity and a
 *    PASS/FAIL status (FAIL when it has an error), a "(whole roster)" row for
 *    findings about no product, a Total row, what the workbook was made
 *    from (the rosters, the ruleset and its extends chain, raci's version:
 *    provenance.h), a legend of the colours, and a
 *    chart of the ten heaviest accountability loads (tasks as A).
 *  - Org chart, only when someone on the roster has a manager: the picture
 *    of the reporting lines (orgchart.h) under a line of text saying what it
 *    shows and what its marks mean (xlsx_org.h).
 *  - one per product (named by raci_sheetname_unique, sheetname.h): the
 *    product's name in A1, people's names across row 1 and their titles
 *    across row 2, tasks down column A from row 3, each cell the person's
 *    letters on the task, coloured by letter, with a drop-down of the valid
 *    letters (raci_letters_choices); a last column "Findings" sums up each
 *    task's findings. A finding marks the cell it is about with a border or
 *    fill of its severity's colour and a comment "[rule-id] message": a task
 *    and a person -> that matrix cell; a task alone -> the task's name; a
 *    person alone -> the person's name; the product alone -> A1
 *    (xlsx_layout.h decides every place).
 *  - Findings: every finding in the order given, with rule, severity,
 *    product, task, person, message, file, line, column, related rows and a
 *    "Go to" link to the cell it marks (or its person's row in Roster).
 *  - Roster: every person with id, titles, roles, products, manager, how
 *    many tasks they are R, A, C and I on, then the roster's extra columns.
 *
 * Every sheet prints its name (a product's, or the sheet's) in the page
 * header as it is written, whatever '&' codes it holds. A cell holds at most
 * 32767 UTF-16 units, as Excel does: longer text is cut with an ellipsis,
 * and a list that would pass it (titles, roles, products, related rows)
 * shows what fits, then "... and N more products" (xlsx_book.h).
 *
 * A cell's letters are the roster's pair of that task and person
 * (raci_view_pair, view.h), written by raci_letters_format, with the one
 * rule for combining several rows: the union of their letters, and a letter
 * is conditional, bracketed, only when every row giving it bracketed it.
 * Rows "C" and "(C)" show "C"; rows "(C)" and "[C]" show "(C)". The R, A, C
 * and I counts of Roster and the loads of Summary count the same pairs
 * (raci_view_counts).
 *
 * The workbook is written whole or not at all, by the one policy of
 * outfile.h: to a temporary file beside path, renamed into place only when
 * complete (a replaced file keeps its mode), so a failed run leaves any
 * previous file untouched and no temporary file behind. The same inputs give
 * the same bytes: the document date is SOURCE_DATE_EPOCH when set, otherwise
 * 2000-01-01.
 */
#ifndef RACI_XLSX_H
#define RACI_XLSX_H

#include <time.h>

#include "raci/diag.h"
#include "raci/error.h"
#include "raci/findings.h"
#include "raci/outfile.h"
#include "raci/roster.h"
#include "raci/ruleset.h"

/*
 * Write the workbook for the finished roster r (ruleset rs, NULL for r->rs)
 * and findings fs (NULL for none) to path. Reads its inputs only. On failure
 * returns RACI_ERROR_OUTPUT (or RACI_ERROR_NOMEM) and describes it in diag
 * (file = path, line 0), e.g. "unable to write workbook 'out/x.xlsx': No
 * such file or directory", or "unable to write workbook 'x.xlsx': product
 * 'Atlas' has 16383 people and 2 tasks, more than a sheet holds"; nothing is
 * left at path that was not there before.
 */
raci_error raci_xlsx_write(const char *path, const struct raci_roster *r,
                           const struct raci_ruleset *rs, const struct raci_findings *fs,
                           struct raci_diag *diag);

/*
 * The same, into of, which the caller has begun (raci_outfile_begin) on the
 * workbook's path, and commits itself, together with the run's other
 * outputs, so that either all of them are replaced or none is. On success
 * of is written and prepared (raci_outfile_prepare): only its commit is
 * left. On failure of is aborted (its temporary file removed) and diag says
 * why, naming of's path, as above.
 */
raci_error raci_xlsx_write_into(struct raci_outfile *of, const struct raci_roster *r,
                                const struct raci_ruleset *rs, const struct raci_findings *fs,
                                struct raci_diag *diag);

/* The date every workbook raci writes carries: SOURCE_DATE_EPOCH when it
 * is set and sane (reproducible builds choose it), else 2000-01-01. */
time_t raci_xlsx_document_time(void);

#endif
