/*
 * org.c - the org-chart rules: reporting lines, as reports_to gives them
 * (resolved to people by raci_roster_finish: manager_idx).
 *
 * Direct reports, layers and loops are the roster's view of its reporting
 * lines (view.h), built once by raci_roster_finish, so every rule is linear
 * in the people of the roster.
 */
#include "raci/checks.h"

#include <stdlib.h>
#include <string.h>

#include "raci/view.h"

raci_error raci_org_unknown_manager(struct raci_engine *e, const struct raci_check *chk)
{
    const struct raci_roster *r = e->r;
    for (uint32_t i = 0; i < r->npersons; i++) {
        const struct raci_person *p = &r->persons[i];
        if (!*p->manager || p->manager_idx != RACI_NONE)
            continue;
        char *entity = raci_findings_entity_person(r, i);
        struct raci_finding *f =
            entity ? raci_findings_add(e->out, chk->def->id, chk->severity, p->manager_loc,
                                       RACI_NONE, RACI_NONE, i, entity,
                                       "%s reports to '%s', who is not on the roster (expected "
                                       "the name or id of a person listed)",
                                       p->name, p->manager)
                   : NULL;
        free(entity);
        if (!f)
            return RACI_ERROR_NOMEM;
    }
    return RACI_OK;
}

/* Whether person a sorts before person b: by normalised name, then id. */
static int person_before(const struct raci_roster *r, uint32_t a, uint32_t b)
{
    char *ka = raci_str_key(r->persons[a].name), *kb = raci_str_key(r->persons[b].name);
    /* Out of memory only changes which person the loop is named from. */
    int cmp = ka && kb ? strcmp(ka, kb) : 0;
    free(ka);
    free(kb);
    if (!cmp)
        cmp = strcmp(r->persons[a].id, r->persons[b].id);
    return cmp < 0;
}

/* Report the reporting loop through person p, named from its member whose
 * name sorts first, so that the finding is the same whatever the order of
 * the rows; every reports_to cell of the loop is related. */
static raci_error report_loop(struct raci_engine *e, const struct raci_check *chk, uint32_t p)
{
    const struct raci_roster *r = e->r;
    struct raci_str who = RACI_STR_INIT;
    uint32_t first = p, q;
    struct raci_finding *f = NULL;
    raci_error err = RACI_OK;

    for (q = r->persons[p].manager_idx; q != p; q = r->persons[q].manager_idx)
        if (person_before(r, q, first))
            first = q;
    q = first;
    do {
        raci_str_addf(&who, "%s -> ", r->persons[q].name);
        q = r->persons[q].manager_idx;
    } while (q != first);
    char *entity = raci_findings_entity_person(r, first);
    if (entity && !who.failed)
        f = raci_findings_add(e->out, chk->def->id, chk->severity, r->persons[first].manager_loc,
                              RACI_NONE, RACI_NONE, first, entity,
                              "reporting loop: %s%s; following reports_to must reach "
                              "the top of the organisation",
                              raci_str_cstr(&who), r->persons[first].name);
    q = first;
    do {
        if (!f || raci_findings_relate(f, r->persons[q].manager_loc))
            err = RACI_ERROR_NOMEM;
        q = r->persons[q].manager_idx;
    } while (q != first && !err);
    raci_str_release(&who);
    free(entity);
    return err;
}

raci_error raci_org_reporting_cycle(struct raci_engine *e, const struct raci_check *chk)
{
    const struct raci_roster *r = e->r;
    /* The view knows who is on a loop; each loop is reported from the
     * first of its people met, the rest marked done. A loop of one, a
     * person who reports to themselves, is self-manager's: the fix is not
     * to break a loop. */
    uint8_t *done = calloc(r->npersons ? r->npersons : 1, 1);
    raci_error err = done ? RACI_OK : RACI_ERROR_NOMEM;

    for (uint32_t p = 0; p < r->npersons && !err; p++) {
        if (!raci_view_in_loop(r, p) || done[p])
            continue;
        err = report_loop(e, chk, p);
        for (uint32_t q = p; !done[q]; q = r->persons[q].manager_idx)
            done[q] = 1;
    }
    free(done);
    return err;
}

