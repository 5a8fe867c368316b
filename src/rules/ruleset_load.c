/*
 * ruleset_load.c - read a ruleset from YAML: the schema of a ruleset file,
 * the driver that applies it, and the chain of files that `extends:` makes.
 *
 * The file is read whole and parsed with libyaml's document API
 * (yamldoc.h), so that every node keeps its mark for diagnostics and so that
 * the keys of the top-level mapping are applied in the order of the schema
 * below, whatever order the file uses: version first (a file of another
 * version is read no further), then extends (the base is loaded into the
 * same ruleset, then overridden), framework, seniority, roles, letters,
 * tasks, fallbacks, checks, because a check's parameters name tasks and
 * roles, and waivers last.
 *
 * Each section is applied by the section_*.c module that knows it; the
 * checks every section starts with (the node's type, keys given once) are
 * made here, from the schema, once. Which file `extends:` may open is
 * extends.h's to say.
 */
#include "raci/ruleset_load.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "raci/array.h"
#include "raci/date.h"
#include "raci/extends.h"
#include "raci/letters.h"
#include "raci/section_checks.h"
#include "raci/section_roles.h"
#include "raci/section_tasks.h"
#include "raci/section_waivers.h"
#include "raci/str.h"
#include "raci/yamldoc.h"

#ifndef RACI_DATADIR
#define RACI_DATADIR "/usr/local/share/raci"
#endif

#define MAX_EXTENDS_DEPTH 8
#define ALNUM             "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

/* One ruleset file (or text) being applied, in the chain of extends. */
struct ruleset_file {
    struct raci_yamldoc doc;
    const char *path;                  /* the path it was opened by; NULL for text in memory */
    const char *real;                  /* its resolved path, for cycles; NULL when unknown */
    int depth;                         /* 0 for the file the user named */
    const struct ruleset_file *parent; /* the file whose extends named it */
};

static raci_error load_file(struct raci_ruleset *rs, struct raci_diag *diag, const char *path,
                            const char *display, const char *real, struct ruleset_file *parent,
                            const yaml_node_t *at);

/* ----------------------------------------------------------- extends -- */

#define EXTENDS_RIGHT                                                                              \
    "extend a bundled ruleset by name, such as 'default', or a .yaml file in this ruleset's "      \
    "directory or below it, by a relative path"

/* Why `extends: v` at n may not be read, as a diagnostic. */
static raci_error extends_refused(struct ruleset_file *f, const yaml_node_t *n, const char *v,
                                  enum raci_extends_status st)
{
    struct raci_yamldoc *d = &f->doc;

    switch (st) {
    case RACI_EXTENDS_OK:
        return RACI_OK;
    case RACI_EXTENDS_NOMEM:
        return RACI_ERROR_NOMEM;
    case RACI_EXTENDS_UNREADABLE: {
        int e = errno;
        raci_error err = raci_yamldoc_fail(d, n, "cannot read ruleset '%s': %s", v, strerror(e));
        errno = e;
        return err == RACI_ERROR_INPUT ? RACI_ERROR_IO : err;
    }
    case RACI_EXTENDS_NO_BUNDLED:
        return raci_yamldoc_fail(d, n,
                                 "cannot find ruleset '%s' (looked for %s.yaml in "
                                 "$RACI_RULES_DIR, beside raci, ./rules and %s/rules)",
                                 v, v, RACI_DATADIR);
    case RACI_EXTENDS_FROM_MEMORY:
        return raci_yamldoc_fail(d, n,
                                 "a ruleset that is not a file can only extend a bundled ruleset "
                                 "by name, such as 'extends: default'");
    case RACI_EXTENDS_ABSOLUTE:
        return raci_yamldoc_fail(d, n, "'extends: %s' is an absolute path: " EXTENDS_RIGHT, v);
    case RACI_EXTENDS_OUTSIDE:
        return raci_yamldoc_fail(
            d, n, "'extends: %s' leads out of this ruleset's directory: " EXTENDS_RIGHT, v);
    case RACI_EXTENDS_NOT_YAML:
        return raci_yamldoc_fail(d, n, "'extends: %s' is not a .yaml or .yml file: " EXTENDS_RIGHT,
                                 v);
    case RACI_EXTENDS_NOT_FILE:
        return raci_yamldoc_fail(d, n, "'extends: %s' is not a regular file: " EXTENDS_RIGHT, v);
    }
    return RACI_ERROR_INPUT;
}

