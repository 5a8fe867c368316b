/*
 * ruleset.c - load a ruleset from YAML, and answer questions about it.
 *
 * The file is read whole and parsed with libyaml's document API, so that every
 * node keeps its mark (line and column) for diagnostics and so that the keys
 * of a mapping can be applied in a fixed order whatever order the file uses:
 * extends first (the base is loaded into the same ruleset, then overridden),
 * then version, framework, seniority, roles, letters, tasks, fallbacks,
 * checks, because a check's parameters may name tasks and roles, and waivers
 * last.
 *
 * Only this file includes <yaml.h>.
 */
#include "raci/ruleset.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <yaml.h>

#include "raci/array.h"
#include "raci/date.h"
#include "raci/str.h"
#include "raci/titles.h"

#ifndef RACI_DATADIR
#define RACI_DATADIR "/usr/local/share/raci"
#endif

#if defined(__GNUC__)
#define PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))
#else
#define PRINTF_LIKE(f, a)
#endif

#define MAX_EXTENDS_DEPTH 8
#define MAX_RULESET_BYTES (16u << 20)
#define MAX_INT_PARAM     1000000L
#define MAX_ID_LEN        32
#define ALNUM             "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

/* One YAML file (or buffer) being applied; parent is the file that extends
 * it, for cycle detection. */
struct src {
    const char *display; /* name shown in diagnostics */
    const char *path;    /* file it was read from; NULL for text in memory */
    const char *text;
    size_t len;
    int depth;
    const struct src *parent;
    yaml_document_t doc;
};

struct loader {
    struct raci_ruleset *rs;
    struct raci_diag *diag;
};

/* ------------------------------------------------------------ helpers -- */

static yaml_node_t *node_at(struct src *s, yaml_node_item_t id)
{
    return yaml_document_get_node(&s->doc, id);
}

static const char *sval(const yaml_node_t *n)
{
    return (const char *)n->data.scalar.value;
}

#define FOR_PAIRS(map, p)                                                                          \
    for (yaml_node_pair_t *p = (map)->data.mapping.pairs.start; p < (map)->data.mapping.pairs.top; \
         p++)
#define FOR_ITEMS(seq, it)                                                                         \
    for (yaml_node_item_t *it = (seq)->data.sequence.items.start;                                  \
         it < (seq)->data.sequence.items.top; it++)

/* Is c one of libyaml's line breaks at p (LF, CR, NEL, LS, PS)? Returns the
 * break's length in bytes, CR LF counting as one break. */
static size_t line_break(const char *p, const char *end)
{
    const unsigned char *u = (const unsigned char *)p;
    size_t left = (size_t)(end - p);

    if (u[0] == '\r')
        return left > 1 && u[1] == '\n' ? 2 : 1;
    if (u[0] == '\n')
        return 1;
    if (left > 1 && u[0] == 0xc2 && u[1] == 0x85)
        return 2;
    if (left > 2 && u[0] == 0xe2 && u[1] == 0x80 && (u[2] == 0xa8 || u[2] == 0xa9))
        return 3;
    return 0;
}

/* malloc'd copy of the 0-based line of s's text, or NULL (no text, UTF-16
 * text, or out of memory: the diagnostic then goes without its source). */
static char *source_line(const struct src *s, size_t line)
{
    const char *p = s->text, *end, *q;
    char *out;

    if (!p)
        return NULL;
    end = p + s->len;
    if (s->len >= 2 && ((unsigned char)p[0] == 0xfe || (unsigned char)p[0] == 0xff))
        return NULL;
    if (s->len >= 3 && !memcmp(p, "\xef\xbb\xbf", 3))
        p += 3;
    while (line > 0 && p < end) {
        size_t b = line_break(p, end);
        p += b ? b : 1;
        if (b)
            line--;
    }
    if (line > 0)
        return NULL;
    for (q = p; q < end && *q && !line_break(q, end); q++)
        ;
    out = malloc((size_t)(q - p) + 1);
    if (out) {
        memcpy(out, p, (size_t)(q - p));
        out[q - p] = '\0';
    }
    return out;
}

static raci_error vfail_at(struct loader *L, const struct src *s, yaml_mark_t mark, const char *fmt,
                           va_list ap) PRINTF_LIKE(4, 0);

static raci_error vfail_at(struct loader *L, const struct src *s, yaml_mark_t mark, const char *fmt,
                           va_list ap)
{
    char *msg = raci_str_vprintf(fmt, ap);
    char *line;
    raci_error err;

    if (!msg)
        return RACI_ERROR_NOMEM;
    line = source_line(s, mark.line);
    err = raci_diag_set(L->diag, s->display, (unsigned)mark.line + 1, (unsigned)mark.column + 1,
                        line, "%s", msg);
    free(line);
    free(msg);
    return err;
}

static raci_error fail_at(struct loader *L, const struct src *s, yaml_mark_t mark, const char *fmt,
                          ...) PRINTF_LIKE(4, 5);

static raci_error fail_at(struct loader *L, const struct src *s, yaml_mark_t mark, const char *fmt,
                          ...)
{
    va_list ap;
    raci_error err;

    va_start(ap, fmt);
    err = vfail_at(L, s, mark, fmt, ap);
    va_end(ap);
    return err;
}

/* An error about node n: RACI_ERROR_INPUT with the diagnostic at n. */
static raci_error fail(struct loader *L, const struct src *s, const yaml_node_t *n, const char *fmt,
                       ...) PRINTF_LIKE(4, 5);

static raci_error fail(struct loader *L, const struct src *s, const yaml_node_t *n, const char *fmt,
                       ...)
{
    va_list ap;
    raci_error err;

    va_start(ap, fmt);
    err = vfail_at(L, s, n->start_mark, fmt, ap);
    va_end(ap);
    return err;
}

/* What a node is, for "expected X, got Y": a quoted, shortened scalar, or the
 * kind of collection. */
static const char *describe(const yaml_node_t *n, char *buf, size_t size)
{
    if (n->type == YAML_SEQUENCE_NODE)
        return "a list";
    if (n->type == YAML_MAPPING_NODE)
        return "a mapping";
    if (n->data.scalar.length == 0)
        return "an empty value";
    if (n->data.scalar.length > 40)
        snprintf(buf, size, "'%.37s...'", sval(n));
    else
        snprintf(buf, size, "'%s'", sval(n));
    return buf;
}

static raci_error want(struct loader *L, struct src *s, const yaml_node_t *n, yaml_node_type_t type,
                       const char *what)
{
    char buf[64];

    if (n->type == type)
        return RACI_OK;
    return fail(L, s, n, "expected %s, got %s", what, describe(n, buf, sizeof buf));
}

/* The text of scalar n (what says what was expected), which must not hold a
 * NUL character; empty text is refused unless allow_empty. */
static raci_error text_of(struct loader *L, struct src *s, const yaml_node_t *n, const char *what,
                          int allow_empty, const char **out)
{
    raci_error err = want(L, s, n, YAML_SCALAR_NODE, what);

    if (err)
        return err;
    if (strlen(sval(n)) != n->data.scalar.length)
        return fail(L, s, n, "a NUL character is not allowed in %s", what);
    if (!allow_empty && n->data.scalar.length == 0)
        return fail(L, s, n, "expected %s, got an empty value", what);
    *out = sval(n);
    return RACI_OK;
}

