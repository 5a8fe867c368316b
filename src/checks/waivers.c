/*
 * waivers.c - what a waiver means (waivers.h): which findings it covers,
 * whether it is in force, and the reports on waivers that expired or cover
 * nothing, located at the waiver in its ruleset file.
 */
#include "raci/waivers.h"

#include <stdlib.h>
#include <string.h>

#include "raci/date.h"
#include "raci/str.h"

/* Does waiver w cover finding f (waivers.h)? 1 yes, 0 no, -1 out of
 * memory. */
static int covers(const struct raci_engine *e, const struct raci_waiver *w,
                  const struct raci_finding *f)
{
    int m = 1;

    if (strcmp(f->rule, w->rule->id) != 0)
        return 0;
    if (w->product)
        m = f->product == RACI_NONE
                ? 0
                : raci_str_same_key(e->r->products[f->product].name, w->product);
    if (m == 1 && w->task) {
        int def = raci_ruleset_find_task(e->rs, w->task);
        if (f->task == RACI_NONE)
            m = 0;
        else if (def >= 0)
            m = e->r->tasks[f->task].def == def;
        else
            m = raci_str_same_key(e->r->tasks[f->task].name, w->task);
    }
    if (m == 1 && w->person) {
        const struct raci_person *p = f->person == RACI_NONE ? NULL : &e->r->persons[f->person];
        m = p ? raci_str_same_key(p->name, w->person) : 0;
        if (m == 0 && p && *p->id)
            m = raci_str_same_key(p->id, w->person);
    }
    return m;
}

/* "product 'Insights', task 'Roadmap'": what a waiver is about. malloc'd;
 * NULL when out of memory. */
static char *subject_text(const struct raci_waiver *w)
{
    const char *field[3] = {w->product, w->task, w->person};
    static const char *const label[3] = {"product", "task", "person"};
    struct raci_str b = RACI_STR_INIT;

    for (int i = 0; i < 3; i++)
        if (field[i])
            raci_str_addf(&b, "%s%s '%s'", b.len ? ", " : "", label[i], field[i]);
    return raci_str_take(&b);
}

/* Is w in force on the engine's day? Dates are YYYY-MM-DD, which sort as
 * text; an expiry date is the waiver's last day. */
static int in_force(const struct raci_engine *e, const struct raci_waiver *w)
{
    return strcmp(w->expires, e->today) >= 0;
}

/* Free what a finding owns. (raci_findings_release does the same for all of
 * them; single findings are dropped only here, when a waiver covers them.) */
static void drop_finding(struct raci_finding *f)
{
    free(f->message);
    free(f->related);
    free(f->entity);
}

/* A finding about waiver w, at its entry in the ruleset file. The location's
 * file is the waiver's own string, owned by the ruleset. */
static struct raci_finding *report_at_waiver(struct raci_engine *e, const struct raci_check *chk,
                                             const struct raci_waiver *w, const char *message)
{
    struct raci_loc at = {w->file, w->line, w->col, NULL};
    char *entity = raci_findings_entity_waiver(w);
    struct raci_finding *f =
        entity ? raci_findings_add(e->out, chk->def->id, chk->severity, at, RACI_NONE, RACI_NONE,
                                   RACI_NONE, entity, "%s", message)
               : NULL;
    free(entity);
    return f;
}

/* Report waiver w, which has expired: the findings it covered (hits of
 * them) are back, and related to it. */
static raci_error report_expired(struct raci_engine *e, const struct raci_check *chk,
                                 const struct raci_waiver *w, size_t hits, size_t first)
{
    char *subject = subject_text(w), *msg = NULL;
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
        f = report_at_waiver(e, chk, w, msg);
    free(subject);
    free(msg);
    if (!f)
        return RACI_ERROR_NOMEM;
    /* The rows of the findings that are back. (f was appended last, so the
     * findings before it stay where they are.) */
    for (size_t i = first; i + 1 < e->out->n && !err; i++) {
        const struct raci_finding *g = &e->out->v[i];
        int m = covers(e, w, g);
        if (m < 0)
            err = RACI_ERROR_NOMEM;
        else if (m && g->loc.file)
            err = raci_findings_relate(&e->out->v[e->out->n - 1], g->loc);
    }
    return err;
}

/* The first subject field of w that names nothing on the roster ("product",
 * "task" or "person"), NULL when all are there; *err set when out of
 * memory. A waiver that names someone absent is often a typo. */
static const char *absent_subject(const struct raci_engine *e, const struct raci_waiver *w,
                                  raci_error *err)
{
    const struct raci_roster *r = e->r;
    int found = 0, m;

    if (w->product) {
        for (size_t i = 0; i < r->nproducts && !found; i++)
            if ((m = raci_str_same_key(r->products[i].name, w->product)) < 0)
                *err = RACI_ERROR_NOMEM;
            else
                found = m;
        if (!found)
            return "product";
    }
    if (w->task) {
        int def = raci_ruleset_find_task(e->rs, w->task);
        found = 0;
        for (size_t i = 0; i < r->ntasks && !found; i++)
            if (def >= 0)
                found = r->tasks[i].def == def;
            else if ((m = raci_str_same_key(r->tasks[i].name, w->task)) < 0)
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
            if ((m = raci_str_same_key(p->name, w->person)) == 0 && *p->id)
                m = raci_str_same_key(p->id, w->person);
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

static raci_error report_unused(struct raci_engine *e, const struct raci_check *chk,
                                const struct raci_waiver *w)
{
    const struct raci_check *waived = raci_ruleset_check(e->rs, w->rule->id);
    int off = !waived || waived->severity == RACI_SEV_OFF;
    char *subject = subject_text(w), *msg = NULL;
    struct raci_finding *f = NULL;
    raci_error err = RACI_OK;
    const char *absent = absent_subject(e, w, &err);

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
        f = report_at_waiver(e, chk, w, msg);
    free(subject);
    free(msg);
    return f ? RACI_OK : RACI_ERROR_NOMEM;
}

/* Today as YYYY-MM-DD (waivers.h). */
static void today_of(const struct raci_ruleset *rs, char out[11])
{
    if (rs->today[0])
        memcpy(out, rs->today, 11);
    else
        raci_date_today(out);
}

raci_error raci_waivers_apply(struct raci_engine *e)
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
            int m = covers(e, &rs->waivers[k], f);
            if (m < 0)
                err = RACI_ERROR_NOMEM;
            if (m > 0) {
                e->waiver_hits[k]++;
                covered |= in_force(e, &rs->waivers[k]);
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
        if (!in_force(e, &e->rs->waivers[k]))
            err = report_expired(e, chk, &e->rs->waivers[k], e->waiver_hits[k], e->first);
    return err;
}

/* Each waiver in force that covered nothing. */
raci_error raci_waivers_unused(struct raci_engine *e, const struct raci_check *chk)
{
    raci_error err = RACI_OK;

    for (size_t k = 0; k < e->rs->nwaivers && !err; k++)
        if (in_force(e, &e->rs->waivers[k]) && !e->waiver_hits[k])
            err = report_unused(e, chk, &e->rs->waivers[k]);
    return err;
}
