/*
 * rules.h - the registry of rules raci knows: ids, default severities,
 * parameters and documentation.
 *
 * This table is the one source of what a rule is. The ruleset loader checks
 * a YAML file against it (an unknown rule id or parameter is an error at its
 * line), the checks engine runs it, `raci rules` prints it, and the SARIF
 * writer describes rules from it.
 */
#ifndef RACI_RULES_H
#define RACI_RULES_H

#include <stddef.h>

#include "raci/severity.h"

enum raci_param_type {
    RACI_PARAM_INT = 1, /* a non-negative integer */
    RACI_PARAM_STRING,  /* one word, e.g. a role id */
    RACI_PARAM_LIST     /* a list of strings, e.g. task names */
};

struct raci_param_def {
    const char *name;
    enum raci_param_type type;
    long int_default;
    const char *doc;
};

struct raci_rule_def {
    const char *id;              /* stable: tests, baselines, waivers use it */
    const char *name;            /* CamelCase, for SARIF */
    enum raci_severity severity; /* default */
    /* What one finding is about: "task", "product", "person", "row", "cell",
     * or "waiver" (a waiver of the ruleset: its findings point at the
     * ruleset file, not at the roster). */
    const char *scope;
    const char *summary; /* one line */
    const char *why;     /* the documents' reasoning, with its source */
    /* A roster (CSV with its header) that breaks the rule under the default
     * ruleset; for the "waiver" rules, the ruleset excerpt that does. */
    const char *example;
    const struct raci_param_def *params; /* terminated by a NULL name */
};

/* Every rule, in documentation order. */
const struct raci_rule_def *raci_rules_all(size_t *n);
/* The rule with this id, or NULL. */
const struct raci_rule_def *raci_rules_find(const char *id);
/* Its parameter of this name, or NULL. */
const struct raci_param_def *raci_rule_param(const struct raci_rule_def *rule, const char *name);

#endif
