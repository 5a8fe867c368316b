/*
 * view.h - the ways the checks and the writers look at a finished roster,
 * each built once, in time linear in the roster, by raci_roster_finish.
 *
 * A roster stores its assignments row by row, as they were read. Almost
 * every question about it is by group: the assignments of one task, the
 * people of one product, the members of a product who hold a role, the
 * products of one person. These views answer them without a scan, so that
 * no check or writer groups assignments itself, and the same grouping rules
 * (above all: what a person's letters on a task are, over several rows) hold
 * everywhere.
 *
 * Every list is in roster order unless said otherwise, and is owned by the
 * roster: valid until raci_roster_release. Indexes are into the roster's
 * arrays (r->assigns, r->members, r->persons, r->tasks). Asking a roster that
 * is not finished, or for an index out of range, gives an empty list.
 */
#ifndef RACI_VIEW_H
#define RACI_VIEW_H

#include <stddef.h>
#include <stdint.h>

#include "raci/error.h"
#include "raci/map.h"

/* raci_view_pair finds a person among the pairs of a task of at most this
 * many by reading them; a larger task has an index. */
#define RACI_VIEW_PAIR_SCAN 16

struct raci_roster;

/* Bits of raci_pair.flags. */
enum {
    RACI_PAIR_GENERATED = 1u << 0 /* every row behind it was generated from the ruleset */
};
_Static_assert(RACI_PAIR_GENERATED <= UINT8_MAX, "raci_pair.flags is a byte");

/*
 * A (task, person) pair: the cell of the matrix where a task's row meets a
 * person's column, over every row that gives that person letters on that
 * task. The one rule for combining rows:
 *  - letters: the union of the letters of the rows that could be read;
 *  - conditional: a letter is conditional only when every row giving it
 *    bracketed it (rows "C" and "(C)" make a firm C);
 *  - generated: only when every row behind the pair was generated;
 *  - raw: the text of the first row that could not be read, so that a cell
 *    with no letter can show what was written.
 */
struct raci_pair {
    uint32_t person;
    /* Bytes (a roster has about one pair per row): 40 bytes in all on a
     * 64-bit machine. */
    uint8_t letters;     /* RACI_* mask */
    uint8_t conditional; /* those of letters that are conditional */
    uint8_t flags;       /* RACI_PAIR_* */
    const char *raw;     /* NULL when every row could be read */
    uint32_t first;      /* the pair's first assignment, readable or not */
    /* Per letter R, A, C, I (in that order, as RACI_R.. bit positions): the
     * first assignment that gives it, or UINT32_MAX. */
    uint32_t first_of[4];
};

/* How a matrix cell of a pair shows, in every output that draws one (the
 * workbook's product and Other products sheets, the HTML matrices): by its
 * weightiest letter, A first; generated from the ruleset's default; a text
 * that could not be read; or plain (no pair, or no letter). */
enum raci_pair_look {
    RACI_PAIR_LOOK_PLAIN,
    RACI_PAIR_LOOK_A,
    RACI_PAIR_LOOK_R,
    RACI_PAIR_LOOK_C,
    RACI_PAIR_LOOK_I,
    RACI_PAIR_LOOK_GENERATED,
    RACI_PAIR_LOOK_UNREAD,
};

/* The look of pair pr (NULL for none). */
enum raci_pair_look raci_view_pair_look(const struct raci_pair *pr);

/*
 * A job title that maps to no role, as one group of the people who hold it:
 * titles compare by matching key ("QA lead" and "QA Lead" are one). Its
 * holders are the people with no role at all who hold it, each once, in
 * roster order, but for those the people roster (--people) alone lists
 * (on no team, with no letters: a directory, not the team).
 */
struct raci_title_group {
    const char *title;    /* as its first holder writes it */
    uint32_t first;       /* its first holder */
    uint32_t first_title; /* which of the first holder's titles it is */
};

/*
 * The views' storage, inside struct raci_roster (r->view): read it through
 * the functions below. Lists are kept in compressed form: the list of key k
 * is x[off[k] .. off[k + 1]).
 */
