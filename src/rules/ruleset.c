/*
 * ruleset.c - the ruleset model: its questions, how it is built, where the
 * bundled rulesets are, and its release.
 *
 * A ruleset is built once, by the loader, and then only read: its arrays
 * are kept exactly full, with no capacity beside them.
 */
#include "raci/ruleset.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "raci/array.h"
#include "raci/str.h"

#ifndef RACI_DATADIR
#define RACI_DATADIR "/usr/local/share/raci"
#endif

#define MAX_ID_LEN           32
#define MAX_BUNDLED_NAME_LEN 64

/* ---------------------------------------------------------- questions -- */

int raci_ruleset_role(const struct raci_ruleset *rs, const char *id)
{
    for (size_t i = 0; i < rs->nroles; i++)
        if (!raci_str_casecmp(rs->roles[i].id, id))
            return (int)i;
    return -1;
}

int raci_ruleset_task_key(const struct raci_ruleset *rs, const char *key)
{
    uint64_t t;

    return raci_keyset_get(&rs->task_keys, key, strlen(key), &t) ? (int)t : -1;
}

int raci_ruleset_find_task(const struct raci_ruleset *rs, const char *name)
{
    size_t n;
    char *key;
    int found;

    if (!name)
        return -1;
    n = strlen(name);
    /* Room for the key and a plural 's'. */
    key = n < SIZE_MAX / 2 ? malloc(RACI_STR_KEY_SIZE(n) + 1) : NULL;
    if (!key)
        return -1;
    n = raci_str_key_into(name, key);
    found = n ? raci_ruleset_task_key(rs, key) : -1;
    if (found < 0 && n > 0) {
        /* One plural step: "KPI" finds "KPIs", "Roadmaps" finds "Roadmap". */
        if (n > 1 && key[n - 1] == 's') {
            key[n - 1] = '\0';
        } else {
            key[n] = 's';
            key[n + 1] = '\0';
        }
        found = raci_ruleset_task_key(rs, key);
    }
    free(key);
    return found;
}

const struct raci_check *raci_ruleset_check(const struct raci_ruleset *rs, const char *id)
{
    for (size_t i = 0; i < rs->nchecks; i++)
        if (!strcmp(rs->checks[i].def->id, id))
            return &rs->checks[i];
    return NULL;
}

const struct raci_param *raci_ruleset_param(const struct raci_check *c, const char *name)
{
    if (!c)
        return NULL;
    for (size_t i = 0; i < c->nparams; i++)
        if (!strcmp(c->params[i].name, name))
            return &c->params[i];
    return NULL;
}

long raci_ruleset_int(const struct raci_check *c, const char *name)
{
    const struct raci_param *p = raci_ruleset_param(c, name);
    const struct raci_param_def *d;

    if (p && p->kind == RACI_PARAM_INT)
        return p->ival;
    d = c ? raci_rules_param(c->def, name) : NULL;
    return d ? d->int_default : 0;
}

int raci_ruleset_has(const struct raci_check *c, const char *name, const char *value)
{
    const struct raci_param *p = raci_ruleset_param(c, name);

    if (!p || !value)
        return 0;
    if (p->kind == RACI_PARAM_WORD || p->kind == RACI_PARAM_ROLE)
        return p->sval && !raci_str_casecmp(p->sval, value);
    for (size_t i = 0; i < p->nlist; i++)
        if (!raci_str_casecmp(p->list[i], value))
            return 1;
    return 0;
}

/* ------------------------------------------------------- bundled files -- */

int raci_ruleset_is_bundled(const char *name)
{
    size_t n = strlen(name);

    if (n == 0 || n > MAX_BUNDLED_NAME_LEN)
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = name[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_'))
            return 0;
    }
    return 1;
}

char *raci_ruleset_locate_in(const char *dir, const char *name)
{
    char *path;
    FILE *f;

    if (!dir || !name || !raci_ruleset_is_bundled(name))
        return NULL;
    path = raci_str_printf("%s/%s.yaml", dir, name);
    f = path ? fopen(path, "r") : NULL;
    if (!f) {
        free(path);
        return NULL;
    }
    fclose(f);
    return path;
}

/* The directory of the running executable, with a final '/', or NULL. A
 * build tree keeps its rulesets at build/../rules, an installation at
 * bin/../share/raci/rules: both are found from here, whatever the current
 * directory. */
static char *exe_dir(void)
{
    char buf[4096];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    char *slash;

    if (n <= 0)
        return NULL;
    buf[n] = '\0';
    slash = strrchr(buf, '/');
    if (!slash)
        return NULL;
    slash[1] = '\0';
    return raci_str_dup(buf);
}

