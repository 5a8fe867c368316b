/*
 * diff_shape.c - the organisation's shape on one side of a diff: spans of
 * control, reporting depth, people per product (diff.h).
 */
#include "raci/diff.h"

#include <stdlib.h>

#include "raci/view.h"

static int shape_cmp_u32(const void *x, const void *y)
{
    uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
    return a < b ? -1 : a > b;
}

/* Minimum, median and maximum of v[0..n) (sorted here); all 0 when n is 0. */
static void shape_stats(uint32_t *v, size_t n, uint32_t *min, double *median, uint32_t *max)
{
    *min = *max = 0;
    *median = 0;
    if (!n)
        return;
    qsort(v, n, sizeof(*v), shape_cmp_u32);
    *min = v[0];
    *max = v[n - 1];
    *median = n % 2 ? v[n / 2] : ((double)v[n / 2 - 1] + (double)v[n / 2]) / 2.0;
}

/* Direct reports of each manager (the roster's view of them, view.h):
 * managers, their spans, those over the limit. */
static raci_error shape_spans(struct raci_diff_shape *s, const struct raci_roster *r)
{
    size_t np = r->npersons;
    uint32_t *count = calloc(np ? np : 1, sizeof(*count));
    size_t n = 0;

    if (!count)
        return RACI_ERROR_NOMEM;
    for (uint32_t i = 0; i < np; i++) {
        size_t reports = 0;
        raci_view_reports(r, i, &reports);
        if (reports) {
            s->over_span += s->span_limit >= 0 && (long)reports > s->span_limit;
            count[n++] = (uint32_t)reports;
        }
    }
    s->managers = (uint32_t)n;
    shape_stats(count, n, &s->span_min, &s->span_median, &s->span_max);
    free(count);
    return RACI_OK;
}

/* The longest reporting line, in levels: each person's level is found
 * once, walking up to a person whose level is known (a stack, not
 * recursion); a loop is cut where it closes, its first person counted as a
 * top. */
static raci_error shape_depth(struct raci_diff_shape *s, const struct raci_roster *r)
{
    size_t np = r->npersons;
    uint32_t *level = calloc(np ? np : 1, sizeof(*level));
    uint32_t *stack = malloc((np ? np : 1) * sizeof(*stack));
    unsigned char *on = calloc(np ? np : 1, 1);

    if (!level || !stack || !on) {
        free(level);
        free(stack);
        free(on);
        return RACI_ERROR_NOMEM;
    }
    for (uint32_t i = 0; i < np; i++) {
        size_t n = 0;
        uint32_t p = i, top = 0;
        while (p != RACI_NONE && !level[p] && !on[p]) {
            on[p] = 1;
            stack[n++] = p;
            p = r->persons[p].manager_idx == p ? RACI_NONE : r->persons[p].manager_idx;
        }
        if (p != RACI_NONE && level[p])
            top = level[p];
        while (n) {
            uint32_t q = stack[--n];
            level[q] = ++top;
            on[q] = 0;
            if (level[q] > s->depth)
                s->depth = level[q];
        }
    }
    free(level);
    free(stack);
    free(on);
    return RACI_OK;
}

raci_error raci_diff_shape_compute(struct raci_diff_shape *s, const struct raci_roster *r,
                                   const struct raci_ruleset *rs)
{
    const struct raci_check *soc = rs ? raci_ruleset_check(rs, "span-of-control") : NULL;
    uint32_t *team;
    raci_error err;

    *s = (struct raci_diff_shape){0};
    s->people = (uint32_t)r->npersons;
    s->products = (uint32_t)r->nproducts;
    s->tasks = (uint32_t)r->ntasks;
    s->span_limit = raci_ruleset_int(soc, "max_reports");
    if ((err = shape_spans(s, r)) || (err = shape_depth(s, r)))
        return err;
    if (!(team = malloc((r->nproducts ? r->nproducts : 1) * sizeof(*team))))
        return RACI_ERROR_NOMEM;
    for (uint32_t p = 0; p < r->nproducts; p++)
        team[p] = (uint32_t)raci_view_team_size(r, p);
    shape_stats(team, r->nproducts, &s->team_min, &s->team_median, &s->team_max);
    free(team);
    return RACI_OK;
}
