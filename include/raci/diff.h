/*
 * diff.h - what changes between two audited rosters: `raci diff BEFORE
 * AFTER`.
 *
 * Both sides are finished rosters (roster.h) audited with the same ruleset,
 * with their sorted findings. The comparison is by identity, never by line
 * or row order, so that reordered, re-quoted or re-delimited rows are no
 * change:
 *  - people: by id when both sides have one, else by name (the matching
 *    key, raci_str_key, as the model's identity uses; the nth person of a
 *    name on one side with the nth of it on the other). A person whose id
 *    is the same and whose name is not is renamed, not gone and new;
 *  - products by the key of their name; tasks by product and the key of
 *    their name (a ruleset task's canonical name);
 *  - findings by rule and entity (findings.h), counted as a baseline
 *    counts them: of an identity found b times before and a times after,
 *    min(a, b) persist, the rest are new or resolved.
 *
 * Every step is linear in the two rosters (hash maps, no scan of people by
 * people) but the sorts, which put every list in name order, so that the
 * output does not depend on the order of rows either.
 */
#ifndef RACI_DIFF_H
#define RACI_DIFF_H

#include <stddef.h>
#include <stdint.h>

#include "raci/error.h"
#include "raci/findings.h"
#include "raci/roster.h"
#include "raci/ruleset.h"
#include "raci/selection.h"
#include "raci/strpool.h"

/* The two sides, as indexes of arrays [2]. */
enum { RACI_DIFF_BEFORE = 0, RACI_DIFF_AFTER = 1 };

/* Bits of raci_diff_person.changes. */
enum {
    RACI_DIFF_JOINED = 1u << 0,   /* only after */
    RACI_DIFF_LEFT = 1u << 1,     /* only before */
    RACI_DIFF_RENAMED = 1u << 2,  /* same id, another name */
    RACI_DIFF_TITLE = 1u << 3,    /* another set of titles (by matching key) */
    RACI_DIFF_ROLE = 1u << 4,     /* the titles map to other roles */
    RACI_DIFF_PRODUCTS = 1u << 5, /* on other products' teams */
    RACI_DIFF_MANAGER = 1u << 6,  /* reports to someone else */
    RACI_DIFF_LOAD = 1u << 7      /* another count of A's, R's or products */
};

/* Load figures, indexes of raci_diff_person.load[side]. */
enum { RACI_DIFF_LOAD_A = 0, RACI_DIFF_LOAD_R = 1, RACI_DIFF_LOAD_PRODUCTS = 2 };

/* A person of either side, or of both. */
struct raci_diff_person {
    uint32_t idx[2];     /* the person in each roster, or RACI_NONE */
    unsigned changes;    /* RACI_DIFF_* */
    uint32_t load[2][3]; /* by side: tasks A on, tasks R on, products */
    uint32_t manager[2]; /* by side: the manager as a person of the diff, or RACI_NONE */
    const char *key;     /* the name's matching key, for sorting */
};

/* A product of either side, or of both. */
struct raci_diff_product {
    uint32_t idx[2];      /* the product in each roster, or RACI_NONE */
    const char *key;      /* matching key of its name */
    size_t first, ntasks; /* its tasks: d->tasks[first .. first + ntasks), by name */
    size_t nchanged;      /* of those, the ones that changed */
};

/* A person's A and R on one task, on each side (RACI_A | RACI_R masks). */
struct raci_diff_holder {
    uint32_t task;   /* into d->tasks */
    uint32_t person; /* into d->people */
    unsigned letters[2];
};

/* A task of a product, on either side or both. */
struct raci_diff_task {
    uint32_t product;       /* into d->products */
    uint32_t idx[2];        /* the task in each roster, or RACI_NONE */
    const char *key;        /* matching key of its name */
    size_t first, nholders; /* d->holders[first .. first + n), by the person's name */
    int changed;            /* it appears, disappears, or its A's or R's change */
};

/* The organisation's shape, on one side. Medians of an even count are the
 * mean of the two middle values. */
struct raci_diff_shape {
    uint32_t people, products, tasks;
    uint32_t managers;           /* people with at least one direct report */
    uint32_t span_min, span_max; /* direct reports of a manager (0 when none) */
    double span_median;
    uint32_t over_span;          /* managers past span_limit */
    long span_limit;             /* span-of-control's max_reports */
    uint32_t depth;              /* levels of the longest reporting line (a person
                                    reporting to nobody is level 1; 0: nobody) */
    uint32_t team_min, team_max; /* people per product (its team) */
    double team_median;
};

struct raci_diff {
    const struct raci_roster *r[2];
    struct raci_diff_person *people; /* sorted by name key, then before, after */
    size_t npeople;
    struct raci_diff_product *products; /* sorted by name key */
    size_t nproducts;
    struct raci_diff_task *tasks; /* by product (in its order), then name */
    size_t ntasks;
    struct raci_diff_holder *holders;
    size_t nholders;
    struct raci_diff_shape shape[2];
    /* Findings: those after that are new, those before that are resolved
     * (each in its set's order), and how many persist. */
    struct raci_selection added, resolved;
    size_t persisting;
    /* Churn of the A's and R's: one (task, person, letter) is one
     * assignment; counted on each side, and added (after only) and removed
     * (before only). */
    size_t ar[2], ar_added, ar_removed;
    void *priv; /* the comparison's own strings */
};

