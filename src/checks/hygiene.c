/*
 * hygiene.c - the checks of the matrix itself: one A and some R on each
 * task, not too many R's, readable cells, one row per assignment, titles
 * that map to roles, nobody idle. The input as it was read is input.c's.
 */
#include "raci/checks.h"

#include <stdlib.h>
#include <string.h>

#include "raci/letters.h"
#include "raci/view.h"

raci_error raci_hygiene_single_accountable(struct raci_engine *e, const struct raci_check *chk)
{
    const struct raci_roster *r = e->r;
    raci_error err = RACI_OK;

    for (uint32_t t = 0; t < r->ntasks && !err; t++) {
        const struct raci_task *task = &r->tasks[t];
        const char *product = r->products[task->product].name;
        size_t n;
        const uint32_t *h = raci_checks_holders(e, t, RACI_A, &n);
        struct raci_finding *f = NULL;
        char *entity;

        if (n == 1)
            continue;
        if (!(entity = raci_findings_entity_task(r, t)))
            return RACI_ERROR_NOMEM;
        if (n == 0) {
            f = raci_findings_add(e->out, chk->def->id, chk->severity, task->loc, task->product, t,
                                  RACI_NONE, entity,
                                  "task '%s' in product '%s' has no accountable person "
                                  "(expected exactly one A)",
                                  task->name, product);
            err = f ? raci_checks_relate_task(e, f, t) : RACI_ERROR_NOMEM;
        } else {
            struct raci_loc at = r->assigns[h[0]].loc;
            struct raci_str who = RACI_STR_INIT;
            raci_checks_add_holders(e, &who, h, n, at);
            if (!who.failed)
                f = raci_findings_add(e->out, chk->def->id, chk->severity, at, task->product, t,
                                      RACI_NONE, entity,
                                      "task '%s' in product '%s' has %zu accountable people: %s",
                                      task->name, product, n, raci_str_cstr(&who));
            err = f ? raci_checks_relate_assigns(e, f, h, n) : RACI_ERROR_NOMEM;
            raci_str_release(&who);
        }
        free(entity);
    }
    return err;
}

raci_error raci_hygiene_missing_responsible(struct raci_engine *e, const struct raci_check *chk)
{
    const struct raci_roster *r = e->r;
    raci_error err = RACI_OK;

    for (uint32_t t = 0; t < r->ntasks && !err; t++) {
        const struct raci_task *task = &r->tasks[t];
        size_t n;
        raci_checks_holders(e, t, RACI_R, &n);
        if (n > 0)
            continue;
        char *entity = raci_findings_entity_task(r, t);
        struct raci_finding *f =
            entity ? raci_findings_add(e->out, chk->def->id, chk->severity, task->loc,
                                       task->product, t, RACI_NONE, entity,
                                       "task '%s' in product '%s' has nobody responsible "
                                       "(expected at least one R; A/R counts)",
                                       task->name, r->products[task->product].name)
                   : NULL;
        err = f ? raci_checks_relate_task(e, f, t) : RACI_ERROR_NOMEM;
        free(entity);
    }
    return err;
}

raci_error raci_hygiene_too_many_responsible(struct raci_engine *e, const struct raci_check *chk)
{
    const struct raci_roster *r = e->r;
    long max = raci_ruleset_int(chk, "max_responsible");
    raci_error err = RACI_OK;

    for (uint32_t t = 0; t < r->ntasks && !err; t++) {
        const struct raci_task *task = &r->tasks[t];
        size_t n;
        const uint32_t *h = raci_checks_holders(e, t, RACI_R, &n);
        if ((long)n <= max)
            continue;
        char *entity = raci_findings_entity_task(r, t);
        struct raci_loc at = r->assigns[h[0]].loc;
        struct raci_str who = RACI_STR_INIT;
        struct raci_finding *f = NULL;
        raci_checks_add_holders(e, &who, h, n, at);
        if (entity && !who.failed)
            f = raci_findings_add(
                e->out, chk->def->id, chk->severity, at, task->product, t, RACI_NONE, entity,
                "task '%s' in product '%s' has %zu people responsible (more "
                "than %ld): %s; consider splitting it",
                task->name, r->products[task->product].name, n, max, raci_str_cstr(&who));
        err = f ? raci_checks_relate_assigns(e, f, h, n) : RACI_ERROR_NOMEM;
        raci_str_release(&who);
        free(entity);
    }
    return err;
}

