/*
 * rules.h - the registry of rules raci knows: ids, default severities,
 * parameters, documentation and the check that runs each.
 *
 * The registry is made from rules.def, the one table of rules. The ruleset
 * loader checks a YAML file against it (an unknown rule id or parameter is an
 * error at its line), the checks engine runs each row's check (its dispatch
 * is made from the same rows, in the same order), `raci rules`
 * and doc/rules.md print it, and the SARIF writer describes rules from it.
 */
#ifndef RACI_RULES_H
#define RACI_RULES_H

#include <stddef.h>

#include "raci/error.h"
#include "raci/severity.h"

/* What a parameter's value is; the loader checks it and stores it in a
 * canonical form. */
enum raci_param_kind {
    RACI_PARAM_INT = 1, /* a non-negative whole number */
    RACI_PARAM_WORD,    /* one word, such as a framework name */
    RACI_PARAM_ROLE,    /* a role id of the ruleset ("em") */
    RACI_PARAM_TASKS    /* a list of the ruleset's tasks, kept as their keys */
};

struct raci_param_def {
    const char *name;
    enum raci_param_kind kind;
    long int_default; /* RACI_PARAM_INT's only */
    const char *doc;
};

/* What one finding of a rule is about. */
enum raci_scope {
    RACI_SCOPE_TASK,
    RACI_SCOPE_PRODUCT,
    RACI_SCOPE_PERSON,
    RACI_SCOPE_ROW,
    RACI_SCOPE_CELL,
    RACI_SCOPE_TITLE, /* a job title, however many hold it */
    RACI_SCOPE_FILE,  /* a file of the roster, as a whole */
    RACI_SCOPE_WAIVER /* a waiver of the ruleset: its findings point at the
                         ruleset file, and its check runs once the waivers
                         have been applied */
};

/* One row of rules.def. */
struct raci_rule_def {
    const char *id;              /* stable: tests, baselines, waivers use it */
    const char *name;            /* CamelCase, for SARIF */
    enum raci_severity severity; /* default */
    enum raci_scope scope;
    const char *family;  /* "hygiene", "input", "roles", "load", "org", "waivers" */
    const char *summary; /* one line */
    const char *why;     /* the documents' reasoning, with its source */
    /* A roster (CSV with its header) that breaks the rule under the default
     * ruleset; for the waiver rules, the ruleset excerpt that does. */
    const char *example;
    const struct raci_param_def *params; /* terminated by a NULL name */
};

/* Every rule, in documentation order. */
const struct raci_rule_def *raci_rules_all(size_t *n);
/* The rule with this id, or NULL. */
const struct raci_rule_def *raci_rules_find(const char *id);
/* Its parameter of this name, or NULL. */
const struct raci_param_def *raci_rules_param(const struct raci_rule_def *rule, const char *name);
/* "task", "product", "person", "row", "cell", "title", "file", "waiver". */
const char *raci_rules_scope_name(enum raci_scope scope);

#endif
