/*
 * checks.c - the rules engine and the checks.
 *
 * Each check is a function over a read-only context that holds the roster,
 * the ruleset and indexes built once (assignments grouped by task). A check
 * reports once per entity (a task, a product, a person, a row or a cell),
 * points at the most telling row and relates every other row involved.
 * Adding a check is adding a function and a line to `checks` below; its id,
 * severity and parameters come from the registry (rules.c) and the ruleset.
 */
#include "raci/checks.h"

#include <stdlib.h>
#include <string.h>

#include "raci/letters.h"
#include "raci/util.h"

struct ctx {
    const struct raci_roster *r;
    const struct raci_ruleset *rs;
    struct raci_findings *out;
    /* Assignments grouped by task: those of task t are
     * by_task[task_start[t] .. task_start[t + 1]), in roster order. */
    uint32_t *task_start;
    uint32_t *by_task;
};

typedef raci_error (*check_fn)(struct ctx *c, const struct raci_check *chk);

/* --------------------------------------------------------------- helpers -- */
static const char *product_name(const struct ctx *c, uint32_t p)
{
    return c->r->products[p].name;
}

static const char *person_name(const struct ctx *c, uint32_t p)
{
    return c->r->persons[p].name;
}

static int valid(const struct raci_assign *a)
{
    return !(a->flags & RACI_ASSIGN_UNKNOWN) && a->letters;
}

/* Entity keys: stable names of a finding's subject, independent of line
 * numbers, for baselines and fingerprints. */
static char *task_entity(const struct ctx *c, uint32_t t)
{
    char p[256], k[256];
    raci_norm_key(product_name(c, c->r->tasks[t].product), p, sizeof p);
    raci_norm_key(c->r->tasks[t].name, k, sizeof k);
    return raci_asprintf("product:%s/task:%s", p, k);
}

static char *person_entity(const struct ctx *c, uint32_t person)
{
    const struct raci_person *p = &c->r->persons[person];
    char k[256];
    if (*p->id)
        return raci_asprintf("person:id:%s", p->id);
    raci_norm_key(p->name, k, sizeof k);
    return raci_asprintf("person:%s", k);
}

/* "Ana Silva (line 12)", or "(team.csv:12)" when the row is in another file
 * than the finding's own location. */
static raci_error append_who(char **list, const char *name, struct raci_loc at,
                             struct raci_loc self)
{
    char *s;
    if (at.file == self.file)
        s = raci_asprintf("%s%s%s (line %u)", *list ? *list : "", *list ? ", " : "", name, at.line);
    else
        s = raci_asprintf("%s%s%s (%s:%u)", *list ? *list : "", *list ? ", " : "", name,
                          at.file ? at.file : "generated", at.line);
    if (!s)
        return RACI_ERROR_NOMEM;
    free(*list);
    *list = s;
    return RACI_OK;
}

static raci_error build_task_index(struct ctx *c)
{
    const struct raci_roster *r = c->r;
    c->task_start = calloc(r->ntasks + 2, sizeof(*c->task_start));
    c->by_task = calloc(r->nassigns ? r->nassigns : 1, sizeof(*c->by_task));
    if (!c->task_start || !c->by_task)
        return RACI_ERROR_NOMEM;
    /* A counting sort keeps each task's assignments in roster order. */
    for (size_t i = 0; i < r->nassigns; i++)
        c->task_start[r->assigns[i].task + 2]++;
    for (size_t t = 2; t < r->ntasks + 2; t++)
        c->task_start[t] += c->task_start[t - 1];
    for (size_t i = 0; i < r->nassigns; i++)
        c->by_task[c->task_start[r->assigns[i].task + 1]++] = (uint32_t)i;
    return RACI_OK;
}

/* The assignments of task t that have a letter in mask, one per person (the
 * first row of each). Writes indexes into out, returns the count. */
static size_t holders(const struct ctx *c, uint32_t t, unsigned mask, uint32_t *out)
{
    size_t n = 0;
    for (uint32_t k = c->task_start[t]; k < c->task_start[t + 1]; k++) {
        const struct raci_assign *a = &c->r->assigns[c->by_task[k]];
        if (!valid(a) || !(a->letters & mask))
            continue;
        size_t j = 0;
        while (j < n && c->r->assigns[out[j]].person != a->person)
            j++;
        if (j == n)
            out[n++] = c->by_task[k];
    }
    return n;
}