raci_error raci_org_self_manager(struct raci_engine *e, const struct raci_check *chk)
{
    const struct raci_roster *r = e->r;
    for (uint32_t i = 0; i < r->npersons; i++) {
        const struct raci_person *p = &r->persons[i];
        if (p->manager_idx != i)
            continue;
        char *entity = raci_findings_entity_person(r, i);
        struct raci_finding *f =
            entity ? raci_findings_add(e->out, chk->def->id, chk->severity, p->manager_loc,
                                       RACI_NONE, RACI_NONE, i, entity,
                                       "%s reports to themselves (expected the name or id of "
                                       "their manager, or an empty reports_to at the top of the "
                                       "organisation)",
                                       p->name)
                   : NULL;
        free(entity);
        if (!f)
            return RACI_ERROR_NOMEM;
    }
    return RACI_OK;
}

/* A manager's direct reports are the view's (raci_view_reports): each
 * report's reports_to cell is related. */
raci_error raci_org_span_of_control(struct raci_engine *e, const struct raci_check *chk)
{
    const struct raci_roster *r = e->r;
    long max = raci_ruleset_int(chk, "max_reports");
    raci_error err = RACI_OK;

    for (uint32_t m = 0; m < r->npersons && !err; m++) {
        size_t n;
        const uint32_t *rep = raci_view_reports(r, m, &n);
        if ((long)n <= max)
            continue;
        char *entity = raci_findings_entity_person(r, m);
        struct raci_finding *f =
            entity ? raci_findings_add(e->out, chk->def->id, chk->severity, r->persons[m].loc,
                                       RACI_NONE, RACI_NONE, m, entity,
                                       "%s has %zu direct reports (more than %ld); Larson's An "
                                       "Elegant Puzzle puts a healthy span at six to eight",
                                       r->persons[m].name, n, max)
                   : NULL;
        free(entity);
        err = f ? RACI_OK : RACI_ERROR_NOMEM;
        for (size_t k = 0; k < n && !err; k++)
            err = raci_findings_relate(f, r->persons[rep[k]].manager_loc);
    }
    return err;
}

/* A person is flagged on the first layer past max_depth only: those below
 * them are deeper still, and one finding per branch says where to cut. */
raci_error raci_org_reporting_depth(struct raci_engine *e, const struct raci_check *chk)
{
    const struct raci_roster *r = e->r;
    long max = raci_ruleset_int(chk, "max_depth");
    raci_error err = RACI_OK;

    /* Layer 0, in or under a loop, has no top to count from. */
    for (uint32_t i = 0; i < r->npersons && !err; i++) {
        uint32_t layer = raci_view_layer(r, i);
        if (!layer || (long)layer != max + 1)
            continue;
        uint32_t top = i;
        while (r->persons[top].manager_idx != RACI_NONE && r->persons[top].manager_idx != top)
            top = r->persons[top].manager_idx;
        char *entity = raci_findings_entity_person(r, i);
        struct raci_finding *f =
            entity ? raci_findings_add(e->out, chk->def->id, chk->severity, r->persons[i].loc,
                                       RACI_NONE, RACI_NONE, i, entity,
                                       "%s is on layer %u below the top of the organisation "
                                       "(%s), more than %ld; everyone under %s is deeper still",
                                       r->persons[i].name, layer, r->persons[top].name, max,
                                       r->persons[i].name)
                   : NULL;
        free(entity);
        if (!f || raci_findings_relate(f, r->persons[i].manager_loc))
            err = RACI_ERROR_NOMEM;
    }
    return err;
}

