/*
 * rules.c - the registry, made from rules.def: each row becomes its
 * parameter table and an entry. (The checks engine makes its dispatch from
 * the same rows, so the registry needs nothing of the checks.)
 */
#include "raci/rules.h"

#include <string.h>

/* A row's parameters are RACI_PARAM(...) RACI_PARAM(...), one macro
 * argument (their commas are inside parentheses); each becomes an entry. */
#define RACI_NO_PARAMS
#define RACI_PARAM(kind, name, def, doc) {name, RACI_PARAM_##kind, def, doc},
#define RACI_RULE(family, sym, id, name, sev, scope, params, summary, why, example)                \
    static const struct raci_param_def params_##sym[] = {params{NULL, 0, 0, NULL}};
#include "raci/rules.def"
#undef RACI_RULE

#define RACI_RULE(family, sym, id, name, sev, scope, params, summary, why, example)                \
    {id, name, RACI_SEV_##sev, RACI_SCOPE_##scope, #family, summary, why, example, params_##sym},
static const struct raci_rule_def rules[] = {
#include "raci/rules.def"
};
#undef RACI_RULE
#undef RACI_PARAM
#undef RACI_NO_PARAMS

const struct raci_rule_def *raci_rules_all(size_t *n)
{
    if (n)
        *n = sizeof(rules) / sizeof(rules[0]);
    return rules;
}

const struct raci_rule_def *raci_rules_find(const char *id)
{
    for (size_t i = 0; i < sizeof(rules) / sizeof(rules[0]); i++)
        if (strcmp(rules[i].id, id) == 0)
            return &rules[i];
    return NULL;
}

const struct raci_param_def *raci_rules_param(const struct raci_rule_def *rule, const char *name)
{
    for (const struct raci_param_def *p = rule->params; p->name; p++)
        if (strcmp(p->name, name) == 0)
            return p;
    return NULL;
}

const char *raci_rules_scope_name(enum raci_scope scope)
{
    static const char *const names[] = {"task", "product", "person", "row",
                                        "cell", "title",   "file",   "waiver"};
    return (unsigned)scope < sizeof names / sizeof *names ? names[scope] : "?";
}
