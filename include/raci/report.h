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
};

/* The names of a finding's subject in the roster: its product, task and
 * person, or NULL when it is not about one (or r has no roster). */
const char *raci_report_product(const struct raci_report *r, const struct raci_finding *f);
const char *raci_report_task(const struct raci_report *r, const struct raci_finding *f);
const char *raci_report_person(const struct raci_report *r, const struct raci_finding *f);

/* The file of a location as the line formats print it: "-" when it has
 * none (a finding about the ruleset's defaults). */
const char *raci_report_file(const struct raci_loc *l);

/* ---------------------------------------------- text for a terminal -- */

/*
 * Roster text reaches terminals, CI logs and editors through the text and
 * markdown formats, and a name is anything a spreadsheet cell holds: a line
 * break in it would forge a finding's line (one that CI problem matchers
 * take for real), an escape sequence would retitle or clear the terminal.
 * So every piece of roster text these formats print (messages, which embed
 * names; file names; baseline entries) goes through here, and these
 * characters are shown as C-style escapes instead:
 *
 *   - C0 controls: \n, \r, \t, else \xHH (ESC is \x1b); DEL is \x7f;
 *   - C1 controls U+0080..U+009F as \u0085 (U+009B is a CSI to some
 *     terminals), the line and paragraph separators U+2028 and U+2029, and
 *     the bidirectional overrides and isolates U+202A..U+202E and
 *     U+2066..U+2069 (which reorder what a line seems to say) as \u2028;
 *   - a byte that is not part of well-formed UTF-8 as \xHH.
 *
 * A backslash stays as it is (Windows paths), so the escapes are for
 * reading, not for undoing. Every other character, letters of any script
 * and emoji included, is printed as it is.
 */

/* Room for the longest escape, "\u2028", and its NUL. */
#define RACI_REPORT_ESCAPE_SIZE 8

/* The length in bytes of the character at s (NUL-terminated, not empty):
 * 1 for ASCII and for a byte that is no UTF-8. When it is one of those
 * above, its escape is written into esc; else esc is "". */
size_t raci_report_escape(const char *s, char esc[RACI_REPORT_ESCAPE_SIZE]);

/* Write s to out with each of those characters escaped. */
void raci_report_puts(FILE *out, const char *s);

#endif
