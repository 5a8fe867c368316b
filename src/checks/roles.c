/*
 * roles.c - the role rules: what the documents give the Product Owner, the
 * Product Manager and the Director, read from job titles.
 *
 * Roles are named by their ids in the ruleset ("po", "pm", "director");
 * a ruleset without one of them turns the rules about it into no findings.
 * They apply where their subject exists: to a product whose team has
 * someone whose title maps to a role (a cloud provider's shared
 * responsibility matrix, "Customer" and "Provider", has no PO to miss);
 * role-rules-skipped says, once per file, where they were not applied. The
 * rules that count one person's products or team skip "people" who stand
 * for roles.
 * Who holds a role on a product comes from the views (the members of a
 * product holding a role, the products of a person), so that no rule scans
 * the memberships.
 */
#include "raci/checks.h"

#include <stdlib.h>
#include <string.h>

#include "raci/letters.h"
#include "raci/str.h"
#include "raci/titles.h"
#include "raci/view.h"

static const char *first_title(const struct raci_roster *r, uint32_t person)
{
    const struct raci_person *p = &r->persons[person];
    return p->ntitles ? p->titles[0] : "no title";
}

/* The first member of product p who holds the role with this id, or
 * RACI_NONE. */
static uint32_t role_holder(const struct raci_engine *e, uint32_t p, const char *role)
{
    return raci_view_product_role_first(e->r, p, raci_ruleset_role(e->rs, role));
}

/* The ruleset tasks a check's `tasks` names, as one flag per ruleset task,
 * resolved once per check rather than once per roster task. The loader has
 * checked that every name is a known task. malloc'd; NULL when out of
 * memory. */
static uint8_t *listed_defs(const struct raci_engine *e, const struct raci_check *chk)
{
    const struct raci_param *p = raci_ruleset_param(chk, "tasks");
    uint8_t *defs = calloc(e->rs->ntasks ? e->rs->ntasks : 1, 1);
    for (size_t i = 0; defs && p && i < p->nlist; i++) {
        int def = raci_ruleset_find_task(e->rs, p->list[i]);
        if (def >= 0)
            defs[def] = 1;
    }
    return defs;
}

static int task_listed(const struct raci_engine *e, const uint8_t *defs, uint32_t t)
{
    return e->r->tasks[t].def >= 0 && defs[e->r->tasks[t].def];
}

/*
 * The accountable person of each listed task must hold role `want`, when
 * the product has someone in that role (else in role `fallback`). One
 * finding per task, at the first wrong A, with the other A's related.
 */
static raci_error owner_rule(struct raci_engine *e, const struct raci_check *chk, const char *want,
                             const char *fallback, const char *why)
{
    const struct raci_roster *r = e->r;
    uint8_t *defs = listed_defs(e, chk);
    raci_error err = RACI_OK;

    if (!defs)
        return RACI_ERROR_NOMEM;
    for (uint32_t t = 0; t < r->ntasks && !err; t++) {
        const struct raci_task *task = &r->tasks[t];
        if (!task_listed(e, defs, t))
            continue;
        const char *role = want;
        uint32_t holder = role_holder(e, task->product, want);
        if (holder == RACI_NONE && fallback) {
            role = fallback;
            holder = role_holder(e, task->product, fallback);
        }
        if (holder == RACI_NONE)
            continue; /* nobody in the role: nothing better to suggest */
        uint64_t bit = raci_checks_role_bit(e, role);
        size_t n, i = 0;
        const uint32_t *h = raci_checks_holders(e, t, RACI_A, &n);
        while (i < n && raci_checks_has_role(e, r->assigns[h[i]].person, bit))
            i++;
        if (i == n)
            continue;
        const struct raci_assign *a = &r->assigns[h[i]];
        char *entity = raci_findings_entity_task(r, t);
        struct raci_finding *f =
            entity ? raci_findings_add(e->out, chk->def->id, chk->severity, a->loc, task->product,
                                       t, a->person, entity,
                                       "%s (%s) is accountable for '%s' in product '%s', but %s "
                                       "is its %s; %s",
                                       r->persons[a->person].name, first_title(r, a->person),
                                       task->name, r->products[task->product].name,
                                       r->persons[holder].name, raci_checks_role_name(e, role), why)
                   : NULL;
        free(entity);
        err = f ? raci_checks_relate_assigns(e, f, h, n) : RACI_ERROR_NOMEM;
    }
    free(defs);
    return err;
}

