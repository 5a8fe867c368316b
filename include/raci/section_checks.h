/*
 * section_checks.h - the checks section of a ruleset file: each rule's
 * severity and parameters; and references to rules from anywhere in the
 * file.
 *
 * Part of the ruleset loader (ruleset_load.c drives it, after the roles and
 * tasks that parameters name). Failures are as yamldoc.h says.
 */
#ifndef RACI_SECTION_CHECKS_H
#define RACI_SECTION_CHECKS_H

#include "raci/ruleset.h"
#include "raci/yamldoc.h"

/*
 * One entry of `checks:`: key a rule id, value a severity (error, warning,
 * info, off) or a mapping {severity, and the rule's parameters}. Each
 * parameter given replaces the check's value, checked by its kind
 * (RACI_PARAM_*) and kept in canonical form: a whole number up to 1000000,
 * one word, a role id of rs, or a list of tasks of rs kept as their keys
 * (repeats dropped).
 */
raci_error raci_section_checks(struct raci_ruleset *rs, struct raci_yamldoc *d,
                               const yaml_node_t *key, const yaml_node_t *value);

/* The error for node n, a scalar that is no rule id of the registry: "unknown
 * rule id 'x'" with the closest rule id as a suggestion, or how to list
 * them. */
raci_error raci_section_checks_unknown_rule(struct raci_yamldoc *d, const yaml_node_t *n);

#endif
