/*
 * section_roles.c - the roles, seniority and fallbacks sections of a ruleset
 * file, and references to roles.
 *
 * Title patterns and seniority words are kept as their matching keys
 * (raci_str_key), the form titles.c compares; a pattern that titles.c could
 * never reach is refused here, where the ruleset's author can fix it.
 */
#include "raci/section_roles.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "raci/str.h"
#include "raci/titles.h"

static const char *role_id_at(const void *ctx, size_t i)
{
    return ((const struct raci_ruleset *)ctx)->roles[i].id;
}

raci_error raci_section_roles_unknown(const struct raci_ruleset *rs, struct raci_yamldoc *d,
                                      const yaml_node_t *n, const char *id, const char *where)
{
    const char *near = raci_yamldoc_closest(id, role_id_at, rs, rs->nroles);
    const char **ids;
    char *list;
    raci_error err;

    if (near)
        return raci_yamldoc_fail(d, n, "unknown role '%s'%s (did you mean '%s'?)", id, where, near);
    ids = calloc(rs->nroles ? rs->nroles : 1, sizeof(*ids));
    if (!ids)
        return RACI_ERROR_NOMEM;
    for (size_t i = 0; i < rs->nroles; i++)
        ids[i] = rs->roles[i].id;
    list = raci_yamldoc_join_or(ids, rs->nroles);
    free(ids);
    if (!list)
        return RACI_ERROR_NOMEM;
    err = raci_yamldoc_fail(d, n, "unknown role '%s'%s (expected %s)", id, where,
                            rs->nroles ? list : "a role defined under 'roles'");
    free(list);
    return err;
}

raci_error raci_section_roles_ref(const struct raci_ruleset *rs, struct raci_yamldoc *d,
                                  const yaml_node_t *n, const char *where, int *out)
{
    const char *v = NULL;
    raci_error err = raci_yamldoc_text(d, n, "a role id such as po or em", &v);

    if (err)
        return err;
    *out = raci_ruleset_role(rs, v);
    return *out < 0 ? raci_section_roles_unknown(rs, d, n, v, where) : RACI_OK;
}

raci_error raci_section_roles_seniority(struct raci_ruleset *rs, struct raci_yamldoc *d,
                                        const yaml_node_t *item)
{
    const char *v = NULL;
    char *key;
    raci_error err = raci_yamldoc_text(d, item, "a seniority word", &v);

    if (err)
        return err;
    key = raci_str_key(v);
    if (!key)
        return RACI_ERROR_NOMEM;
    if (!*key || strchr(key, ' '))
        err = raci_yamldoc_fail(d, item,
                                "seniority word '%s' must be one word such as senior or sr", v);
    else
        err = raci_ruleset_add_seniority(rs, key);
    free(key);
    return err;
}

/* The title patterns of role r: added, as keys, to those it has. */
static raci_error add_role_titles(struct raci_ruleset *rs, struct raci_yamldoc *d, int r,
                                  const yaml_node_t *n)
{
    raci_error err =
        raci_yamldoc_want(d, n, YAML_SEQUENCE_NODE, "a list of titles such as [product owner]");

    if (err)
        return err;
    RACI_YAMLDOC_ITEMS(n, it)
    {
        const yaml_node_t *t = raci_yamldoc_node(d, *it);
        const char *v = NULL;
        char *key;

        if (err || (err = raci_yamldoc_text(d, t, "a job title", &v)) != RACI_OK)
            break;
        key = raci_str_key(v);
        if (!key)
            return RACI_ERROR_NOMEM;
        if (!raci_titles_can_match(v, key))
            err = raci_yamldoc_fail(d, t,
                                    "title pattern '%s' can never match (titles are split on / , "
                                    "; & + | and the word 'and', and bracketed notes are dropped)",
                                    v);
        else
            err = raci_ruleset_add_title(rs, r, key);
        free(key);
    }
    return err;
}

raci_error raci_section_roles(struct raci_ruleset *rs, struct raci_yamldoc *d,
                              const yaml_node_t *key, const yaml_node_t *value)
{
    static const char *const keys[] = {"name", "titles"};
    const char *id = raci_yamldoc_scalar(key), *text = NULL;
    const yaml_node_t *name, *titles;
    char where[64];
    raci_error err;
    int r;

    if (!raci_ruleset_valid_id(id))
        return raci_yamldoc_fail(d, key,
                                 "invalid role id '%s' (expected a short lower-case word such as "
                                 "po or em)",
                                 id);
    err = raci_yamldoc_mapping(d, value, "a mapping with name and titles for a role");
    if (err)
        return err;
    snprintf(where, sizeof where, " in role '%s'", id);
    err = raci_yamldoc_known_keys(d, value, keys, 2, where);
    if (err)
        return err;
    err = raci_ruleset_add_role(rs, id, &r);
    if (err == RACI_ERROR_INPUT)
        return raci_yamldoc_fail(d, key, "too many roles (at most %d)", RACI_MAX_ROLES);
    if (err)
        return err;
    name = raci_yamldoc_get(d, value, "name");
    if (name) {
        char *copy;
        err = raci_yamldoc_text(d, name, "a role name such as Product Owner", &text);
        if (err)
            return err;
        copy = raci_str_dup(text);
        if (!copy)
            return RACI_ERROR_NOMEM;
        free(rs->roles[r].name);
        rs->roles[r].name = copy;
    }
    titles = raci_yamldoc_get(d, value, "titles");
    return titles ? add_role_titles(rs, d, r, titles) : RACI_OK;
}

raci_error raci_section_roles_fallbacks(struct raci_ruleset *rs, struct raci_yamldoc *d,
                                        const yaml_node_t *key, const yaml_node_t *value)
{
    int r, *to;
    size_t nto = 0;
    raci_error err = raci_section_roles_ref(rs, d, key, " in 'fallbacks'", &r);

    if (!err)
        err = raci_yamldoc_want(d, value, YAML_SEQUENCE_NODE, "a list of role ids such as [em]");
    if (err)
        return err;
    to = calloc((size_t)(value->data.sequence.items.top - value->data.sequence.items.start) + 1,
                sizeof(*to));
    if (!to)
        return RACI_ERROR_NOMEM;
    RACI_YAMLDOC_ITEMS(value, it)
    {
        const yaml_node_t *item = raci_yamldoc_node(d, *it);
        int f = -1;
        size_t i = 0;

        err = raci_section_roles_ref(rs, d, item, " in 'fallbacks'", &f);
        if (!err && f == r)
            err = raci_yamldoc_fail(d, item, "role '%s' cannot be its own fallback",
                                    raci_yamldoc_scalar(item));
        if (err) {
            free(to);
            return err;
        }
        while (i < nto && to[i] != f)
            i++;
        if (i == nto)
            to[nto++] = f;
    }
    free(rs->roles[r].fallbacks);
    rs->roles[r].fallbacks = to;
    rs->roles[r].nfallbacks = nto;
    return RACI_OK;
}