raci_error raci_roles_pm_owns_strategy(struct raci_engine *e, const struct raci_check *chk)
{
    return owner_rule(e, chk, "pm", NULL,
                      "the documents make the Product Manager accountable for strategy: market "
                      "research, customer feedback, vision, roadmap and KPIs");
}

raci_error raci_roles_po_owns_backlog(struct raci_engine *e, const struct raci_check *chk)
{
    return owner_rule(e, chk, "po", NULL,
                      "the documents make the Product Owner accountable for the backlog, user "
                      "stories, acceptance criteria, the sprint review and the product goal");
}

raci_error raci_roles_director_owns_people(struct raci_engine *e, const struct raci_check *chk)
{
    const struct raci_param *fb = raci_ruleset_param(chk, "fallback");
    return owner_rule(e, chk, "director", fb && fb->sval && *fb->sval ? fb->sval : NULL,
                      "the documents give career planning, promotions, coaching and people "
                      "management to the Director (to the Engineering Manager where there is "
                      "no Director)");
}

/* The first A of task t who is a Product Manager and not also its Product
 * Owner, as an index into r->assigns, or RACI_NONE. */
static uint32_t pm_accountable(struct raci_engine *e, uint32_t t, uint64_t pm, uint64_t po)
{
    size_t n;
    const uint32_t *h = raci_checks_holders(e, t, RACI_A, &n);
    for (size_t i = 0; i < n; i++) {
        uint32_t person = e->r->assigns[h[i]].person;
        if (raci_checks_has_role(e, person, pm) && !raci_checks_has_role(e, person, po))
            return h[i];
    }
    return RACI_NONE;
}

raci_error raci_roles_scrum_contact_po(struct raci_engine *e, const struct raci_check *chk)
{
    const struct raci_param *fw = raci_ruleset_param(chk, "framework");
    const char *want = fw && fw->sval && *fw->sval ? fw->sval : "scrum";
    uint64_t pm = raci_checks_role_bit(e, "pm"), po = raci_checks_role_bit(e, "po");
    const struct raci_roster *r = e->r;
    uint8_t *defs;
    raci_error err = RACI_OK;

    if (!e->rs->framework || raci_str_casecmp(e->rs->framework, want) != 0)
        return RACI_OK;
    if (!(defs = listed_defs(e, chk)))
        return RACI_ERROR_NOMEM;
    for (uint32_t t = 0; t < r->ntasks && !err; t++) {
        const struct raci_task *task = &r->tasks[t];
        uint32_t ai = task_listed(e, defs, t) ? pm_accountable(e, t, pm, po) : RACI_NONE;
        if (ai == RACI_NONE)
            continue;
        const struct raci_assign *a = &r->assigns[ai];
        uint32_t owner = role_holder(e, task->product, "po");
        char *entity = raci_findings_entity_task(r, t);
        struct raci_finding *f =
            entity
                ? raci_findings_add(e->out, chk->def->id, chk->severity, a->loc, task->product, t,
                                    a->person, entity,
                                    "%s (%s) is accountable for '%s' in product '%s'; in Scrum the "
                                    "developers' day-to-day contact is the Product Owner%s%s%s",
                                    r->persons[a->person].name, first_title(r, a->person),
                                    task->name, r->products[task->product].name,
                                    owner != RACI_NONE ? " (" : "",
                                    owner != RACI_NONE ? r->persons[owner].name : "",
                                    owner != RACI_NONE ? ")" : "")
                : NULL;
        free(entity);
        if (!f)
            err = RACI_ERROR_NOMEM;
    }
    free(defs);
    return err;
}