raci_error raci_hygiene_unknown_letter(struct raci_engine *e, const struct raci_check *chk)
{
    const struct raci_roster *r = e->r;
    struct raci_str hint = RACI_STR_INIT;
    raci_error err = RACI_OK;

    /* Name the ruleset's aliases, so the message says what would be right. */
    for (size_t i = 0; i < e->rs->naliases; i++) {
        raci_str_add(&hint, i ? ", " : ", or an alias: ");
        raci_str_add(&hint, e->rs->aliases[i].name);
    }
    if (hint.failed)
        err = RACI_ERROR_NOMEM;
    for (size_t i = 0; i < r->nassigns && !err; i++) {
        const struct raci_assign *a = &r->assigns[i];
        if (!(a->flags & RACI_ASSIGN_UNKNOWN))
            continue;
        char *entity = raci_findings_entity_cell(r, a->task, a->person);
        struct raci_finding *f =
            entity ? raci_findings_add(e->out, chk->def->id, chk->severity, a->loc, a->product,
                                       a->task, a->person, entity,
                                       "unknown RACI letter '%s' for %s on task '%s' (expected R, "
                                       "A, C, I, a combination such as A/R, a full word%s)",
                                       a->raw, r->persons[a->person].name, r->tasks[a->task].name,
                                       raci_str_cstr(&hint))
                   : NULL;
        if (!f)
            err = RACI_ERROR_NOMEM;
        free(entity);
    }
    raci_str_release(&hint);
    return err;
}

/* Person's first row a on task t is back at row b: report it at the second
 * row, with the first related, or relate b to the report already made
 * (found, an index into e->out, RACI_NONE while there is none). */
static raci_error report_repeat(struct raci_engine *e, const struct raci_check *chk, uint32_t t,
                                const struct raci_assign *a, const struct raci_assign *b,
                                uint32_t *found)
{
    const struct raci_roster *r = e->r;
    struct raci_finding *f;
    char *entity;

    if (*found != RACI_NONE)
        return raci_findings_relate(&e->out->v[*found], b->loc);
    if (!(entity = raci_findings_entity_cell(r, t, a->person)))
        return RACI_ERROR_NOMEM;
    f = raci_findings_add(
        e->out, chk->def->id, chk->severity, b->loc, a->product, t, a->person, entity,
        "%s is on task '%s' in product '%s' more than once (first at line "
        "%u); keep one row with all their letters",
        r->persons[a->person].name, r->tasks[t].name, r->products[a->product].name, a->row_line);
    free(entity);
    if (!f)
        return RACI_ERROR_NOMEM;
    *found = (uint32_t)(e->out->n - 1);
    return raci_findings_relate(f, a->loc);
}

/* Each person once per task: a person's later rows on a task are reported
 * together, at the second, unless the rows were generated (the ruleset's
 * default RACI is one row per role; a first row generated means the task
 * was). One pass over each task's rows: stamp[p] == t + 1 says person p has
 * been met on task t, at first[p], with report found[p]. */
raci_error raci_hygiene_duplicate_assignment(struct raci_engine *e, const struct raci_check *chk)
{
    const struct raci_roster *r = e->r;
    size_t np = r->npersons ? r->npersons : 1;
    uint32_t *stamp = calloc(np, sizeof(*stamp)), *first = malloc(np * sizeof(*first));
    uint32_t *found = malloc(np * sizeof(*found));
    raci_error err = stamp && first && found ? RACI_OK : RACI_ERROR_NOMEM;

    for (uint32_t t = 0; t < r->ntasks && !err; t++) {
        size_t n;
        const uint32_t *rows = raci_view_task_assigns(r, t, &n);
        for (size_t k = 0; k < n && !err; k++) {
            const struct raci_assign *b = &r->assigns[rows[k]];
            uint32_t p = b->person;
            if (stamp[p] != t + 1) {
                stamp[p] = t + 1;
                first[p] = rows[k];
                found[p] = RACI_NONE;
                continue;
            }
            const struct raci_assign *a = &r->assigns[first[p]];
            if ((a->flags | b->flags) & RACI_ASSIGN_GENERATED)
                continue;
            err = report_repeat(e, chk, t, a, b, &found[p]);
        }
    }
    free(stamp);
    free(first);
    free(found);
    return err;
}

