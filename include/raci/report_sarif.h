/*
 * report_sarif.h - findings as SARIF 2.1.0, for GitHub code scanning and
 * other SARIF viewers.
 *
 * One run whose tool.driver lists every rule in force (id, CamelCase name,
 * short and full description, helpUri, default level) from the registry and
 * the ruleset's severities. A result has ruleId, ruleIndex and level (info
 * is "note"), a message ending in a full stop, a physical location (the
 * roster path as a relative URI with forward slashes, raci_uri_from_path;
 * startLine and startColumn, columns in Unicode code points), the other rows
 * as relatedLocations, a logicalLocation naming the entity, and
 * partialFingerprints {"raciEntity/v1": raci_findings_fingerprint()}. When a
 * baseline was applied, results carry baselineState "new" and the run's
 * properties hold the baseline's file, known count and absent entries
 * (SARIF's "absent" results would need locations these no longer have).
 *
 * GitHub code scanning rejects a run of more than 25,000 results, or a
 * result of more than 1,000 locations. So a run holds at most 25,000
 * results, the most severe first (every error, then warnings, then notes,
 * each in the findings' order, as many as fit), and a result at most 1,000
 * relatedLocations. What was left out is said: a warning in
 * invocations[0].toolExecutionNotifications, the number in the run's
 * properties (resultsOmitted), and in a result's properties how many rows
 * it did not list (relatedLocationsOmitted). --format json has everything.
 * Within the limits no invocation is written.
 */
#ifndef RACI_REPORT_SARIF_H
#define RACI_REPORT_SARIF_H

#include <stdio.h>

#include "raci/report.h"

raci_error raci_report_sarif(FILE *out, const struct raci_report *r);

#endif