raci_error raci_roles_product_without_po(struct raci_engine *e, const struct raci_check *chk)
{
    const struct raci_roster *r = e->r;
    if (raci_ruleset_role(e->rs, "po") < 0)
        return RACI_OK;
    for (uint32_t p = 0; p < r->nproducts; p++) {
        if (!raci_checks_titled(e, p) || role_holder(e, p, "po") != RACI_NONE)
            continue;
        char *entity = raci_findings_entity_product(r, p);
        struct raci_finding *f =
            entity ? raci_findings_add(e->out, chk->def->id, chk->severity, r->products[p].loc, p,
                                       RACI_NONE, RACI_NONE, entity,
                                       "product '%s' has no Product Owner; the documents give "
                                       "each product one PO who owns its backlog and delivery",
                                       r->products[p].name)
                   : NULL;
        free(entity);
        if (!f)
            return RACI_ERROR_NOMEM;
    }
    return RACI_OK;
}

/* Relate to f the rows that put the members m[0..n) on their product. */
static raci_error relate_members(const struct raci_roster *r, struct raci_finding *f,
                                 const uint32_t *m, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (raci_findings_relate(f, r->members[m[i]].loc))
            return RACI_ERROR_NOMEM;
    return RACI_OK;
}

raci_error raci_roles_multiple_po(struct raci_engine *e, const struct raci_check *chk)
{
    const struct raci_roster *r = e->r;
    int po = raci_ruleset_role(e->rs, "po");
    long max = raci_ruleset_int(chk, "max_po");
    raci_error err = RACI_OK;

    for (uint32_t p = 0; p < r->nproducts && po >= 0 && !err; p++) {
        size_t n;
        const uint32_t *m = raci_view_product_role(r, p, po, &n);
        if ((long)n <= max)
            continue;
        /* Every PO is named: there are few, and each must be looked at. */
        struct raci_loc first = r->members[m[0]].loc;
        struct raci_str who = RACI_STR_INIT;
        for (size_t i = 0; i < n; i++)
            raci_checks_add_who(&who, r->persons[r->members[m[i]].person].name,
                                r->members[m[i]].loc, first);
        char *entity = raci_findings_entity_product(r, p);
        struct raci_finding *f = NULL;
        if (entity && !who.failed)
            f = raci_findings_add(e->out, chk->def->id, chk->severity, first, p, RACI_NONE,
                                  RACI_NONE, entity,
                                  "product '%s' has %zu Product Owners: %s; the Scrum Guide makes "
                                  "the Product Owner one person, not a committee (at most %ld)",
                                  r->products[p].name, n, raci_str_cstr(&who), max);
        err = f ? relate_members(r, f, m, n) : RACI_ERROR_NOMEM;
        raci_str_release(&who);
        free(entity);
    }
    return err;
}

raci_error raci_roles_po_multiple_products(struct raci_engine *e, const struct raci_check *chk)
{
    const struct raci_roster *r = e->r;
    uint64_t po = raci_checks_role_bit(e, "po");
    long max = raci_ruleset_int(chk, "max_products");

    for (uint32_t i = 0; i < r->npersons && po; i++) {
        size_t n;
        const uint32_t *m = raci_view_person_members(r, i, &n);
        if (!raci_checks_has_role(e, i, po) || (long)n <= max || raci_checks_stands_for_role(e, i))
            continue;
        struct raci_str names = RACI_STR_INIT;
        for (size_t k = 0; k < n; k++)
            raci_str_addf(&names, "%s'%s'", k ? ", " : "",
                          r->products[r->members[m[k]].product].name);
        char *entity = raci_findings_entity_person(r, i);
        struct raci_finding *f = NULL;
        if (entity && !names.failed)
            f = raci_findings_add(e->out, chk->def->id, chk->severity, r->persons[i].loc, RACI_NONE,
                                  RACI_NONE, i, entity,
                                  "%s is Product Owner on %zu products (%s); the documents have a "
                                  "PO focus on one product (at most %ld)",
                                  r->persons[i].name, n, raci_str_cstr(&names), max);
        raci_error err = f ? relate_members(r, f, m, n) : RACI_ERROR_NOMEM;
        raci_str_release(&names);
        free(entity);
        if (err)
            return err;
    }
    return RACI_OK;
}