/* ---------------------------------------------------- small sections -- */

static raci_error apply_extends(struct raci_ruleset *rs, struct ruleset_file *f,
                                const yaml_node_t *n, const char *v)
{
    struct raci_extends base;
    enum raci_extends_status st;
    raci_error err = RACI_OK;

    if (f->depth >= MAX_EXTENDS_DEPTH)
        return raci_yamldoc_fail(&f->doc, n, "too many levels of 'extends' (at most %d)",
                                 MAX_EXTENDS_DEPTH);
    st = raci_extends_resolve(f->path, v, &base);
    if (st != RACI_EXTENDS_OK) {
        err = extends_refused(f, n, v, st);
        raci_extends_release(&base);
        return err;
    }
    for (const struct ruleset_file *up = f; up && !err; up = up->parent)
        if (up->real && base.real && !strcmp(up->real, base.real))
            err = raci_yamldoc_fail(&f->doc, n,
                                    "'extends: %s' makes a cycle: '%s' is already being loaded", v,
                                    up->doc.display);
    if (!err)
        err = load_file(rs, f->doc.diag, base.path, base.display, base.real, f, n);
    raci_extends_release(&base);
    return err;
}

static raci_error apply_version(struct raci_ruleset *rs, struct ruleset_file *f,
                                const yaml_node_t *n, const char *v)
{
    yaml_scalar_style_t style = n->data.scalar.style;
    const char *q = style == YAML_DOUBLE_QUOTED_SCALAR_STYLE ? "\"" : "'";

    (void)rs;
    if (style == YAML_PLAIN_SCALAR_STYLE && !strcmp(v, "1"))
        return RACI_OK;
    if (style == YAML_LITERAL_SCALAR_STYLE || style == YAML_FOLDED_SCALAR_STYLE)
        return raci_yamldoc_fail(&f->doc, n,
                                 "ruleset version must be the number 1, not a block of text "
                                 "(write version: 1)");
    if (!strcmp(v, "1"))
        return raci_yamldoc_fail(&f->doc, n,
                                 "ruleset version must be the number 1, not the text %s1%s (write "
                                 "version: 1, without quotes)",
                                 q, q);
    return raci_yamldoc_fail(&f->doc, n, "unsupported ruleset version %s%.40s%s (expected 1)", q, v,
                             q);
}

static raci_error apply_framework(struct raci_ruleset *rs, struct ruleset_file *f,
                                  const yaml_node_t *n, const char *v)
{
    char *copy = raci_str_key(v);

    if (!copy)
        return RACI_ERROR_NOMEM;
    if (!raci_ruleset_valid_id(copy) || strlen(copy) != strlen(v)) {
        free(copy);
        return raci_yamldoc_fail(&f->doc, n,
                                 "invalid framework '%s' (expected one word such as scrum, safe "
                                 "or none)",
                                 v);
    }
    free(rs->framework);
    rs->framework = copy;
    return RACI_OK;
}

