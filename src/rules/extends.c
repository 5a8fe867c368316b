/*
 * extends.c - which file a ruleset's `extends:` names, and whether it may be
 * read: a bundled ruleset, or a .yaml file in the extending file's own
 * directory or below, once every link is followed.
 */
/* realpath() is XSI. */
#define _XOPEN_SOURCE 700

#include "raci/extends.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "raci/ruleset.h"
#include "raci/str.h"

/* Directory part of path ("." when it has none), malloc'd. */
static char *extends_dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');

    if (!slash)
        return raci_str_dup(".");
    if (slash == path)
        return raci_str_dup("/");
    return raci_str_printf("%.*s", (int)(slash - path), path);
}

void raci_extends_tidy(char *path)
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

/* Does path end in .yaml or .yml (in any case)? */
static int extends_is_yaml(const char *path)
{
    const char *base = strrchr(path, '/'), *dot;

    base = base ? base + 1 : path;
    dot = strrchr(base, '.');
    return dot && dot > base && (!raci_str_casecmp(dot, ".yaml") || !raci_str_casecmp(dot, ".yml"));
}

/* Does the resolved path lie in the resolved directory dir, or below it? */
static int extends_inside(const char *dir, const char *path)
{
    size_t n = strlen(dir);

    if (n == 1 && dir[0] == '/')
        return path[0] == '/';
    return !strncmp(dir, path, n) && path[n] == '/';
}

/* The file rel names, relative to the directory of from, once every link
 * is followed: it must be a regular .yaml file in that directory or below. */
static enum raci_extends_status extends_confined(const char *from, const char *rel,
                                                 struct raci_extends *out)
{
    char *dir = extends_dir_of(from), *lexical = raci_str_dup(rel), *rdir = NULL, *rp = NULL;
    char *joined = NULL;
    enum raci_extends_status st = RACI_EXTENDS_NOMEM;
    struct stat sb;
    int saved = 0;

    if (!dir || !lexical)
        goto cleanup;
    /* "../x.yaml" leads out whatever the links are: said so even when it
     * does not exist. */
    raci_extends_tidy(lexical);
    if (!strcmp(lexical, "..") || !strncmp(lexical, "../", 3)) {
        st = RACI_EXTENDS_OUTSIDE;
        goto cleanup;
    }
    joined = strcmp(dir, ".") ? raci_str_printf("%s/%s", dir, rel) : raci_str_dup(rel);
    if (!joined || !(out->display = raci_str_dup(joined)))
        goto cleanup;
    raci_extends_tidy(out->display);
    /* Resolved as the system resolves it: ".." after a link is the link
     * target's parent. Only what it leads to is judged. */
    st = RACI_EXTENDS_UNREADABLE;
    if (!(rdir = realpath(dir, NULL)) || !(rp = realpath(joined, NULL))) {
        saved = errno;
        if (saved == ENOMEM)
            st = RACI_EXTENDS_NOMEM;
        goto cleanup;
    }
    if (!extends_inside(rdir, rp))
        st = RACI_EXTENDS_OUTSIDE;
    else if (!extends_is_yaml(rp))
        st = RACI_EXTENDS_NOT_YAML;
    else if (stat(rp, &sb) != 0)
        saved = errno;
    else if (!S_ISREG(sb.st_mode))
        st = RACI_EXTENDS_NOT_FILE;
    else if (!(out->path = raci_str_dup(rp)) || !(out->real = raci_str_dup(rp)))
        st = RACI_EXTENDS_NOMEM;
    else
        st = RACI_EXTENDS_OK;
cleanup:
    free(dir);
    free(lexical);
    free(joined);
    free(rdir);
    free(rp);
    errno = saved;
    return st;
}

/* A bundled ruleset by name: where raci_ruleset_locate finds it, else
 * beside the extending file (confined as a path is). */
static enum raci_extends_status extends_bundled(const char *from, const char *name,
                                                struct raci_extends *out)
{
    enum raci_extends_status st;
    char *rel;

    if ((out->path = raci_ruleset_locate(name)) != NULL) {
        out->display = raci_str_dup(out->path);
        if (!out->display)
            return RACI_EXTENDS_NOMEM;
        raci_extends_tidy(out->display);
        /* Without a resolved path (cannot happen for a file just found)
         * the base is only kept out of cycles by the depth limit. */
        out->real = realpath(out->path, NULL);
        return RACI_EXTENDS_OK;
    }
    if (!from)
        return RACI_EXTENDS_NO_BUNDLED;
    if (!(rel = raci_str_printf("%s.yaml", name)))
        return RACI_EXTENDS_NOMEM;
    st = extends_confined(from, rel, out);
    free(rel);
    if (st == RACI_EXTENDS_UNREADABLE && errno == ENOENT)
        st = RACI_EXTENDS_NO_BUNDLED;
    return st;
}

enum raci_extends_status raci_extends_resolve(const char *from, const char *value,
                                              struct raci_extends *out)
{
    memset(out, 0, sizeof(*out));
    if (raci_ruleset_is_bundled(value))
        return extends_bundled(from, value, out);
    if (!from)
        return RACI_EXTENDS_FROM_MEMORY;
    if (value[0] == '/')
        return RACI_EXTENDS_ABSOLUTE;
    if (!extends_is_yaml(value))
        return RACI_EXTENDS_NOT_YAML;
    return extends_confined(from, value, out);
}

char *raci_extends_real(const char *path)
{
    return path ? realpath(path, NULL) : NULL;
}

void raci_extends_release(struct raci_extends *e)
{
    free(e->path);
    free(e->display);
    free(e->real);
    memset(e, 0, sizeof(*e));
}