/* The report of split-po-pm on person i, who is both PO and PM on the n
 * products of memberships m[]. */
static raci_error report_split(struct raci_engine *e, const struct raci_check *chk, uint32_t i,
                               const uint32_t *m, size_t n, uint32_t largest_p, size_t largest)
{
    const struct raci_roster *r = e->r;
    long max = raci_ruleset_int(chk, "max_team_size");
    char *entity = raci_findings_entity_person(r, i);
    struct raci_finding *f = NULL;

    if (!entity)
        return RACI_ERROR_NOMEM;
    if (n > 1)
        f = raci_findings_add(e->out, chk->def->id, chk->severity, r->persons[i].title_loc,
                              RACI_NONE, RACI_NONE, i, entity,
                              "%s is both Product Owner and Product Manager across %zu "
                              "products; the documents combine the roles only on one small "
                              "team: give the products their own PO",
                              r->persons[i].name, n);
    else
        f = raci_findings_add(e->out, chk->def->id, chk->severity, r->persons[i].title_loc,
                              largest_p, RACI_NONE, i, entity,
                              "%s is both Product Owner and Product Manager of '%s', a team "
                              "of %zu (more than %ld); the documents separate the roles as "
                              "the team grows",
                              r->persons[i].name, r->products[largest_p].name, largest, max);
    free(entity);
    return f ? relate_members(r, f, m, n) : RACI_ERROR_NOMEM;
}

raci_error raci_roles_split_po_pm(struct raci_engine *e, const struct raci_check *chk)
{
    const struct raci_roster *r = e->r;
    uint64_t po = raci_checks_role_bit(e, "po"), pm = raci_checks_role_bit(e, "pm");
    long max = raci_ruleset_int(chk, "max_team_size");
    raci_error err = RACI_OK;

    for (uint32_t i = 0; i < r->npersons && po && pm && !err; i++) {
        if (!raci_checks_has_role(e, i, po) || !raci_checks_has_role(e, i, pm) ||
            raci_checks_stands_for_role(e, i))
            continue;
        size_t n, largest = 0;
        uint32_t largest_p = RACI_NONE;
        const uint32_t *m = raci_view_person_members(r, i, &n);
        for (size_t k = 0; k < n; k++) {
            size_t size = raci_view_team_size(r, r->members[m[k]].product);
            if (size > largest) {
                largest = size;
                largest_p = r->members[m[k]].product;
            }
        }
        if (n > 1 || (long)largest > max)
            err = report_split(e, chk, i, m, n, largest_p, largest);
    }
    return err;
}

/* The number of Product Owners, other than person self, on the n products
 * of memberships m[], each counted once. seen[q] == self + 1 marks PO q as
 * counted for self, so that seen is never cleared. */
static size_t count_pos(const struct raci_engine *e, uint32_t self, const uint32_t *m, size_t n,
                        int po, uint32_t *seen)
{
    size_t npos = 0;
    for (size_t k = 0; k < n; k++) {
        size_t nq;
        const uint32_t *q = raci_view_product_role(e->r, e->r->members[m[k]].product, po, &nq);
        for (size_t j = 0; j < nq; j++) {
            uint32_t person = e->r->members[q[j]].person;
            if (person != self && seen[person] != self + 1) {
                seen[person] = self + 1;
                npos++;
            }
        }
    }
    return npos;
}

/* Each PM's products and their POs are visited once for that PM: the work
 * is the sum, over the PMs of each product, of the product's POs. That is
 * linear while products keep to a few POs (multiple-po asks for one). The
 * count must be exact, not capped at the limit: the message gives it. */