/* One entry of `letters:`: a letter alias and the letters it stands for. */
static raci_error apply_letter_alias(struct raci_ruleset *rs, struct raci_yamldoc *d,
                                     const yaml_node_t *k, const yaml_node_t *v)
{
    const char *name = raci_yamldoc_scalar(k), *spec = NULL;
    unsigned letters;
    raci_error err;

    if (!name[0] || !strchr(ALNUM, name[0]) || strspn(name, ALNUM " -_") != strlen(name))
        return raci_yamldoc_fail(d, k,
                                 "invalid letter alias '%s' (expected a word of letters and "
                                 "digits such as DRI)",
                                 name);
    if (raci_letters_from_spec(name))
        return raci_yamldoc_fail(d, k, "letter alias '%s' would hide the letters it spells", name);
    if ((err = raci_yamldoc_text(d, v, "letters such as A/R", &spec)) != RACI_OK)
        return err;
    letters = raci_letters_from_spec(spec);
    if (!letters)
        return raci_yamldoc_fail(d, v,
                                 "invalid letters '%s' for alias '%s' (expected R, A, C, I or a "
                                 "combination such as A/R)",
                                 spec, name);
    return raci_ruleset_set_alias(rs, name, letters);
}

/* ------------------------------------------------------------ schema -- */

/*
 * A top-level key of a ruleset file: the type its value must have (else
 * "expected WHAT, got ..."), and how it is applied: a scalar's text, the
 * whole node, or each pair of a mapping (whose keys are checked to be given
 * once) or item of a list. Exactly one applier is set.
 */
struct schema_key {
    const char *key;
    yaml_node_type_t type;
    const char *what;
    raci_error (*text)(struct raci_ruleset *rs, struct ruleset_file *f, const yaml_node_t *n,
                       const char *text);
    raci_error (*node)(struct raci_ruleset *rs, struct raci_yamldoc *d, const yaml_node_t *n);
    raci_error (*pair)(struct raci_ruleset *rs, struct raci_yamldoc *d, const yaml_node_t *key,
                       const yaml_node_t *value);
    raci_error (*item)(struct raci_ruleset *rs, struct raci_yamldoc *d, const yaml_node_t *item);
};

/* In the order of application, which is also the order "unknown key" lists
 * them in. */
static const struct schema_key schema[] = {
    {"version", YAML_SCALAR_NODE, "a version number (1)", .text = apply_version},
    {"extends", YAML_SCALAR_NODE, "the name or path of a ruleset, such as default",
     .text = apply_extends},
    {"framework", YAML_SCALAR_NODE, "a framework name such as scrum, safe or none",
     .text = apply_framework},
    {"seniority", YAML_SEQUENCE_NODE, "a list of seniority words",
     .item = raci_section_roles_seniority},
    {"roles", YAML_MAPPING_NODE, "a mapping of role ids to {name, titles} for 'roles'",
     .pair = raci_section_roles},
    {"letters", YAML_MAPPING_NODE,
     "a mapping of letter aliases to letters for 'letters', such as DRI: A/R",
     .pair = apply_letter_alias},
    {"tasks", YAML_SEQUENCE_NODE, "a list of tasks for 'tasks', each {name, aliases, raci}",
     .node = raci_section_tasks},
    {"fallbacks", YAML_MAPPING_NODE,
     "a mapping of role ids to lists of role ids for 'fallbacks', such as director: [em]",
     .pair = raci_section_roles_fallbacks},
    {"checks", YAML_MAPPING_NODE, "a mapping of rule ids to {severity, parameters} for 'checks'",
     .pair = raci_section_checks},
    {"waivers", YAML_SEQUENCE_NODE,
     "a list of waivers for 'waivers', each {rule, product, task, person, reason, expires}",
     .item = raci_section_waivers},
};

#define NSCHEMA (sizeof schema / sizeof schema[0])

/* The value n of one top-level key: the checks its schema asks for, then
 * its applier. */
