/*
 * checks.c - the rules engine: runs the checks of rules.def over a finished
 * roster, applies the waivers, and holds what several families of checks
 * share (the holders of a letter on a task, a message's list of people, the
 * rows a finding relates, roles by id).
 *
 * A check reports once per entity (a task, a product, a person, a row or a
 * cell), points at the most telling row and relates every other row
 * involved. The checks live in one module per family (hygiene.c, input.c, roles.c,
 * load.c, org.c, waivers.c); this file only knows them through the registry
 * (rules.c), whose rows give each one's id, severity, scope and parameters.
 *
 * The run has three steps: every check of a roster scope; then the
 * ruleset's waivers (waivers.h), which drop the findings they cover; then
 * the checks of scope "waiver", which judge the waivers themselves (expired,
 * or covering nothing) and so must see what the waivers covered.
 */
#include "raci/checks.h"

#include <assert.h>

#include <stdlib.h>
#include <string.h>

#include "raci/letters.h"
#include "raci/loc.h"
#include "raci/progress.h"
#include "raci/str.h"
#include "raci/view.h"
#include "raci/waivers.h"

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
        err = raci_findings_relate(f, e->r->assigns[a[i]].loc);
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
    if (at.sheet) { /* a workbook's cell: "Ana (Atlas!C7)" (loc.h) */
        raci_str_addf(b, "%s (", name);
        if (at.file != self.file)
            raci_str_addf(b, "%s:", at.file ? at.file : "generated");
        raci_loc_add_ref(b, at.sheet, at.line, at.col);
        raci_str_addc(b, ')');
    } else if (at.file == self.file)
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

int raci_checks_titled(const struct raci_engine *e, uint32_t p)
{
    return p < e->r->nproducts && e->titled[p];
}

int raci_checks_stands_for_role(const struct raci_engine *e, uint32_t person)
{
    return (e->r->persons[person].flags & RACI_PERSON_ROLE) != 0;
}

int raci_checks_person_lettered(const struct raci_engine *e, uint32_t person)
{
    const struct raci_person *p = &e->r->persons[person];
    const char *file = p->loc.file;
    size_t n;
    const uint32_t *m = raci_view_person_members(e->r, person, &n);

    if ((p->flags & RACI_PERSON_LISTED) && n)
        file = e->r->members[m[0]].loc.file;
    for (size_t f = 0; f < e->r->nfiles; f++)
        if (e->r->files[f] == file)
            return e->lettered[f];
    return 1; /* not a table of the roster: nothing to say it has none */
}

int raci_checks_has_role(const struct raci_engine *e, uint32_t person, uint64_t bit)
{
    return bit && (e->r->persons[person].roles & bit);
}

/* ------------------------------------------------------------- engine -- */

/* A check: reads the engine's roster and ruleset, adds findings. */
typedef raci_error (*check_fn)(struct raci_engine *e, const struct raci_check *chk);

/* Each row's check, in the order of the rows, as the registry has them. */
#define RACI_RULE(family, sym, ...) raci_##family##_##sym,
static const check_fn dispatch[] = {
#include "raci/rules.def"
};
#undef RACI_RULE

static raci_error run_scope(struct raci_engine *e, int waivers)
{
    size_t n;
    const struct raci_rule_def *all = raci_rules_all(&n);
    raci_error err = RACI_OK;

    /* Both tables are made from rules.def: one entry per row, in order. */
    assert(n == sizeof(dispatch) / sizeof(dispatch[0]));
    for (size_t i = 0; i < n && !err; i++) {
        const struct raci_check *chk = raci_ruleset_check(e->rs, all[i].id);
        if ((all[i].scope == RACI_SCOPE_WAIVER) != waivers || !chk || chk->severity == RACI_SEV_OFF)
            continue;
        err = dispatch[i](e, chk);
        raci_progress_add(RACI_PROGRESS_CHECKS, 1);
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

/* The products the role rules apply to, and the files that give letters. */
static raci_error scope_of(struct raci_engine *e)
{
    const struct raci_roster *r = e->r;

    e->titled = calloc(r->nproducts ? r->nproducts : 1, 1);
    e->lettered = calloc(r->nfiles ? r->nfiles : 1, 1);
    if (!e->titled || !e->lettered)
        return RACI_ERROR_NOMEM;
    for (size_t m = 0; m < r->nmembers; m++)
        if (r->persons[r->members[m].person].roles)
            e->titled[r->members[m].product] = 1;
    /* Files are few, and each row's file is the pointer of its table. */
    for (size_t i = 0, f = 0; i < r->nassigns && r->nfiles; i++) {
        const struct raci_assign *a = &r->assigns[i];
        if (a->flags & RACI_ASSIGN_GENERATED)
            continue;
        for (size_t k = 0; k < r->nfiles && r->files[f] != a->loc.file; k++)
            f = (f + 1) % r->nfiles;
        if (r->files[f] == a->loc.file)
            e->lettered[f] = 1;
    }
    return RACI_OK;
}

raci_error raci_checks_run(const struct raci_roster *r, const struct raci_ruleset *rs,
                           struct raci_findings *out)
{
    struct raci_engine e = {.r = r, .rs = rs, .out = out, .first = out->n};
    raci_error err = RACI_OK;

    if (!(e.held = alloc_held(r)))
        err = RACI_ERROR_NOMEM;
    if (!err)
        err = scope_of(&e);
    if (!err)
        err = run_scope(&e, 0);
    if (!err)
        err = raci_waivers_apply(&e);
    if (!err)
        err = run_scope(&e, 1);
    free(e.held);
    free(e.titled);
    free(e.lettered);
    free(e.waiver_hits);
    if (!err)
        raci_findings_sort(out);
    return err;
}
