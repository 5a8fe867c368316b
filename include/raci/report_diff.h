/*
 * report_diff.h - what `raci diff` prints: the changes of a diff (diff.h)
 * as text, Markdown or JSON. (SARIF, github, gitlab and junit carry the new
 * findings alone, through the audit's writers: format.h.)
 *
 * text, the default, is a change list:
 *
 *   raci diff: today.csv -> proposed.csv
 *
 *   Atlas
 *     task 'Roadmap': accountable: Carmen Lopez -> Ana Silva
 *   People
 *     Bruno Costa: left: Product Owner; Atlas
 *   Load (A's, R's, products: before -> after)
 *     Ana Silva: A 2, R 2, products 1 -> A 4, R 4, products 2
 *   Shape                      before     after
 *     ...
 *   Findings: 1 new, 1 resolved, 12 persisting
 *     new: proposed.csv:3:7: warning: ... [split-po-pm]
 *     resolved: today.csv:9:7: error: ... [multiple-po]
 *   Churn: 10.0% of the A's and R's (2 added, 2 removed; 40 before, 40 after)
 *   raci diff: failed (1 new finding at or above error)
 *
 * markdown is the same for a pull-request comment, escaped as the audit's
 * Markdown report escapes roster text (report_markdown.h); JSON is the
 * document doc/diff-schema.json describes. Roster text in the text format
 * is escaped as report_text.h says.
 */
#ifndef RACI_REPORT_DIFF_H
#define RACI_REPORT_DIFF_H

#include <stdio.h>

#include "raci/diff.h"
#include "raci/error.h"
#include "raci/severity.h"

struct raci_diff_report {
    const struct raci_diff *d;
    const struct raci_diff_rows *rows;
    const char *files[2];       /* before, after, as given */
    double max_churn;           /* --max-churn; negative: no limit */
    int churn_failed;           /* the churn is past max_churn */
    int findings_failed;        /* a new finding reaches fail_on */
    enum raci_severity fail_on; /* RACI_SEV_OFF: never */
};

/* A figure of the shape, before and after (diff.h's raci_diff_shape), as
 * every output lists them: "span of control, median". */
struct raci_report_diff_figure {
    const char *label;
    double v[2];
};

/* Room for every figure. */
#define RACI_REPORT_DIFF_FIGURES 16

/* The figures of d into f (room for RACI_REPORT_DIFF_FIGURES); returns how
 * many. */
size_t raci_report_diff_figures(const struct raci_diff *d, struct raci_report_diff_figure *f);

raci_error raci_report_diff_text(FILE *out, const struct raci_diff_report *r);
raci_error raci_report_diff_markdown(FILE *out, const struct raci_diff_report *r);
raci_error raci_report_diff_json(FILE *out, const struct raci_diff_report *r);

#endif
