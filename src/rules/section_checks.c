/*
 * section_checks.c - the checks section of a ruleset file.
 *
 * A parameter is checked by its kind, never by its name, so that a rule
 * added to rules.def with a parameter of a known kind needs nothing here.
 * Values are kept canonical (a task's key, a role's id), so that the checks
 * compare them with what the roster model holds and never normalise again.
 */
#include "raci/section_checks.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "raci/section_roles.h"
#include "raci/str.h"

/* Whole-number parameters are thresholds: anything larger is a typo. */
#define MAX_INT_PARAM 1000000L

static const char *rule_id_at(const void *ctx, size_t i)
{
    return ((const struct raci_rule_def *)ctx)[i].id;
}

static const char *task_key_at(const void *ctx, size_t i)
{
    return ((const struct raci_ruleset *)ctx)->tasks[i].key;
}

raci_error raci_section_checks_unknown_rule(struct raci_yamldoc *d, const yaml_node_t *n)
{
    size_t count;
    const struct raci_rule_def *all = raci_rules_all(&count);
    const char *id = raci_yamldoc_scalar(n);
    const char *near = raci_yamldoc_closest(id, rule_id_at, all, count);

    if (near)
        return raci_yamldoc_fail(d, n, "unknown rule id '%s' (did you mean '%s'?)", id, near);
    return raci_yamldoc_fail(d, n, "unknown rule id '%s' (run 'raci rules' to list the rule ids)",
                             id);
}

/* A task named in a list parameter, as its key in *out. */
static raci_error param_task(const struct raci_ruleset *rs, struct raci_yamldoc *d,
                             const yaml_node_t *n, const char *v, const char *where, char **out)
{
    int t = raci_ruleset_find_task(rs, v);
    char *key;
    const char *near;
    raci_error err;

    if (t >= 0) {
        *out = raci_str_dup(rs->tasks[t].key);
        return *out ? RACI_OK : RACI_ERROR_NOMEM;
    }
    if (!(key = raci_str_key(v)))
        return RACI_ERROR_NOMEM;
    near = raci_yamldoc_closest(key, task_key_at, rs, rs->ntasks);
    if (near)
        err = raci_yamldoc_fail(d, n, "unknown task '%s'%s (did you mean '%s'?)", v, where, near);
    else
        err = raci_yamldoc_fail(d, n, "unknown task '%s'%s (expected a task defined under 'tasks')",
                                v, where);
    free(key);
    return err;
}

/* One text value of parameter p of check c, checked and made canonical by
 * p's kind: a task's key, a role's id, or one word as written. */
static raci_error param_text(const struct raci_ruleset *rs, struct raci_yamldoc *d,
                             const struct raci_check *c, const struct raci_param *p,
                             const yaml_node_t *n, char **out)
{
    char where[128];
    const char *v = NULL;
    int r;
    raci_error err;

    snprintf(where, sizeof where, " in parameter '%s' of check '%s'", p->name, c->def->id);
    err = raci_yamldoc_text(d, n, p->kind == RACI_PARAM_TASKS ? "a list item" : "a word", &v);
    if (err)
        return err;
    switch (p->kind) {
    case RACI_PARAM_TASKS:
        return param_task(rs, d, n, v, where, out);
    case RACI_PARAM_ROLE:
        if ((err = raci_section_roles_ref(rs, d, n, where, &r)) != RACI_OK)
            return err;
        *out = raci_str_dup(rs->roles[r].id);
        break;
    default:
        if (strcspn(v, " \t") != strlen(v))
            return raci_yamldoc_fail(d, n, "expected one word%s, got '%s'", where, v);
        *out = raci_str_dup(v);
        break;
    }
    return *out ? RACI_OK : RACI_ERROR_NOMEM;
}

static raci_error param_int(struct raci_yamldoc *d, const struct raci_check *c,
                            struct raci_param *p, const yaml_node_t *n)
{
    char buf[64];
    const char *v;
    size_t len;

