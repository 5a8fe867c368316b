/*
 * extends.h - which file a ruleset's `extends:` names, and whether it may
 * be read.
 *
 * A ruleset may come from anyone: one in a pull request is read by a CI job,
 * often as root, whose log anyone can read. So `extends:` reaches only:
 *  - a bundled ruleset by name ("default", "safe": letters, digits, - and
 *    _), found as raci_ruleset_locate() finds it, or else as NAME.yaml in
 *    the extending file's own directory;
 *  - a .yaml or .yml file in the extending file's own directory or below
 *    it, named by a relative path ("base.yaml", "teams/base.yaml").
 * The path is resolved as the system resolves it (realpath: "..", and every
 * symbolic link along it), and what it leads to must still be in that
 * directory or below, still end in .yaml or .yml, and be a regular file.
 * Nothing else is opened: not an absolute path, not "../x.yaml", not a link
 * to /etc/passwd, not .env, not /proc/self/environ, not a FIFO.
 */
#ifndef RACI_EXTENDS_H
#define RACI_EXTENDS_H

#include "raci/error.h"

/* Why a base may not be read (RACI_EXTENDS_OK: it may). */
enum raci_extends_status {
    RACI_EXTENDS_OK,
    RACI_EXTENDS_NOMEM,
    RACI_EXTENDS_UNREADABLE,  /* the path leads nowhere (errno says why) */
    RACI_EXTENDS_NO_BUNDLED,  /* a name, but no bundled ruleset of that name */
    RACI_EXTENDS_FROM_MEMORY, /* a path, from a ruleset that is no file */
    RACI_EXTENDS_ABSOLUTE,    /* an absolute path */
    RACI_EXTENDS_OUTSIDE,     /* leads out of the extending file's directory */
    RACI_EXTENDS_NOT_YAML,    /* names, or leads to, no .yaml or .yml file */
    RACI_EXTENDS_NOT_FILE,    /* leads to a directory, a device, a FIFO... */
};

/* A base that may be read. */
struct raci_extends {
    char *path;    /* the file to open: resolved, so that no link is followed
                      again between the check and the opening */
    char *display; /* how diagnostics name it: the path as written, joined to
                      the extending file's directory and tidied */
    char *real;    /* its resolved path, to find cycles of extends */
};

/*
 * The base that `extends: value` names in the ruleset file from (the path it
 * was opened by; NULL for a ruleset that is no file), into *out, which the
 * caller releases (also after a failure). RACI_EXTENDS_OK when it may be
 * read; otherwise why not, with errno set for RACI_EXTENDS_UNREADABLE.
 */
enum raci_extends_status raci_extends_resolve(const char *from, const char *value,
                                              struct raci_extends *out);

void raci_extends_release(struct raci_extends *e);

/* The resolved path of path (every link followed), malloc'd; NULL when it
 * leads nowhere or when out of memory. */
char *raci_extends_real(const char *path);

/* Tidy a path in place, lexically: "a/./b" -> "a/b", "a/x/../b" -> "a/b",
 * "./b" -> "b"; a leading ".." stays. */
void raci_extends_tidy(char *path);

#endif