/* Relate every row of task t to f. */
static raci_error relate_task_rows(const struct ctx *c, struct raci_finding *f, uint32_t t)
{
    raci_error err;
    for (uint32_t k = c->task_start[t]; k < c->task_start[t + 1]; k++)
        if ((err = raci_finding_relate(f, c->r->assigns[c->by_task[k]].loc)))
            return err;
    return RACI_OK;
}

/* ------------------------------------------------------ the RACI checks -- */
static raci_error check_single_accountable(struct ctx *c, const struct raci_check *chk)
{
    const struct raci_roster *r = c->r;
    uint32_t *h = malloc((r->nassigns + 1) * sizeof(*h));
    raci_error err = RACI_OK;

    if (!h)
        return RACI_ERROR_NOMEM;
    for (uint32_t t = 0; t < r->ntasks && !err; t++) {
        const struct raci_task *task = &r->tasks[t];
        size_t n = holders(c, t, RACI_A, h);
        char *entity = task_entity(c, t), *who = NULL;
        struct raci_finding *f = NULL;

        if (!entity) {
            err = RACI_ERROR_NOMEM;
            break;
        }
        if (n == 0) {
            f = raci_findings_add(c->out, chk->def->id, chk->severity, task->loc, task->product, t,
                                  RACI_NONE, entity,
                                  "task '%s' in product '%s' has no accountable person "
                                  "(expected exactly one A)",
                                  task->name, product_name(c, task->product));
            if (!f || relate_task_rows(c, f, t))
                err = RACI_ERROR_NOMEM;
        } else if (n > 1) {
            struct raci_loc at = r->assigns[h[0]].loc;
            for (size_t i = 0; i < n && !err; i++)
                err = append_who(&who, person_name(c, r->assigns[h[i]].person),
                                 r->assigns[h[i]].loc, at);
            if (!err)
                f = raci_findings_add(c->out, chk->def->id, chk->severity, at, task->product, t,
                                      RACI_NONE, entity,
                                      "task '%s' in product '%s' has %zu accountable people: %s",
                                      task->name, product_name(c, task->product), n, who);
            if (!err && !f)
                err = RACI_ERROR_NOMEM;
            for (size_t i = 1; i < n && !err; i++)
                err = raci_finding_relate(f, r->assigns[h[i]].loc);
        }
        free(who);
        free(entity);
    }
    free(h);
    return err;
}

static raci_error check_missing_responsible(struct ctx *c, const struct raci_check *chk)
{
    const struct raci_roster *r = c->r;
    uint32_t *h = malloc((r->nassigns + 1) * sizeof(*h));
    raci_error err = RACI_OK;

    if (!h)
        return RACI_ERROR_NOMEM;
    for (uint32_t t = 0; t < r->ntasks && !err; t++) {
        const struct raci_task *task = &r->tasks[t];
        if (holders(c, t, RACI_R, h) > 0)
            continue;
        char *entity = task_entity(c, t);
        struct raci_finding *f =
            entity ? raci_findings_add(c->out, chk->def->id, chk->severity, task->loc,
                                       task->product, t, RACI_NONE, entity,
                                       "task '%s' in product '%s' has nobody responsible "
                                       "(expected at least one R; A/R counts)",
                                       task->name, product_name(c, task->product))
                   : NULL;
        if (!f || relate_task_rows(c, f, t))
            err = RACI_ERROR_NOMEM;
        free(entity);
    }
    free(h);
    return err;
}

static raci_error check_too_many_responsible(struct ctx *c, const struct raci_check *chk)
{
    const struct raci_roster *r = c->r;
    long max = raci_check_int(chk, "max_responsible");
    uint32_t *h = malloc((r->nassigns + 1) * sizeof(*h));
    raci_error err = RACI_OK;

    if (!h)
        return RACI_ERROR_NOMEM;
    for (uint32_t t = 0; t < r->ntasks && !err; t++) {
        const struct raci_task *task = &r->tasks[t];
        size_t n = holders(c, t, RACI_R, h);
        if ((long)n <= max)
            continue;
        char *entity = task_entity(c, t), *who = NULL;
        struct raci_loc at = r->assigns[h[0]].loc;
        struct raci_finding *f = NULL;
        for (size_t i = 0; i < n && !err; i++)
            err =
                append_who(&who, person_name(c, r->assigns[h[i]].person), r->assigns[h[i]].loc, at);
        if (!err && entity)
            f = raci_findings_add(c->out, chk->def->id, chk->severity, at, task->product, t,
                                  RACI_NONE, entity,
                                  "task '%s' in product '%s' has %zu people responsible (more "
                                  "than %ld): %s; consider splitting it",
                                  task->name, product_name(c, task->product), n, max, who);
        if (!err && !f)
            err = RACI_ERROR_NOMEM;
        for (size_t i = 1; i < n && !err; i++)
            err = raci_finding_relate(f, r->assigns[h[i]].loc);
        free(who);
        free(entity);
    }
    free(h);
    return err;
}

