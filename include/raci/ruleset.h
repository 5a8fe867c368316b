/*
 * ruleset.h - a ruleset loaded from YAML: roles and their title patterns,
 * canonical tasks with aliases and default RACI, letter aliases, and the
 * severity and parameters of every check.
 *
 * The file format is documented in rules/default.yaml, which is itself the
 * default ruleset. Every key is checked: an unknown key, a value of the wrong
 * type or an unknown rule id is RACI_ERROR_INPUT with file:line:column.
 */
#ifndef RACI_RULESET_H
#define RACI_RULESET_H

#include <stddef.h>
#include <stdint.h>

#include "raci/error.h"
#include "raci/letters.h"
#include "raci/rules.h"

/* At most 64 roles, so that a person's roles fit in a uint64_t mask. */
#define RACI_MAX_ROLES 64

struct raci_role {
    char *id;         /* "po" */
    char *name;       /* "Product Owner" */
    char **titles;    /* normalised title patterns (raci_norm_key form) */
    size_t ntitles;
};

struct raci_task_def {
    char *name;       /* canonical display name: "Market research" */
    char *key;        /* its normalised key */
    char **aliases;   /* normalised keys of its aliases */
    size_t naliases;
    unsigned *raci;   /* default letters per role index (nroles entries) */
};

struct raci_param {
    char *name;
    enum raci_param_type type;
    long ival;
    char *sval;
    char **list;
    size_t nlist;
};

struct raci_check {
    const struct raci_rule_def *def;
    enum raci_severity severity;  /* RACI_SEV_OFF: turned off */
    struct raci_param *params;    /* every parameter of def, defaults filled in */
    size_t nparams;
};

struct raci_ruleset {
    char *file;                   /* where it was loaded from */
    char *framework;              /* "scrum", "safe", ... or NULL */
    struct raci_role *roles;
    size_t nroles;
    char **seniority;             /* normalised words stripped from titles */
    size_t nseniority;
    struct raci_task_def *tasks;
    size_t ntasks;
    struct raci_letter_alias *aliases; /* names owned */
    size_t naliases;
    struct raci_check *checks;    /* one per registry rule, in registry order */
    size_t nchecks;
};

/* Load the ruleset at path into rs (zeroed or released first). */
raci_error raci_ruleset_load(struct raci_ruleset *rs, const char *path, struct raci_diag *diag);

/* Same, from YAML text in memory; display names it in diagnostics. */
raci_error raci_ruleset_load_mem(struct raci_ruleset *rs, const char *text, size_t len,
                                 const char *display, struct raci_diag *diag);

void raci_ruleset_release(struct raci_ruleset *rs);

/* Index of the role with this id, or -1. */
int raci_ruleset_role(const struct raci_ruleset *rs, const char *id);

/*
 * The roles a job title names, as a mask of role indexes. The title is split
 * on '/', ',', ';', '&', '+', '|' and the word "and"; each part is normalised
 * and matched whole against every role's patterns, first as it is, then with
 * the seniority words removed ("Sr. Product Owner" -> po, "Lead Developer"
 * stays tl). 0 when no part names a role.
 */
uint64_t raci_ruleset_match_title(const struct raci_ruleset *rs, const char *title);

/* Index of the canonical task whose name or alias matches name (normalised),
 * or -1. */
int raci_ruleset_find_task(const struct raci_ruleset *rs, const char *name);

/* The check for a rule id (NULL if unknown). */
const struct raci_check *raci_ruleset_check(const struct raci_ruleset *rs, const char *id);

/* A parameter's value; the registry default when absent. */
long raci_check_int(const struct raci_check *c, const char *name);
const struct raci_param *raci_check_param(const struct raci_check *c, const char *name);

#endif
