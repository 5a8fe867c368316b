/*
 * checks.h - the rules engine, and what its checks share.
 *
 * raci_checks_run runs every check whose severity in the ruleset is not off
 * over a finished roster, appending findings. Each check reports once per
 * entity and lists every row involved. The roster and ruleset are only read.
 *
 * Then the ruleset's waivers are applied to the findings of this run (those
 * already in out are left alone; waivers.h says what a waiver covers): a
 * finding that a waiver in force covers is removed; a waiver past its expiry
 * date (rs->today) covers nothing and is reported as an expired-waiver
 * finding, one in force that covered nothing as an unused-waiver finding.
 * Both are located at the waiver in its ruleset file: their loc.file points
 * into rs, which must outlive out. Finally out is sorted.
 *
 * The checks themselves live in one module per family of rules.def
 * (src/checks/hygiene.c, input.c, roles.c, load.c, org.c, waivers.c); each is
 * raci_<family>_<sym>, declared below from its row, and documented by that
 * row (summary, why, example). A check looks at the roster through its views
 * (view.h), names its subject with an entity key of findings.h, and uses the
 * helpers below for what several families do alike.
 */
#ifndef RACI_CHECKS_H
#define RACI_CHECKS_H

#include <stddef.h>
#include <stdint.h>

#include "raci/error.h"
#include "raci/findings.h"
#include "raci/roster.h"
#include "raci/ruleset.h"
#include "raci/str.h"

/*
 * A run of the checks: what every check reads, and where it adds findings.
 * Checks get it from raci_checks_run and only read the roster and ruleset.
 */
struct raci_engine {
    const struct raci_roster *r;
    const struct raci_ruleset *rs;
    struct raci_findings *out;
    size_t first;        /* out's findings from here on are this run's */
    size_t *waiver_hits; /* per waiver of rs: the findings it covers */
    char today[11];      /* the day waivers are judged on */
    uint32_t *held;      /* room for the holders of one task (raci_checks_holders) */
    uint8_t *titled;     /* per product: its team has someone whose title maps to a role */
    uint8_t *lettered;   /* per file of the roster: a row of it gives letters */
};

/* Every row's check, raci_<family>_<sym>, declared from rules.def: a row
 * whose function is missing fails the link. */
#define RACI_RULE(family, sym, ...)                                                                \
    raci_error raci_##family##_##sym(struct raci_engine *e, const struct raci_check *chk);
#include "raci/rules.def"
#undef RACI_RULE

raci_error raci_checks_run(const struct raci_roster *r, const struct raci_ruleset *rs,
                           struct raci_findings *out);

/* ------------------------------------------------- for the checks -- */

/*
 * The holders of letter (one of RACI_R, RACI_A, RACI_C, RACI_I) on task t:
 * for each person who has it there, the first row that gives it (an index
 * into r->assigns), in roster order. A row that could not be read gives no
 * letter. *n gets the count. The list is the engine's: valid until the next
 * call.
 */
const uint32_t *raci_checks_holders(struct raci_engine *e, uint32_t t, unsigned letter, size_t *n);

/* Relate to f the rows of the n assignments a[] (f's own row is skipped). */
raci_error raci_checks_relate_assigns(const struct raci_engine *e, struct raci_finding *f,
                                      const uint32_t *a, size_t n);

/* Relate to f every row of task t, readable or not. */
raci_error raci_checks_relate_task(const struct raci_engine *e, struct raci_finding *f, uint32_t t);

/* Most people a message names; the finding's related rows hold them all. */
#define RACI_CHECKS_MAX_NAMED 10

/*
 * Add one person to a message's list of people in b: "Ana Silva (line 12)",
 * or "Ana Silva (team.csv:12)" when the row at is in another file than the
 * finding's own location self; ", " before every one but the first. A
 * failure to grow b stays in b (str.h).
 */
void raci_checks_add_who(struct raci_str *b, const char *name, struct raci_loc at,
                         struct raci_loc self);

/* Add the people of the n assignments a[], each at its row, naming the
 * first RACI_CHECKS_MAX_NAMED and counting the rest: "Ana (line 2), Bo
 * (line 5) and 3 more". */
void raci_checks_add_holders(const struct raci_engine *e, struct raci_str *b, const uint32_t *a,
                             size_t n, struct raci_loc self);

/* The role's bit in a person's roles mask; 0 when the ruleset has no such
 * role, which no person then holds. */
uint64_t raci_checks_role_bit(const struct raci_engine *e, const char *id);

/* The role's name ("Product Owner"), or id itself when there is none. */
const char *raci_checks_role_name(const struct raci_engine *e, const char *id);

/* Do the role rules apply to product p: does its team have someone whose
 * title maps to a role of the ruleset? Elsewhere they are not applied, and
 * role-rules-skipped says so, once per file. */
int raci_checks_titled(const struct raci_engine *e, uint32_t p);

/* Does person stand for a role (RACI_PERSON_ROLE: a chart's column, a
 * roster of titles as names)? The rules about one person's load, and those
 * that count one person's products, do not run on them. */
int raci_checks_stands_for_role(const struct raci_engine *e, uint32_t person);

/* Does some row of the file person comes from give letters? Generated
 * letters do not count: a file with none is a roster without letters. A
 * person the people roster lists comes from the file of their first team,
 * or from the people roster itself, which has none, when on no team. */
int raci_checks_person_lettered(const struct raci_engine *e, uint32_t person);

/* Does person hold the role of this bit? Never for bit 0. */
int raci_checks_has_role(const struct raci_engine *e, uint32_t person, uint64_t bit);

#endif