static raci_error check_unknown_letter(struct ctx *c, const struct raci_check *chk)
{
    const struct raci_roster *r = c->r;
    char *hint = NULL;
    raci_error err = RACI_OK;

    /* Name the ruleset's aliases, so the message says what would be right. */
    for (size_t i = 0; i < c->rs->naliases && !err; i++) {
        char *s =
            raci_asprintf("%s%s%s", hint ? hint : "", hint ? ", " : "", c->rs->aliases[i].name);
        if (!s)
            err = RACI_ERROR_NOMEM;
        free(hint);
        hint = s;
    }
    for (size_t i = 0; i < r->nassigns && !err; i++) {
        const struct raci_assign *a = &r->assigns[i];
        if (!(a->flags & RACI_ASSIGN_UNKNOWN))
            continue;
        const struct raci_task *task = &r->tasks[a->task];
        char *entity = raci_asprintf("cell:%u/%u", a->person, a->task);
        char *pe = person_entity(c, a->person), *te = task_entity(c, a->task);
        if (entity && pe && te) {
            free(entity);
            entity = raci_asprintf("%s/%s", te, pe);
        }
        struct raci_finding *f =
            entity ? raci_findings_add(c->out, chk->def->id, chk->severity, a->loc, a->product,
                                       a->task, a->person, entity,
                                       "unknown RACI letter '%s' for %s on task '%s' (expected R, "
                                       "A, C, I, a combination such as A/R, a full word%s%s)",
                                       a->raw, person_name(c, a->person), task->name,
                                       hint ? ", or an alias: " : "", hint ? hint : "")
                   : NULL;
        if (!f)
            err = RACI_ERROR_NOMEM;
        free(entity);
        free(pe);
        free(te);
    }
    free(hint);
    return err;
}

static raci_error check_duplicate_assignment(struct ctx *c, const struct raci_check *chk)
{
    const struct raci_roster *r = c->r;
    raci_error err = RACI_OK;

    for (uint32_t t = 0; t < r->ntasks && !err; t++) {
        for (uint32_t k = c->task_start[t]; k < c->task_start[t + 1] && !err; k++) {
            const struct raci_assign *a = &r->assigns[c->by_task[k]];
            struct raci_finding *f = NULL;
            int seen_before = 0;
            if (a->flags & RACI_ASSIGN_GENERATED)
                continue;
            /* Report at the first row of a person; skip their later rows. */
            for (uint32_t j = c->task_start[t]; j < k && !seen_before; j++)
                seen_before = r->assigns[c->by_task[j]].person == a->person;
            if (seen_before)
                continue;
            for (uint32_t j = k + 1; j < c->task_start[t + 1] && !err; j++) {
                const struct raci_assign *b = &r->assigns[c->by_task[j]];
                if (b->person != a->person || (b->flags & RACI_ASSIGN_GENERATED))
                    continue;
                if (!f) {
                    char *pe = person_entity(c, a->person), *te = task_entity(c, t);
                    char *entity = pe && te ? raci_asprintf("%s/%s", te, pe) : NULL;
                    if (entity)
                        f = raci_findings_add(
                            c->out, chk->def->id, chk->severity, b->loc, a->product, t, a->person,
                            entity,
                            "%s is on task '%s' in product '%s' more than once (first at line "
                            "%u); keep one row with all their letters",
                            person_name(c, a->person), r->tasks[t].name,
                            product_name(c, a->product), a->row_line);
                    free(pe);
                    free(te);
                    free(entity);
                    if (!f || raci_finding_relate(f, a->loc)) {
                        err = RACI_ERROR_NOMEM;
                        break;
                    }
                } else if (raci_finding_relate(f, b->loc)) {
                    err = RACI_ERROR_NOMEM;
                }
            }
        }
    }
    return err;
}

static raci_error check_unknown_title(struct ctx *c, const struct raci_check *chk)
{
    const struct raci_roster *r = c->r;
    for (uint32_t i = 0; i < r->npersons; i++) {
        const struct raci_person *p = &r->persons[i];
        if (p->roles || !p->ntitles)
            continue;
        char *entity = person_entity(c, i);
        struct raci_finding *f =
            entity ? raci_findings_add(c->out, chk->def->id, chk->severity, p->title_loc, RACI_NONE,
                                       RACI_NONE, i, entity,
                                       "title '%s' of %s maps to no role; the role rules leave "
                                       "them out (add the title to a role's titles in the "
                                       "ruleset if it names one)",
                                       p->titles[0], p->name)
                   : NULL;
        free(entity);
        if (!f)
            return RACI_ERROR_NOMEM;
    }
    return RACI_OK;
}