char *raci_ruleset_locate(const char *name)
{
    const char *env = getenv("RACI_RULES_DIR");
    char *exe, *dirs[5] = {NULL};
    char *found = NULL;
    size_t n = 0;

    if (!name || !raci_ruleset_is_bundled(name))
        return NULL;
    exe = exe_dir();
    if (env && *env)
        dirs[n++] = raci_str_dup(env);
    if (exe) {
        dirs[n++] = raci_str_printf("%s../rules", exe);
        dirs[n++] = raci_str_printf("%s../share/raci/rules", exe);
    }
    dirs[n++] = raci_str_dup("rules");
    dirs[n++] = raci_str_dup(RACI_DATADIR "/rules");
    for (size_t i = 0; i < n && !found; i++)
        found = raci_ruleset_locate_in(dirs[i], name);
    for (size_t i = 0; i < n; i++)
        free(dirs[i]);
    free(exe);
    return found;
}

/* ----------------------------------------------------------- building -- */

int raci_ruleset_valid_id(const char *s)
{
    size_t n = strlen(s);

    if (n == 0 || n > MAX_ID_LEN || !(s[0] >= 'a' && s[0] <= 'z'))
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
            return 0;
    }
    return 1;
}

/* The room an array of n elements, grown by append_slot alone, has: the
 * next power of two at or above n, at least 8 (none for none), as
 * raci_array_grow gives it. So the room is never stored, and an element
 * costs the same however long the array. */
static size_t room_of(size_t n)
{
    size_t room = 8;

    if (n == 0)
        return 0;
    while (room < n)
        room *= 2;
    return room;
}

/* A zeroed element appended to *array of *n elements of size bytes. */
static void *append_slot(void *array, size_t *n, size_t size)
{
    size_t cap = room_of(*n);

    if (raci_array_grow(array, &cap, *n + 1, size))
        return NULL;
    return *(char **)array + (*n)++ * size;
}

raci_error raci_ruleset_init_checks(struct raci_ruleset *rs)
{
    size_t n;
    const struct raci_rule_def *all = raci_rules_all(&n);

    rs->checks = calloc(n ? n : 1, sizeof(*rs->checks));
    if (!rs->checks)
        return RACI_ERROR_NOMEM;
    rs->nchecks = n;
    for (size_t i = 0; i < n; i++) {
        struct raci_check *c = &rs->checks[i];
        size_t np = 0;
        c->def = &all[i];
        c->severity = all[i].severity;
        while (all[i].params && all[i].params[np].name)
            np++;
        c->params = calloc(np ? np : 1, sizeof(*c->params));
        if (!c->params)
            return RACI_ERROR_NOMEM;
        c->nparams = np;
        for (size_t j = 0; j < np; j++) {
            c->params[j].name = raci_str_dup(all[i].params[j].name);
            if (!c->params[j].name)
                return RACI_ERROR_NOMEM;
            c->params[j].kind = all[i].params[j].kind;
            c->params[j].ival = all[i].params[j].int_default;
        }
    }
    return RACI_OK;
}

raci_error raci_ruleset_add_role(struct raci_ruleset *rs, const char *id, int *index)
{
    struct raci_role *role;

    *index = raci_ruleset_role(rs, id);
    if (*index >= 0)
        return RACI_OK;
    if (rs->nroles == RACI_MAX_ROLES)
        return RACI_ERROR_INPUT;
    role = append_slot(&rs->roles, &rs->nroles, sizeof(*rs->roles));
    if (!role)
        return RACI_ERROR_NOMEM;
    role->id = raci_str_dup(id);
    role->name = raci_str_dup(id);
    if (!role->id || !role->name)
        return RACI_ERROR_NOMEM;
    *index = (int)rs->nroles - 1;
    return RACI_OK;
}

raci_error raci_ruleset_add_task(struct raci_ruleset *rs, const char *name)
{
    struct raci_task_def *task = append_slot(&rs->tasks, &rs->ntasks, sizeof(*rs->tasks));

    if (!task)
        return RACI_ERROR_NOMEM;
    task->name = raci_str_dup(name);
    task->key = raci_str_key(name);
    task->raci = calloc(RACI_MAX_ROLES, sizeof(*task->raci));
    if (!task->name || !task->key || !task->raci)
        return RACI_ERROR_NOMEM;
    /* The first task of a key keeps it. */
    if (raci_keyset_get(&rs->task_keys, task->key, strlen(task->key), NULL))
        return RACI_OK;
    return raci_keyset_put(&rs->task_keys, task->key, rs->ntasks - 1);
}

/* Append a copy of s to *list; *copy is it. */
static raci_error list_append(char ***list, size_t *n, const char *s, const char **copy)
{
    char *c = raci_str_dup(s), **slot = c ? append_slot(list, n, sizeof(**list)) : NULL;

    if (!slot) {
        free(c);
        return RACI_ERROR_NOMEM;
    }
    *slot = c;
    *copy = c;
    return RACI_OK;
}

raci_error raci_ruleset_add_title(struct raci_ruleset *rs, int r, const char *key)
{
    uint64_t mask = 0, bit = UINT64_C(1) << r;
    const char *copy;
    raci_error err;

    if (raci_keyset_get(&rs->title_roles, key, strlen(key), &mask) && (mask & bit))
        return RACI_OK;
    if ((err = list_append(&rs->roles[r].titles, &rs->roles[r].ntitles, key, &copy)) != RACI_OK)
        return err;
    /* The first role's copy is the key of the look-ups (put keeps the key it
     * has): it lives as long as they do. */
    for (size_t i = 0; !mask && copy[i]; i++)
        if (copy[i + 1] == ' ' || !copy[i + 1])
            if ((err = raci_keyset_put_n(&rs->title_prefixes, copy, i + 1, 1)) != RACI_OK)
                return err;
    return raci_keyset_put(&rs->title_roles, copy, mask | bit);
}

