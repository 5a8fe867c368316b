/*
 * report_markdown.h - findings as a summary for a pull-request comment or a
 * CI job summary:
 *
 *   ### raci: failed
 *
 *   Audited `team.csv`: 3 findings: 1 error, 1 warning, 1 info.
 *
 *   | Rule | Severity | Findings |       one row per rule that found
 *   ...                                   something, in registry order
 *   <details open><summary>Findings</summary>
 *   | Location | Severity | Rule | Message |   at most 100 rows
 *   ...
 *   </details>
 *
 * Names are escaped so that none can break the table or start emphasis.
 */
#ifndef RACI_REPORT_MARKDOWN_H
#define RACI_REPORT_MARKDOWN_H

#include <stdio.h>

#include "raci/report.h"

raci_error raci_report_markdown(FILE *out, const struct raci_report *r);

#endif