static raci_error apply_key(struct raci_ruleset *rs, struct ruleset_file *f,
                            const struct schema_key *k, const yaml_node_t *n)
{
    struct raci_yamldoc *d = &f->doc;
    const char *text = NULL;
    raci_error err;

    if (k->type == YAML_SCALAR_NODE) {
        err = raci_yamldoc_text(d, n, k->what, &text);
        return err ? err : k->text(rs, f, n, text);
    }
    if (k->type == YAML_MAPPING_NODE)
        err = raci_yamldoc_mapping(d, n, k->what);
    else
        err = raci_yamldoc_want(d, n, k->type, k->what);
    if (err || k->node)
        return err ? err : k->node(rs, d, n);
    if (k->pair) {
        RACI_YAMLDOC_PAIRS(n, p)
        {
            err = k->pair(rs, d, raci_yamldoc_node(d, p->key), raci_yamldoc_node(d, p->value));
            if (err)
                return err;
        }
    } else {
        RACI_YAMLDOC_ITEMS(n, it)
        {
            err = k->item(rs, d, raci_yamldoc_node(d, *it));
            if (err)
                return err;
        }
    }
    return RACI_OK;
}

/* The root of a ruleset file: every key known, then each applied in the
 * schema's order. */
static raci_error apply_root(struct raci_ruleset *rs, struct ruleset_file *f,
                             const yaml_node_t *root)
{
    struct raci_yamldoc *d = &f->doc;
    const yaml_node_t *val[NSCHEMA] = {0};
    const char *names[NSCHEMA];
    raci_error err;

    if (root->type != YAML_MAPPING_NODE) {
        /* What the file holds is not shown: it may be anything. */
        d->no_source = 1;
        return raci_yamldoc_fail(d, root,
                                 "a ruleset is a mapping of keys such as version, roles, tasks "
                                 "and checks, got %s",
                                 root->type == YAML_SEQUENCE_NODE ? "a list" : "text");
    }
    if ((err = raci_yamldoc_unique_keys(d, root)) != RACI_OK)
        return err;
    for (size_t i = 0; i < NSCHEMA; i++)
        names[i] = schema[i].key;
    RACI_YAMLDOC_PAIRS(root, p)
    {
        const yaml_node_t *k = raci_yamldoc_node(d, p->key);
        size_t i = 0;
        while (i < NSCHEMA && strcmp(schema[i].key, raci_yamldoc_scalar(k)) != 0)
            i++;
        if (i == NSCHEMA)
            return raci_yamldoc_unknown_key(d, k, "", names, NSCHEMA);
        val[i] = raci_yamldoc_node(d, p->value);
    }
    for (size_t i = 0; i < NSCHEMA; i++)
        if (val[i] && (err = apply_key(rs, f, &schema[i], val[i])) != RACI_OK)
            return err;
    return RACI_OK;
}

/* ------------------------------------------------------------- files -- */

/* Parse f's text and apply it to rs. A base's lines are shown only once
 * it is known to be a ruleset's YAML: extends may name any file. */
static raci_error apply_text(struct raci_ruleset *rs, struct ruleset_file *f)
{
    const yaml_node_t *root = NULL;
    raci_error err;

    f->doc.no_source = f->parent != NULL;
    err = raci_yamldoc_parse(&f->doc, "a ruleset", &root);
    if (!err && root && root->type == YAML_MAPPING_NODE)
        f->doc.no_source = 0;

    if (!err && !root)
        err = raci_diag_set(f->doc.diag, f->doc.display, 0, 0, NULL,
                            "empty ruleset (expected a mapping with keys such as version, "
                            "extends, roles, tasks and checks)");
    if (!err)
        err = apply_root(rs, f, root);
    raci_yamldoc_release(&f->doc);
    return err;
}

/* Read path whole, or its first RACI_YAMLDOC_MAX_BYTES + 1 bytes: one more
 * than a ruleset may have, so that the parse says it is too large, where
 * and by what limit, without reading on. *text is malloc'd and
 * NUL-terminated. */
