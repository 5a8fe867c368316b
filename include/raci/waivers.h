/*
 * waivers.h - what a waiver of the ruleset means. The ruleset loader only
 * reads waivers (struct raci_waiver, ruleset.h); this module judges them.
 *
 * A waiver covers a finding when the finding is of the waiver's rule and
 * each subject the waiver gives equals the finding's: a product by matching
 * key; a task as a ruleset task when the waiver's name is one (so that an
 * alias names it too), else by matching key; a person by name or by id.
 *
 * A waiver is in force up to and including its expiry date, judged against
 * today: the ruleset's (RACI_TODAY, or its load date), else the local date
 * now, else "" when even the clock fails (no waiver then expires). A waiver
 * in force hides what it covers; an expired one hides nothing, and is
 * reported (expired-waiver) with the findings it covered related; one in
 * force that covers nothing is reported too (unused-waiver). Those two are
 * the checks of rules.def's waiver rows, raci_waivers_expired and
 * raci_waivers_unused (declared in checks.h), which run after
 * raci_waivers_apply.
 */
#ifndef RACI_WAIVERS_H
#define RACI_WAIVERS_H

#include "raci/checks.h"
#include "raci/error.h"

/*
 * Apply the ruleset's waivers to the findings of this run (e->out from
 * e->first on): drop, and free, each finding that a waiver in force covers,
 * keeping the others in order; count for each waiver the findings it covers
 * (an expired one, those it would cover) in e->waiver_hits, allocated here;
 * and set e->today. RACI_ERROR_NOMEM when out of memory.
 */
raci_error raci_waivers_apply(struct raci_engine *e);

#endif
