/*
 * diff_people.c - what a person's titles are on each side of a diff, as
 * sets of matching keys (diff.h).
 */
#include "raci/diff.h"

#include <stdlib.h>

#include "raci/strpool.h"

static int dp_cmp_ptr(const void *x, const void *y)
{
    uintptr_t a = (uintptr_t) * (const void *const *)x, b = (uintptr_t) * (const void *const *)y;
    return a < b ? -1 : a > b;
}

/* The sorted keys of p's titles into v (room for p->ntitles). */
static int dp_title_keys(struct raci_strpool *pool, const struct raci_person *p, const void **v)
{
    for (uint32_t i = 0; i < p->ntitles; i++)
        if (!(v[i] = raci_strpool_key(pool, p->titles[i])))
            return -1;
    if (p->ntitles)
        qsort(v, p->ntitles, sizeof(*v), dp_cmp_ptr);
    return 0;
}

int raci_diff_people_titles_differ(struct raci_strpool *pool, const struct raci_person *a,
                                   const struct raci_person *b)
{
    const void **va = malloc((a->ntitles + b->ntitles + 1) * sizeof(*va)), **vb;
    int differ;

    if (!va)
        return -1;
    vb = va + a->ntitles;
    if (dp_title_keys(pool, a, va) || dp_title_keys(pool, b, vb)) {
        free(va);
        return -1;
    }
    /* Repeated keys ("PO" and "po") count once: compare the distinct ones. */
    size_t i = 0, j = 0;
    differ = 0;
    while (!differ && (i < a->ntitles || j < b->ntitles)) {
        if (i >= a->ntitles || j >= b->ntitles || va[i] != vb[j]) {
            differ = 1;
            break;
        }
        const void *k = va[i];
        while (i < a->ntitles && va[i] == k)
            i++;
        while (j < b->ntitles && vb[j] == k)
            j++;
    }
    free(va);
    return differ;
}