static raci_error check_idle_person(struct ctx *c, const struct raci_check *chk)
{
    const struct raci_roster *r = c->r;
    uint8_t *busy = calloc(r->npersons ? r->npersons : 1, 1);
    raci_error err = RACI_OK;

    if (!busy)
        return RACI_ERROR_NOMEM;
    for (size_t i = 0; i < r->nassigns; i++)
        if (valid(&r->assigns[i]))
            busy[r->assigns[i].person] = 1;
    for (uint32_t i = 0; i < r->npersons && !err; i++) {
        const struct raci_person *p = &r->persons[i];
        if (busy[i])
            continue;
        char *entity = person_entity(c, i);
        struct raci_finding *f =
            entity ? raci_findings_add(c->out, chk->def->id, chk->severity, p->loc, RACI_NONE,
                                       RACI_NONE, i, entity,
                                       "%s%s%s%s has no R, A, C or I on any task; give them "
                                       "their part or take them off the roster",
                                       p->name, p->ntitles ? " (" : "",
                                       p->ntitles ? p->titles[0] : "", p->ntitles ? ")" : "")
                   : NULL;
        free(entity);
        if (!f)
            err = RACI_ERROR_NOMEM;
    }
    free(busy);
    return err;
}

static raci_error check_malformed_row(struct ctx *c, const struct raci_check *chk)
{
    const struct raci_roster *r = c->r;
    for (size_t i = 0; i < r->nissues; i++) {
        const struct raci_row_issue *is = &r->issues[i];
        char *entity = raci_asprintf("row:%s:%u:%d", is->loc.file ? is->loc.file : "", is->loc.line,
                                     (int)is->problem);
        struct raci_finding *f = NULL;
        if (!entity)
            return RACI_ERROR_NOMEM;
        switch (is->problem) {
        case RACI_ROW_RAGGED:
            f = raci_findings_add(c->out, chk->def->id, chk->severity, is->loc, RACI_NONE,
                                  RACI_NONE, RACI_NONE, entity,
                                  "row has %u field%s but the header has %u (%s)", is->got,
                                  is->got == 1 ? "" : "s", is->want,
                                  is->got < is->want ? "the missing ones are read as empty"
                                                     : "the extra ones are ignored");
            break;
        case RACI_ROW_NO_PERSON:
            f = raci_findings_add(c->out, chk->def->id, chk->severity, is->loc, RACI_NONE,
                                  RACI_NONE, RACI_NONE, entity,
                                  "row has no person (expected a name in the person column); "
                                  "the row is skipped");
            break;
        case RACI_ROW_NO_TITLE:
            f = raci_findings_add(c->out, chk->def->id, chk->severity, is->loc, RACI_NONE,
                                  RACI_NONE, is->person, entity,
                                  "%s has no title on this row (expected a job title such as "
                                  "'Product Owner')",
                                  person_name(c, is->person));
            break;
        }
        free(entity);
        if (!f)
            return RACI_ERROR_NOMEM;
    }
    return RACI_OK;
}

/* ------------------------------------------------------------- engine -- */
static const struct {
    const char *id;
    check_fn fn;
} checks[] = {
    {"single-accountable", check_single_accountable},
    {"missing-responsible", check_missing_responsible},
    {"too-many-responsible", check_too_many_responsible},
    {"unknown-letter", check_unknown_letter},
    {"duplicate-assignment", check_duplicate_assignment},
    {"unknown-title", check_unknown_title},
    {"idle-person", check_idle_person},
    {"malformed-row", check_malformed_row},
};

raci_error raci_checks_run(const struct raci_roster *r, const struct raci_ruleset *rs,
                           struct raci_findings *out)
{
    struct ctx c = {r, rs, out, NULL, NULL};
    raci_error err = build_task_index(&c);

    for (size_t i = 0; i < sizeof(checks) / sizeof(checks[0]) && !err; i++) {
        const struct raci_check *chk = raci_ruleset_check(rs, checks[i].id);
        if (!chk || chk->severity == RACI_SEV_OFF)
            continue;
        err = checks[i].fn(&c, chk);
    }
    free(c.task_start);
    free(c.by_task);
    if (!err)
        raci_findings_sort(out);
    return err;
}