raci_error raci_org_single_report_manager(struct raci_engine *e, const struct raci_check *chk)
{
    const struct raci_roster *r = e->r;
    raci_error err = RACI_OK;

    /* A loop, and what hangs under it (layer 0), is reporting-cycle's: in
     * a loop of two each manages the other, and that is not the problem to
     * fix. */
    for (uint32_t m = 0; m < r->npersons && !err; m++) {
        size_t n;
        const uint32_t *rep = raci_view_reports(r, m, &n);
        if (n != 1 || !raci_view_layer(r, m))
            continue;
        char *entity = raci_findings_entity_person(r, m);
        struct raci_finding *f =
            entity ? raci_findings_add(e->out, chk->def->id, chk->severity, r->persons[m].loc,
                                       RACI_NONE, RACI_NONE, m, entity,
                                       "%s has exactly one direct report, %s; a manager of one "
                                       "is a layer that could be merged with the next",
                                       r->persons[m].name, r->persons[rep[0]].name)
                   : NULL;
        free(entity);
        if (!f || raci_findings_relate(f, r->persons[rep[0]].manager_loc))
            err = RACI_ERROR_NOMEM;
    }
    return err;
}

/* Whether person i is part of the organisation that reports_to draws: not a
 * column standing for a role, listed by the people roster when one is
 * given (listed != 0), and from a file where someone has a reports_to (one
 * of the nfiles in files[]: a roster without the column is no org chart,
 * even audited beside one that has it). Files are few: the inputs. */
static int in_org(const struct raci_engine *e, uint32_t i, int listed, const char **files,
                  size_t nfiles)
{
    if (raci_checks_stands_for_role(e, i) ||
        (listed && !(e->r->persons[i].flags & RACI_PERSON_LISTED)))
        return 0;
    for (size_t k = 0; k < nfiles; k++)
        if (files[k] == e->r->persons[i].loc.file)
            return 1;
    return 0;
}

/* The files (interned) of the people who have a reports_to, each once, in
 * a new array; *n gets their count. NULL when out of memory. */
static const char **org_files(const struct raci_roster *r, size_t *n)
{
    const char **files = malloc((r->npersons ? r->npersons : 1) * sizeof(*files));
    *n = 0;
    for (uint32_t i = 0; files && i < r->npersons; i++) {
        const char *f = r->persons[i].loc.file;
        size_t k = 0;
        if (!*r->persons[i].manager)
            continue;
        while (k < *n && files[k] != f)
            k++;
        if (k == *n)
            files[(*n)++] = f;
    }
    return files;
}

raci_error raci_org_multiple_roots(struct raci_engine *e, const struct raci_check *chk)
{
    const struct raci_roster *r = e->r;
    uint32_t tops = 0, lines = 0, first = RACI_NONE;
    int listed = 0;
    size_t nfiles;
    const char **files = org_files(r, &nfiles);
    raci_error err = files ? RACI_OK : RACI_ERROR_NOMEM;

    for (uint32_t i = 0; i < r->npersons; i++)
        listed |= (r->persons[i].flags & RACI_PERSON_LISTED) != 0;
    for (uint32_t i = 0; i < r->npersons; i++) {
        if (!files || !in_org(e, i, listed, files, nfiles))
            continue;
        if (*r->persons[i].manager)
            lines++;
        else if (tops++ == 0)
            first = i;
    }
    if (tops < 2 || !lines) {
        free(files);
        return err;
    }
    for (uint32_t i = 0; i < r->npersons && !err; i++) {
        if (!in_org(e, i, listed, files, nfiles) || *r->persons[i].manager)
            continue;
        char *entity = raci_findings_entity_person(r, i);
        struct raci_finding *f =
            entity ? raci_findings_add(e->out, chk->def->id, chk->severity, r->persons[i].loc,
                                       RACI_NONE, RACI_NONE, i, entity,
                                       "%s has no reports_to, one of %u people at the top of "
                                       "an organisation where %u have a manager (expected "
                                       "one top, or a manager for %s)",
                                       r->persons[i].name, tops, lines, r->persons[i].name)
                   : NULL;
        free(entity);
        if (!f || (i != first && raci_findings_relate(f, r->persons[first].loc)))
            err = RACI_ERROR_NOMEM;
    }
    free(files);
    return err;
}