/*
 * Compare before (with its findings fb) and after (fa) into d (zeroed
 * first), both finished rosters audited with rs. The findings must outlive
 * d (d->added and d->resolved point into them). RACI_ERROR_NOMEM on
 * failure, with d released.
 */
raci_error raci_diff_compute(struct raci_diff *d, const struct raci_roster *before,
                             const struct raci_findings *fb, const struct raci_roster *after,
                             const struct raci_findings *fa, const struct raci_ruleset *rs);

/* The churn in percent: 100 * (ar_added + ar_removed) / max(ar[0], ar[1]);
 * 0 when neither side has an A or R. A's moving from one person to another
 * is one removed and one added. */
double raci_diff_churn(const struct raci_diff *d);

/* Does anything but the findings differ (people, products, tasks, A's and
 * R's)? */
int raci_diff_changed(const struct raci_diff *d);

/* The name of person p of the diff (after's when on both sides) and of
 * product and task, as each roster has them (after's when on both). */
const char *raci_diff_person_name(const struct raci_diff *d, uint32_t p);
const char *raci_diff_product_name(const struct raci_diff *d, uint32_t p);
const char *raci_diff_task_name(const struct raci_diff *d, const struct raci_diff_task *t);

/* The shape of side's roster into s; the span limit is rs's
 * span-of-control max_reports (its default when the check is off).
 * RACI_ERROR_NOMEM on failure. (diff_shape.c) */
raci_error raci_diff_shape_compute(struct raci_diff_shape *s, const struct raci_roster *r,
                                   const struct raci_ruleset *rs);

/* The findings: d->added, d->resolved and d->persisting from the before
 * findings fb and the after findings fa (diff_findings.c). */
raci_error raci_diff_findings_compare(struct raci_diff *d, const struct raci_findings *fb,
                                      const struct raci_findings *fa);

/* Do a's and b's sets of titles differ, compared by matching key (keys
 * interned in pool; a title repeated in another case counts once)? -1 when
 * out of memory. (diff_people.c) */
int raci_diff_people_titles_differ(struct raci_strpool *pool, const struct raci_person *a,
                                   const struct raci_person *b);

/* The diff's person of person i of side's roster (RACI_NONE when out of
 * range). */
uint32_t raci_diff_person_of(const struct raci_diff *d, int side, uint32_t i);

/* The roster's person of diff person p on side, or NULL when absent. */
const struct raci_person *raci_diff_side_person(const struct raci_diff *d, uint32_t p, int side);

void raci_diff_release(struct raci_diff *d);

/* --------------------------------------------------------- the rows -- */

/*
 * The changes as rows, the one list every output shows (diff_rows.c): per
 * product in name order, the product appearing or disappearing, then each
 * changed task's rows (the task appearing or disappearing, who is
 * accountable, who is responsible); then per person in name order, what
 * changed about them; then each person's changed load.
 */
enum raci_diff_kind {
    RACI_DIFF_ROW_PRODUCT,     /* before or after "": it appears, disappears */
    RACI_DIFF_ROW_TASK,        /* the same, for a task */
    RACI_DIFF_ROW_ACCOUNTABLE, /* who holds A: names, ", " between, "" for nobody */
    RACI_DIFF_ROW_RESPONSIBLE, /* who holds R */
    RACI_DIFF_ROW_JOINED,      /* after: "title; products; reports to NAME" */
    RACI_DIFF_ROW_LEFT,        /* before: the same */
    RACI_DIFF_ROW_NAME,        /* a rename with the same id */
    RACI_DIFF_ROW_TITLE,       /* titles, ", " between */
    RACI_DIFF_ROW_ROLE,        /* the roles' names, "" for none */
    RACI_DIFF_ROW_PRODUCTS,    /* the products of their teams */
    RACI_DIFF_ROW_MANAGER,     /* the manager's name; 'NAME' (not on the roster) */
    RACI_DIFF_ROW_LOAD         /* "A 2, R 3, products 1" */
};

struct raci_diff_row {
    enum raci_diff_kind kind;
    uint32_t product;           /* into d->products, or RACI_NONE (a person's row) */
    uint32_t task;              /* into d->tasks, or RACI_NONE */
    uint32_t person;            /* into d->people, or RACI_NONE */
    const char *subject;        /* the product's, task's or person's name */
    const char *before, *after; /* "" when there is none */
};

struct raci_diff_rows {
    struct raci_diff_row *v;
    size_t n, cap;
    struct raci_strpool *pool; /* the rows' strings */
};

/* Every row of d into rows (zeroed first); rs names the roles. */
raci_error raci_diff_rows_build(struct raci_diff_rows *rows, const struct raci_diff *d,
                                const struct raci_ruleset *rs);

/* What a kind of row is called in every output: "accountable", "joined". */
const char *raci_diff_rows_kind(enum raci_diff_kind k);

void raci_diff_rows_release(struct raci_diff_rows *rows);

#endif
