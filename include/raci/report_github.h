/*
 * report_github.h - findings as GitHub Actions workflow commands, which
 * annotate a pull request's files:
 *
 *   ::error file=team.csv,line=12,col=5,title=raci single-accountable::task ...
 *
 * One command per finding (error, warning, or notice for info), escaped as
 * @actions/core escapes them, so that no value can end a command early.
 */
#ifndef RACI_REPORT_GITHUB_H
#define RACI_REPORT_GITHUB_H

#include <stdio.h>

#include "raci/report.h"

raci_error raci_report_github(FILE *out, const struct raci_report *r);

#endif
