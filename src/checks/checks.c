/*
 * checks.c - the rules engine: runs the checks of rules.def over a finished
 * roster, applies the waivers, and holds what several families of checks
 * share (the holders of a letter on a task, a message's list of people, the
 * rows a finding relates, roles by id).
 *
 * A check reports once per entity (a task, a product, a person, a row or a
 * cell), points at the most telling row and relates every other row
 * involved. The checks live in one module per family (hygiene.c, roles.c,
 * load.c, org.c, waivers.c); this file only knows them through the registry
 * (rules.c), whose rows give each one's id, severity, scope and parameters.
 *
 * After the checks, the ruleset's waivers are applied: a finding a waiver in
 * force matches is dropped, and the waivers themselves are judged (expired,
 * or matching nothing) as findings located in the ruleset file.
 */
#include "raci/checks.h"

#include <stdlib.h>
#include <string.h>

#include "raci/date.h"
#include "raci/letters.h"
#include "raci/str.h"
#include "raci/view.h"

/* ------------------------------------------------- for the checks -- */

static int cmp_index(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* A pair's first_of[] is the first row of its person that gives each
 * letter. Pairs are in the order of each person's first row on the task,
 * which need not be the order of the rows that give this letter, so the list
 * is sorted when it is not in order already (it is short). */
const uint32_t *raci_checks_holders(struct raci_engine *e, uint32_t t, unsigned letter, size_t *n)
{
    size_t np, k = 0;
    const struct raci_pair *p = raci_view_task_pairs(e->r, t, &np);
    int bit = 0, sorted = 1;

    while (bit < 3 && !(letter & (1u << bit)))
        bit++;
    for (size_t i = 0; i < np; i++) {
        uint32_t first = p[i].first_of[bit];
        if (first == UINT32_MAX)
            continue;
        if (k && e->held[k - 1] > first)
            sorted = 0;
        e->held[k++] = first;
    }
    if (!sorted)
        qsort(e->held, k, sizeof(*e->held), cmp_index);
    *n = k;
    return e->held;
}

raci_error raci_checks_relate_assigns(const struct raci_engine *e, struct raci_finding *f,
                                      const uint32_t *a, size_t n)
{
    raci_error err = RACI_OK;
    for (size_t i = 0; i < n && !err; i++)
        err = raci_finding_relate(f, e->r->assigns[a[i]].loc);
    return err;
}

raci_error raci_checks_relate_task(const struct raci_engine *e, struct raci_finding *f, uint32_t t)
{
    size_t n;
    const uint32_t *rows = raci_view_task_assigns(e->r, t, &n);
    return raci_checks_relate_assigns(e, f, rows, n);
}

void raci_checks_add_who(struct raci_str *b, const char *name, struct raci_loc at,
                         struct raci_loc self)
{
    if (b->len)
        raci_str_add(b, ", ");
    if (at.file == self.file)
        raci_str_addf(b, "%s (line %u)", name, at.line);
    else
        raci_str_addf(b, "%s (%s:%u)", name, at.file ? at.file : "generated", at.line);
}

void raci_checks_add_holders(const struct raci_engine *e, struct raci_str *b, const uint32_t *a,
                             size_t n, struct raci_loc self)
{
    for (size_t i = 0; i < n && i < RACI_CHECKS_MAX_NAMED; i++) {
        const struct raci_assign *as = &e->r->assigns[a[i]];
        raci_checks_add_who(b, e->r->persons[as->person].name, as->loc, self);
    }
    if (n > RACI_CHECKS_MAX_NAMED)
        raci_str_addf(b, " and %zu more", n - (size_t)RACI_CHECKS_MAX_NAMED);
}

uint64_t raci_checks_role_bit(const struct raci_engine *e, const char *id)
{
    int i = raci_ruleset_role(e->rs, id);
    return i < 0 || i >= 64 ? 0 : (uint64_t)1 << i;
}

const char *raci_checks_role_name(const struct raci_engine *e, const char *id)
{
    int i = raci_ruleset_role(e->rs, id);
    return i < 0 ? id : e->rs->roles[i].name;
}

int raci_checks_has_role(const struct raci_engine *e, uint32_t person, uint64_t bit)
{
    return bit && (e->r->persons[person].roles & bit);
}

/* ------------------------------------------------------------ waivers -- */

/* Does name equal want, both as matching keys? -1 when out of memory. */
static int same_name(const char *name, const char *want)
{
    return raci_str_same_key(name, want);
}

/* Does waiver w cover finding f: the same rule, and each subject it gives
 * equal to the finding's? A task is compared as a ruleset task when the
 * waiver's name is one (so an alias names it too), else by name; a person by
 * name or by id. 1 yes, 0 no, -1 out of memory. */
static int waiver_covers(const struct raci_engine *c, const struct raci_waiver *w,
                         const struct raci_finding *f)
{
    int m = 1;

    if (strcmp(f->rule, w->rule->id) != 0)
        return 0;
    if (w->product)
        m = f->product == RACI_NONE ? 0 : same_name(c->r->products[f->product].name, w->product);
    if (m == 1 && w->task) {
        int def = raci_ruleset_find_task(c->rs, w->task);
        if (f->task == RACI_NONE)
            m = 0;
        else if (def >= 0)
            m = c->r->tasks[f->task].def == def;
        else
            m = same_name(c->r->tasks[f->task].name, w->task);
    }
    if (m == 1 && w->person) {
        const struct raci_person *p = f->person == RACI_NONE ? NULL : &c->r->persons[f->person];
        m = p ? same_name(p->name, w->person) : 0;
        if (m == 0 && p && *p->id)
            m = same_name(p->id, w->person);
    }
    return m;
}

/* "product 'Insights', task 'Roadmap'": what a waiver is about. */
static char *waiver_subject(const struct raci_waiver *w)
{
    return raci_str_printf("%s%s%s%s%s%s%s%s%s", w->product ? "product '" : "",
                           w->product ? w->product : "", w->product ? "'" : "",
                           w->task ? (w->product ? ", task '" : "task '") : "",
                           w->task ? w->task : "", w->task ? "'" : "",
                           w->person ? (w->product || w->task ? ", person '" : "person '") : "",
                           w->person ? w->person : "", w->person ? "'" : "");
}

/* Free what a finding owns. (raci_findings_release does the same for all of
 * them; the engine drops single findings only here, when a waiver covers
 * them.) */
static void drop_finding(struct raci_finding *f)
{
    free(f->message);
    free(f->related);
    free(f->entity);
}

/* A finding about waiver w, at its entry in the ruleset file. The location's
 * file is the waiver's own string, owned by the ruleset. */
static struct raci_finding *waiver_finding(struct raci_engine *c, const struct raci_check *chk,
                                           const struct raci_waiver *w, const char *message)
{
    struct raci_loc at = {w->file, w->line, w->col};
    char *entity = raci_findings_entity_waiver(w);
    struct raci_finding *f =
        entity ? raci_findings_add(c->out, chk->def->id, chk->severity, at, RACI_NONE, RACI_NONE,
                                   RACI_NONE, entity, "%s", message)
               : NULL;
    free(entity);
    return f;
}

/* Report waiver w, which has expired: the findings it covered (hits of
 * them) are back, and related to it. */
static raci_error report_expired(struct raci_engine *c, const struct raci_check *chk,
                                 const struct raci_waiver *w, size_t hits, size_t first)
{
    char *subject = waiver_subject(w), *msg = NULL;
    struct raci_finding *f = NULL;
    raci_error err = RACI_OK;

    if (subject)
        msg = raci_str_printf(
            "waiver of '%s' for %s expired on %s (reason: %s); %s", w->rule->id, subject,
            w->expires, w->reason,
            hits == 0   ? "it covers no finding now: remove it"
            : hits == 1 ? "the finding it covered is reported again: fix it, or renew the "
                          "waiver with a new date"
                        : "the findings it covered are reported again: fix them, or renew the "
                          "waiver with a new date");
    if (msg)
        f = waiver_finding(c, chk, w, msg);
    free(subject);
    free(msg);
    if (!f)
        return RACI_ERROR_NOMEM;
    /* The rows of the findings that are back. (f was appended last, so the
     * findings before it stay where they are.) */
    for (size_t i = first; i + 1 < c->out->n && !err; i++) {
        const struct raci_finding *g = &c->out->v[i];
        int m = waiver_covers(c, w, g);
        if (m < 0)
            err = RACI_ERROR_NOMEM;
        else if (m && g->loc.file)
            err = raci_finding_relate(&c->out->v[c->out->n - 1], g->loc);
    }
    return err;
}

/* The first subject field of w that names nothing on the roster ("product",
 * "task" or "person"), NULL when all are there; *err set when out of
 * memory. A waiver that names someone absent is often a typo. */
static const char *absent_subject(const struct raci_engine *c, const struct raci_waiver *w,
                                  raci_error *err)
{
    const struct raci_roster *r = c->r;
    int found = 0, m;

    if (w->product) {
        for (size_t i = 0; i < r->nproducts && !found; i++)
            if ((m = same_name(r->products[i].name, w->product)) < 0)
                *err = RACI_ERROR_NOMEM;
            else
                found = m;
        if (!found)
            return "product";
    }
    if (w->task) {
        int def = raci_ruleset_find_task(c->rs, w->task);
        found = 0;
        for (size_t i = 0; i < r->ntasks && !found; i++)
            if (def >= 0)
                found = r->tasks[i].def == def;
            else if ((m = same_name(r->tasks[i].name, w->task)) < 0)
                *err = RACI_ERROR_NOMEM;
            else
                found = m;
        if (!found)
            return "task";
    }
    if (w->person) {
        found = 0;
        for (size_t i = 0; i < r->npersons && !found; i++) {
            const struct raci_person *p = &r->persons[i];
            if ((m = same_name(p->name, w->person)) == 0 && *p->id)
                m = same_name(p->id, w->person);
            if (m < 0)
                *err = RACI_ERROR_NOMEM;
            else
                found = m;
        }
        if (!found)
            return "person";
    }
    return NULL;
}

static raci_error report_unused(struct raci_engine *c, const struct raci_check *chk,
                                const struct raci_waiver *w)
{
    const struct raci_check *waived = raci_ruleset_check(c->rs, w->rule->id);
    int off = !waived || waived->severity == RACI_SEV_OFF;
    char *subject = waiver_subject(w), *msg = NULL;
    struct raci_finding *f = NULL;
    raci_error err = RACI_OK;
    const char *absent = absent_subject(c, w, &err);

    if (err) {
        free(subject);
        return err;
    }
    if (subject && off)
        msg = raci_str_printf("waiver of '%s' for %s (until %s) has nothing to cover: '%s' is off "
                              "in this ruleset; remove the waiver",
                              w->rule->id, subject, w->expires, w->rule->id);
    else if (subject && absent)
        msg = raci_str_printf("waiver of '%s' for %s (until %s) matches no finding: there is no %s "
                              "'%s' on the roster; correct the name, or remove the waiver",
                              w->rule->id, subject, w->expires, absent,
                              !strcmp(absent, "product") ? w->product
                              : !strcmp(absent, "task")  ? w->task
                                                         : w->person);
    else if (subject)
        msg = raci_str_printf("waiver of '%s' for %s (until %s) matches no finding: the problem it "
                              "covered is gone; remove the waiver",
                              w->rule->id, subject, w->expires);
    if (msg)
        f = waiver_finding(c, chk, w, msg);
    free(subject);
    free(msg);
    return f ? RACI_OK : RACI_ERROR_NOMEM;
}

/* Today as YYYY-MM-DD: the ruleset's (RACI_TODAY or its load date), else
 * the local date now; "" when even the clock fails (no waiver then
 * expires). */
static void today_of(const struct raci_ruleset *rs, char out[11])
{
    if (rs->today[0])
        memcpy(out, rs->today, 11);
    else
        raci_date_today(out);
}

/*
 * Apply the ruleset's waivers to this run's findings: drop each finding a
 * waiver in force covers, and count for each waiver the findings it covers
 * (an expired one counts what it would cover), for the waiver checks.
 */
static raci_error apply_waivers(struct raci_engine *e)
{
    const struct raci_ruleset *rs = e->rs;
    struct raci_findings *out = e->out;
    size_t kept = e->first;
    raci_error err = RACI_OK;

    today_of(rs, e->today);
    if (!rs->nwaivers)
        return RACI_OK;
    if (!(e->waiver_hits = calloc(rs->nwaivers, sizeof(*e->waiver_hits))))
        return RACI_ERROR_NOMEM;
    for (size_t i = e->first; i < out->n; i++) {
        struct raci_finding *f = &out->v[i];
        int covered = 0;
        /* Every waiver that covers f counts it, so that none of them is
         * reported unused. */
        for (size_t k = 0; k < rs->nwaivers && !err; k++) {
            int m = waiver_covers(e, &rs->waivers[k], f);
            if (m < 0)
                err = RACI_ERROR_NOMEM;
            if (m > 0) {
                e->waiver_hits[k]++;
                covered |= strcmp(rs->waivers[k].expires, e->today) >= 0;
            }
        }
        if (covered && !err)
            drop_finding(f);
        else
            out->v[kept++] = *f;
    }
    out->n = kept;
    return err;
}

/* Each waiver past its expiry date: the findings it covered are back. */
raci_error raci_waivers_expired(struct raci_engine *e, const struct raci_check *chk)
{
    raci_error err = RACI_OK;

    for (size_t k = 0; k < e->rs->nwaivers && !err; k++)
        if (strcmp(e->rs->waivers[k].expires, e->today) < 0)
            err = report_expired(e, chk, &e->rs->waivers[k], e->waiver_hits[k], e->first);
    return err;
}

/* Each waiver in force that covered nothing. */
raci_error raci_waivers_unused(struct raci_engine *e, const struct raci_check *chk)
{
    raci_error err = RACI_OK;

    for (size_t k = 0; k < e->rs->nwaivers && !err; k++)
        if (strcmp(e->rs->waivers[k].expires, e->today) >= 0 && !e->waiver_hits[k])
            err = report_unused(e, chk, &e->rs->waivers[k]);
    return err;
}

/* ------------------------------------------------------------- engine -- */

static raci_error run_scope(struct raci_engine *e, int waivers)
{
    size_t n;
    const struct raci_rule_def *all = raci_rules_all(&n);
    raci_error err = RACI_OK;

    for (size_t i = 0; i < n && !err; i++) {
        const struct raci_check *chk = raci_ruleset_check(e->rs, all[i].id);
        if ((all[i].scope == RACI_SCOPE_WAIVER) != waivers || !chk || chk->severity == RACI_SEV_OFF)
            continue;
        err = all[i].check(e, chk);
    }
    return err;
}

/* Room for the holders of the task with the most people. */
static uint32_t *alloc_held(const struct raci_roster *r)
{
    size_t most = 1, n;
    for (uint32_t t = 0; t < r->ntasks; t++)
        if (raci_view_task_pairs(r, t, &n) && n > most)
            most = n;
    return malloc(most * sizeof(uint32_t));
}

raci_error raci_checks_run(const struct raci_roster *r, const struct raci_ruleset *rs,
                           struct raci_findings *out)
{
    struct raci_engine e = {r, rs, out, out->n, NULL, "", NULL};
    raci_error err = RACI_OK;

    if (!(e.held = alloc_held(r)))
        err = RACI_ERROR_NOMEM;
    if (!err)
        err = run_scope(&e, 0);
    if (!err)
        err = apply_waivers(&e);
    if (!err)
        err = run_scope(&e, 1);
    free(e.held);
    free(e.waiver_hits);
    if (!err)
        raci_findings_sort(out);
    return err;
}