raci_error raci_roles_pm_span(struct raci_engine *e, const struct raci_check *chk)
{
    const struct raci_roster *r = e->r;
    int po = raci_ruleset_role(e->rs, "po");
    uint64_t pm = raci_checks_role_bit(e, "pm");
    long max = raci_ruleset_int(chk, "max_pos");
    uint32_t *seen = calloc(r->npersons ? r->npersons : 1, sizeof(*seen));
    raci_error err = RACI_OK;

    if (!seen)
        return RACI_ERROR_NOMEM;
    for (uint32_t i = 0; i < r->npersons && pm && !err; i++) {
        if (!raci_checks_has_role(e, i, pm) || raci_checks_stands_for_role(e, i))
            continue;
        size_t nprod;
        const uint32_t *m = raci_view_person_members(r, i, &nprod);
        size_t npos = count_pos(e, i, m, nprod, po, seen);
        if ((long)nprod <= max && (long)npos <= max)
            continue;
        char *entity = raci_findings_entity_person(r, i);
        struct raci_finding *f =
            entity ? raci_findings_add(e->out, chk->def->id, chk->severity, r->persons[i].loc,
                                       RACI_NONE, RACI_NONE, i, entity,
                                       "%s (%s) spans %zu products and %zu Product Owners (more "
                                       "than %ld); SAFe puts a Product Manager's practical limit "
                                       "near four POs",
                                       r->persons[i].name, first_title(r, i), nprod, npos, max)
                   : NULL;
        err = f ? relate_members(r, f, m, nprod) : RACI_ERROR_NOMEM;
        free(entity);
    }
    free(seen);
    return err;
}

/* Does product p's team count role stand-ins? Then its size is not a
 * number of people. */
static int stand_ins(const struct raci_engine *e, uint32_t p)
{
    size_t n;
    const uint32_t *m = raci_view_product_members(e->r, p, &n);
    for (size_t i = 0; i < n; i++)
        if (raci_checks_stands_for_role(e, e->r->members[m[i]].person))
            return 1;
    return 0;
}

