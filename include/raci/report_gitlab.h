/*
 * report_gitlab.h - findings as a GitLab Code Quality report: a JSON array
 * of {description, check_name, fingerprint, severity, location: {path,
 * lines: {begin}}}, which the merge request's widget shows against its diff.
 * An error is "major", a warning "minor", an info "info"; the fingerprint is
 * raci_findings_fingerprint's, so GitLab follows a finding across runs.
 */
#ifndef RACI_REPORT_GITLAB_H
#define RACI_REPORT_GITLAB_H

#include <stdio.h>

#include "raci/report.h"

raci_error raci_report_gitlab(FILE *out, const struct raci_report *r);

#endif