struct raci_view {
    int members_built, assigns_built;
    size_t nroles;                               /* roles of the ruleset when built */
    uint32_t *prod_member_off, *prod_member;     /* by product */
    uint32_t *person_member_off, *person_member; /* by person */
    uint32_t *role_member_off, *role_member;     /* by product * nroles + role */
    uint32_t *task_assign_off, *task_assign;     /* by task */
    uint32_t *task_pair_off;                     /* by task, into pairs */
    struct raci_pair *pairs;
    uint32_t *prod_task_off, *prod_task;     /* by product */
    uint32_t *prod_people_off, *prod_people; /* by product */
    uint32_t (*counts)[4];                   /* by person */
    struct raci_title_group *titles;         /* unmapped titles, in order of first sight */
    size_t ntitles;
    uint32_t *title_holder_off, *title_holder; /* by title group, people */
    struct raci_map pair_index;                /* (task, person) -> pair, of the tasks
                                                  with over RACI_VIEW_PAIR_SCAN pairs */
    uint32_t *report_off, *report;             /* by person: direct reports */
    uint32_t *layer;                           /* by person: 1 at the top, 0 in or under a loop */
    uint8_t *in_loop;                          /* by person: on a reporting loop */
};

/* Assignments of task t, in roster order (unreadable cells included). */
const uint32_t *raci_view_task_assigns(const struct raci_roster *r, uint32_t t, size_t *n);

/* Pairs of task t, one per person, in the order of each person's first row
 * on the task. */
const struct raci_pair *raci_view_task_pairs(const struct raci_roster *r, uint32_t t, size_t *n);

/* The rows of task t on a list of pairs (the workbook's Other products): its
 * pairs; or, when nobody has a letter on it, one pair of its team's first
 * person without letters, written into *none, so that the task has a row;
 * *n is 0 when it has no team either. */
const struct raci_pair *raci_view_task_rows(const struct raci_roster *r, uint32_t t, size_t *n,
                                            struct raci_pair *none);

/* The pair of task t and person p, or NULL when p has no row on t. */
const struct raci_pair *raci_view_pair(const struct raci_roster *r, uint32_t t, uint32_t p);

/* Tasks of product p. */
const uint32_t *raci_view_product_tasks(const struct raci_roster *r, uint32_t p, size_t *n);

/* Memberships (indexes into r->members) of product p: its team. */
const uint32_t *raci_view_product_members(const struct raci_roster *r, uint32_t p, size_t *n);

/* The size of product p's team. */
size_t raci_view_team_size(const struct raci_roster *r, uint32_t p);

/* Memberships of product p whose person holds role (a ruleset role index). */
const uint32_t *raci_view_product_role(const struct raci_roster *r, uint32_t p, int role,
                                       size_t *n);

/* The first member of product p holding role, as a person, or UINT32_MAX. */
uint32_t raci_view_product_role_first(const struct raci_roster *r, uint32_t p, int role);

/* People of product p, as the product's matrix has them: its team, then
 * anyone else with a row on one of its tasks, in the order of their first
 * such row. */
const uint32_t *raci_view_product_people(const struct raci_roster *r, uint32_t p, size_t *n);

/* Memberships of person p: the products they are on. */
const uint32_t *raci_view_person_members(const struct raci_roster *r, uint32_t p, size_t *n);

/* Person p's counts of tasks they are R, A, C and I on (index 0..3 in that
 * order), counted over pairs. Never NULL: all zero when out of range. */
const uint32_t *raci_view_counts(const struct raci_roster *r, uint32_t p);

/* The job titles that map to no role (struct raci_title_group), in the
 * order of their first holders; *n gets their count. */
const struct raci_title_group *raci_view_unmapped_titles(const struct raci_roster *r, size_t *n);

/* The holders of unmapped title g (an index into that list): people. */
const uint32_t *raci_view_title_holders(const struct raci_roster *r, size_t g, size_t *n);

/*
 * The reporting lines, as reports_to gives them (persons[].manager_idx),
 * built with the member views, once, in time linear in the people. A
 * person who reports to themselves is at the top of their own line, and
 * nobody's report.
 */

/* Direct reports of person p: the people whose manager they are, in roster
 * order, themselves never included; *n gets their count, their span. */
const uint32_t *raci_view_reports(const struct raci_roster *r, uint32_t p, size_t *n);

/* Person p's layer: 1 at the top of the organisation (no manager, one not
 * on the roster, or themselves), one more than their manager's below it;
 * 0 for the people of a reporting loop and everyone under one, who have no
 * top to count from, and when p is out of range. */
uint32_t raci_view_layer(const struct raci_roster *r, uint32_t p);

/* Whether person p is on a reporting loop of two people or more (following
 * reports_to from p comes back to p); not those under a loop, not someone
 * who reports to themselves. */
int raci_view_in_loop(const struct raci_roster *r, uint32_t p);

/* Building, for raci_roster_finish: the member views and the reporting
 * lines first (the generation of default letters needs them; managers must
 * be resolved), then, once every assignment is in, the
 * assignment views. Both are linear. raci_view_free frees what was built. */
raci_error raci_view_build_members(struct raci_roster *r);
raci_error raci_view_build_assigns(struct raci_roster *r);
void raci_view_free(struct raci_roster *r);

#endif
