/*
 * load.c - the load rules: how much one person carries, counted over the
 * (task, person) pairs of the roster's views, so that a person with several
 * rows on one task counts once there. A "person" who stands for a role (a
 * chart's column: "Customer" may be a whole organisation) carries what many
 * do, so these rules do not run on them.
 */
#include "raci/checks.h"

#include <stdlib.h>

#include "raci/letters.h"
#include "raci/view.h"

/* The letter counts' index of A (view.h: R, A, C, I). */
#define COUNT_A 1

raci_error raci_load_accountability_overload(struct raci_engine *e, const struct raci_check *chk)
{
    const struct raci_roster *r = e->r;
    long max = raci_ruleset_int(chk, "max_accountable");

    for (uint32_t i = 0; i < r->npersons; i++) {
        uint32_t n = raci_view_counts(r, i)[COUNT_A];
        if ((long)n <= max || raci_checks_stands_for_role(e, i))
            continue;
        char *entity = raci_findings_entity_person(r, i);
        struct raci_finding *f =
            entity ? raci_findings_add(e->out, chk->def->id, chk->severity, r->persons[i].loc,
                                       RACI_NONE, RACI_NONE, i, entity,
                                       "%s is accountable for %u tasks (more than %ld); combined "
                                       "roles risk burnout: hand some A's to the roles the "
                                       "documents give them",
                                       r->persons[i].name, n, max)
                   : NULL;
        free(entity);
        if (!f)
            return RACI_ERROR_NOMEM;
    }
    return RACI_OK;
}

/* The person who is both the one A and the only R of task t, or RACI_NONE. */
static uint32_t sole_owner(const struct raci_roster *r, uint32_t t)
{
    size_t n, na = 0, nr = 0;
    const struct raci_pair *p = raci_view_task_pairs(r, t, &n);
    uint32_t a = RACI_NONE, resp = RACI_NONE;

    for (size_t i = 0; i < n; i++) {
        if (p[i].letters & RACI_A) {
            na++;
            a = p[i].person;
        }
        if (p[i].letters & RACI_R) {
            nr++;
            resp = p[i].person;
        }
    }
    return na == 1 && nr == 1 && a == resp ? a : RACI_NONE;
}

raci_error raci_load_single_point_of_failure(struct raci_engine *e, const struct raci_check *chk)
{
    const struct raci_roster *r = e->r;
    long max = raci_ruleset_int(chk, "max_sole");
    uint32_t *count = calloc(r->npersons ? r->npersons : 1, sizeof(*count));
    raci_error err = RACI_OK;

    if (!count)
        return RACI_ERROR_NOMEM;
    for (uint32_t t = 0; t < r->ntasks; t++) {
        uint32_t p = sole_owner(r, t);
        if (p != RACI_NONE)
            count[p]++;
    }
    for (uint32_t i = 0; i < r->npersons && !err; i++) {
        if ((long)count[i] <= max || raci_checks_stands_for_role(e, i))
            continue;
        char *entity = raci_findings_entity_person(r, i);
        struct raci_finding *f =
            entity ? raci_findings_add(e->out, chk->def->id, chk->severity, r->persons[i].loc,
                                       RACI_NONE, RACI_NONE, i, entity,
                                       "%s is both the accountable and the only responsible "
                                       "person on %u tasks (more than %ld); work stops when they "
                                       "are away: add a second R",
                                       r->persons[i].name, count[i], max)
                   : NULL;
        free(entity);
        if (!f)
            err = RACI_ERROR_NOMEM;
    }
    free(count);
    return err;
}