/* Every key of map is a scalar, and none is repeated. */
static raci_error check_keys(struct loader *L, struct src *s, const yaml_node_t *map)
{
    char buf[64];

    FOR_PAIRS(map, p)
    {
        const yaml_node_t *k = node_at(s, p->key);
        if (k->type != YAML_SCALAR_NODE)
            return fail(L, s, k, "expected a name as key, got %s", describe(k, buf, sizeof buf));
        if (strlen(sval(k)) != k->data.scalar.length)
            return fail(L, s, k, "a NUL character is not allowed in a key");
        for (yaml_node_pair_t *q = map->data.mapping.pairs.start; q < p; q++) {
            const yaml_node_t *k2 = node_at(s, q->key);
            if (!strcmp(sval(k), sval(k2)))
                return fail(L, s, k, "duplicate key '%s' (first given at line %lu)", sval(k),
                            (unsigned long)k2->start_mark.line + 1);
        }
    }
    return RACI_OK;
}

/* The value of key in map (checked by check_keys), or NULL. */
static yaml_node_t *lookup(struct src *s, const yaml_node_t *map, const char *key)
{
    FOR_PAIRS(map, p)
    {
        if (!strcmp(sval(node_at(s, p->key)), key))
            return node_at(s, p->value);
    }
    return NULL;
}

/* "a, b or c" from names[0..n). */
static char *join_or(const char *const *names, size_t n)
{
    size_t len = 1;
    char *out;

    for (size_t i = 0; i < n; i++)
        len += strlen(names[i]) + 4;
    out = malloc(len);
    if (!out)
        return NULL;
    out[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        if (i)
            strcat(out, i + 1 == n ? " or " : ", ");
        strcat(out, names[i]);
    }
    return out;
}

static raci_error unknown_key(struct loader *L, struct src *s, const yaml_node_t *k,
                              const char *where, const char *const *expected, size_t n)
{
    char *list = join_or(expected, n);
    raci_error err;

    if (!list)
        return RACI_ERROR_NOMEM;
    err = fail(L, s, k, "unknown key '%s'%s (expected %s)", sval(k), where, list);
    free(list);
    return err;
}

/* Edit distance between a and b, or a large number for long strings. */
static size_t edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    size_t row[65];

    if (la > 64 || lb > 64)
        return (size_t)-1;
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}

typedef const char *(*name_at_fn)(const void *ctx, size_t i);

/* The candidate closest to word, if it is close enough to be a typo. */
static const char *closest(const char *word, name_at_fn name_at, const void *ctx, size_t n)
{
    size_t limit = strlen(word) / 3, best = (size_t)-1;
    const char *found = NULL;

    if (limit < 1)
        limit = 1;
    if (limit > 3)
        limit = 3;
    for (size_t i = 0; i < n; i++) {
        const char *c = name_at(ctx, i);
        size_t d = edit_distance(word, c);
        if (d <= limit && d < best) {
            best = d;
            found = c;
        }
    }
    return found;
}

static const char *rule_id_at(const void *ctx, size_t i)
{
    return ((const struct raci_rule_def *)ctx)[i].id;
}

static const char *role_id_at(const void *ctx, size_t i)
{
    return ((const struct raci_ruleset *)ctx)->roles[i].id;
}

static const char *task_key_at(const void *ctx, size_t i)
{
    return ((const struct raci_ruleset *)ctx)->tasks[i].key;
}

/* Append a zeroed element to *array of *n elements of size bytes. */
static void *append(void *array, size_t *n, size_t size)
{
    void **p = array;
    char *q;

    if (*n + 1 > SIZE_MAX / size)
        return NULL;
    q = realloc(*p, (*n + 1) * size);
    if (!q)
        return NULL;
    *p = q;
    memset(q + *n * size, 0, size);
    return q + (*n)++ * size;
}

/* Append s to a string list, taking ownership of it (freed on failure). */
static raci_error push_str(char ***list, size_t *n, char *s)
{
    char **slot;

    if (!s)
        return RACI_ERROR_NOMEM;
    slot = append(list, n, sizeof **list);
    if (!slot) {
        free(s);
        return RACI_ERROR_NOMEM;
    }
    *slot = s;
    return RACI_OK;
}

static int list_has(char *const *list, size_t n, const char *s)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(list[i], s))
            return 1;
    return 0;
}

static void free_list(char **list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(list[i]);
    free(list);
}

/* malloc'd matching key of s. */
static char *norm_dup(const char *s)
{
    return raci_str_key(s);
}

static int is_id_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

/* A role id or framework name: a lower-case letter, then letters, digits,
 * '-' or '_'; at most MAX_ID_LEN characters. */
static int valid_id(const char *s)
{
    size_t n = strlen(s);

    if (n == 0 || n > MAX_ID_LEN || !(s[0] >= 'a' && s[0] <= 'z'))
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!is_id_char(s[i]))
            return 0;
    return 1;
}

/* A bundled ruleset's name: letters, digits, '-' and '_' only, so that it can
 * never name a path outside the rules directories. */
static int is_bundled_name(const char *s)
{
    size_t n = strlen(s);

    if (n == 0 || n > 64)
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_'))
            return 0;
    }
    return 1;
}

static int readable(const char *path)
{
    FILE *f = fopen(path, "r");

    if (!f)
        return 0;
    fclose(f);
    return 1;
}

/* Directory part of path ("." when it has none), malloc'd. */
static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');

    if (!slash)
        return raci_str_dup(".");
    if (slash == path)
        return raci_str_dup("/");
    return raci_str_printf("%.*s", (int)(slash - path), path);
}

/* Tidy a path in place, lexically: "a/./b" -> "a/b", "a/x/../b" -> "a/b",
 * "./b" -> "b", so that a cycle of extends shows as equal paths. */
static void tidy_path(char *path)
{
    char *out = path, *p = path;
    int absolute = path[0] == '/';
    size_t kept = 0; /* segments written that ".." may remove */

    if (absolute)
        out = ++p;
    while (*p) {
        /* Writing "segment/" may overwrite the terminator after the last
         * segment, so the end is known before writing. */
        char *end = strchr(p, '/');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len == 0 || (len == 1 && p[0] == '.')) {
            /* skip */
        } else if (len == 2 && p[0] == '.' && p[1] == '.' && kept > 0) {
            out--; /* back over the last segment and its slash */
            while (out > path + absolute && out[-1] != '/')
                out--;
            kept--;
        } else {
            if (len == 2 && p[0] == '.' && p[1] == '.')
                kept = 0; /* a leading ".." stays, and cannot be removed */
            else
                kept++;
            memmove(out, p, len);
            out += len;
            *out++ = '/';
        }
        if (!end)
            break;
        p = end + 1;
    }
    if (out > path + absolute)
        out--; /* the trailing slash */
    if (out == path)
        *out++ = '.';
    *out = '\0';
}

/* -------------------------------------------------- public look-ups -- */

int raci_ruleset_role(const struct raci_ruleset *rs, const char *id)
{
    for (size_t i = 0; i < rs->nroles; i++)
        if (!raci_str_casecmp(rs->roles[i].id, id))
            return (int)i;
    return -1;
}

/* Index of the task whose key or one of whose aliases is exactly key. */
static int find_task_key(const struct raci_ruleset *rs, const char *key)
{
    for (size_t i = 0; i < rs->ntasks; i++) {
        const struct raci_task_def *t = &rs->tasks[i];
        if (!strcmp(t->key, key) || list_has(t->aliases, t->naliases, key))
            return (int)i;
    }
    return -1;
}