static raci_error read_all(const char *path, char **text, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t n = 0, cap = 0;
    raci_error err = RACI_OK;

    if (!f)
        return RACI_ERROR_IO;
    for (;;) {
        size_t got, want;
        if (cap - n < 4096 && cap <= RACI_YAMLDOC_MAX_BYTES) {
            char *q;
            cap = cap ? cap * 2 : 8192;
            q = realloc(buf, cap + 1);
            if (!q) {
                err = RACI_ERROR_NOMEM;
                break;
            }
            buf = q;
        }
        want = cap - n;
        if (n + want > (size_t)RACI_YAMLDOC_MAX_BYTES + 1)
            want = (size_t)RACI_YAMLDOC_MAX_BYTES + 1 - n;
        if (want == 0)
            break;
        got = fread(buf + n, 1, want, f);
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

/* Record that rs is read from path (rs->sources). */
static raci_error add_source(struct raci_ruleset *rs, const char *path)
{
    char *copy = raci_str_dup(path);
    size_t cap = rs->nsources;

    /* A ruleset extends a few others at most: the list grows one at a time. */
    if (!copy || raci_array_grow(&rs->sources, &cap, rs->nsources + 1, sizeof(*rs->sources))) {
        free(copy);
        return RACI_ERROR_NOMEM;
    }
    rs->sources[rs->nsources++] = copy;
    return RACI_OK;
}

/* Load the file at path into rs, naming it display in diagnostics; real is
 * its resolved path (NULL when unknown). parent and at say which extends
 * node named it (NULL for the ruleset the user named). */
static raci_error load_file(struct raci_ruleset *rs, struct raci_diag *diag, const char *path,
                            const char *display, const char *real, struct ruleset_file *parent,
                            const yaml_node_t *at)
{
    struct ruleset_file f = {{0}, NULL, NULL, 0, NULL};
    char *text = NULL;
    size_t len = 0;
    raci_error err;

    f.doc.display = display;
    f.doc.diag = diag;
    err = read_all(path, &text, &len);
    if (err == RACI_ERROR_IO) {
        int e = errno;
        if (parent && at)
            raci_yamldoc_fail(&parent->doc, at, "cannot read ruleset '%s': %s", f.doc.display,
                              strerror(e));
        else
            raci_diag_set(diag, f.doc.display, 0, 0, NULL, "cannot read ruleset '%s': %s",
                          f.doc.display, strerror(e));
        errno = e;
    } else if (!err && (err = add_source(rs, path)) == RACI_OK) {
        f.path = path;
        f.real = real;
        f.doc.text = text;
        f.doc.len = len;
        f.parent = parent;
        f.depth = parent ? parent->depth + 1 : 0;
        err = apply_text(rs, &f);
    }
    free(text);
    return err;
}

/* ------------------------------------------------------------ entries -- */

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

static raci_error finish_load(struct raci_ruleset *rs, const char *display, struct raci_diag *diag,
                              raci_error err)
{
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
    raci_error err;

    memset(rs, 0, sizeof(*rs));
    /* Every check starts from the registry; a base and then this file
     * override it. */
    err = raci_ruleset_init_checks(rs);
    if (!err) {
        /* The user's own file is shown as the user named it. */
        char *real = raci_extends_real(path);
        err = load_file(rs, diag, path, path, real, NULL, NULL);
        free(real);
    }
    return finish_load(rs, path, diag, err);
}

raci_error raci_ruleset_load_mem(struct raci_ruleset *rs, const char *text, size_t len,
                                 const char *display, struct raci_diag *diag)
{
    struct ruleset_file f = {{0}, NULL, NULL, 0, NULL};
    raci_error err;

    memset(rs, 0, sizeof(*rs));
    f.doc.display = display ? display : "<ruleset>";
    f.doc.text = text ? text : "";
    f.doc.len = text ? len : 0;
    f.doc.diag = diag;
    err = raci_ruleset_init_checks(rs);
    if (!err)
        err = apply_text(rs, &f);
    return finish_load(rs, f.doc.display, diag, err);
}
