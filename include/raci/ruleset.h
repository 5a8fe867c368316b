/*
 * ruleset.h - a ruleset loaded from YAML: roles and their title patterns,
 * canonical tasks with aliases and default RACI, letter aliases, and the
 * severity and parameters of every check.
 *
 * The file format is documented in rules/default.yaml, which is itself the
 * default ruleset. Every key is checked: an unknown key, a value of the wrong
 * type or an unknown rule id is RACI_ERROR_INPUT with file:line:column.
 *
 * A ruleset may start from another with `extends:`; its keys then merge into
 * the base: checks per rule id (severity and the parameters given), roles per
 * id (name replaced, titles added), tasks by name or alias (aliases added,
 * letters replaced per role), letter aliases per name, fallbacks per role;
 * seniority words are added; waivers are appended. `extends: NAME` (letters, digits, - and _) is a
 * bundled ruleset, found as by raci_ruleset_locate(); anything else is a path,
 * relative to the extending file's directory.
 */
#ifndef RACI_RULESET_H
#define RACI_RULESET_H

#include <stddef.h>
#include <stdint.h>

#include "raci/diag.h"
#include "raci/error.h"
#include "raci/letters.h"
#include "raci/rules.h"

/* At most 64 roles, so that a person's roles fit in a uint64_t mask. */
#define RACI_MAX_ROLES 64

struct raci_role {
    char *id;      /* "po" */
    char *name;    /* "Product Owner" */
    char **titles; /* normalised title patterns (raci_norm_key form) */
    size_t ntitles;
    int *fallbacks; /* role indexes that take over this role's A where a
                       product has no one in it, in order of preference */
    size_t nfallbacks;
};

struct raci_task_def {
    char *name;     /* canonical display name: "Market research" */
    char *key;      /* its normalised key */
    char **aliases; /* normalised keys of its aliases */
    size_t naliases;
    unsigned *raci; /* default letters (RACI_* mask) per role index; room
                       for RACI_MAX_ROLES entries, nroles of them used */
};

struct raci_param {
    char *name;
    enum raci_param_kind kind;
    long ival;
    char *sval;
    char **list;
    size_t nlist;
};

struct raci_check {
    const struct raci_rule_def *def;
    enum raci_severity severity; /* RACI_SEV_OFF: turned off */
    struct raci_param *params;   /* every parameter of def, defaults filled in */
    size_t nparams;
};

/*
 * A waiver: a finding the team accepts, for a reason, until a date. It names
 * a rule and a subject - at least one of product, task and person, as the
 * roster writes them - and hides each finding of that rule whose product,
 * task and person equal those given (see raci_checks_run). The waiver holds
 * through its expiry day; after it, it hides nothing and is reported as an
 * expired-waiver finding at its place in the ruleset.
 */
struct raci_waiver {
    const struct raci_rule_def *rule; /* never one of scope "waiver" */
    char *product;                    /* as written; NULL when not given */
    char *task;
    char *person;
    char *reason;       /* never empty */
    char expires[11];   /* "YYYY-MM-DD", a real date */
    char *file;         /* the ruleset file it is written in, as diagnostics name it */
    unsigned line, col; /* its entry in that file, 1-based */
};

struct raci_ruleset {
    char *file;      /* where it was loaded from */
    char *framework; /* "scrum", "safe", ... or NULL */
    struct raci_role *roles;
    size_t nroles;
    char **seniority; /* normalised words stripped from titles */
    size_t nseniority;
    struct raci_task_def *tasks;
    size_t ntasks;
    struct raci_letter_alias *aliases; /* names owned */
    size_t naliases;
    struct raci_check *checks; /* one per registry rule, in registry order */
    size_t nchecks;
    struct raci_waiver *waivers; /* those of the bases first, in file order */
    size_t nwaivers;
    /* The day waivers are judged on, "YYYY-MM-DD": $RACI_TODAY when it is
     * set and not empty (for tests and reproducible runs), else the local
     * date when the ruleset was loaded. "" in a ruleset not loaded by this
     * module, which raci_checks_run takes as the local date. */
    char today[11];
};

/*
 * Load the ruleset at path into rs (zeroed or released first). On failure rs
 * is left released (zeroed) and: RACI_ERROR_IO when path cannot be read
 * (errno says why), RACI_ERROR_INPUT for a malformed ruleset or base ruleset,
 * or for a RACI_TODAY that is no date; both with diag set (file:line:column
 * of the offending node, its source line, and what would be right).
 * RACI_ERROR_NOMEM leaves diag alone.
 */
raci_error raci_ruleset_load(struct raci_ruleset *rs, const char *path, struct raci_diag *diag);

/* Same, from YAML text in memory (len bytes, need not be terminated; text is
 * only read during the call); display names it in diagnostics. Such a
 * ruleset can only extend a bundled ruleset by name, never a path. */
raci_error raci_ruleset_load_mem(struct raci_ruleset *rs, const char *text, size_t len,
                                 const char *display, struct raci_diag *diag);

/* Free everything rs holds and zero it; copes with a half-loaded ruleset and
 * with one already released. rs itself is not freed. */
void raci_ruleset_release(struct raci_ruleset *rs);

/*
 * The path of the bundled ruleset NAME ("default", "safe"): the first
 * readable NAME.yaml in $RACI_RULES_DIR (when set), ./rules, then
 * RACI_DATADIR/rules (where `make install` puts them). `extends: NAME` looks
 * there first (then beside the extending file); use this to find the default
 * ruleset so both agree. malloc'd; NULL when none is found, when name is not
 * a bare name (letters, digits, - and _), or when out of memory.
 */
char *raci_ruleset_locate(const char *name);

/* Index of the role with this id, or -1. */
int raci_ruleset_role(const struct raci_ruleset *rs, const char *id);

/* Index of the canonical task whose key or an alias equals name normalised
 * ("  Market-Research! " finds "Market research"), or -1. When nothing
 * matches, one plural step is tried: a final 's' removed, or else added
 * ("KPI" finds "KPIs", "Roadmaps" finds "Roadmap"). */
int raci_ruleset_find_task(const struct raci_ruleset *rs, const char *name);

/* The check for a rule id (NULL if unknown). */
const struct raci_check *raci_ruleset_check(const struct raci_ruleset *rs, const char *id);

/*
 * The parameters of a check. They are named by the check's raci_check, not
 * the ruleset, but read a ruleset's canonical values, so they live here.
 */

/* The value of whole-number parameter name of c; the registry's default when
 * c is NULL or has no such parameter of kind RACI_PARAM_INT (0 when the
 * registry has none either). */
long raci_ruleset_int(const struct raci_check *c, const char *name);

/* The parameter of this name, or NULL (also when c is NULL). Its value is
 * canonical by its kind, checked against the ruleset on load: a
 * RACI_PARAM_TASKS list holds task keys (raci_str_key form of the canonical
 * name), a RACI_PARAM_ROLE holds a role id (sval, NULL when not given), a
 * RACI_PARAM_WORD the word as written. */
const struct raci_param *raci_ruleset_param(const struct raci_check *c, const char *name);

/* Does word or role parameter name of c equal value, or list parameter name
 * hold it (ASCII case-insensitively)? 0 when c, value or the parameter is
 * absent. */
int raci_ruleset_has(const struct raci_check *c, const char *name, const char *value);

#endif