raci_error raci_roles_team_size(struct raci_engine *e, const struct raci_check *chk)
{
    const struct raci_roster *r = e->r;
    long max = raci_ruleset_int(chk, "max_team_size");
    for (uint32_t p = 0; p < r->nproducts; p++) {
        size_t n = raci_view_team_size(r, p);
        if ((long)n <= max || !raci_checks_titled(e, p) || stand_ins(e, p))
            continue;
        char *entity = raci_findings_entity_product(r, p);
        /* The Scrum Guide is cited for its own number only: a ruleset with
         * another limit would have it "keep a team to ten" about a team of
         * nine. */
        struct raci_finding *f =
            entity ? raci_findings_add(e->out, chk->def->id, chk->severity, r->products[p].loc, p,
                                       RACI_NONE, RACI_NONE, entity,
                                       "product '%s' has a team of %zu people (more than %ld); "
                                       "%s into teams that share one Product Goal, backlog and PO",
                                       r->products[p].name, n, max,
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

/* ------------------------------------------------------ not applied -- */

/* Add to b a title pattern the ruleset would take for title: its first
 * part, before any / , ; & + | or bracketed note, quoted for YAML; or a
 * placeholder when nothing of it would do. */
static void add_pattern(struct raci_str *b, const char *title)
{
    size_t n = strcspn(title, "/,;&+|([{");
    struct raci_str part = RACI_STR_INIT;
    char *key;

    while (n && title[n - 1] == ' ')
        n--;
    raci_str_addn(&part, title, n);
    key = part.failed ? NULL : raci_str_key(raci_str_cstr(&part));
    if (key && raci_titles_can_match(raci_str_cstr(&part), key)) {
        raci_str_addc(b, '\'');
        for (const char *c = raci_str_cstr(&part); *c; c++) {
            if (*c == '\'')
                raci_str_addc(b, '\'');
            raci_str_addc(b, *c);
        }
        raci_str_addc(b, '\'');
    } else {
        raci_str_add(b, "your product owner's title");
    }
    raci_str_release(&part);
    free(key);
}

/* The first title on product p's team, or NULL. */
static const char *team_title(const struct raci_roster *r, uint32_t p)
{
    size_t n;
    const uint32_t *m = raci_view_product_members(r, p, &n);
    for (size_t i = 0; i < n; i++)
        if (r->persons[r->members[m[i]].person].ntitles)
            return r->persons[r->members[m[i]].person].titles[0];
    return NULL;
}

/* "'Atlas', 'Borealis' and 3 more" of the products of file f left out; sets
 * *n to their count and *first to the first. */
#define SKIPPED_NAMED 3
static void add_skipped(const struct raci_engine *e, struct raci_str *b, const char *file,
                        size_t *n, uint32_t *first)
{
    const struct raci_roster *r = e->r;

    *n = 0;
    *first = RACI_NONE;
    for (uint32_t p = 0; p < r->nproducts; p++) {
        if (r->products[p].loc.file != file || raci_checks_titled(e, p))
            continue;
        if (*n < SKIPPED_NAMED)
            raci_str_addf(b, "%s'%s'", *n ? ", " : "", r->products[p].name);
        if (!(*n)++)
            *first = p;
    }
    if (*n > SKIPPED_NAMED)
        raci_str_addf(b, " and %zu more", *n - (size_t)SKIPPED_NAMED);
}

static raci_error report_skipped(struct raci_engine *e, const struct raci_check *chk, size_t f)
{
    const struct raci_roster *r = e->r;
    struct raci_str names = RACI_STR_INIT, how = RACI_STR_INIT, entity = RACI_STR_INIT,
                    count = RACI_STR_INIT;
    struct raci_finding *found = NULL;
    uint32_t first;
    size_t n;
    const char *title;

    add_skipped(e, &names, r->files[f], &n, &first);
    if (!n)
        return RACI_OK;
    title = team_title(r, first);
    raci_str_add(&how, "roles: {po: {titles: [");
    add_pattern(&how, title ? title : "");
    raci_str_add(&how, "]}}");
    for (size_t i = 0; i < e->rs->nroles; i++)
        raci_str_addf(&how, "%s%s", i ? ", " : " (role ids: ", e->rs->roles[i].id);
    raci_str_add(&how, e->rs->nroles ? ")" : "");
    if (stand_ins(e, first)) /* a chart's columns: they may name people */
        raci_str_add(&how, "; or, when the columns name people, give their titles with --people "
                           "FILE");
    raci_str_addf(&entity, "file:%s", r->files[f]);
    raci_str_addf(&count, "%zu products (", n);
    if (!names.failed && !how.failed && !entity.failed && !count.failed)
        found = raci_findings_add(
            e->out, chk->def->id, chk->severity, r->file_headers[f], n == 1 ? first : RACI_NONE,
            RACI_NONE, RACI_NONE, raci_str_cstr(&entity),
            "the role rules were not applied to %s%s%s%s: no title on %s%s%s%s maps to a "
            "role of the ruleset; if a title names a role, map it in your ruleset (extends: "
            "default), e.g. %s",
            n == 1 ? "product " : "", n == 1 ? "" : raci_str_cstr(&count), raci_str_cstr(&names),
            n == 1 ? "" : ")", n == 1 ? "its team" : "their teams", title ? ", such as '" : "",
            title ? title : "", title ? "'," : "", raci_str_cstr(&how));
    raci_str_release(&names);
    raci_str_release(&how);
    raci_str_release(&entity);
    raci_str_release(&count);
    return found ? RACI_OK : RACI_ERROR_NOMEM;
}

raci_error raci_roles_role_rules_skipped(struct raci_engine *e, const struct raci_check *chk)
{
    const struct raci_roster *r = e->r;
    raci_error err = RACI_OK;

    for (size_t f = 0; f < r->nfiles && !err; f++) {
        size_t k = 0;
        while (k < f && r->files[k] != r->files[f])
            k++;
        if (k == f) /* a file of several tables is said once */
            err = report_skipped(e, chk, f);
    }
    return err;
}
