/*
 * checks.c - the rules engine and the checks.
 *
 * Each check is a function over a read-only context that holds the roster,
 * the ruleset and indexes built once (assignments grouped by task). A check
 * reports once per entity (a task, a product, a person, a row or a cell),
 * points at the most telling row and relates every other row involved.
 * Adding a check is adding a function and a line to `checks` below; its id,
 * severity and parameters come from the registry (rules.c) and the ruleset.
 *
 * After the checks, the ruleset's waivers are applied: a finding a waiver in
 * force matches is dropped, and the waivers themselves are judged (expired,
 * or matching nothing) as findings located in the ruleset file.
 */
#include "raci/checks.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "raci/letters.h"
#include "raci/array.h"
#include "raci/date.h"
#include "raci/str.h"

/* --------------------------------------------------------------- helpers -- */
static const char *product_name(const struct raci_engine *c, uint32_t p)
{
    return c->r->products[p].name;
}

static const char *person_name(const struct raci_engine *c, uint32_t p)
{
    return c->r->persons[p].name;
}

static int valid(const struct raci_assign *a)
{
    return !(a->flags & RACI_ASSIGN_UNKNOWN) && a->letters;
}

/* Entity keys: stable names of a finding's subject, independent of line
 * numbers, for baselines and fingerprints. */
static char *task_entity(const struct raci_engine *c, uint32_t t)
{
    struct raci_str b = RACI_STR_INIT;
    raci_str_add(&b, "product:");
    raci_str_addkey(&b, product_name(c, c->r->tasks[t].product));
    raci_str_add(&b, "/task:");
    raci_str_addkey(&b, c->r->tasks[t].name);
    return raci_str_take(&b);
}

static char *person_entity(const struct raci_engine *c, uint32_t person)
{
    const struct raci_person *p = &c->r->persons[person];
    struct raci_str b = RACI_STR_INIT;
    if (*p->id)
        return raci_str_printf("person:id:%s", p->id);
    raci_str_add(&b, "person:");
    raci_str_addkey(&b, p->name);
    return raci_str_take(&b);
}

/* "Ana Silva (line 12)", or "(team.csv:12)" when the row is in another file
 * than the finding's own location. */
static raci_error append_who(char **list, const char *name, struct raci_loc at,
                             struct raci_loc self)
{
    char *s;
    if (at.file == self.file)
        s = raci_str_printf("%s%s%s (line %u)", *list ? *list : "", *list ? ", " : "", name,
                            at.line);
    else
        s = raci_str_printf("%s%s%s (%s:%u)", *list ? *list : "", *list ? ", " : "", name,
                            at.file ? at.file : "generated", at.line);
    if (!s)
        return RACI_ERROR_NOMEM;
    free(*list);
    *list = s;
    return RACI_OK;
}

/* Most people a message names; the finding's related rows hold them all. */
#define MAX_NAMED 10

/* The n holders h[] as a message's list of people, "Ana (line 2), Bo (line
 * 5)", naming the first MAX_NAMED and counting the rest. *out is malloc'd. */
static raci_error who_list(const struct raci_engine *c, const uint32_t *h, size_t n,
                           struct raci_loc self, char **out)
{
    raci_error err = RACI_OK;
    *out = NULL;
    for (size_t i = 0; i < n && i < MAX_NAMED && !err; i++) {
        const struct raci_assign *a = &c->r->assigns[h[i]];
        err = append_who(out, person_name(c, a->person), a->loc, self);
    }
    if (!err && n > MAX_NAMED) {
        char *s = raci_str_printf("%s and %zu more", *out ? *out : "", n - MAX_NAMED);
        free(*out);
        *out = s;
        if (!s)
            err = RACI_ERROR_NOMEM;
    }
    return err;
}

/* Relate the rows of holders h[1..n) to f (h[0] is its own location). */
static raci_error relate_holders(const struct raci_engine *c, struct raci_finding *f,
                                 const uint32_t *h, size_t n)
{
    raci_error err = RACI_OK;
    for (size_t i = 1; i < n && !err; i++)
        err = raci_finding_relate(f, c->r->assigns[h[i]].loc);
    return err;
}

static raci_error build_task_index(struct raci_engine *c)
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
static size_t holders(const struct raci_engine *c, uint32_t t, unsigned mask, uint32_t *out)
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
static raci_error relate_task_rows(const struct raci_engine *c, struct raci_finding *f, uint32_t t)
{
    raci_error err;
    for (uint32_t k = c->task_start[t]; k < c->task_start[t + 1]; k++)
        if ((err = raci_finding_relate(f, c->r->assigns[c->by_task[k]].loc)))
            return err;
    return RACI_OK;
}