    if (n->type != YAML_SCALAR_NODE)
        return raci_yamldoc_fail(d, n, "expected a whole number for '%s' in check '%s', got %s",
                                 p->name, c->def->id, raci_yamldoc_describe(n, buf, sizeof buf));
    v = raci_yamldoc_scalar(n);
    len = strlen(v);
    if (n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
        return raci_yamldoc_fail(d, n,
                                 "expected a whole number for '%s' in check '%s', got the quoted "
                                 "text %s (write the number without quotes)",
                                 p->name, c->def->id, raci_yamldoc_describe(n, buf, sizeof buf));
    if (len > 1 && v[0] == '-' && strspn(v + 1, "0123456789") == len - 1)
        return raci_yamldoc_fail(d, n, "'%s' in check '%s' must not be negative, got %s", p->name,
                                 c->def->id, v);
    if (len == 0 || strspn(v, "0123456789") != len)
        return raci_yamldoc_fail(d, n, "expected a whole number for '%s' in check '%s', got %s",
                                 p->name, c->def->id, raci_yamldoc_describe(n, buf, sizeof buf));
    if (len > 7 || strtol(v, NULL, 10) > MAX_INT_PARAM)
        return raci_yamldoc_fail(d, n, "'%s' in check '%s' is too large: %s (at most %ld)", p->name,
                                 c->def->id, v, MAX_INT_PARAM);
    p->ival = strtol(v, NULL, 10);
    return RACI_OK;
}

/* The value n given for parameter p of check c, replacing p's. */
static raci_error set_param(const struct raci_ruleset *rs, struct raci_yamldoc *d,
                            const struct raci_check *c, struct raci_param *p, const yaml_node_t *n)
{
    struct raci_keyset seen = {NULL, 0, 0};
    char *str = NULL;
    char what[96];
    raci_error err = RACI_OK;

    if (p->kind == RACI_PARAM_INT)
        return param_int(d, c, p, n);
    if (p->kind == RACI_PARAM_WORD || p->kind == RACI_PARAM_ROLE) {
        if ((err = param_text(rs, d, c, p, n, &str)) != RACI_OK)
            return err;
        free(p->sval);
        p->sval = str;
        return RACI_OK;
    }
    snprintf(what, sizeof what, "a list for '%s' in check '%s', such as [a, b]", p->name,
             c->def->id);
    if ((err = raci_yamldoc_want(d, n, YAML_SEQUENCE_NODE, what)) != RACI_OK)
        return err;
    /* The list given replaces the base's; on a failure the whole ruleset is
     * released, so a list half-built is never seen. */
    raci_ruleset_list_clear(&p->list, &p->nlist);
    RACI_YAMLDOC_ITEMS(n, it)
    {
        err = param_text(rs, d, c, p, raci_yamldoc_node(d, *it), &str);
        if (!err)
            err = raci_ruleset_list_add(&p->list, &p->nlist, &seen, str);
        free(str);
        str = NULL;
        if (err)
            break;
    }
    raci_keyset_release(&seen);
    return err;
}

static raci_error set_severity(struct raci_yamldoc *d, struct raci_check *c, const yaml_node_t *n)
{
    const char *v = NULL;
    int sev;
    raci_error err = raci_yamldoc_text(d, n, "a severity (error, warning, info or off)", &v);

    if (err)
        return err;
    sev = raci_severity_parse(v);
    if (sev < 0)
        return raci_yamldoc_fail(d, n,
                                 "invalid severity '%s' for check '%s' (expected error, warning, "
                                 "info or off)",
                                 v, c->def->id);
    c->severity = (enum raci_severity)sev;
    return RACI_OK;
}

/* "unknown key" at k for check c, which knows severity and its parameters. */
static raci_error unknown_check_key(struct raci_yamldoc *d, const struct raci_check *c,
                                    const yaml_node_t *k)
{
    const char **names = malloc((c->nparams + 1) * sizeof(*names));
    char where[96];
    raci_error err;

    if (!names)
        return RACI_ERROR_NOMEM;
    names[0] = "severity";
    for (size_t j = 0; j < c->nparams; j++)
        names[j + 1] = c->params[j].name;
    snprintf(where, sizeof where, " in check '%s'", c->def->id);
    err = raci_yamldoc_unknown_key(d, k, where, names, c->nparams + 1);
    free(names);
    return err;
}

raci_error raci_section_checks(struct raci_ruleset *rs, struct raci_yamldoc *d,
                               const yaml_node_t *key, const yaml_node_t *value)
{
    struct raci_check *c = NULL;
    raci_error err;

    for (size_t i = 0; i < rs->nchecks && !c; i++)
        if (!strcmp(rs->checks[i].def->id, raci_yamldoc_scalar(key)))
            c = &rs->checks[i];
    if (!c)
        return raci_section_checks_unknown_rule(d, key);
    if (value->type == YAML_SCALAR_NODE) /* the shorthand "team-size: off" */
        return set_severity(d, c, value);
    err = raci_yamldoc_mapping(d, value, "a severity or a mapping {severity, parameters}");
    if (err)
        return err;
    RACI_YAMLDOC_PAIRS(value, q)
    {
        const yaml_node_t *pk = raci_yamldoc_node(d, q->key), *pv = raci_yamldoc_node(d, q->value);
        struct raci_param *param = NULL;

        if (!strcmp(raci_yamldoc_scalar(pk), "severity")) {
            err = set_severity(d, c, pv);
        } else {
            for (size_t j = 0; j < c->nparams && !param; j++)
                if (!strcmp(c->params[j].name, raci_yamldoc_scalar(pk)))
                    param = &c->params[j];
            err = param ? set_param(rs, d, c, param, pv) : unknown_check_key(d, c, pk);
        }
        if (err)
            return err;
    }
    return RACI_OK;
}
