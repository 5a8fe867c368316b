/*
 * worst.c - the products of a large roster, worst first.
 */
#include "raci/worst.h"

#include <stdlib.h>
#include <string.h>

/* Worst first: most errors, warnings, infos; then by name, then in roster
 * order. */
static int worst_cmp(const void *a, const void *b)
{
    const struct raci_worst *x = a, *y = b;
    int c;

    for (int s = RACI_SEV_ERROR; s >= RACI_SEV_INFO; s--)
        if (x->findings[s] != y->findings[s])
            return x->findings[s] > y->findings[s] ? -1 : 1;
    if ((c = strcmp(x->name, y->name)) != 0)
        return c;
    return x->p < y->p ? -1 : x->p > y->p;
}

void raci_worst_sort(struct raci_worst *v, size_t n)
{
    if (n > 1)
        qsort(v, n, sizeof(*v), worst_cmp);
}
