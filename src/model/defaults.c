/*
 * defaults.c - the default RACI of a product that names no task: its
 * people's roles (from their titles) and the ruleset's default table.
 */
#include "raci/defaults.h"

#include <stdlib.h>

#include "raci/letters.h"
#include "raci/roster.h"

/* The letters of an assignment and of a pair (view.h) are bytes. */
_Static_assert(RACI_ALL <= UINT8_MAX, "a letters mask fits a byte");

/*
 * Who is accountable for default task d in product p: the first member in
 * the role the table makes accountable, or, where the product has nobody in
 * it, the first member of its fallback roles in the ruleset's order. The A
 * goes to one person, so that several developers do not make several A's.
 * Sets *letters to the accountable role's letters.
 */
static uint32_t generated_owner(const struct raci_roster *r, uint32_t p, size_t d,
                                unsigned *letters)
{
    const struct raci_ruleset *rs = r->rs;

    for (size_t role = 0; role < rs->nroles; role++) {
        if (!(rs->tasks[d].raci[role] & RACI_A))
            continue;
        uint32_t who = raci_view_product_role_first(r, p, (int)role);
        for (size_t k = 0; who == UINT32_MAX && k < rs->roles[role].nfallbacks; k++)
            who = raci_view_product_role_first(r, p, rs->roles[role].fallbacks[k]);
        if (who != UINT32_MAX) {
            *letters = rs->tasks[d].raci[role];
            return who;
        }
    }
    *letters = 0;
    return RACI_NONE;
}

/* The letters the default table gives member m on task d: those of every
 * role they hold, but the A, which goes to the owner alone; the owner takes
 * the accountable role's letters (C and I of their own role would only
 * repeat them). */
static unsigned generated_letters(const struct raci_roster *r, const struct raci_member *m,
                                  size_t d, uint32_t owner, unsigned owner_letters)
{
    const struct raci_ruleset *rs = r->rs;
    unsigned letters = 0;

    for (size_t role = 0; role < rs->nroles; role++)
        if (r->persons[m->person].roles & ((uint64_t)1 << role))
            letters |= rs->tasks[d].raci[role] & ~(unsigned)RACI_A;
    if (m->person == owner)
        letters = owner_letters | (letters & RACI_R);
    return letters;
}

/* Generate product p's RACI from the ruleset's default table, from the
 * roles its people's titles map to. */
static raci_error generate_product(struct raci_roster *r, uint32_t p)
{
    const struct raci_ruleset *rs = r->rs;
    size_t nmem;
    const uint32_t *mem = raci_view_product_members(r, p, &nmem);
    raci_error err;

    for (size_t d = 0; d < rs->ntasks; d++) {
        uint32_t task = RACI_NONE;
        unsigned owner_letters;
        uint32_t owner = generated_owner(r, p, d, &owner_letters);
        /* Nobody in the accountable role or its fallbacks: the team does
         * not do this task, so no row is made for it. */
        if (owner == RACI_NONE)
            continue;
        for (size_t k = 0; k < nmem; k++) {
            const struct raci_member *m = &r->members[mem[k]];
            unsigned letters = generated_letters(r, m, d, owner, owner_letters);
            struct raci_assign a = {
                m->person, p,      RACI_NONE,   letters, 0, RACI_ASSIGN_GENERATED,
                "",        m->loc, m->loc.line, ""};
            if (!letters)
                continue;
            if (task == RACI_NONE &&
                (err = raci_roster_task(r, p, rs->tasks[d].name, m->loc, &task)))
                return err;
            a.task = task;
            if ((err = raci_roster_assign(r, &a)))
                return err;
        }
    }
    return RACI_OK;
}

raci_error raci_defaults_generate(struct raci_roster *r)
{
    uint8_t *has_task = calloc(r->nproducts ? r->nproducts : 1, 1);
    size_t ntasks = r->ntasks;
    raci_error err = RACI_OK;

    if (!has_task)
        return RACI_ERROR_NOMEM;
    for (size_t i = 0; i < ntasks; i++)
        has_task[r->tasks[i].product] = 1;
    for (uint32_t p = 0; p < r->nproducts && !err; p++)
        if (!has_task[p])
            err = generate_product(r, p);
    free(has_task);
    return err;
}
