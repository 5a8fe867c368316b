/*
 * section_tasks.c - the tasks section of a ruleset file.
 *
 * Tasks are found by key, so that "Market Research" in a team's ruleset is
 * the default's "Market research": the team's file changes the task rather
 * than adding a second one.
 */
#include "raci/section_tasks.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "raci/array.h"
#include "raci/letters.h"
#include "raci/section_roles.h"
#include "raci/str.h"

/* Where in this file each task was defined, by task index: its 1-based line,
 * 0 for a task of a base ruleset not (yet) named here. */
struct task_lines {
    unsigned long *line;
    size_t cap;
};

static raci_error apply_task_raci(struct raci_ruleset *rs, struct raci_yamldoc *d, size_t t,
                                  const yaml_node_t *n)
{
    char where[96];
    raci_error err =
        raci_yamldoc_mapping(d, n, "a mapping of role ids to letters such as {po: A/R, pm: C}");

    if (err)
        return err;
    snprintf(where, sizeof where, " in the raci of task '%.60s'", rs->tasks[t].name);
    RACI_YAMLDOC_PAIRS(n, p)
    {
        const yaml_node_t *k = raci_yamldoc_node(d, p->key), *v = raci_yamldoc_node(d, p->value);
        const char *id = raci_yamldoc_scalar(k), *spec = NULL;
        unsigned letters = 0;
        int r = raci_ruleset_role(rs, id);

        if (r < 0)
            return raci_section_roles_unknown(rs, d, k, id, where);
        err = raci_yamldoc_text(d, v, "letters such as A/R, or - for none", &spec);
        if (err)
            return err;
        if (strcmp(spec, "-") != 0 && !(letters = raci_letters_from_spec(spec)))
            return raci_yamldoc_fail(d, v,
                                     "invalid letters '%s' for role '%s'%s (expected R, A, C, I "
                                     "or a combination such as A/R; - for none)",
                                     spec, id, where);
        rs->tasks[t].raci[r] = letters;
    }
    return RACI_OK;
}

static raci_error apply_task_aliases(struct raci_ruleset *rs, struct raci_yamldoc *d, size_t t,
                                     const yaml_node_t *n)
{
    raci_error err = raci_yamldoc_want(d, n, YAML_SEQUENCE_NODE, "a list of task aliases");

    if (err)
        return err;
    RACI_YAMLDOC_ITEMS(n, it)
    {
        const yaml_node_t *a = raci_yamldoc_node(d, *it);
        struct raci_task_def *task = &rs->tasks[t];
        const char *v = NULL;
        char *key;
        int other;

        if ((err = raci_yamldoc_text(d, a, "a task alias", &v)) != RACI_OK)
            return err;
        if (!(key = raci_str_key(v)))
            return RACI_ERROR_NOMEM;
        other = *key ? raci_ruleset_task_key(rs, key) : -1;
        if (!*key)
            err = raci_yamldoc_fail(d, a, "task alias '%s' has no letters or digits", v);
        else if (other >= 0 && (size_t)other != t)
            err = raci_yamldoc_fail(d, a, "alias '%s' of task '%s' already names task '%s'", v,
                                    task->name, rs->tasks[other].name);
        else if (other < 0)
            err = raci_ruleset_add_alias(rs, t, key);
        free(key);
        if (err)
            return err;
    }
    return RACI_OK;
}

/* The task that a name defines in this file: an existing one named by its
 * key or an alias (of a base ruleset), or a new one; its index in *t. A
 * task defined earlier in this file cannot be defined again. */
static raci_error define_task(struct raci_ruleset *rs, struct raci_yamldoc *d,
                              struct task_lines *lines, const yaml_node_t *name, const char *text,
                              int *t)
{
    char *key = raci_str_key(text);
    raci_error err = RACI_OK;

    if (!key)
        return RACI_ERROR_NOMEM;
    *t = raci_ruleset_task_key(rs, key);
    if (!*key)
        err = raci_yamldoc_fail(d, name, "task name '%s' has no letters or digits", text);
    else if (*t >= 0 && (size_t)*t < lines->cap && lines->line[*t])
        err = raci_yamldoc_fail(d, name, "task '%s' is already defined at line %lu", text,
                                lines->line[*t]);
    else if (*t < 0 && (err = raci_ruleset_add_task(rs, text)) == RACI_OK)
        *t = (int)rs->ntasks - 1;
    free(key);
    if (!err)
        err = raci_array_grow(&lines->line, &lines->cap, rs->ntasks, sizeof(*lines->line));
    if (!err)
        lines->line[*t] = (unsigned long)name->start_mark.line + 1;
    return err;
}

/* One item of the tasks list: {name, aliases, raci}. */
static raci_error apply_task(struct raci_ruleset *rs, struct raci_yamldoc *d,
                             struct task_lines *lines, const yaml_node_t *item)
{
    static const char *const keys[] = {"name", "aliases", "raci"};
    const yaml_node_t *name, *v;
    const char *text = NULL;
    char where[96];
    int t;
    raci_error err = raci_yamldoc_mapping(d, item, "a task: {name, aliases, raci}");

    if (err)
        return err;
    name = raci_yamldoc_get(d, item, "name");
    if (!name)
        return raci_yamldoc_fail(d, item,
                                 "task without a name (expected name: and the task's name)");
    if ((err = raci_yamldoc_text(d, name, "a task name", &text)) != RACI_OK)
        return err;
    /* Unknown keys are reported after the name, which says which task. */
    snprintf(where, sizeof where, " in task '%.60s'", text);
    if ((err = raci_yamldoc_known_keys(d, item, keys, 3, where)) != RACI_OK)
        return err;
    if ((err = define_task(rs, d, lines, name, text, &t)) != RACI_OK)
        return err;
    if ((v = raci_yamldoc_get(d, item, "aliases")) != NULL &&
        (err = apply_task_aliases(rs, d, (size_t)t, v)) != RACI_OK)
        return err;
    if ((v = raci_yamldoc_get(d, item, "raci")) != NULL)
        return apply_task_raci(rs, d, (size_t)t, v);
    return RACI_OK;
}

raci_error raci_section_tasks(struct raci_ruleset *rs, struct raci_yamldoc *d,
                              const yaml_node_t *seq)
{
    struct task_lines lines = {NULL, 0};
    raci_error err = RACI_OK;

    RACI_YAMLDOC_ITEMS(seq, it)
    {
        err = apply_task(rs, d, &lines, raci_yamldoc_node(d, *it));
        if (err)
            break;
    }
    free(lines.line);
    return err;
}