raci_error raci_ruleset_add_alias(struct raci_ruleset *rs, size_t t, const char *key)
{
    struct raci_task_def *task = &rs->tasks[t];
    const char *copy;
    raci_error err;

    if (raci_keyset_get(&rs->task_keys, key, strlen(key), NULL))
        return RACI_OK;
    if ((err = list_append(&task->aliases, &task->naliases, key, &copy)) != RACI_OK)
        return err;
    return raci_keyset_put(&rs->task_keys, copy, t);
}

raci_error raci_ruleset_add_seniority(struct raci_ruleset *rs, const char *key)
{
    const char *copy;
    raci_error err;

    if (raci_keyset_get(&rs->seniority_words, key, strlen(key), NULL))
        return RACI_OK;
    if ((err = list_append(&rs->seniority, &rs->nseniority, key, &copy)) != RACI_OK)
        return err;
    return raci_keyset_put(&rs->seniority_words, copy, 1);
}

raci_error raci_ruleset_list_add(char ***list, size_t *n, struct raci_keyset *seen, const char *s)
{
    const char *copy;
    raci_error err;

    if (raci_keyset_get(seen, s, strlen(s), NULL))
        return RACI_OK;
    if ((err = list_append(list, n, s, &copy)) != RACI_OK)
        return err;
    return raci_keyset_put(seen, copy, 1);
}

void raci_ruleset_list_clear(char ***list, size_t *n)
{
    for (size_t i = 0; i < *n; i++)
        free((*list)[i]);
    free(*list);
    *list = NULL;
    *n = 0;
}

raci_error raci_ruleset_set_alias(struct raci_ruleset *rs, const char *name, unsigned letters)
{
    struct raci_letter_alias *a = NULL;
    char *copy;

    for (size_t i = 0; i < rs->naliases && !a; i++)
        if (!raci_str_casecmp(rs->aliases[i].name, name))
            a = &rs->aliases[i];
    if (!a) {
        copy = raci_str_dup(name);
        a = copy ? append_slot(&rs->aliases, &rs->naliases, sizeof(*rs->aliases)) : NULL;
        if (!a) {
            free(copy);
            return RACI_ERROR_NOMEM;
        }
        a->name = copy;
    }
    a->letters = letters;
    return RACI_OK;
}

struct raci_waiver *raci_ruleset_add_waiver(struct raci_ruleset *rs)
{
    return append_slot(&rs->waivers, &rs->nwaivers, sizeof(*rs->waivers));
}

/* ------------------------------------------------------------ release -- */

static void release_check(struct raci_check *c)
{
    for (size_t j = 0; j < c->nparams; j++) {
        free(c->params[j].name);
        free(c->params[j].sval);
        raci_ruleset_list_clear(&c->params[j].list, &c->params[j].nlist);
    }
    free(c->params);
}

void raci_ruleset_release(struct raci_ruleset *rs)
{
    if (!rs)
        return;
    free(rs->file);
    for (size_t i = 0; i < rs->nsources; i++)
        free(rs->sources[i]);
    free(rs->sources);
    free(rs->framework);
    for (size_t i = 0; i < rs->nroles; i++) {
        free(rs->roles[i].id);
        free(rs->roles[i].name);
        raci_ruleset_list_clear(&rs->roles[i].titles, &rs->roles[i].ntitles);
        free(rs->roles[i].fallbacks);
    }
    free(rs->roles);
    raci_ruleset_list_clear(&rs->seniority, &rs->nseniority);
    for (size_t i = 0; i < rs->ntasks; i++) {
        free(rs->tasks[i].name);
        free(rs->tasks[i].key);
        raci_ruleset_list_clear(&rs->tasks[i].aliases, &rs->tasks[i].naliases);
        free(rs->tasks[i].raci);
    }
    free(rs->tasks);
    for (size_t i = 0; i < rs->naliases; i++)
        free((char *)rs->aliases[i].name);
    free(rs->aliases);
    for (size_t i = 0; i < rs->nchecks; i++)
        release_check(&rs->checks[i]);
    free(rs->checks);
    for (size_t i = 0; i < rs->nwaivers; i++) {
        free(rs->waivers[i].product);
        free(rs->waivers[i].task);
        free(rs->waivers[i].person);
        free(rs->waivers[i].reason);
        free(rs->waivers[i].file);
    }
    free(rs->waivers);
    raci_keyset_release(&rs->title_roles);
    raci_keyset_release(&rs->title_prefixes);
    raci_keyset_release(&rs->task_keys);
    raci_keyset_release(&rs->seniority_words);
    memset(rs, 0, sizeof(*rs));
}
