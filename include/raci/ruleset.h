/*
 * ruleset.h - a ruleset: roles and their title patterns, canonical tasks
 * with aliases and default RACI, letter aliases, the severity and
 * parameters of every check, and waivers; what raci knows about a team
 * before it reads the team's roster.
 *
 * This is the model and its questions. Rulesets are written in YAML and
 * read by ruleset_load.h (the format is documented in rules/default.yaml,
 * itself the default ruleset); which roles a job title names is titles.h.
 * The building functions below are what the loader builds a ruleset with.
 */
#ifndef RACI_RULESET_H
#define RACI_RULESET_H

#include <stddef.h>
#include <stdint.h>

#include "raci/error.h"
#include "raci/keyset.h"
#include "raci/letters.h"
#include "raci/rules.h"

/* At most 64 roles, so that a person's roles fit in a uint64_t mask. */
#define RACI_MAX_ROLES 64

struct raci_role {
    char *id;      /* "po" */
    char *name;    /* "Product Owner" */
    char **titles; /* title patterns, raci_str_key form (titles.h) */
    size_t ntitles;
    int *fallbacks; /* role indexes that take over this role's A where a
                       product has no one in it, in order of preference */
    size_t nfallbacks;
};

struct raci_task_def {
    char *name;     /* canonical display name: "Market research" */
    char *key;      /* its raci_str_key */
    char **aliases; /* the raci_str_key of each alias */
    size_t naliases;
    unsigned *raci; /* default letters (RACI_* mask) per role index; room
                       for RACI_MAX_ROLES entries, nroles of them used */
};

/* A parameter of a check. Its value is in the field its kind uses, in the
 * canonical form the loader checked it into against the ruleset. */
struct raci_param {
    char *name; /* as the registry names it */
    enum raci_param_kind kind;
    long ival;   /* RACI_PARAM_INT */
    char *sval;  /* RACI_PARAM_WORD as written, RACI_PARAM_ROLE a role's id;
                    NULL when not given */
    char **list; /* RACI_PARAM_TASKS: task keys (the raci_str_key of each
                    task's canonical name), without repeats */
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
    char *file; /* where it was loaded from */
    /* Every file the ruleset was read from, in the order read: the one
     * named, then each base that `extends` reached by path or by name. */
    char **sources;
    size_t nsources;
    char *framework; /* "scrum", "safe", ... or NULL */
    struct raci_role *roles;
    size_t nroles;
    char **seniority; /* words titles may drop (raci_str_key form; titles.h) */
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
     * date when the ruleset was loaded. "" in a ruleset not made by
     * ruleset_load.h, which raci_checks_run takes as the local date. */
    char today[11];
    /* The look-ups the building functions below keep, over the strings
     * above: each title pattern and the mask of roles that have it, the
     * patterns' first words ("product", "product owner"), each task key and
     * alias and its task's index, each seniority word. */
    struct raci_keyset title_roles, title_prefixes, task_keys, seniority_words;
};

/* Free everything rs holds and zero it; copes with a half-loaded ruleset and
 * with one already released. rs itself is not freed. */
void raci_ruleset_release(struct raci_ruleset *rs);

/* Index of the role with this id, or -1. */
int raci_ruleset_role(const struct raci_ruleset *rs, const char *id);

/* Index of the canonical task whose key or an alias equals name normalised
 * ("  Market-Research! " finds "Market research"), or -1. When nothing
 * matches, one plural step is tried: a final 's' removed, or else added
 * ("KPI" finds "KPIs", "Roadmaps" finds "Roadmap"). */
int raci_ruleset_find_task(const struct raci_ruleset *rs, const char *name);

/* Index of the task whose key or one of whose aliases is exactly key (a
 * raci_str_key already; no plural step), or -1. */
int raci_ruleset_task_key(const struct raci_ruleset *rs, const char *key);

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

/* ----------------------------------------------------- bundled files -- */

