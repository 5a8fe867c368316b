/*
 * report_json.h - findings as raci's own JSON document, version 1. Every
 * key is always present; a value that does not apply is null. Keys are never
 * removed or renamed within a version; new keys may be added
 * (doc/json-schema.md is its schema).
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
 *       "location": {"file": "team.csv", "line": 12, "column": 5,
 *                    "sheet": null, "cell": null},
 *       "related": [{"file": "team.csv", "line": 19, "column": 5,
 *                    "sheet": null, "cell": null}],
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
 * Lines and columns are 1-based; columns count characters. In a workbook
 * (xlsx_read.h) "line" and "column" are the row and column, "sheet" the
 * sheet's name and "cell" the A1 reference ("C7"); both are null in a text
 * file. "entity" names
 * the subject without line numbers, and "fingerprint"
 * (raci_findings_fingerprint) hashes rule and entity, so both survive a
 * re-sorted roster.
 */
#ifndef RACI_REPORT_JSON_H
#define RACI_REPORT_JSON_H

#include <jansson.h>
#include <stdio.h>

#include "raci/report.h"

raci_error raci_report_json(FILE *out, const struct raci_report *r);

/* A baseline's absent entries, [{rule_key: rule, "entity": ..., "count":
 * N}], as the json and sarif writers report them; NULL when out of
 * memory. */
json_t *raci_report_json_absent(const struct raci_baseline_diff *d, const char *rule_key);

/* One finding as the "findings" array has it (for other JSON documents:
 * report_diff.h); r->roster names its subject. NULL when out of memory. */
json_t *raci_report_json_finding(const struct raci_report *r, const struct raci_finding *f);

#endif