/* ------------------------------------------------------ the RACI checks -- */
raci_error raci_hygiene_single_accountable(struct raci_engine *c, const struct raci_check *chk)
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
            err = who_list(c, h, n, at, &who);
            if (!err)
                f = raci_findings_add(c->out, chk->def->id, chk->severity, at, task->product, t,
                                      RACI_NONE, entity,
                                      "task '%s' in product '%s' has %zu accountable people: %s",
                                      task->name, product_name(c, task->product), n, who);
            if (!err)
                err = f ? relate_holders(c, f, h, n) : RACI_ERROR_NOMEM;
        }
        free(who);
        free(entity);
    }
    free(h);
    return err;
}

raci_error raci_hygiene_missing_responsible(struct raci_engine *c, const struct raci_check *chk)
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

raci_error raci_hygiene_too_many_responsible(struct raci_engine *c, const struct raci_check *chk)
{
    const struct raci_roster *r = c->r;
    long max = raci_ruleset_int(chk, "max_responsible");
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
        err = who_list(c, h, n, at, &who);
        if (!err && entity)
            f = raci_findings_add(c->out, chk->def->id, chk->severity, at, task->product, t,
                                  RACI_NONE, entity,
                                  "task '%s' in product '%s' has %zu people responsible (more "
                                  "than %ld): %s; consider splitting it",
                                  task->name, product_name(c, task->product), n, max, who);
        if (!err)
            err = f ? relate_holders(c, f, h, n) : RACI_ERROR_NOMEM;
        free(who);
        free(entity);
    }
    free(h);
    return err;
}

