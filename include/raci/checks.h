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

#include <stddef.h>
#include <stdint.h>

#include "raci/error.h"
#include "raci/findings.h"
#include "raci/roster.h"
#include "raci/ruleset.h"

/*
 * A run of the checks: what every check reads, and where it adds findings.
 * Checks get it from raci_checks_run and only read the roster and ruleset.
 */
struct raci_engine {
    const struct raci_roster *r;
    const struct raci_ruleset *rs;
    struct raci_findings *out;
    size_t first;        /* out's findings from here on are this run's */
    size_t *waiver_hits; /* per waiver of rs: the findings it covers */
    char today[11];      /* the day waivers are judged on */
    /* Assignments grouped by task: those of task t are
     * by_task[task_start[t] .. task_start[t + 1]), in roster order. */
    uint32_t *task_start;
    uint32_t *by_task;
};

/* Every row's check, raci_<family>_<sym>, declared from rules.def: a row
 * whose function is missing fails the link. */
#define RACI_RULE(family, sym, ...)                                                                \
    raci_error raci_##family##_##sym(struct raci_engine *e, const struct raci_check *chk);
#include "raci/rules.def"
#undef RACI_RULE

raci_error raci_checks_run(const struct raci_roster *r, const struct raci_ruleset *rs,
                           struct raci_findings *out);

#endif
