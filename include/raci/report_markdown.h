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
 *   #### Reporting lines                  a Mermaid chart of who reports to
 *   ```mermaid ...```                     whom (report_mermaid.h)
 *
 * Roster text (messages, which embed names; files; baseline entries) is
 * escaped so that none can break the table, start emphasis, a link, an
 * HTML tag or an entity; line breaks become <br>; the control characters
 * report.h lists are shown as escapes (\x1b), so that none reaches a
 * terminal the report is printed to; and every '@' is followed by a
 * zero-width space (the entity &#8203;), so that "@org/team" in a name
 * notifies nobody when the report is posted as a comment.
 */
#ifndef RACI_REPORT_MARKDOWN_H
#define RACI_REPORT_MARKDOWN_H

#include <stdio.h>

#include "raci/report.h"

raci_error raci_report_markdown(FILE *out, const struct raci_report *r);

/* For other Markdown reports (report_diff.h), the same escaping: roster
 * text as above; a file name in a code span; and a <details> block titled
 * title (plain text) with the table of findings fs. */
void raci_report_markdown_escape(FILE *out, const char *s);
void raci_report_markdown_code(FILE *out, const char *s);
void raci_report_markdown_findings(FILE *out, const struct raci_selection *fs, const char *title);

#endif
