/*
 * report.h - what every writer of findings reads, and the helpers they
 * share.
 *
 * A writer (report_text.h, report_json.h, report_sarif.h, report_github.h,
 * report_gitlab.h, report_junit.h, report_markdown.h; format.h names them)
 * gets a const struct raci_report and only writes: every finding of its
 * view, in the view's order (raci_findings_sort's), nothing else. Deciding
 * what to show (a baseline's known findings, -q) happens before, when the
 * view is made (view.h, policy.h). JSON-based formats are built with jansson
 * (json.h), JUnit with libxml2's xmlTextWriter: no writer escapes JSON or
 * XML by hand.
 *
 * Each writer returns RACI_ERROR_NOMEM, or RACI_ERROR_OUTPUT when its stream
 * reported an error (errno says why), else RACI_OK.
 */
#ifndef RACI_REPORT_H
#define RACI_REPORT_H

#include <stdio.h>

#include "raci/baseline.h"
#include "raci/error.h"
#include "raci/findings.h"
#include "raci/roster.h"
#include "raci/ruleset.h"
#include "raci/selection.h"

/* Everything a writer reads. Only findings is required. */
struct raci_report {
    const struct raci_selection *findings;     /* what to write, sorted */
    const struct raci_roster *roster;          /* names of subjects, files audited; may be NULL */
    const struct raci_ruleset *rs;             /* rules in force; NULL: the registry's defaults */
    const struct raci_baseline_diff *baseline; /* NULL when no baseline was applied */
    int failed;                                /* the run's verdict (raci_policy_fails) */
    enum raci_severity fail_on;                /* JUnit: what is a failure, not a skip */
    int color;                                 /* text: ANSI colours */
    int quiet;                                 /* text: no count line */
    /* HTML: the products drawn as matrices at most (--max-sheets, 0 too)
     * when max_sheets_set, else worst.h's default */
    size_t max_sheets;
    int max_sheets_set;
};

/* The names of a finding's subject in the roster: its product, task and
 * person, or NULL when it is not about one (or r has no roster). */
const char *raci_report_product(const struct raci_report *r, const struct raci_finding *f);
const char *raci_report_task(const struct raci_report *r, const struct raci_finding *f);
const char *raci_report_person(const struct raci_report *r, const struct raci_finding *f);

/* The file of a location as the line formats print it: "-" when it has
 * none (a finding about the ruleset's defaults). */
const char *raci_report_file(const struct raci_loc *l);

/* A location as the line formats print it, malloc'd (NULL when out of
 * memory): "team.csv:12:5" for a text file (line and column always, 0 when
 * not known), "team.xlsx:Atlas!C7" for a sheet of a workbook (loc.h). */
char *raci_report_where(const struct raci_loc *l);

/* The sheet and cell of a workbook location, "Atlas!C7", malloc'd; NULL
 * for a text file's location (or when out of memory). */
char *raci_report_ref(const struct raci_loc *l);

#endif