raci_error raci_hygiene_unknown_letter(struct raci_engine *c, const struct raci_check *chk)
{
    const struct raci_roster *r = c->r;
    char *hint = NULL;
    raci_error err = RACI_OK;

    /* Name the ruleset's aliases, so the message says what would be right. */
    for (size_t i = 0; i < c->rs->naliases && !err; i++) {
        char *s =
            raci_str_printf("%s%s%s", hint ? hint : "", hint ? ", " : "", c->rs->aliases[i].name);
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
        char *pe = person_entity(c, a->person), *te = task_entity(c, a->task);
        char *entity = pe && te ? raci_str_printf("%s/%s", te, pe) : NULL;
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

raci_error raci_hygiene_duplicate_assignment(struct raci_engine *c, const struct raci_check *chk)
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
                    char *entity = pe && te ? raci_str_printf("%s/%s", te, pe) : NULL;
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

raci_error raci_hygiene_unknown_title(struct raci_engine *c, const struct raci_check *chk)
{
    const struct raci_roster *r = c->r;
    for (uint32_t i = 0; i < r->npersons; i++) {
        const struct raci_person *p = &r->persons[i];
        if (p->roles || !p->ntitles)
            continue;
        char *entity = person_entity(c, i);
        /* In a wide chart the column's header is name and title at once. */
        int same = strcmp(p->titles[0], p->name) == 0;
        struct raci_finding *f =
            entity ? raci_findings_add(c->out, chk->def->id, chk->severity, p->title_loc, RACI_NONE,
                                       RACI_NONE, i, entity,
                                       "title '%s'%s%s maps to no role; the role rules leave "
                                       "them out (add the title to a role's titles in the "
                                       "ruleset if it names one)",
                                       p->titles[0], same ? "" : " of ", same ? "" : p->name)
                   : NULL;
        free(entity);
        if (!f)
            return RACI_ERROR_NOMEM;
    }
    return RACI_OK;
}

raci_error raci_hygiene_idle_person(struct raci_engine *c, const struct raci_check *chk)
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

raci_error raci_hygiene_malformed_row(struct raci_engine *c, const struct raci_check *chk)
{
    const struct raci_roster *r = c->r;
    for (size_t i = 0; i < r->nissues; i++) {
        const struct raci_row_issue *is = &r->issues[i];
        /* A row's subject is its problem and its person (rows repeat, and
         * baselines count repeats), never its line: re-sorting changes lines. */
        static const char *const kind[] = {"", "ragged", "no-person", "no-title"};
        char *pe = is->person != RACI_NONE ? person_entity(c, is->person) : NULL;
        char *entity = raci_str_printf("row:%s/%s", kind[is->problem], pe ? pe : "person:");
        free(pe);
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

/* ------------------------------------------------------- the role rules -- */
/* Role bit of a role id, 0 when the ruleset has no such role. */
static uint64_t role_bit(const struct raci_engine *c, const char *id)
{
    int i = raci_ruleset_role(c->rs, id);
    return i < 0 ? 0 : (uint64_t)1 << i;
}

static const char *role_name(const struct raci_engine *c, const char *id)
{
    int i = raci_ruleset_role(c->rs, id);
    return i < 0 ? id : c->rs->roles[i].name;
}

static int has_role(const struct raci_engine *c, uint32_t person, uint64_t bit)
{
    return bit && (c->r->persons[person].roles & bit);
}

/* The first member of product p holding role bit, or RACI_NONE. */
static uint32_t member_with(const struct raci_engine *c, uint32_t p, uint64_t bit)
{
    for (size_t m = 0; m < c->r->nmembers; m++)
        if (c->r->members[m].product == p && has_role(c, c->r->members[m].person, bit))
            return c->r->members[m].person;
    return RACI_NONE;
}

/* The ruleset tasks a check's `tasks` names, as one flag per ruleset task,
 * resolved once per check rather than once per roster task. The loader has
 * checked that every name is a known task. malloc'd; NULL when out of
 * memory. */
static uint8_t *listed_defs(const struct raci_engine *c, const struct raci_check *chk)
{
    const struct raci_param *p = raci_ruleset_param(chk, "tasks");
    uint8_t *defs = calloc(c->rs->ntasks ? c->rs->ntasks : 1, 1);
    for (size_t i = 0; defs && p && i < p->nlist; i++) {
        int def = raci_ruleset_find_task(c->rs, p->list[i]);
        if (def >= 0)
            defs[def] = 1;
    }
    return defs;
}

static int task_listed(const struct raci_engine *c, const uint8_t *defs, uint32_t t)
{
    return c->r->tasks[t].def >= 0 && defs[c->r->tasks[t].def];
}

static const char *first_title(const struct raci_engine *c, uint32_t person)
{
    const struct raci_person *p = &c->r->persons[person];
    return p->ntitles ? p->titles[0] : "no title";
}

/*
 * The accountable person of each listed task must hold role `want`, when
 * the product has someone in that role (else in role `fallback`). One
 * finding per task, at the first wrong A.
 */
static raci_error owner_rule(struct raci_engine *c, const struct raci_check *chk, const char *want,
                             const char *fallback, const char *why)
{
    const struct raci_roster *r = c->r;
    uint32_t *h = malloc((r->nassigns + 1) * sizeof(*h));
    uint8_t *defs = listed_defs(c, chk);
    raci_error err = RACI_OK;

    if (!h || !defs) {
        free(h);
        free(defs);
        return RACI_ERROR_NOMEM;
    }
    for (uint32_t t = 0; t < r->ntasks && !err; t++) {
        const struct raci_task *task = &r->tasks[t];
        if (!task_listed(c, defs, t))
            continue;
        const char *role = want;
        uint64_t bit = role_bit(c, want);
        uint32_t holder = member_with(c, task->product, bit);
        if (holder == RACI_NONE && fallback) {
            role = fallback;
            bit = role_bit(c, fallback);
            holder = member_with(c, task->product, bit);
        }
        if (holder == RACI_NONE)
            continue; /* nobody in the role: nothing better to suggest */
        size_t n = holders(c, t, RACI_A, h);
        for (size_t i = 0; i < n; i++) {
            const struct raci_assign *a = &r->assigns[h[i]];
            if (has_role(c, a->person, bit))
                continue;
            char *entity = task_entity(c, t);
            struct raci_finding *f =
                entity ? raci_findings_add(
                             c->out, chk->def->id, chk->severity, a->loc, task->product, t,
                             a->person, entity,
                             "%s (%s) is accountable for '%s' in product '%s', but %s is its "
                             "%s; %s",
                             person_name(c, a->person), first_title(c, a->person), task->name,
                             product_name(c, task->product), person_name(c, holder),
                             role_name(c, role), why)
                       : NULL;
            free(entity);
            if (!f) {
                err = RACI_ERROR_NOMEM;
                break;
            }
            for (size_t j = 0; j < n && !err; j++)
                if (j != i)
                    err = raci_finding_relate(f, r->assigns[h[j]].loc);
            break; /* once per task */
        }
    }
    free(h);
    free(defs);
    return err;
}

raci_error raci_roles_pm_owns_strategy(struct raci_engine *c, const struct raci_check *chk)
{
    return owner_rule(c, chk, "pm", NULL,
                      "the documents make the Product Manager accountable for strategy: market "
                      "research, customer feedback, vision, roadmap and KPIs");
}

raci_error raci_roles_po_owns_backlog(struct raci_engine *c, const struct raci_check *chk)
{
    return owner_rule(c, chk, "po", NULL,
                      "the documents make the Product Owner accountable for the backlog, user "
                      "stories, acceptance criteria, the sprint review and the product goal");
}

raci_error raci_roles_director_owns_people(struct raci_engine *c, const struct raci_check *chk)
{
    const struct raci_param *fb = raci_ruleset_param(chk, "fallback");
    return owner_rule(c, chk, "director", fb && fb->sval && *fb->sval ? fb->sval : NULL,
                      "the documents give career planning, promotions, coaching and people "
                      "management to the Director (to the Engineering Manager where there is "
                      "no Director)");
}

raci_error raci_roles_scrum_contact_po(struct raci_engine *c, const struct raci_check *chk)
{
    const struct raci_param *fw = raci_ruleset_param(chk, "framework");
    const char *want = fw && fw->sval && *fw->sval ? fw->sval : "scrum";
    uint64_t pm = role_bit(c, "pm"), po = role_bit(c, "po");
    const struct raci_roster *r = c->r;
    uint32_t *h;
    uint8_t *defs;
    raci_error err = RACI_OK;

    if (!c->rs->framework || raci_str_casecmp(c->rs->framework, want) != 0)
        return RACI_OK;
    h = malloc((r->nassigns + 1) * sizeof(*h));
    defs = listed_defs(c, chk);
    if (!h || !defs) {
        free(h);
        free(defs);
        return RACI_ERROR_NOMEM;
    }
    for (uint32_t t = 0; t < r->ntasks && !err; t++) {
        const struct raci_task *task = &r->tasks[t];
        if (!task_listed(c, defs, t))
            continue;
        size_t n = holders(c, t, RACI_A, h);
        for (size_t i = 0; i < n; i++) {
            const struct raci_assign *a = &r->assigns[h[i]];
            if (!has_role(c, a->person, pm) || has_role(c, a->person, po))
                continue;
            uint32_t owner = member_with(c, task->product, po);
            char *entity = task_entity(c, t);
            struct raci_finding *f =
                entity ? raci_findings_add(
                             c->out, chk->def->id, chk->severity, a->loc, task->product, t,
                             a->person, entity,
                             "%s (%s) is accountable for '%s' in product '%s'; in Scrum the "
                             "developers' day-to-day contact is the Product Owner%s%s%s",
                             person_name(c, a->person), first_title(c, a->person), task->name,
                             product_name(c, task->product), owner != RACI_NONE ? " (" : "",
                             owner != RACI_NONE ? person_name(c, owner) : "",
                             owner != RACI_NONE ? ")" : "")
                       : NULL;
            free(entity);
            if (!f)
                err = RACI_ERROR_NOMEM;
            break;
        }
    }
    free(h);
    free(defs);
    return err;
}

/* Members of product p holding role bit, as "Ana (line 2), Bo (line 5)";
 * relates their rows to f when f is given. Returns the count. */
static size_t list_members(const struct raci_engine *c, uint32_t p, uint64_t bit, char **who,
                           struct raci_loc self, struct raci_loc *first)
{
    size_t n = 0;
    for (size_t m = 0; m < c->r->nmembers; m++) {
        const struct raci_member *mem = &c->r->members[m];
        if (mem->product != p || !has_role(c, mem->person, bit))
            continue;
        if (!n && first)
            *first = mem->loc;
        if (who && append_who(who, person_name(c, mem->person), mem->loc, self))
            return SIZE_MAX;
        n++;
    }
    return n;
}

static char *product_entity(const struct raci_engine *c, uint32_t p)
{
    struct raci_str b = RACI_STR_INIT;
    raci_str_add(&b, "product:");
    raci_str_addkey(&b, product_name(c, p));
    return raci_str_take(&b);
}

static raci_error relate_members(const struct raci_engine *c, struct raci_finding *f, uint32_t p,
                                 uint64_t bit)
{
    for (size_t m = 0; m < c->r->nmembers; m++) {
        const struct raci_member *mem = &c->r->members[m];
        if (mem->product == p && (!bit || has_role(c, mem->person, bit)) &&
            raci_finding_relate(f, mem->loc))
            return RACI_ERROR_NOMEM;
    }
    return RACI_OK;
}

raci_error raci_roles_product_without_po(struct raci_engine *c, const struct raci_check *chk)
{
    uint64_t po = role_bit(c, "po");
    if (!po)
        return RACI_OK;
    for (uint32_t p = 0; p < c->r->nproducts; p++) {
        if (member_with(c, p, po) != RACI_NONE)
            continue;
        char *entity = product_entity(c, p);
        struct raci_finding *f =
            entity ? raci_findings_add(c->out, chk->def->id, chk->severity, c->r->products[p].loc,
                                       p, RACI_NONE, RACI_NONE, entity,
                                       "product '%s' has no Product Owner; the documents give "
                                       "each product one PO who owns its backlog and delivery",
                                       product_name(c, p))
                   : NULL;
        free(entity);
        if (!f)
            return RACI_ERROR_NOMEM;
    }
    return RACI_OK;
}

raci_error raci_roles_multiple_po(struct raci_engine *c, const struct raci_check *chk)
{
    uint64_t po = role_bit(c, "po");
    long max = raci_ruleset_int(chk, "max_po");
    raci_error err = RACI_OK;

    for (uint32_t p = 0; p < c->r->nproducts && po && !err; p++) {
        struct raci_loc first = {0};
        size_t n = list_members(c, p, po, NULL, first, &first);
        if ((long)n <= max)
            continue;
        char *who = NULL, *entity = product_entity(c, p);
        struct raci_finding *f = NULL;
        if (entity && list_members(c, p, po, &who, first, NULL) != SIZE_MAX)
            f = raci_findings_add(c->out, chk->def->id, chk->severity, first, p, RACI_NONE,
                                  RACI_NONE, entity,
                                  "product '%s' has %zu Product Owners: %s; the Scrum Guide makes "
                                  "the Product Owner one person, not a committee (at most %ld)",
                                  product_name(c, p), n, who, max);
        if (!f || relate_members(c, f, p, po))
            err = RACI_ERROR_NOMEM;
        free(who);
        free(entity);
    }
    return err;
}

/* Products person is a member of: count, their names joined, rows related. */
static size_t person_products(const struct raci_engine *c, uint32_t person, char **names,
                              struct raci_finding *f)
{
    size_t n = 0;
    for (size_t m = 0; m < c->r->nmembers; m++) {
        const struct raci_member *mem = &c->r->members[m];
        if (mem->person != person)
            continue;
        if (names) {
            char *s = raci_str_printf("%s%s'%s'", *names ? *names : "", *names ? ", " : "",
                                      product_name(c, mem->product));
            if (!s)
                return SIZE_MAX;
            free(*names);
            *names = s;
        }
        if (f && raci_finding_relate(f, mem->loc))
            return SIZE_MAX;
        n++;
    }
    return n;
}

raci_error raci_roles_po_multiple_products(struct raci_engine *c, const struct raci_check *chk)
{
    uint64_t po = role_bit(c, "po");
    long max = raci_ruleset_int(chk, "max_products");

    for (uint32_t i = 0; i < c->r->npersons && po; i++) {
        if (!has_role(c, i, po))
            continue;
        size_t n = person_products(c, i, NULL, NULL);
        if ((long)n <= max)
            continue;
        char *names = NULL, *entity = person_entity(c, i);
        struct raci_finding *f = NULL;
        if (entity && person_products(c, i, &names, NULL) != SIZE_MAX)
            f = raci_findings_add(c->out, chk->def->id, chk->severity, c->r->persons[i].loc,
                                  RACI_NONE, RACI_NONE, i, entity,
                                  "%s is Product Owner on %zu products (%s); the documents have a "
                                  "PO focus on one product (at most %ld)",
                                  person_name(c, i), n, names, max);
        raci_error err = !f || person_products(c, i, NULL, f) == SIZE_MAX ? RACI_ERROR_NOMEM : 0;
        free(names);
        free(entity);
        if (err)
            return err;
    }
    return RACI_OK;
}

raci_error raci_roles_split_po_pm(struct raci_engine *c, const struct raci_check *chk)
{
    uint64_t po = role_bit(c, "po"), pm = role_bit(c, "pm");
    long max = raci_ruleset_int(chk, "max_team_size");

    for (uint32_t i = 0; i < c->r->npersons && po && pm; i++) {
        if (!has_role(c, i, po) || !has_role(c, i, pm))
            continue;
        size_t nprod = 0, largest = 0;
        uint32_t largest_p = RACI_NONE;
        for (size_t m = 0; m < c->r->nmembers; m++) {
            const struct raci_member *mem = &c->r->members[m];
            if (mem->person != i)
                continue;
            size_t size = raci_roster_team_size(c->r, mem->product);
            nprod++;
            if (size > largest) {
                largest = size;
                largest_p = mem->product;
            }
        }
        if (nprod <= 1 && (long)largest <= max)
            continue;
        char *entity = person_entity(c, i);
        struct raci_finding *f = NULL;
        if (!entity)
            return RACI_ERROR_NOMEM;
        if (nprod > 1)
            f = raci_findings_add(c->out, chk->def->id, chk->severity, c->r->persons[i].title_loc,
                                  RACI_NONE, RACI_NONE, i, entity,
                                  "%s is both Product Owner and Product Manager across %zu "
                                  "products; the documents combine the roles only on one small "
                                  "team: give the products their own PO",
                                  person_name(c, i), nprod);
        else
            f = raci_findings_add(c->out, chk->def->id, chk->severity, c->r->persons[i].title_loc,
                                  largest_p, RACI_NONE, i, entity,
                                  "%s is both Product Owner and Product Manager of '%s', a team "
                                  "of %zu (more than %ld); the documents separate the roles as "
                                  "the team grows",
                                  person_name(c, i), product_name(c, largest_p), largest, max);
        free(entity);
        if (!f || person_products(c, i, NULL, f) == SIZE_MAX)
            return RACI_ERROR_NOMEM;
    }
    return RACI_OK;
}

raci_error raci_roles_pm_span(struct raci_engine *c, const struct raci_check *chk)
{
    uint64_t po = role_bit(c, "po"), pm = role_bit(c, "pm");
    long max = raci_ruleset_int(chk, "max_pos");
    uint8_t *seen = calloc(c->r->npersons ? c->r->npersons : 1, 1);
    raci_error err = RACI_OK;

    if (!seen)
        return RACI_ERROR_NOMEM;
    for (uint32_t i = 0; i < c->r->npersons && pm && !err; i++) {
        if (!has_role(c, i, pm))
            continue;
        /* The POs of every product the PM is on, each counted once. */
        size_t nprod = 0, npos = 0;
        memset(seen, 0, c->r->npersons);
        for (size_t m = 0; m < c->r->nmembers; m++) {
            const struct raci_member *mem = &c->r->members[m];
            if (mem->person != i)
                continue;
            nprod++;
            for (size_t k = 0; k < c->r->nmembers; k++) {
                const struct raci_member *o = &c->r->members[k];
                if (o->product == mem->product && o->person != i && has_role(c, o->person, po) &&
                    !seen[o->person]) {
                    seen[o->person] = 1;
                    npos++;
                }
            }
        }
        if ((long)nprod <= max && (long)npos <= max)
            continue;
        char *entity = person_entity(c, i);
        struct raci_finding *f =
            entity ? raci_findings_add(c->out, chk->def->id, chk->severity, c->r->persons[i].loc,
                                       RACI_NONE, RACI_NONE, i, entity,
                                       "%s (%s) spans %zu products and %zu Product Owners (more "
                                       "than %ld); SAFe puts a Product Manager's practical limit "
                                       "near four POs",
                                       person_name(c, i), first_title(c, i), nprod, npos, max)
                   : NULL;
        if (!f || person_products(c, i, NULL, f) == SIZE_MAX)
            err = RACI_ERROR_NOMEM;
        free(entity);
    }
    free(seen);
    return err;
}

raci_error raci_roles_team_size(struct raci_engine *c, const struct raci_check *chk)
{
    long max = raci_ruleset_int(chk, "max_team_size");
    for (uint32_t p = 0; p < c->r->nproducts; p++) {
        size_t n = raci_roster_team_size(c->r, p);
        if ((long)n <= max)
            continue;
        char *entity = product_entity(c, p);
        /* The Scrum Guide is cited for its own number only: a ruleset with
         * another limit would have it "keep a team to ten" about a team of
         * nine. */
        struct raci_finding *f =
            entity ? raci_findings_add(c->out, chk->def->id, chk->severity, c->r->products[p].loc,
                                       p, RACI_NONE, RACI_NONE, entity,
                                       "product '%s' has a team of %zu people (more than %ld); "
                                       "%s into teams that share one Product Goal, backlog and PO",
                                       product_name(c, p), n, max,
                                       max == 10 ? "the Scrum Guide keeps a team to ten or fewer: "
                                                   "split it"
                                                 : "split it")
                   : NULL;
        free(entity);
        if (!f)
            return RACI_ERROR_NOMEM;
    }
    return RACI_OK;
}

/* ------------------------------------------------------- the load rules -- */
static raci_error check_load(struct raci_engine *c, const struct raci_check *chk, int sole)
{
    const struct raci_roster *r = c->r;
    long max = raci_ruleset_int(chk, sole ? "max_sole" : "max_accountable");
    uint32_t *count = calloc(r->npersons ? r->npersons : 1, sizeof(*count));
    uint32_t *h = malloc((r->nassigns + 1) * sizeof(*h));
    raci_error err = RACI_OK;

    if (!count || !h) {
        free(count);
        free(h);
        return RACI_ERROR_NOMEM;
    }
    for (uint32_t t = 0; t < r->ntasks; t++) {
        size_t na = holders(c, t, RACI_A, h);
        if (!sole) {
            for (size_t i = 0; i < na; i++)
                count[r->assigns[h[i]].person]++;
            continue;
        }
        /* The only R, and the one A. */
        if (na != 1)
            continue;
        uint32_t a = r->assigns[h[0]].person;
        if (holders(c, t, RACI_R, h) == 1 && r->assigns[h[0]].person == a)
            count[a]++;
    }
    for (uint32_t i = 0; i < r->npersons && !err; i++) {
        if ((long)count[i] <= max)
            continue;
        char *entity = person_entity(c, i);
        struct raci_finding *f = NULL;
        if (entity && !sole)
            f = raci_findings_add(c->out, chk->def->id, chk->severity, r->persons[i].loc, RACI_NONE,
                                  RACI_NONE, i, entity,
                                  "%s is accountable for %u tasks (more than %ld); combined "
                                  "roles risk burnout: hand some A's to the roles the documents "
                                  "give them",
                                  person_name(c, i), count[i], max);
        else if (entity)
            f = raci_findings_add(c->out, chk->def->id, chk->severity, r->persons[i].loc, RACI_NONE,
                                  RACI_NONE, i, entity,
                                  "%s is both the accountable and the only responsible person "
                                  "on %u tasks (more than %ld); work stops when they are away: "
                                  "add a second R",
                                  person_name(c, i), count[i], max);
        free(entity);
        if (!f)
            err = RACI_ERROR_NOMEM;
    }
    free(count);
    free(h);
    return err;
}

raci_error raci_load_accountability_overload(struct raci_engine *c, const struct raci_check *chk)
{
    return check_load(c, chk, 0);
}

raci_error raci_load_single_point_of_failure(struct raci_engine *c, const struct raci_check *chk)
{
    return check_load(c, chk, 1);
}

/* -------------------------------------------------- the org-chart rules -- */
raci_error raci_org_unknown_manager(struct raci_engine *c, const struct raci_check *chk)
{
    for (uint32_t i = 0; i < c->r->npersons; i++) {
        const struct raci_person *p = &c->r->persons[i];
        if (!*p->manager || p->manager_idx != RACI_NONE)
            continue;
        char *entity = person_entity(c, i);
        struct raci_finding *f =
            entity ? raci_findings_add(c->out, chk->def->id, chk->severity, p->manager_loc,
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
static int person_before(const struct raci_engine *c, uint32_t a, uint32_t b)
{
    char *ka = raci_str_key(c->r->persons[a].name), *kb = raci_str_key(c->r->persons[b].name);
    /* Out of memory only changes which person the loop is named from. */
    int cmp = ka && kb ? strcmp(ka, kb) : 0;
    free(ka);
    free(kb);
    if (!cmp)
        cmp = strcmp(c->r->persons[a].id, c->r->persons[b].id);
    return cmp < 0;
}

raci_error raci_org_reporting_cycle(struct raci_engine *c, const struct raci_check *chk)
{
    const struct raci_roster *r = c->r;
    /* 0 unvisited, 1 on the current path, 2 done. Following manager links
     * from each person in roster order finds each loop once, entered at
     * its first person reached. */
    uint8_t *state = calloc(r->npersons ? r->npersons : 1, 1);
    raci_error err = RACI_OK;

    if (!state)
        return RACI_ERROR_NOMEM;
    for (uint32_t start = 0; start < r->npersons && !err; start++) {
        uint32_t p = start;
        while (p != RACI_NONE && state[p] == 0) {
            state[p] = 1;
            p = r->persons[p].manager_idx;
        }
        if (p != RACI_NONE && state[p] == 1) {
            /* p is on a loop: name it from its earliest person in roster order. */
            /* Name the loop from its member whose name sorts first, so that
             * the finding is the same whatever the order of the rows. */
            uint32_t first = p;
            for (uint32_t q = r->persons[p].manager_idx; q != p; q = r->persons[q].manager_idx)
                if (person_before(c, q, first))
                    first = q;
            char *who = NULL, *entity = person_entity(c, first);
            uint32_t q = first;
            do {
                char *s = raci_str_printf("%s%s -> ", who ? who : "", r->persons[q].name);
                free(who);
                who = s;
                q = r->persons[q].manager_idx;
            } while (q != first && who);
            struct raci_finding *f = NULL;
            if (who && entity)
                f = raci_findings_add(c->out, chk->def->id, chk->severity,
                                      r->persons[first].manager_loc, RACI_NONE, RACI_NONE, first,
                                      entity,
                                      "reporting loop: %s%s; following reports_to must reach "
                                      "the top of the organisation",
                                      who, r->persons[first].name);
            q = first;
            do {
                if (!f || raci_finding_relate(f, r->persons[q].manager_loc))
                    err = RACI_ERROR_NOMEM;
                q = r->persons[q].manager_idx;
            } while (q != first && !err);
            free(who);
            free(entity);
        }
        /* Everything walked is now done. */
        for (p = start; p != RACI_NONE && state[p] == 1; p = r->persons[p].manager_idx)
            state[p] = 2;
    }
    free(state);
    return err;
}

raci_error raci_org_span_of_control(struct raci_engine *c, const struct raci_check *chk)
{
    const struct raci_roster *r = c->r;
    long max = raci_ruleset_int(chk, "max_reports");
    uint32_t *count = calloc(r->npersons ? r->npersons : 1, sizeof(*count));
    raci_error err = RACI_OK;

    if (!count)
        return RACI_ERROR_NOMEM;
    for (uint32_t i = 0; i < r->npersons; i++)
        if (r->persons[i].manager_idx != RACI_NONE && r->persons[i].manager_idx != i)
            count[r->persons[i].manager_idx]++;
    for (uint32_t m = 0; m < r->npersons && !err; m++) {
        if ((long)count[m] <= max)
            continue;
        char *entity = person_entity(c, m);
        struct raci_finding *f =
            entity ? raci_findings_add(c->out, chk->def->id, chk->severity, r->persons[m].loc,
                                       RACI_NONE, RACI_NONE, m, entity,
                                       "%s has %u direct reports (more than %ld); Larson's An "
                                       "Elegant Puzzle puts a healthy span at six to eight",
                                       r->persons[m].name, count[m], max)
                   : NULL;
        for (uint32_t i = 0; i < r->npersons && f && !err; i++)
            if (r->persons[i].manager_idx == m && i != m)
                err = raci_finding_relate(f, r->persons[i].manager_loc);
        free(entity);
        if (!f)
            err = RACI_ERROR_NOMEM;
    }
    free(count);
    return err;
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
        m = f->product == RACI_NONE ? 0 : same_name(product_name(c, f->product), w->product);
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

/* "waiver:team-size/product:atlas": a waiver's stable key, for baselines. */
static char *waiver_entity(const struct raci_waiver *w)
{
    const char *field[3] = {w->product, w->task, w->person};
    static const char *const label[3] = {"product", "task", "person"};
    struct raci_str b = RACI_STR_INIT;

    raci_str_addf(&b, "waiver:%s", w->rule->id);
    for (int i = 0; i < 3; i++) {
        if (!field[i])
            continue;
        raci_str_addf(&b, "/%s:", label[i]);
        raci_str_addkey(&b, field[i]);
    }
    return raci_str_take(&b);
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
    char *entity = waiver_entity(w);
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

raci_error raci_checks_run(const struct raci_roster *r, const struct raci_ruleset *rs,
                           struct raci_findings *out)
{
    struct raci_engine e = {r, rs, out, out->n, NULL, "", NULL, NULL};
    raci_error err = build_task_index(&e);

    if (!err)
        err = run_scope(&e, 0);
    if (!err)
        err = apply_waivers(&e);
    if (!err)
        err = run_scope(&e, 1);
    free(e.task_start);
    free(e.by_task);
    free(e.waiver_hits);
    if (!err)
        raci_findings_sort(out);
    return err;
}
