/*
 * checks.h - the rules engine.
 *
 * Runs every check whose severity in the ruleset is not off over a finished
 * roster, appending findings. Each check reports once per entity and lists
 * every row involved. The roster and ruleset are only read.
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
