/*
 * selection.c - views of a set of findings.
 */
#include "raci/selection.h"

#include <stdlib.h>
#include <string.h>

#include "raci/array.h"

raci_error raci_selection_add(struct raci_selection *view, const struct raci_finding *f)
{
    if (raci_array_grow(&view->v, &view->cap, view->n + 1, sizeof(*view->v)) != RACI_OK)
        return RACI_ERROR_NOMEM;
    view->v[view->n++] = f;
    return RACI_OK;
}

raci_error raci_selection_reported(struct raci_selection *view, const struct raci_findings *fs)
{
    memset(view, 0, sizeof(*view));
    /* Room for all at once: one allocation, whatever is known. */
    if (fs->n && raci_array_grow(&view->v, &view->cap, fs->n, sizeof(*view->v)) != RACI_OK)
        return RACI_ERROR_NOMEM;
    for (size_t i = 0; i < fs->n; i++)
        if (!fs->v[i].known)
            view->v[view->n++] = &fs->v[i];
    return RACI_OK;
}

size_t raci_selection_count(const struct raci_selection *view, enum raci_severity s)
{
    size_t n = 0;
    for (size_t i = 0; i < view->n; i++)
        n += view->v[i]->severity == s;
    return n;
}

void raci_selection_release(struct raci_selection *view)
{
    if (!view)
        return;
    free(view->v);
    memset(view, 0, sizeof(*view));
}
