/*
 * report.h - findings to standard output.
 */
#ifndef RACI_REPORT_H
#define RACI_REPORT_H

#include <stdio.h>

#include "raci/findings.h"
#include "raci/roster.h"

struct raci_report_opts {
    int color;                  /* ANSI colours */
    int quiet;                  /* only findings at or above fail_on, no summary line */
    enum raci_severity fail_on; /* RACI_SEV_OFF: never */
};

/* One gcc-style line per finding, then a count line:
 *   team.csv:12:5: error: ... [single-accountable]
 *   3 findings: 1 error, 1 warning, 1 info
 */
void raci_report_text(FILE *out, const struct raci_findings *fs, const struct raci_report_opts *o);

#endif