/* Is name a bundled ruleset's name: 1 to 64 letters, digits, '-' and '_'?
 * Such a name can never reach outside the rules directories. */
int raci_ruleset_is_bundled(const char *name);

/*
 * The path of the bundled ruleset NAME ("default", "safe"): the first
 * readable NAME.yaml in $RACI_RULES_DIR (when set and not empty), beside the
 * running raci (../rules for a build tree, ../share/raci/rules for an
 * installation), ./rules, then RACI_DATADIR/rules (where `make install` puts
 * them). `extends: NAME` looks there first (then beside the extending file);
 * use this to find the default ruleset so both agree. malloc'd; NULL when
 * none is found, when name is not a bundled name, or when out of memory.
 */
char *raci_ruleset_locate(const char *name);

/* dir/NAME.yaml when name is a bundled name and that file is readable;
 * malloc'd, else NULL (also when out of memory). */
char *raci_ruleset_locate_in(const char *dir, const char *name);

/* ---------------------------------------------------------- building -- */

/*
 * What the loader builds a ruleset with, so that the model keeps its own
 * promises: role ids are unique and at most RACI_MAX_ROLES, string lists
 * hold no repeats, every check has all its parameters. Strings passed in are
 * copied. Each returns RACI_ERROR_NOMEM when out of memory, leaving rs fit
 * for raci_ruleset_release. Fields not covered here (a role's name and
 * fallbacks, a task's letters, a parameter's value, a waiver's fields) are
 * set directly; rs owns what they point to, malloc'd.
 */

/* A role id or framework name: a lower-case ASCII letter, then lower-case
 * letters, digits, '-' or '_'; at most 32 characters. */
int raci_ruleset_valid_id(const char *s);

/* Give rs (which has no checks yet) one check per registry rule, in registry
 * order, with the registry's severity and parameter defaults. */
raci_error raci_ruleset_init_checks(struct raci_ruleset *rs);

/* The index of the role with this id in *index, added (named by its id,
 * with no titles) when there is none. RACI_ERROR_INPUT, with nothing added
 * and no diagnostic, when rs already has RACI_MAX_ROLES roles. */
raci_error raci_ruleset_add_role(struct raci_ruleset *rs, const char *id, int *index);

/* Append a task with this display name, its key (raci_str_key of name, not
 * empty) and no letters; its index is rs->ntasks - 1. The caller has made
 * sure that no task has that key (raci_ruleset_task_key). */
raci_error raci_ruleset_add_task(struct raci_ruleset *rs, const char *name);

/* Give role r the title pattern key (a raci_str_key), unless it has it. */
raci_error raci_ruleset_add_title(struct raci_ruleset *rs, int r, const char *key);

/* Give task t the alias key (a raci_str_key), unless a task has that key
 * or alias already (the caller has made sure that it is not another's). */
raci_error raci_ruleset_add_alias(struct raci_ruleset *rs, size_t t, const char *key);

/* Add the seniority word key (a raci_str_key), unless it is one already. */
raci_error raci_ruleset_add_seniority(struct raci_ruleset *rs, const char *key);

/* Append s to the string list *list of *n strings (a list parameter) unless
 * it holds s already; seen (zeroed before the first string of a list) keeps
 * what the list holds, so that each string costs the same however long the
 * list, and is released by the caller once the list is built. */
raci_error raci_ruleset_list_add(char ***list, size_t *n, struct raci_keyset *seen, const char *s);

/* Free the strings of *list and the list, and set both to empty. */
void raci_ruleset_list_clear(char ***list, size_t *n);

/* Let letter alias name (matched ASCII case-insensitively) stand for
 * letters (RACI_* mask), adding it when it is new. */
raci_error raci_ruleset_set_alias(struct raci_ruleset *rs, const char *name, unsigned letters);

/* Append a zeroed waiver, for the caller to fill in; NULL when out of
 * memory. */
struct raci_waiver *raci_ruleset_add_waiver(struct raci_ruleset *rs);

#endif
