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
 *    A finding about a person and no product (span-of-control,
 *    idle-person...) fills the person's name with its severity's colour,
 *    and the name's comment holds each "[rule-id] message" (xlsx_person.h).
 *
 * A large roster (more products than max_sheets, 200 by default): only the
 * max_sheets worst products (most errors, then warnings, then by name) get
 * a sheet; every other product's (task, person) pairs are rows of one
 * "Other products" sheet (product, task, person, title, letters, findings,
 * id; an autofilter and a frozen header), and the Summary lists only the 20
 * worst products, then how many more there are, the whole roster and the
 * total, so that it fits a screen. Findings, Roster and Other products
 * split at Excel's 1,048,576 rows into "Findings (2)" and so on, each part
 * with its header; the "Go to" links lead to the right part. Large
 * workbooks are written in libxlsxwriter's constant_memory mode. Where
 * everything goes, and the environment variables that let a test move the
 * limits, are in xlsx_layout.h.
 *
 * Readable in LibreOffice as in Excel: every row of wrapped text stores its
 * height, and columns are as wide as their content within a cap
 * (xlsx_fit.h), rows written in order, each with its height first. Every
 * sheet prints landscape, one page wide when that keeps it at 60% or more,
 * otherwise at 75% across pages that each repeat the head rows and column A
 * (xlsx_header.h). Every sheet prints its name (a product's, or the
 * sheet's) in the page header as it is written, whatever '&' codes it
 * holds. A cell holds at most
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

#include <stddef.h>
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

/* Product sheets at most, unless told otherwise (--max-sheets). */
#define RACI_XLSX_MAX_SHEETS 200

/* raci_xlsx_write_into with at most max_sheets product sheets (the others'
 * rows go to Other products; raci_xlsx_write_into has RACI_XLSX_MAX_SHEETS). */
raci_error raci_xlsx_write_into_max(struct raci_outfile *of, const struct raci_roster *r,
                                    const struct raci_ruleset *rs, const struct raci_findings *fs,
                                    size_t max_sheets, struct raci_diag *diag);

/* The date every workbook raci writes carries: SOURCE_DATE_EPOCH when it
 * is set and sane (reproducible builds choose it), else 2000-01-01. */
time_t raci_xlsx_document_time(void);

#endif
