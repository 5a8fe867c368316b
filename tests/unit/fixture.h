/*
 * fixture.h - build a roster and its findings from CSV text in a test.
 */
#ifndef RACI_FIXTURE_H
#define RACI_FIXTURE_H

#include <string.h>

#include "raci/checks.h"
#include "raci/findings.h"
#include "raci/reader.h"
#include "raci/roster.h"
#include "raci/shape.h"
#include "raci/ruleset.h"
#include "raci/ruleset_load.h"
#include "raci/strpool.h"

struct fixture {
    struct raci_ruleset rs;
    struct raci_strpool *pool;
    struct raci_roster r;
    struct raci_findings fs;
    struct raci_diag diag;
};

/* Load the ruleset from YAML text when yaml is not NULL, else
 * rules/default.yaml. */
static inline void fixture_rules(struct fixture *fx, const char *yaml)
{
    memset(fx, 0, sizeof(*fx));
    if (yaml)
        assert_int_equal(raci_ruleset_load_mem(&fx->rs, yaml, strlen(yaml), "test.yaml", &fx->diag),
                         RACI_OK);
    else
        assert_int_equal(
            raci_ruleset_load(&fx->rs, RACI_SOURCE_DIR "/rules/default.yaml", &fx->diag), RACI_OK);
    fx->pool = raci_strpool_new();
    assert_non_null(fx->pool);
    assert_int_equal(raci_roster_init(&fx->r, fx->pool, &fx->rs), RACI_OK);
}

/* Add a CSV table named file. Returns the error of reading or adding. */
static inline raci_error fixture_add(struct fixture *fx, const char *file, const char *csv)
{
    struct raci_table t = {0};
    raci_error err = raci_reader_read_mem(&t, csv, strlen(csv), file, fx->pool, &fx->diag);
    if (!err)
        err = raci_shape_add(&fx->r, &t, &fx->diag);
    raci_reader_release(&t);
    return err;
}

/* Finish the roster and run the checks. */
static inline void fixture_check(struct fixture *fx)
{
    assert_int_equal(raci_roster_finish(&fx->r), RACI_OK);
    assert_int_equal(raci_checks_run(&fx->r, &fx->rs, &fx->fs), RACI_OK);
}

/* One-call form: default rules, one table "team.csv", checks run. */
static inline void fixture_run(struct fixture *fx, const char *csv)
{
    fixture_rules(fx, NULL);
    assert_int_equal(fixture_add(fx, "team.csv", csv), RACI_OK);
    fixture_check(fx);
}

/* Number of findings of this rule. */
static inline size_t fixture_count(const struct fixture *fx, const char *rule)
{
    size_t n = 0;
    for (size_t i = 0; i < fx->fs.n; i++)
        n += strcmp(fx->fs.v[i].rule, rule) == 0;
    return n;
}

/* The k-th finding of this rule (0-based), or NULL. */
static inline const struct raci_finding *fixture_find(const struct fixture *fx, const char *rule,
                                                      size_t k)
{
    for (size_t i = 0; i < fx->fs.n; i++)
        if (strcmp(fx->fs.v[i].rule, rule) == 0 && k-- == 0)
            return &fx->fs.v[i];
    return NULL;
}

/* The person of this name, the task of this name in this product; the test
 * fails when there is none. */
static inline uint32_t fixture_person(const struct fixture *fx, const char *name)
{
    for (uint32_t i = 0; i < fx->r.npersons; i++)
        if (strcmp(fx->r.persons[i].name, name) == 0)
            return i;
    fail_msg("no person '%s'", name);
    return RACI_NONE;
}

static inline uint32_t fixture_task(const struct fixture *fx, const char *product, const char *name)
{
    for (uint32_t i = 0; i < fx->r.ntasks; i++)
        if (strcmp(fx->r.tasks[i].name, name) == 0 &&
            strcmp(fx->r.products[fx->r.tasks[i].product].name, product) == 0)
            return i;
    fail_msg("no task '%s' in '%s'", name, product);
    return RACI_NONE;
}

static inline void fixture_release(struct fixture *fx)
{
    raci_findings_release(&fx->fs);
    raci_roster_release(&fx->r);
    raci_strpool_free(fx->pool);
    raci_ruleset_release(&fx->rs);
    raci_diag_release(&fx->diag);
}

#endif
