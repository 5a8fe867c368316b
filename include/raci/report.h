/*
 * report.h - findings for people and for CI systems: the report formats,
 * the exit policy, and writing a report to a file whole or not at all.
 *
 * Writers get const inputs and only write: every finding they are given, in
 * the order given (raci_findings_sort's), nothing else. Deciding what to show
 * (-q, a baseline) happens before, with raci_report_filter and
 * raci_baseline_apply. JSON-based formats are built with jansson, JUnit with
 * libxml2's xmlTextWriter: no writer escapes JSON or XML by hand.
 *
 * Formats:
 *   text      gcc-style lines, then a count line (PRODUCT.md fixes it):
 *               team.csv:12:5: error: ... [single-accountable]
 *               3 findings: 1 error, 1 warning, 1 info
 *   json      the document below
 *   sarif     SARIF 2.1.0 (see raci_report_sarif)
 *   github    GitHub Actions workflow commands, one per finding:
 *               ::error file=team.csv,line=12,col=5,title=raci single-accountable::task ...
 *   gitlab    a GitLab Code Quality report (a JSON array)
 *   junit     JUnit XML: a suite per roster file, a case per finding
 *   markdown  a summary for a pull-request comment
 *
 * The JSON document (format "json"), version 1. Every key is always
 * present; a value that does not apply is null. Keys are never removed or
 * renamed within a version; new keys may be added.
 *
 *   {
 *     "version": 1,
 *     "tool": {"name": "raci", "version": "0.1.0"},
 *     "summary": {
 *       "total": 3, "error": 1, "warning": 1, "info": 1,   findings written
 *       "failed": true,               the run's verdict under the exit policy
 *       "files": ["team.csv"]         the rosters audited, as named
 *     },
 *     "findings": [{
 *       "rule": "single-accountable",
 *       "severity": "error",          "error", "warning" or "info"
 *       "message": "task 'Market research' in product 'Atlas' has ...",
 *       "location": {"file": "team.csv", "line": 12, "column": 5},
 *       "related": [{"file": "team.csv", "line": 19, "column": 5}],
 *       "subject": {"product": "Atlas", "task": "Market research",
 *                   "person": null},   names, or null
 *       "entity": "product:atlas/task:market research",
 *       "fingerprint": "5c1f0e8a9b3d2c47"
 *     }],
 *     "baseline": null, or when a baseline was applied:
 *       {"file": "raci-baseline.json",
 *        "known": 12,                 findings in it, not written above
 *        "absent": [{"rule": "...", "entity": "...", "count": 1}]}
 *                                     in it, no longer found
 *   }
 *
 * Lines and columns are 1-based; columns count characters. "entity" names
 * the subject without line numbers, and "fingerprint" (raci_fingerprint)
 * hashes rule and entity, so both survive a re-sorted roster.
 */
#ifndef RACI_REPORT_H
#define RACI_REPORT_H

#include <stdio.h>

#include "raci/baseline.h"
#include "raci/error.h"
#include "raci/findings.h"
#include "raci/roster.h"
#include "raci/ruleset.h"

/* Where the project lives; SARIF's informationUri and helpUri point here. */
#define RACI_HOME_URL "https://github.com/raci-tool/raci"

enum raci_format {
    RACI_FORMAT_TEXT = 0,
    RACI_FORMAT_JSON,
    RACI_FORMAT_SARIF,
    RACI_FORMAT_GITHUB,
    RACI_FORMAT_GITLAB,
    RACI_FORMAT_JUNIT,
    RACI_FORMAT_MARKDOWN,
    RACI_FORMAT_MAX
};

/* "text", "json", ...; NULL for an invalid format. */
const char *raci_format_name(enum raci_format f);
/* The format of this name (exact, lower case); -1 when none. */
int raci_format_parse(const char *name);

/* The exit policy: when does a run fail? */
struct raci_policy {
    enum raci_severity fail_on; /* a finding at least this severe fails; RACI_SEV_OFF: never */
    long max_warnings;          /* more warnings than this fail; -1: no limit */
};

/* Does this set of findings fail the run? */
int raci_policy_fails(const struct raci_policy *p, const struct raci_findings *fs);

/* Does this finding take part in failing the run (what -q shows)? A
 * warning does when the warnings exceed max_warnings. */
int raci_policy_counts(const struct raci_policy *p, const struct raci_findings *fs,
                       const struct raci_finding *f);

/*
 * Everything a writer reads. Only fs is required.
 */
struct raci_report {
    const struct raci_findings *fs;            /* what to write, sorted */
    const struct raci_roster *roster;          /* names of subjects, files audited; may be NULL */
    const struct raci_ruleset *rs;             /* rules in force; NULL: the registry's defaults */
    const struct raci_baseline_diff *baseline; /* NULL when no baseline was applied */
    int failed;                                /* the run's verdict (raci_policy_fails) */
    enum raci_severity fail_on;                /* JUnit: what is a failure, not a skip */
    int color;                                 /* text: ANSI colours */
    int quiet;                                 /* text: no count line */
};

/* The writers. Each returns RACI_ERROR_NOMEM or RACI_ERROR_OUTPUT (out
 * reported an error; errno says why) on failure, else RACI_OK. */
raci_error raci_report_text(FILE *out, const struct raci_report *r);
raci_error raci_report_json(FILE *out, const struct raci_report *r);
raci_error raci_report_gitlab(FILE *out, const struct raci_report *r);
raci_error raci_report_github(FILE *out, const struct raci_report *r);
raci_error raci_report_junit(FILE *out, const struct raci_report *r);
raci_error raci_report_markdown(FILE *out, const struct raci_report *r);

/*
 * SARIF 2.1.0: one run whose tool.driver lists every rule in force (id,
 * CamelCase name, short and full description, helpUri, default level) from
 * the registry and the ruleset's severities. A result has ruleId, ruleIndex
 * and level (info is "note"), a message ending in a full stop, a physical
 * location (the roster path as a relative URI with forward slashes;
 * startLine and startColumn, columns in Unicode code points), the other rows
 * as relatedLocations, a logicalLocation naming the entity, and
 * partialFingerprints {"raciEntity/v1": raci_findings_fingerprint()}. When a baseline
 * was applied, results carry baselineState "new" and the run's properties
 * hold the baseline's file, known count and absent entries (SARIF's "absent"
 * results would need locations these no longer have).
 */
raci_error raci_report_sarif(FILE *out, const struct raci_report *r);

/* Write r in format f. */
raci_error raci_report_write(FILE *out, enum raci_format f, const struct raci_report *r);

/*
 * Write r in format f to path, whole or not at all: into a temporary file
 * beside it, renamed over path once complete. On failure path is untouched,
 * the temporary file removed, and RACI_ERROR_OUTPUT (or NOMEM) returned with
 * errno saying why.
 */
raci_error raci_report_save(const char *path, enum raci_format f, const struct raci_report *r);

/*
 * The findings of `in` that p counts (raci_policy_counts), as a view: out->v
 * is a new array of shallow copies, sharing messages and related rows with
 * `in`. Free it with free(out->v) only, never raci_findings_release; `in`
 * must outlive it.
 */
raci_error raci_report_filter(const struct raci_findings *in, const struct raci_policy *p,
                              struct raci_findings *out);

/* The artifact URI of a roster path for SARIF and GitLab: relative paths
 * with forward slashes ("./" dropped), percent-encoded where RFC 3986 needs
 * it; an absolute path becomes a file:// URI. malloc'd; NULL when out of
 * memory. */
char *raci_report_uri(const char *path);

#endif