int raci_ruleset_find_task(const struct raci_ruleset *rs, const char *name)
{
    size_t n;
    char *key;
    int found;

    if (!name)
        return -1;
    n = strlen(name);
    key = malloc(n + 2);
    if (!key)
        return -1;
    n = raci_str_key_into(name, key);
    found = n ? find_task_key(rs, key) : -1;
    if (found < 0 && n > 0) {
        /* One plural step: "KPI" finds "KPIs", "Roadmaps" finds "Roadmap". */
        if (n > 1 && key[n - 1] == 's') {
            key[n - 1] = '\0';
        } else {
            key[n] = 's';
            key[n + 1] = '\0';
        }
        found = find_task_key(rs, key);
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
    if ((p->kind == RACI_PARAM_WORD || p->kind == RACI_PARAM_ROLE))
        return p->sval && !raci_str_casecmp(p->sval, value);
    for (size_t i = 0; i < p->nlist; i++)
        if (!raci_str_casecmp(p->list[i], value))
            return 1;
    return 0;
}

/* ------------------------------------------------------------ release -- */

static void release_check(struct raci_check *c)
{
    for (size_t j = 0; j < c->nparams; j++) {
        free(c->params[j].name);
        free(c->params[j].sval);
        free_list(c->params[j].list, c->params[j].nlist);
    }
    free(c->params);
}

void raci_ruleset_release(struct raci_ruleset *rs)
{
    if (!rs)
        return;
    free(rs->file);
    free(rs->framework);
    for (size_t i = 0; i < rs->nroles; i++) {
        free(rs->roles[i].id);
        free(rs->roles[i].name);
        free_list(rs->roles[i].titles, rs->roles[i].ntitles);
        free(rs->roles[i].fallbacks);
    }
    free(rs->roles);
    free_list(rs->seniority, rs->nseniority);
    for (size_t i = 0; i < rs->ntasks; i++) {
        free(rs->tasks[i].name);
        free(rs->tasks[i].key);
        free_list(rs->tasks[i].aliases, rs->tasks[i].naliases);
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
    memset(rs, 0, sizeof(*rs));
}

/* ------------------------------------------------------------ sections -- */

static raci_error init_checks(struct raci_ruleset *rs)
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

static raci_error apply_version(struct loader *L, struct src *s, const yaml_node_t *n)
{
    const char *v = NULL;
    raci_error err = text_of(L, s, n, "a version number (1)", 0, &v);

    if (err)
        return err;
    if (strcmp(v, "1") != 0 || n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
        return fail(L, s, n, "unsupported ruleset version '%s' (expected 1)", v);
    return RACI_OK;
}

static raci_error apply_framework(struct loader *L, struct src *s, const yaml_node_t *n)
{
    const char *v = NULL;
    char *copy;
    raci_error err = text_of(L, s, n, "a framework name such as scrum, safe or none", 0, &v);

    if (err)
        return err;
    copy = norm_dup(v);
    if (!copy)
        return RACI_ERROR_NOMEM;
    if (!valid_id(copy) || strlen(copy) != strlen(v)) {
        free(copy);
        return fail(L, s, n,
                    "invalid framework '%s' (expected one word such as scrum, safe or none)", v);
    }
    free(L->rs->framework);
    L->rs->framework = copy;
    return RACI_OK;
}

static raci_error apply_seniority(struct loader *L, struct src *s, const yaml_node_t *n)
{
    struct raci_ruleset *rs = L->rs;
    raci_error err = want(L, s, n, YAML_SEQUENCE_NODE, "a list of seniority words");

    if (err)
        return err;
    FOR_ITEMS(n, it)
    {
        const yaml_node_t *w = node_at(s, *it);
        const char *v = NULL;
        char *key;
        if (err)
            break;
        err = text_of(L, s, w, "a seniority word", 0, &v);
        if (err)
            return err;
        key = norm_dup(v);
        if (!key)
            return RACI_ERROR_NOMEM;
        if (!*key || strchr(key, ' ')) {
            free(key);
            return fail(L, s, w, "seniority word '%s' must be one word such as senior or sr", v);
        }
        if (list_has(rs->seniority, rs->nseniority, key))
            free(key);
        else
            err = push_str(&rs->seniority, &rs->nseniority, key);
    }
    return err;
}

static raci_error unknown_role(struct loader *L, struct src *s, const yaml_node_t *n,
                               const char *id, const char *where)
{
    const struct raci_ruleset *rs = L->rs;
    const char *near = closest(id, role_id_at, rs, rs->nroles);
    const char **ids;
    char *list;
    raci_error err;

    if (near)
        return fail(L, s, n, "unknown role '%s'%s (did you mean '%s'?)", id, where, near);
    ids = calloc(rs->nroles ? rs->nroles : 1, sizeof(*ids));
    if (!ids)
        return RACI_ERROR_NOMEM;
    for (size_t i = 0; i < rs->nroles; i++)
        ids[i] = rs->roles[i].id;
    list = join_or(ids, rs->nroles);
    free(ids);
    if (!list)
        return RACI_ERROR_NOMEM;
    err = fail(L, s, n, "unknown role '%s'%s (expected %s)", id, where,
               rs->nroles ? list : "a role defined under 'roles'");
    free(list);
    return err;
}

/* A role id that must exist: its index in *out. */
static raci_error role_ref(struct loader *L, struct src *s, const yaml_node_t *n, const char *where,
                           int *out)
{
    const char *v = NULL;
    raci_error err = text_of(L, s, n, "a role id such as po or em", 0, &v);

    if (err)
        return err;
    *out = raci_ruleset_role(L->rs, v);
    return *out < 0 ? unknown_role(L, s, n, v, where) : RACI_OK;
}

static raci_error apply_role_titles(struct loader *L, struct src *s, size_t r, const yaml_node_t *n)
{
    raci_error err = want(L, s, n, YAML_SEQUENCE_NODE, "a list of titles such as [product owner]");

    if (err)
        return err;
    FOR_ITEMS(n, it)
    {
        struct raci_role *role = &L->rs->roles[r];
        const yaml_node_t *t = node_at(s, *it);
        const char *v = NULL;
        char *key;
        if (err)
            break;
        err = text_of(L, s, t, "a job title", 0, &v);
        if (err)
            return err;
        key = norm_dup(v);
        if (!key)
            return RACI_ERROR_NOMEM;
        if (!raci_titles_can_match(v, key)) {
            free(key);
            return fail(L, s, t,
                        "title pattern '%s' can never match (titles are split on / , ; & + | "
                        "and the word 'and', and bracketed notes are dropped)",
                        v);
        }
        if (list_has(role->titles, role->ntitles, key))
            free(key);
        else
            err = push_str(&role->titles, &role->ntitles, key);
    }
    return err;
}

static raci_error apply_roles(struct loader *L, struct src *s, const yaml_node_t *n)
{
    static const char *const keys[] = {"name", "titles"};
    struct raci_ruleset *rs = L->rs;
    raci_error err =
        want(L, s, n, YAML_MAPPING_NODE, "a mapping of role ids to {name, titles} for 'roles'");

    if (!err)
        err = check_keys(L, s, n);
    if (err)
        return err;
    FOR_PAIRS(n, p)
    {
        const yaml_node_t *k = node_at(s, p->key), *v = node_at(s, p->value);
        const yaml_node_t *name, *titles;
        const char *id = sval(k), *text = NULL;
        char where[64];
        int r;

        if (!valid_id(id))
            return fail(L, s, k,
                        "invalid role id '%s' (expected a short lower-case word such as po "
                        "or em)",
                        id);
        err = want(L, s, v, YAML_MAPPING_NODE, "a mapping with name and titles for a role");
        if (!err)
            err = check_keys(L, s, v);
        if (err)
            return err;
        snprintf(where, sizeof where, " in role '%s'", id);
        FOR_PAIRS(v, q)
        {
            const yaml_node_t *rk = node_at(s, q->key);
            if (strcmp(sval(rk), "name") != 0 && strcmp(sval(rk), "titles") != 0)
                return unknown_key(L, s, rk, where, keys, 2);
        }
        r = raci_ruleset_role(rs, id);
        if (r < 0) {
            struct raci_role *role;
            if (rs->nroles == RACI_MAX_ROLES)
                return fail(L, s, k, "too many roles (at most %d)", RACI_MAX_ROLES);
            role = append(&rs->roles, &rs->nroles, sizeof(*rs->roles));
            if (!role)
                return RACI_ERROR_NOMEM;
            role->id = raci_str_dup(id);
            role->name = raci_str_dup(id);
            if (!role->id || !role->name)
                return RACI_ERROR_NOMEM;
            r = (int)rs->nroles - 1;
        }
        name = lookup(s, v, "name");
        if (name) {
            char *copy;
            err = text_of(L, s, name, "a role name such as Product Owner", 0, &text);
            if (err)
                return err;
            copy = raci_str_dup(text);
            if (!copy)
                return RACI_ERROR_NOMEM;
            free(rs->roles[r].name);
            rs->roles[r].name = copy;
        }
        titles = lookup(s, v, "titles");
        if (titles && (err = apply_role_titles(L, s, (size_t)r, titles)) != RACI_OK)
            return err;
    }
    return RACI_OK;
}

static raci_error apply_letters(struct loader *L, struct src *s, const yaml_node_t *n)
{
    struct raci_ruleset *rs = L->rs;
    raci_error err = want(L, s, n, YAML_MAPPING_NODE,
                          "a mapping of letter aliases to letters for 'letters', such as DRI: A/R");

    if (!err)
        err = check_keys(L, s, n);
    if (err)
        return err;
    FOR_PAIRS(n, p)
    {
        const yaml_node_t *k = node_at(s, p->key), *v = node_at(s, p->value);
        const char *name = sval(k), *spec = NULL;
        struct raci_letter_alias *a = NULL;
        unsigned letters;

        if (!name[0] || !strchr(ALNUM, name[0]) || strspn(name, ALNUM " -_") != strlen(name))
            return fail(L, s, k,
                        "invalid letter alias '%s' (expected a word of letters and digits "
                        "such as DRI)",
                        name);
        if (raci_letters_from_spec(name))
            return fail(L, s, k, "letter alias '%s' would hide the letters it spells", name);
        err = text_of(L, s, v, "letters such as A/R", 0, &spec);
        if (err)
            return err;
        letters = raci_letters_from_spec(spec);
        if (!letters)
            return fail(L, s, v,
                        "invalid letters '%s' for alias '%s' (expected R, A, C, I or a "
                        "combination such as A/R)",
                        spec, name);
        for (size_t i = 0; i < rs->naliases; i++)
            if (!raci_str_casecmp(rs->aliases[i].name, name))
                a = &rs->aliases[i];
        if (!a) {
            char *copy = raci_str_dup(name);
            if (!copy)
                return RACI_ERROR_NOMEM;
            a = append(&rs->aliases, &rs->naliases, sizeof(*rs->aliases));
            if (!a) {
                free(copy);
                return RACI_ERROR_NOMEM;
            }
            a->name = copy;
        }
        a->letters = letters;
    }
    return RACI_OK;
}

static raci_error apply_task_raci(struct loader *L, struct src *s, size_t t, const yaml_node_t *n)
{
    struct raci_ruleset *rs = L->rs;
    char where[96];
    raci_error err = want(L, s, n, YAML_MAPPING_NODE,
                          "a mapping of role ids to letters such as {po: A/R, pm: C}");

    if (!err)
        err = check_keys(L, s, n);
    if (err)
        return err;
    snprintf(where, sizeof where, " in the raci of task '%.60s'", rs->tasks[t].name);
    FOR_PAIRS(n, p)
    {
        const yaml_node_t *k = node_at(s, p->key), *v = node_at(s, p->value);
        const char *spec = NULL;
        unsigned letters = 0;
        int r = raci_ruleset_role(rs, sval(k));

        if (r < 0)
            return unknown_role(L, s, k, sval(k), where);
        err = text_of(L, s, v, "letters such as A/R, or - for none", 0, &spec);
        if (err)
            return err;
        if (strcmp(spec, "-") != 0 && !(letters = raci_letters_from_spec(spec)))
            return fail(L, s, v,
                        "invalid letters '%s' for role '%s'%s (expected R, A, C, I or a "
                        "combination such as A/R; - for none)",
                        spec, sval(k), where);
        rs->tasks[t].raci[r] = letters;
    }
    return RACI_OK;
}

static raci_error apply_task_aliases(struct loader *L, struct src *s, size_t t,
                                     const yaml_node_t *n)
{
    struct raci_ruleset *rs = L->rs;
    raci_error err = want(L, s, n, YAML_SEQUENCE_NODE, "a list of task aliases");

    if (err)
        return err;
    FOR_ITEMS(n, it)
    {
        const yaml_node_t *a = node_at(s, *it);
        struct raci_task_def *task = &rs->tasks[t];
        const char *v = NULL;
        char *key;
        int other;
        if (err)
            break;
        err = text_of(L, s, a, "a task alias", 0, &v);
        if (err)
            return err;
        key = norm_dup(v);
        if (!key)
            return RACI_ERROR_NOMEM;
        other = *key ? find_task_key(rs, key) : -1;
        if (!*key) {
            free(key);
            return fail(L, s, a, "task alias '%s' has no letters or digits", v);
        }
        if (other >= 0 && (size_t)other != t) {
            free(key);
            return fail(L, s, a, "alias '%s' of task '%s' already names task '%s'", v, task->name,
                        rs->tasks[other].name);
        }
        if (other >= 0)
            free(key);
        else
            err = push_str(&task->aliases, &task->naliases, key);
    }
    return err;
}

static raci_error apply_tasks(struct loader *L, struct src *s, const yaml_node_t *n)
{
    static const char *const keys[] = {"name", "aliases", "raci"};
    struct raci_ruleset *rs = L->rs;
    unsigned long *defined_at = NULL; /* per task: line defined in this file, or 0 */
    size_t ndefined = 0;
    raci_error err = want(L, s, n, YAML_SEQUENCE_NODE,
                          "a list of tasks for 'tasks', each {name, aliases, raci}");

    if (err)
        return err;
    FOR_ITEMS(n, it)
    {
        const yaml_node_t *item = node_at(s, *it), *name, *v;
        const char *text = NULL;
        char *key = NULL, where[96];
        int t;

        if (err)
            break;
        err = want(L, s, item, YAML_MAPPING_NODE, "a task: {name, aliases, raci}");
        if (!err)
            err = check_keys(L, s, item);
        if (err)
            break;
        name = lookup(s, item, "name");
        if (!name) {
            err = fail(L, s, item, "task without a name (expected name: and the task's name)");
            break;
        }
        err = text_of(L, s, name, "a task name", 0, &text);
        if (err)
            break;
        snprintf(where, sizeof where, " in task '%.60s'", text);
        FOR_PAIRS(item, q)
        {
            const yaml_node_t *k = node_at(s, q->key);
            if (!err && strcmp(sval(k), "name") && strcmp(sval(k), "aliases") &&
                strcmp(sval(k), "raci"))
                err = unknown_key(L, s, k, where, keys, 3);
        }
        if (err)
            break;
        key = norm_dup(text);
        if (!key) {
            err = RACI_ERROR_NOMEM;
            break;
        }
        if (!*key) {
            free(key);
            err = fail(L, s, name, "task name '%s' has no letters or digits", text);
            break;
        }
        t = find_task_key(rs, key);
        if (t >= 0 && (size_t)t < ndefined && defined_at[t]) {
            free(key);
            err = fail(L, s, name, "task '%s' is already defined at line %lu", text, defined_at[t]);
            break;
        }
        if (t < 0) {
            struct raci_task_def *task = append(&rs->tasks, &rs->ntasks, sizeof(*rs->tasks));
            if (!task) {
                free(key);
                err = RACI_ERROR_NOMEM;
                break;
            }
            task->key = key;
            task->name = raci_str_dup(text);
            task->raci = calloc(RACI_MAX_ROLES, sizeof(*task->raci));
            if (!task->name || !task->raci) {
                err = RACI_ERROR_NOMEM;
                break;
            }
            t = (int)rs->ntasks - 1;
        } else {
            free(key);
        }
        while (ndefined < rs->ntasks) {
            unsigned long *slot = append(&defined_at, &ndefined, sizeof(*defined_at));
            if (!slot) {
                err = RACI_ERROR_NOMEM;
                break;
            }
        }
        if (err)
            break;
        defined_at[t] = (unsigned long)name->start_mark.line + 1;
        if ((v = lookup(s, item, "aliases")) != NULL &&
            (err = apply_task_aliases(L, s, (size_t)t, v)) != RACI_OK)
            break;
        if ((v = lookup(s, item, "raci")) != NULL &&
            (err = apply_task_raci(L, s, (size_t)t, v)) != RACI_OK)
            break;
    }
    free(defined_at);
    return err;
}

static raci_error apply_fallbacks(struct loader *L, struct src *s, const yaml_node_t *n)
{
    struct raci_ruleset *rs = L->rs;
    raci_error err = want(L, s, n, YAML_MAPPING_NODE,
                          "a mapping of role ids to lists of role ids for 'fallbacks', such as "
                          "director: [em]");

    if (!err)
        err = check_keys(L, s, n);
    if (err)
        return err;
    FOR_PAIRS(n, p)
    {
        const yaml_node_t *k = node_at(s, p->key), *v = node_at(s, p->value);
        int r, *to;
        size_t nto = 0;

        err = role_ref(L, s, k, " in 'fallbacks'", &r);
        if (!err)
            err = want(L, s, v, YAML_SEQUENCE_NODE, "a list of role ids such as [em]");
        if (err)
            return err;
        to = calloc((size_t)(v->data.sequence.items.top - v->data.sequence.items.start) + 1,
                    sizeof(*to));
        if (!to)
            return RACI_ERROR_NOMEM;
        FOR_ITEMS(v, it)
        {
            const yaml_node_t *item = node_at(s, *it);
            int f = -1;
            if (err)
                break;
            err = role_ref(L, s, item, " in 'fallbacks'", &f);
            if (!err && f == r)
                err = fail(L, s, item, "role '%s' cannot be its own fallback", sval(item));
            if (!err) {
                size_t i = 0;
                while (i < nto && to[i] != f)
                    i++;
                if (i == nto)
                    to[nto++] = f;
            }
        }
        if (err) {
            free(to);
            return err;
        }
        free(rs->roles[r].fallbacks);
        rs->roles[r].fallbacks = to;
        rs->roles[r].nfallbacks = nto;
    }
    return RACI_OK;
}

/* One string value of a parameter, checked and made canonical: a task's
 * key, a role's id, or for other parameters the text as written. */
static raci_error param_string(struct loader *L, struct src *s, const struct raci_check *c,
                               const struct raci_param *p, const yaml_node_t *n, char **out)
{
    const struct raci_ruleset *rs = L->rs;
    char where[128];
    const char *v = NULL;
    raci_error err;

    snprintf(where, sizeof where, " in parameter '%s' of check '%s'", p->name, c->def->id);
    err = text_of(L, s, n, p->kind == RACI_PARAM_TASKS ? "a list item" : "a word", 0, &v);
    if (err)
        return err;
    switch (p->kind) {
    case RACI_PARAM_TASKS: {
        int t = raci_ruleset_find_task(rs, v);
        if (t < 0) {
            char *key = norm_dup(v);
            const char *near = key ? closest(key, task_key_at, rs, rs->ntasks) : NULL;
            if (!key)
                return RACI_ERROR_NOMEM;
            if (near)
                err = fail(L, s, n, "unknown task '%s'%s (did you mean '%s'?)", v, where, near);
            else
                err = fail(L, s, n, "unknown task '%s'%s (expected a task defined under 'tasks')",
                           v, where);
            free(key);
            return err;
        }
        *out = raci_str_dup(rs->tasks[t].key);
        break;
    }
    case RACI_PARAM_ROLE: {
        int r;
        err = role_ref(L, s, n, where, &r);
        if (err)
            return err;
        *out = raci_str_dup(rs->roles[r].id);
        break;
    }
    default:
        if (strcspn(v, " \t") != strlen(v))
            return fail(L, s, n, "expected one word%s, got '%s'", where, v);
        *out = raci_str_dup(v);
        break;
    }
    return *out ? RACI_OK : RACI_ERROR_NOMEM;
}

static raci_error param_int(struct loader *L, struct src *s, const struct raci_check *c,
                            struct raci_param *p, const yaml_node_t *n)
{
    char buf[64];
    const char *v = NULL;
    size_t len;

    if (n->type != YAML_SCALAR_NODE)
        return fail(L, s, n, "expected a whole number for '%s' in check '%s', got %s", p->name,
                    c->def->id, describe(n, buf, sizeof buf));
    v = sval(n);
    len = strlen(v);
    if (n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
        return fail(L, s, n,
                    "expected a whole number for '%s' in check '%s', got the quoted text %s "
                    "(write the number without quotes)",
                    p->name, c->def->id, describe(n, buf, sizeof buf));
    if (len > 1 && v[0] == '-' && strspn(v + 1, "0123456789") == len - 1)
        return fail(L, s, n, "'%s' in check '%s' must not be negative, got %s", p->name, c->def->id,
                    v);
    if (len == 0 || strspn(v, "0123456789") != len)
        return fail(L, s, n, "expected a whole number for '%s' in check '%s', got %s", p->name,
                    c->def->id, describe(n, buf, sizeof buf));
    if (len > 7 || strtol(v, NULL, 10) > MAX_INT_PARAM)
        return fail(L, s, n, "'%s' in check '%s' is too large: %s (at most %ld)", p->name,
                    c->def->id, v, MAX_INT_PARAM);
    p->ival = strtol(v, NULL, 10);
    return RACI_OK;
}

static raci_error param_value(struct loader *L, struct src *s, const struct raci_check *c,
                              struct raci_param *p, const yaml_node_t *n)
{
    char **list = NULL;
    size_t nlist = 0;
    char *str = NULL;
    char what[96];
    raci_error err;

    if (p->kind == RACI_PARAM_INT)
        return param_int(L, s, c, p, n);
    if ((p->kind == RACI_PARAM_WORD || p->kind == RACI_PARAM_ROLE)) {
        err = param_string(L, s, c, p, n, &str);
        if (err)
            return err;
        free(p->sval);
        p->sval = str;
        return RACI_OK;
    }
    snprintf(what, sizeof what, "a list for '%s' in check '%s', such as [a, b]", p->name,
             c->def->id);
    err = want(L, s, n, YAML_SEQUENCE_NODE, what);
    if (err)
        return err;
    FOR_ITEMS(n, it)
    {
        if (err)
            break;
        err = param_string(L, s, c, p, node_at(s, *it), &str);
        if (!err) {
            if (list_has(list, nlist, str))
                free(str);
            else
                err = push_str(&list, &nlist, str);
        }
    }
    if (err) {
        free_list(list, nlist);
        return err;
    }
    free_list(p->list, p->nlist);
    p->list = list;
    p->nlist = nlist;
    return RACI_OK;
}

static raci_error check_severity(struct loader *L, struct src *s, struct raci_check *c,
                                 const yaml_node_t *n)
{
    const char *v = NULL;
    int sev;
    raci_error err = text_of(L, s, n, "a severity (error, warning, info or off)", 0, &v);

    if (err)
        return err;
    sev = raci_severity_parse(v);
    if (sev < 0)
        return fail(L, s, n,
                    "invalid severity '%s' for check '%s' (expected error, warning, info or off)",
                    v, c->def->id);
    c->severity = (enum raci_severity)sev;
    return RACI_OK;
}

static raci_error unknown_rule(struct loader *L, struct src *s, const yaml_node_t *k)
{
    size_t n;
    const struct raci_rule_def *all = raci_rules_all(&n);
    const char *near = closest(sval(k), rule_id_at, all, n);

    if (near)
        return fail(L, s, k, "unknown rule id '%s' (did you mean '%s'?)", sval(k), near);
    return fail(L, s, k, "unknown rule id '%s' (run 'raci rules' to list the rule ids)", sval(k));
}

static raci_error apply_checks(struct loader *L, struct src *s, const yaml_node_t *n)
{
    struct raci_ruleset *rs = L->rs;
    raci_error err = want(L, s, n, YAML_MAPPING_NODE,
                          "a mapping of rule ids to {severity, parameters} for 'checks'");

    if (!err)
        err = check_keys(L, s, n);
    if (err)
        return err;
    FOR_PAIRS(n, p)
    {
        const yaml_node_t *k = node_at(s, p->key), *v = node_at(s, p->value);
        struct raci_check *c = NULL;

        for (size_t i = 0; i < rs->nchecks; i++)
            if (!strcmp(rs->checks[i].def->id, sval(k)))
                c = &rs->checks[i];
        if (!c)
            return unknown_rule(L, s, k);
        if (v->type == YAML_SCALAR_NODE) {
            /* Shorthand: "team-size: off". */
            err = check_severity(L, s, c, v);
            if (err)
                return err;
            continue;
        }
        err = want(L, s, v, YAML_MAPPING_NODE, "a severity or a mapping {severity, parameters}");
        if (!err)
            err = check_keys(L, s, v);
        if (err)
            return err;
        FOR_PAIRS(v, q)
        {
            const yaml_node_t *pk = node_at(s, q->key), *pv = node_at(s, q->value);
            struct raci_param *param = NULL;

            if (!strcmp(sval(pk), "severity")) {
                err = check_severity(L, s, c, pv);
                if (err)
                    return err;
                continue;
            }
            for (size_t j = 0; j < c->nparams; j++)
                if (!strcmp(c->params[j].name, sval(pk)))
                    param = &c->params[j];
            if (!param) {
                const char **names = malloc((c->nparams + 1) * sizeof(*names));
                char where[96];
                if (!names)
                    return RACI_ERROR_NOMEM;
                names[0] = "severity";
                for (size_t j = 0; j < c->nparams; j++)
                    names[j + 1] = c->params[j].name;
                snprintf(where, sizeof where, " in check '%s'", c->def->id);
                err = unknown_key(L, s, pk, where, names, c->nparams + 1);
                free(names);
                return err;
            }
            err = param_value(L, s, c, param, pv);
            if (err)
                return err;
        }
    }
    return RACI_OK;
}

/* ------------------------------------------------------------ waivers -- */

/* A subject field of a waiver (product, task or person): text that has
 * letters or digits, copied into *out. */
static raci_error waiver_subject(struct loader *L, struct src *s, const yaml_node_t *n,
                                 const char *field, char **out)
{
    char what[64], *key;
    const char *v = NULL;
    raci_error err;

    snprintf(what, sizeof what, "the name of a %s as the roster writes it", field);
    if ((err = text_of(L, s, n, what, 0, &v)) != RACI_OK)
        return err;
    if (!(key = norm_dup(v)))
        return RACI_ERROR_NOMEM;
    if (!*key) {
        free(key);
        return fail(L, s, n, "%s '%s' has no letters or digits", field, v);
    }
    free(key);
    *out = raci_str_dup(v);
    return *out ? RACI_OK : RACI_ERROR_NOMEM;
}

static raci_error apply_waiver(struct loader *L, struct src *s, const yaml_node_t *item)
{
    static const char *const keys[] = {"rule", "product", "task", "person", "reason", "expires"};
    const yaml_node_t *v;
    const char *text = NULL;
    struct raci_waiver *w;
    raci_error err = want(L, s, item, YAML_MAPPING_NODE,
                          "a waiver: {rule, product, task, person, reason, expires}");

    if (!err)
        err = check_keys(L, s, item);
    if (err)
        return err;
    FOR_PAIRS(item, p)
    {
        const yaml_node_t *k = node_at(s, p->key);
        size_t i = 0;
        while (i < sizeof keys / sizeof *keys && strcmp(keys[i], sval(k)) != 0)
            i++;
        if (i == sizeof keys / sizeof *keys)
            return unknown_key(L, s, k, " in a waiver", keys, sizeof keys / sizeof *keys);
    }
    /* Appended first, so that a failure below leaves nothing unowned:
     * raci_ruleset_release frees what was filled in. */
    w = append(&L->rs->waivers, &L->rs->nwaivers, sizeof(*w));
    if (!w)
        return RACI_ERROR_NOMEM;
    w->line = (unsigned)item->start_mark.line + 1;
    w->col = (unsigned)item->start_mark.column + 1;
    if (!(w->file = raci_str_dup(s->display)))
        return RACI_ERROR_NOMEM;

    if (!(v = lookup(s, item, "rule")))
        return fail(L, s, item,
                    "waiver without a rule (expected rule: and a rule id such as "
                    "single-accountable)");
    if ((err = text_of(L, s, v, "a rule id such as single-accountable", 0, &text)) != RACI_OK)
        return err;
    if (!(w->rule = raci_rules_find(text)))
        return unknown_rule(L, s, v);
    if (w->rule->scope == RACI_SCOPE_WAIVER)
        return fail(L, s, v,
                    "a waiver cannot waive '%s' (renew the waiver it reports, or remove it)", text);

    if ((v = lookup(s, item, "product")) &&
        (err = waiver_subject(L, s, v, "product", &w->product)) != RACI_OK)
        return err;
    if ((v = lookup(s, item, "task")) &&
        (err = waiver_subject(L, s, v, "task", &w->task)) != RACI_OK)
        return err;
    if ((v = lookup(s, item, "person")) &&
        (err = waiver_subject(L, s, v, "person", &w->person)) != RACI_OK)
        return err;
    if (!w->product && !w->task && !w->person)
        return fail(L, s, item,
                    "waiver of '%s' names no subject (expected product, task or person; to "
                    "turn the rule off everywhere, give it severity off under checks)",
                    w->rule->id);

    if (!(v = lookup(s, item, "reason")))
        return fail(L, s, item,
                    "waiver of '%s' has no reason (expected reason: why the team accepts "
                    "the finding for now)",
                    w->rule->id);
    if ((err = text_of(L, s, v, "a reason", 0, &text)) != RACI_OK)
        return err;
    if (strspn(text, " \t\r\n") == strlen(text))
        return fail(L, s, v, "expected a reason, got an empty value");
    if (!(w->reason = raci_str_dup(text)))
        return RACI_ERROR_NOMEM;

    if (!(v = lookup(s, item, "expires")))
        return fail(L, s, item,
                    "waiver of '%s' has no expiry date (expected expires: and a date such as "
                    "2025-06-30)",
                    w->rule->id);
    if ((err = text_of(L, s, v, "an expiry date such as 2025-06-30", 0, &text)) != RACI_OK)
        return err;
    if (!raci_date_valid(text))
        return fail(L, s, v,
                    "invalid expiry date '%s' (expected a real date written YYYY-MM-DD, such "
                    "as 2025-06-30)",
                    text);
    memcpy(w->expires, text, sizeof w->expires);
    return RACI_OK;
}

static raci_error apply_waivers(struct loader *L, struct src *s, const yaml_node_t *n)
{
    raci_error err = want(L, s, n, YAML_SEQUENCE_NODE,
                          "a list of waivers for 'waivers', each {rule, product, task, person, "
                          "reason, expires}");

    FOR_ITEMS(n, it)
    {
        if (err)
            break;
        err = apply_waiver(L, s, node_at(s, *it));
    }
    return err;
}

/* ------------------------------------------------------------- loading -- */

static raci_error load_file(struct loader *L, const char *path, const struct src *parent,
                            const yaml_node_t *at);

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
    char *exe = exe_dir(), *dirs[5] = {NULL};
    char *found = NULL;
    size_t n = 0;

    if (!name || !is_bundled_name(name))
        goto cleanup;
    if (env && *env)
        dirs[n++] = raci_str_dup(env);
    if (exe) {
        dirs[n++] = raci_str_printf("%s../rules", exe);
        dirs[n++] = raci_str_printf("%s../share/raci/rules", exe);
    }
    dirs[n++] = raci_str_dup("rules");
    dirs[n++] = raci_str_dup(RACI_DATADIR "/rules");
    for (size_t i = 0; i < n && !found; i++) {
        char *path = dirs[i] ? raci_str_printf("%s/%s.yaml", dirs[i], name) : NULL;
        if (path && readable(path))
            found = path;
        else
            free(path);
    }
cleanup:
    for (size_t i = 0; i < n; i++)
        free(dirs[i]);
    free(exe);
    return found;
}

static raci_error apply_extends(struct loader *L, struct src *s, const yaml_node_t *n)
{
    const char *v = NULL;
    char *path = NULL, *tidy;
    raci_error err = text_of(L, s, n, "the name or path of a ruleset, such as default", 0, &v);

    if (err)
        return err;
    if (s->depth >= MAX_EXTENDS_DEPTH)
        return fail(L, s, n, "too many levels of 'extends' (at most %d)", MAX_EXTENDS_DEPTH);
    if (is_bundled_name(v)) {
        path = raci_ruleset_locate(v);
        if (!path && s->path) {
            /* Last, beside the extending file (a bundled ruleset used by its
             * path from anywhere). */
            char *dir = dir_of(s->path);
            path = dir ? raci_str_printf("%s/%s.yaml", dir, v) : NULL;
            free(dir);
            if (path && !readable(path)) {
                free(path);
                path = NULL;
            }
        }
        if (!path)
            return fail(
                L, s, n,
                "cannot find ruleset '%s' (looked for %s.yaml in $RACI_RULES_DIR, beside raci, "
                "./rules and %s/rules)",
                v, v, RACI_DATADIR);
    } else if (!s->path) {
        return fail(L, s, n,
                    "a ruleset that is not a file can only extend a bundled ruleset by name, "
                    "such as 'extends: default'");
    } else if (v[0] == '/') {
        path = raci_str_dup(v);
    } else {
        char *dir = dir_of(s->path);
        if (dir && !strcmp(dir, "."))
            path = raci_str_dup(v);
        else
            path = dir ? raci_str_printf("%s/%s", dir, v) : NULL;
        free(dir);
    }
    if (!path || !(tidy = raci_str_dup(path))) {
        free(path);
        return RACI_ERROR_NOMEM;
    }
    /* Compared lexically tidied; the file opened is the path as joined. */
    tidy_path(tidy);
    for (const struct src *up = s; up && !err; up = up->parent)
        if (up->path && !strcmp(up->path, tidy))
            err = fail(L, s, n, "'extends: %s' makes a cycle: '%s' is already being loaded", v,
                       up->display);
    free(tidy);
    if (err) {
        free(path);
        return err;
    }
    err = load_file(L, path, s, n);
    free(path);
    return err;
}

enum top_key {
    K_VERSION,
    K_EXTENDS,
    K_FRAMEWORK,
    K_SENIORITY,
    K_ROLES,
    K_LETTERS,
    K_TASKS,
    K_FALLBACKS,
    K_CHECKS,
    K_WAIVERS,
    K_COUNT
};

static const char *const top_keys[K_COUNT] = {
    "version", "extends", "framework", "seniority", "roles",
    "letters", "tasks",   "fallbacks", "checks",    "waivers",
};

static raci_error apply(struct loader *L, struct src *s, const yaml_node_t *root)
{
    const yaml_node_t *val[K_COUNT] = {0};
    raci_error err;

    if (root->type != YAML_MAPPING_NODE) {
        char buf[64];
        return fail(L, s, root,
                    "a ruleset is a mapping of keys such as version, roles, tasks "
                    "and checks, got %s",
                    describe(root, buf, sizeof buf));
    }
    err = check_keys(L, s, root);
    if (err)
        return err;
    FOR_PAIRS(root, p)
    {
        const yaml_node_t *k = node_at(s, p->key);
        size_t i = 0;
        while (i < K_COUNT && strcmp(top_keys[i], sval(k)) != 0)
            i++;
        if (i == K_COUNT)
            return unknown_key(L, s, k, "", top_keys, K_COUNT);
        val[i] = node_at(s, p->value);
    }
    if (val[K_VERSION] && (err = apply_version(L, s, val[K_VERSION])) != RACI_OK)
        return err;
    if (val[K_EXTENDS] && (err = apply_extends(L, s, val[K_EXTENDS])) != RACI_OK)
        return err;
    if (!L->rs->checks && (err = init_checks(L->rs)) != RACI_OK)
        return err;
    if (val[K_FRAMEWORK] && (err = apply_framework(L, s, val[K_FRAMEWORK])) != RACI_OK)
        return err;
    if (val[K_SENIORITY] && (err = apply_seniority(L, s, val[K_SENIORITY])) != RACI_OK)
        return err;
    if (val[K_ROLES] && (err = apply_roles(L, s, val[K_ROLES])) != RACI_OK)
        return err;
    if (val[K_LETTERS] && (err = apply_letters(L, s, val[K_LETTERS])) != RACI_OK)
        return err;
    if (val[K_TASKS] && (err = apply_tasks(L, s, val[K_TASKS])) != RACI_OK)
        return err;
    if (val[K_FALLBACKS] && (err = apply_fallbacks(L, s, val[K_FALLBACKS])) != RACI_OK)
        return err;
    if (val[K_CHECKS] && (err = apply_checks(L, s, val[K_CHECKS])) != RACI_OK)
        return err;
    if (val[K_WAIVERS] && (err = apply_waivers(L, s, val[K_WAIVERS])) != RACI_OK)
        return err;
    return RACI_OK;
}

/* The mark of a byte offset into s's text (libyaml's reader reports bad
 * bytes by offset): lines and columns 0-based, columns in characters. */
static yaml_mark_t mark_at_offset(const struct src *s, size_t offset)
{
    yaml_mark_t m = {0, 0, 0};
    const char *p = s->text, *text_end = s->text + s->len;
    const char *end = s->text + (offset < s->len ? offset : s->len);

    if (s->len >= 3 && !memcmp(p, "\xef\xbb\xbf", 3))
        p += 3;
    while (p < end) {
        size_t b = line_break(p, text_end);
        if (b) {
            m.line++;
            m.column = 0;
            p += b;
        } else {
            if (((unsigned char)*p & 0xc0) != 0x80)
                m.column++;
            p++;
        }
    }
    m.index = offset;
    return m;
}

/* A libyaml error as a diagnostic at the place it names. */
static raci_error yaml_failure(struct loader *L, struct src *s, const yaml_parser_t *p)
{
    if (p->error == YAML_MEMORY_ERROR)
        return RACI_ERROR_NOMEM;
    if (p->error == YAML_READER_ERROR)
        return fail_at(L, s, mark_at_offset(s, p->problem_offset), "invalid YAML: %s",
                       p->problem ? p->problem : "unreadable text");
    if (p->context) {
        /* A problem found at the very end (an unclosed bracket or quote) is
         * shown where the unclosed construct starts. */
        char *line = source_line(s, p->problem_mark.line);
        int at_end = !line || !*line;
        free(line);
        if (at_end)
            return fail_at(L, s, p->context_mark,
                           "invalid YAML: %s %s that starts here (the file ends first)",
                           p->problem ? p->problem : "syntax error", p->context);
        return fail_at(L, s, p->problem_mark, "invalid YAML: %s %s (at line %lu, column %lu)",
                       p->problem ? p->problem : "syntax error", p->context,
                       (unsigned long)p->context_mark.line + 1,
                       (unsigned long)p->context_mark.column + 1);
    }
    return fail_at(L, s, p->problem_mark, "invalid YAML: %s",
                   p->problem ? p->problem : "syntax error");
}

static raci_error load_text(struct loader *L, struct src *s)
{
    yaml_parser_t parser;
    yaml_document_t extra;
    const yaml_node_t *root;
    raci_error err = RACI_OK;
    int have_doc = 0;

    if (!yaml_parser_initialize(&parser))
        return RACI_ERROR_NOMEM;
    yaml_parser_set_input_string(&parser, (const unsigned char *)s->text, s->len);
    if (!yaml_parser_load(&parser, &s->doc)) {
        err = yaml_failure(L, s, &parser);
        goto cleanup;
    }
    have_doc = 1;
    root = yaml_document_get_root_node(&s->doc);
    if (!root) {
        err = raci_diag_set(L->diag, s->display, 0, 0, NULL,
                            "empty ruleset (expected a mapping with keys such as version, "
                            "extends, roles, tasks and checks)");
        goto cleanup;
    }
    /* A second document would be silently ignored: refuse it. */
    if (!yaml_parser_load(&parser, &extra)) {
        err = yaml_failure(L, s, &parser);
        goto cleanup;
    }
    if (yaml_document_get_root_node(&extra))
        err = fail(L, s, yaml_document_get_root_node(&extra),
                   "a ruleset is one YAML document; remove this second one");
    yaml_document_delete(&extra);
    if (!err)
        err = apply(L, s, root);
cleanup:
    if (have_doc)
        yaml_document_delete(&s->doc);
    yaml_parser_delete(&parser);
    return err;
}

/* Read path whole; *text is malloc'd and NUL-terminated. */
static raci_error read_all(const char *path, char **text, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t n = 0, cap = 0;
    raci_error err = RACI_OK;

    if (!f)
        return RACI_ERROR_IO;
    for (;;) {
        size_t got;
        if (cap - n < 4096) {
            char *q;
            if (cap >= MAX_RULESET_BYTES) {
                errno = EFBIG;
                err = RACI_ERROR_IO;
                break;
            }
            cap = cap ? cap * 2 : 8192;
            q = realloc(buf, cap + 1);
            if (!q) {
                err = RACI_ERROR_NOMEM;
                break;
            }
            buf = q;
        }
        got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0) {
            if (ferror(f))
                err = RACI_ERROR_IO;
            break;
        }
    }
    if (fclose(f) != 0 && !err)
        err = RACI_ERROR_IO;
    if (err) {
        int saved = errno;
        free(buf);
        errno = saved;
        return err;
    }
    buf[n] = '\0';
    *text = buf;
    *len = n;
    return RACI_OK;
}

/* Load the file at path into L->rs; parent and at say which extends node
 * named it (NULL for the ruleset the user named). */
static raci_error load_file(struct loader *L, const char *path, const struct src *parent,
                            const yaml_node_t *at)
{
    struct src s = {0};
    char *text = NULL, *tidy = raci_str_dup(path);
    size_t len = 0;
    raci_error err;

    if (!tidy)
        return RACI_ERROR_NOMEM;
    /* The tidy form identifies the file in the extends chain; a base is also
     * shown by it, the user's own file as the user named it. */
    tidy_path(tidy);
    s.display = parent ? tidy : path;
    err = read_all(path, &text, &len);
    if (err == RACI_ERROR_IO) {
        const char *why = strerror(errno);
        if (parent && at)
            fail(L, parent, at, "cannot read ruleset '%s': %s", s.display, why);
        else
            raci_diag_set(L->diag, path, 0, 0, NULL, "cannot read ruleset '%s': %s", path, why);
    } else if (!err) {
        s.path = tidy;
        s.text = text;
        s.len = len;
        s.parent = parent;
        s.depth = parent ? parent->depth + 1 : 0;
        err = load_text(L, &s);
    }
    free(tidy);
    free(text);
    return err;
}

/* rs->today: $RACI_TODAY, or the local date. */
static raci_error set_today(struct raci_ruleset *rs, struct raci_diag *diag)
{
    const char *env = getenv("RACI_TODAY");

    if (env && *env) {
        if (!raci_date_valid(env))
            return raci_diag_set(diag, NULL, 0, 0, NULL,
                                 "invalid RACI_TODAY '%.40s' (expected a date written "
                                 "YYYY-MM-DD, such as 2025-06-30, or unset it to use today's)",
                                 env);
        memcpy(rs->today, env, sizeof rs->today);
        return RACI_OK;
    }
    /* When the clock cannot say, raci_checks_run asks it again. */
    raci_date_today(rs->today);
    return RACI_OK;
}

static raci_error finish(struct raci_ruleset *rs, const char *display, struct raci_diag *diag,
                         raci_error err)
{
    if (!err && !rs->checks)
        err = init_checks(rs);
    if (!err)
        err = set_today(rs, diag);
    if (!err && !(rs->file = raci_str_dup(display)))
        err = RACI_ERROR_NOMEM;
    if (err)
        raci_ruleset_release(rs);
    return err;
}

raci_error raci_ruleset_load(struct raci_ruleset *rs, const char *path, struct raci_diag *diag)
{
    struct loader L = {rs, diag};

    memset(rs, 0, sizeof(*rs));
    return finish(rs, path, diag, load_file(&L, path, NULL, NULL));
}

raci_error raci_ruleset_load_mem(struct raci_ruleset *rs, const char *text, size_t len,
                                 const char *display, struct raci_diag *diag)
{
    struct loader L = {rs, diag};
    struct src s = {0};

    memset(rs, 0, sizeof(*rs));
    s.display = display ? display : "<ruleset>";
    s.text = text ? text : "";
    s.len = text ? len : 0;
    return finish(rs, s.display, diag, load_text(&L, &s));
}
