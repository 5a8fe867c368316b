/*
 * cmd_rules.h - `raci rules [RULE-ID]`: list the rules in force with their
 * severities, or explain one with its parameters' values and an example
 * that breaks it (both printed by rules_doc.h).
 */
#ifndef RACI_CMD_RULES_H
#define RACI_CMD_RULES_H

#include "raci/options.h"
#include "raci/ruleset.h"

/* o->args are what follows "rules". The exit status (policy.h). */
int raci_cmd_rules(const struct raci_options *o, const struct raci_ruleset *rs);

#endif
