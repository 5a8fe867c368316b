/*
 * section_waivers.h - the waivers section of a ruleset file.
 *
 * Part of the ruleset loader (ruleset_load.c drives it, last). It only reads
 * waivers into struct raci_waiver (ruleset.h) and checks that each is
 * complete; which findings a waiver covers, and when it has lapsed, is the
 * checks' business (checks.h). Failures are as yamldoc.h says.
 */
#ifndef RACI_SECTION_WAIVERS_H
#define RACI_SECTION_WAIVERS_H

#include "raci/ruleset.h"
#include "raci/yamldoc.h"

/*
 * One item of `waivers:`: a mapping {rule, product, task, person, reason,
 * expires}, appended to rs->waivers with d's file name and the item's line
 * and column. rule is a rule id (not one of scope "waiver"); at least one of
 * product, task and person (text with letters or digits, kept as written);
 * reason is not blank; expires is a real date written YYYY-MM-DD.
 */
raci_error raci_section_waivers(struct raci_ruleset *rs, struct raci_yamldoc *d,
                                const yaml_node_t *item);

#endif
