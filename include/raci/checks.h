/*
 * checks.h - the rules engine.
 *
 * Runs every check whose severity in the ruleset is not off over a finished
 * roster, appending findings. Each check reports once per entity and lists
 * every row involved. The roster and ruleset are only read.
 *
 * Then the ruleset's waivers are applied to the findings of this run (those
 * already in out are left alone): a finding that a waiver in force covers
 * is removed; a waiver past its expiry date (rs->today) covers nothing and is
 * reported as an expired-waiver finding, one in force that covered nothing
 * as an unused-waiver finding. Both are located at the waiver in its
 * ruleset file: their loc.file points into rs, which must outlive out.
 * Finally out is sorted.
 */
#ifndef RACI_CHECKS_H
#define RACI_CHECKS_H

#include "raci/error.h"
#include "raci/findings.h"
#include "raci/roster.h"
#include "raci/ruleset.h"

raci_error raci_checks_run(const struct raci_roster *r, const struct raci_ruleset *rs,
                           struct raci_findings *out);

#endif
