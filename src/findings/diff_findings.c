/*
 * diff_findings.c - the findings of two sides of a diff matched by
 * identity: new, resolved, persisting (diff.h).
 */
#include "raci/diff.h"

#include "raci/map.h"
#include "raci/strpool.h"

/* The identity of f as one interned string: rule, a unit separator,
 * entity. */
static const char *df_identity(struct raci_strpool *pool, const struct raci_finding *f)
{
    return raci_strpool_printf(pool, "%s\x1f%s", f->rule, f->entity ? f->entity : "");
}

/* Of the findings of from, those beyond the count that other holds of
 * their identity into out (in from's order); the count of the others
 * into *kept. */
static raci_error df_unmatched(struct raci_strpool *pool, const struct raci_findings *from,
                               const struct raci_findings *other, struct raci_selection *out,
                               size_t *kept)
{
    struct raci_map left = {0};
    raci_error err = RACI_OK;

    for (size_t i = 0; i < other->n && !err; i++) {
        const char *k = df_identity(pool, &other->v[i]);
        uint32_t n = k ? raci_map_get(&left, (uintptr_t)k, 0) : 0;
        if (!k || raci_map_put(&left, (uintptr_t)k, 0, n == RACI_MAP_NONE ? 1 : n + 1))
            err = RACI_ERROR_NOMEM;
    }
    *kept = 0;
    for (size_t i = 0; i < from->n && !err; i++) {
        const char *k = df_identity(pool, &from->v[i]);
        uint32_t n = k ? raci_map_get(&left, (uintptr_t)k, 0) : 0;
        if (!k)
            err = RACI_ERROR_NOMEM;
        else if (n != RACI_MAP_NONE && n > 0) {
            (*kept)++;
            /* 0 stays in the map as "none left": val must not be NONE. */
            err = raci_map_put(&left, (uintptr_t)k, 0, n - 1);
        } else
            err = raci_selection_add(out, &from->v[i]);
    }
    raci_map_release(&left);
    return err;
}

raci_error raci_diff_findings_compare(struct raci_diff *d, const struct raci_findings *fb,
                                      const struct raci_findings *fa)
{
    struct raci_strpool *pool = raci_strpool_new();
    size_t kept;
    raci_error err = RACI_ERROR_NOMEM;

    if (pool && !(err = df_unmatched(pool, fa, fb, &d->added, &kept)))
        err = df_unmatched(pool, fb, fa, &d->resolved, &d->persisting);
    raci_strpool_free(pool);
    return err;
}
