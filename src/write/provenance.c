/*
 * provenance.c - what an output was made from (provenance.h).
 */
#define _XOPEN_SOURCE 700 /* realpath */

#include "raci/provenance.h"

#include <stdlib.h>
#include <string.h>

#include "raci/ruleset.h"

#ifndef RACI_VERSION
#define RACI_VERSION "0.0.0"
#endif

const char *raci_provenance_version(void)
{
    return RACI_VERSION;
}

/* The file name of path when path is the ruleset of that name bundled
 * with raci (the file raci_ruleset_locate finds, compared by real path),
 * else NULL. */
static const char *provenance_bundled(const char *path)
{
    const char *base = strrchr(path, '/');
    char stem[64], *found, *a = NULL, *b = NULL;
    const char *named = NULL;
    size_t n;

    base = base ? base + 1 : path;
    n = strlen(base);
    if (n <= 5 || n - 5 >= sizeof stem || strcmp(base + n - 5, ".yaml") != 0)
        return NULL;
    memcpy(stem, base, n - 5);
    stem[n - 5] = '\0';
    if (!raci_ruleset_is_bundled(stem) || !(found = raci_ruleset_locate(stem)))
        return NULL;
    a = realpath(path, NULL);
    b = realpath(found, NULL);
    if (a && b && strcmp(a, b) == 0)
        named = base;
    free(a);
    free(b);
    free(found);
    return named;
}

/* Put one item at index n of out when it fits, a ruleset's path shown as
 * provenance.h says; return n + 1. */
static size_t provenance_put(struct raci_provenance_item *out, size_t cap, size_t n,
                             const char *label, const char *value, int ruleset)
{
    const char *bundled = ruleset ? provenance_bundled(value) : NULL;

    if (n < cap)
        out[n] = (struct raci_provenance_item){label, bundled ? bundled : value,
                                               bundled ? "bundled with raci" : NULL};
    return n + 1;
}

size_t raci_provenance_items(const struct raci_roster *r, const struct raci_ruleset *rs,
                             struct raci_provenance_item *out, size_t cap)
{
    size_t n = 0;

    for (size_t i = 0; r && i < r->nfiles; i++)
        n = provenance_put(out, cap, n, "Roster", r->files[i], 0);
    if (!rs || rs->nsources == 0) {
        n = provenance_put(out, cap, n, "Ruleset",
                           rs && rs->file ? rs->file : "(built-in defaults)", 0);
    } else {
        n = provenance_put(out, cap, n, "Ruleset", rs->sources[0], 1);
        for (size_t i = 1; i < rs->nsources; i++)
            n = provenance_put(out, cap, n, "Extends", rs->sources[i], 1);
    }
    return provenance_put(out, cap, n, "raci", RACI_VERSION, 0);
}
