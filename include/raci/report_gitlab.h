/*
 * report_gitlab.h - findings as a GitLab Code Quality report: a JSON array
 * of {description, check_name, fingerprint, severity, location: {path,
 * lines: {begin}}}, which the merge request's widget shows against its diff.
 * An error is "major", a warning "minor", an info "info".
 *
 * GitLab takes a fingerprint for one issue: two entries with the same one
 * are one issue to it, and it drops the other. So each is unique in the
 * report, and stable across runs: the first finding of an identity (rule
 * and entity) in the report's order (file, line) has
 * raci_findings_fingerprint's, the one of the JSON report and SARIF; the
 * n-th repeat after it (the same row twice, or the same subject in two
 * files) has the 64-bit FNV-1a of that fingerprint, its file and n.
 */
#ifndef RACI_REPORT_GITLAB_H
#define RACI_REPORT_GITLAB_H

#include <stdio.h>

#include "raci/report.h"

raci_error raci_report_gitlab(FILE *out, const struct raci_report *r);

#endif