/* "Ana, Bo and Cy" of the holders h[0..n) of a title, but for stand-ins
 * named by it (a chart's column is name and title at once). */
static void add_title_holders(const struct raci_roster *r, struct raci_str *b, const char *title,
                              const uint32_t *h, size_t n)
{
    size_t named = 0, shown = 0;

    for (size_t i = 0; i < n; i++)
        named += raci_str_same_key(r->persons[h[i]].name, title) != 1;
    if (!named)
        return;
    raci_str_addf(b, " (%zu %s: ", named, named == 1 ? "person" : "people");
    for (size_t i = 0; i < n && shown < RACI_CHECKS_MAX_NAMED; i++)
        if (raci_str_same_key(r->persons[h[i]].name, title) != 1)
            raci_str_addf(b, "%s%s", shown++ ? ", " : "", r->persons[h[i]].name);
    if (named > shown)
        raci_str_addf(b, " and %zu more", named - shown);
    raci_str_add(b, ")");
}

/* One finding per distinct title (by matching key), at its first holder's
 * title, naming who holds it: a roster of 33 with 20 titles is 20 lines. */
raci_error raci_hygiene_unknown_title(struct raci_engine *e, const struct raci_check *chk)
{
    const struct raci_roster *r = e->r;
    size_t ng;
    const struct raci_title_group *g = raci_view_unmapped_titles(r, &ng);

    for (size_t k = 0; k < ng; k++) {
        size_t n;
        const uint32_t *h = raci_view_title_holders(r, k, &n);
        struct raci_str who = RACI_STR_INIT, entity = RACI_STR_INIT;
        struct raci_finding *f = NULL;

        add_title_holders(r, &who, g[k].title, h, n);
        raci_str_add(&entity, "title:");
        raci_str_addkey(&entity, g[k].title);
        if (!who.failed && !entity.failed)
            f = raci_findings_add(e->out, chk->def->id, chk->severity,
                                  r->persons[g[k].first].title_locs[g[k].first_title], RACI_NONE,
                                  RACI_NONE, g[k].first, raci_str_cstr(&entity),
                                  "title '%s' maps to no role%s; the role rules leave them out "
                                  "(add the title to a role's titles in the ruleset if it names "
                                  "one)",
                                  g[k].title, raci_str_cstr(&who));
        for (size_t i = 0; f && i < n; i++)
            if (raci_findings_relate(f, raci_roster_title_loc(r, h[i], g[k].title)))
                f = NULL;
        raci_str_release(&who);
        raci_str_release(&entity);
        if (!f)
            return RACI_ERROR_NOMEM;
    }
    return RACI_OK;
}

/* Not for a stand-in (a chart's column left empty is a role the chart
 * gives no part), nor in a file with no letters at all: a roster of titles
 * is no matrix yet. */
raci_error raci_hygiene_idle_person(struct raci_engine *e, const struct raci_check *chk)
{
    const struct raci_roster *r = e->r;
    for (uint32_t i = 0; i < r->npersons; i++) {
        const struct raci_person *p = &r->persons[i];
        const uint32_t *n = raci_view_counts(r, i);
        if (n[0] || n[1] || n[2] || n[3] || raci_checks_stands_for_role(e, i) ||
            !raci_checks_person_lettered(e, i))
            continue;
        char *entity = raci_findings_entity_person(r, i);
        struct raci_finding *f =
            entity ? raci_findings_add(e->out, chk->def->id, chk->severity, p->loc, RACI_NONE,
                                       RACI_NONE, i, entity,
                                       "%s%s%s%s has no R, A, C or I on any task; give them "
                                       "their part or take them off the roster",
                                       p->name, p->ntitles ? " (" : "",
                                       p->ntitles ? p->titles[0] : "", p->ntitles ? ")" : "")
                   : NULL;
        free(entity);
        if (!f)
            return RACI_ERROR_NOMEM;
    }
    return RACI_OK;
}
