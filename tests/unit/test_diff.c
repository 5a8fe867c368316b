/*
 * test_diff.c - two rosters compared (diff.h): people matched by id and by
 * name, A's and R's moving, churn, findings by identity, the shape, the
 * rows every output shows.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>

#include "fixture.h"
#include "raci/diff.h"
#include "raci/letters.h"

/* Both sides, each with its own fixture, and their diff. */
struct sides {
    struct fixture fx[2];
    struct raci_diff d;
};

static void sides_run(struct sides *s, const char *before, const char *after)
{
    fixture_run(&s->fx[0], before);
    fixture_run(&s->fx[1], after);
    assert_int_equal(raci_diff_compute(&s->d, &s->fx[0].r, &s->fx[0].fs, &s->fx[1].r, &s->fx[1].fs,
                                       &s->fx[1].rs),
                     RACI_OK);
}

static void sides_release(struct sides *s)
{
    raci_diff_release(&s->d);
    fixture_release(&s->fx[0]);
    fixture_release(&s->fx[1]);
}

/* The diff's person of this name (after's name, or before's for one who
 * left); the test fails when there is none. */
static uint32_t diff_person(const struct raci_diff *d, const char *name)
{
    for (uint32_t i = 0; i < d->npeople; i++)
        if (strcmp(raci_diff_person_name(d, i), name) == 0)
            return i;
    fail_msg("no person '%s' in the diff", name);
    return RACI_NONE;
}

static const struct raci_diff_task *diff_task(const struct raci_diff *d, const char *name)
{
    for (size_t i = 0; i < d->ntasks; i++)
        if (strcmp(raci_diff_task_name(d, &d->tasks[i]), name) == 0)
            return &d->tasks[i];
    fail_msg("no task '%s' in the diff", name);
    return NULL;
}

static const char *const team = "person,title,product,task,raci,id,reports_to\n"
                                "Ana,Product Owner,Atlas,Product backlog,A/R,E1,Cy\n"
                                "Bo,Software Engineer,Atlas,Product backlog,R,E2,Ana\n"
                                "Cy,Product Manager,Atlas,Roadmap,A/R,E3,\n"
                                "Di,Software Engineer,Atlas,Sprint backlog,A/R,E4,Ana\n";

/* The same rows in another order, re-quoted, re-delimited, re-cased
 * headers: no change at all. */
static void test_reordered_is_no_change(void **state)
{
    (void)state;
    struct sides s = {0};

    sides_run(&s, team,
              "REPORTS_TO;ID;PERSON;TITLE;PRODUCT;TASK;RACI\r\n"
              "Ana;E4;\"Di\";Software Engineer;Atlas;Sprint backlog;A/R\r\n"
              ";\"E3\";Cy;Product Manager;Atlas;Roadmap;\"A/R\"\r\n"
              "Ana;E2;Bo;Software Engineer;Atlas;Product backlog;R\r\n"
              "Cy;E1;Ana;Product Owner;Atlas;Product backlog;A/R\r\n");
    assert_int_equal(s.d.npeople, 4);
    assert_false(raci_diff_changed(&s.d));
    assert_int_equal(s.d.ar[0], 7);
    assert_int_equal(s.d.ar[1], 7);
    assert_int_equal(s.d.ar_added + s.d.ar_removed, 0);
    assert_true(raci_diff_churn(&s.d) == 0.0);
    assert_int_equal(s.d.added.n, 0);
    assert_int_equal(s.d.resolved.n, 0);
    assert_int_equal(s.d.persisting, s.fx[0].fs.n);
    sides_release(&s);
}

/* A rename with the same id is one person renamed; with the id gone on one
 * side, the name decides; two ids are two people, whatever the names. */
static void test_people_by_id_then_name(void **state)
{
    (void)state;
    struct sides s = {0};
    uint32_t ana, bo, cy, cy2;

    sides_run(&s, team,
              "person,title,product,task,raci,id,reports_to\n"
              "Ana Berg,Product Owner,Atlas,Product backlog,A/R,E1,Cy\n"
              "Bo,Software Engineer,Atlas,Product backlog,R,,E1\n"
              "Cy,Product Manager,Atlas,Roadmap,A/R,E9,\n"
              "Di,Software Engineer,Atlas,Sprint backlog,A/R,E4,Ana Berg\n");
    ana = diff_person(&s.d, "Ana Berg");
    bo = diff_person(&s.d, "Bo");
    /* Renamed, and her manager Cy (E3) left: the Cy she reports to now is
     * E9, another person. */
    assert_int_equal(s.d.people[ana].changes, RACI_DIFF_RENAMED | RACI_DIFF_MANAGER);
    assert_int_not_equal(s.d.people[ana].idx[0], RACI_NONE);
    assert_int_equal(s.d.people[bo].changes, 0); /* E1 is Ana, by id */
    /* Cy: E3 before, E9 after: one leaves, one joins. */
    assert_int_equal(s.d.npeople, 5);
    cy = RACI_NONE;
    cy2 = RACI_NONE;
    for (uint32_t i = 0; i < s.d.npeople; i++)
        if (strcmp(raci_diff_person_name(&s.d, i), "Cy") == 0) {
            if (cy == RACI_NONE)
                cy = i;
            else
                cy2 = i;
        }
    assert_int_not_equal(cy2, RACI_NONE);
    assert_int_equal((s.d.people[cy].changes | s.d.people[cy2].changes) &
                         (RACI_DIFF_JOINED | RACI_DIFF_LEFT),
                     RACI_DIFF_JOINED | RACI_DIFF_LEFT);
    sides_release(&s);
}

/* The A moving from Ana to Bo, a task appearing, one disappearing: churn
 * is (added + removed) / max(before, after). */
static void test_accountability_moves(void **state)
{
    (void)state;
    struct sides s = {0};
    const struct raci_diff_task *t;
    uint32_t ana, bo;

    sides_run(&s,
              "person,title,product,task,raci\n"
              "Ana,Product Owner,Atlas,Product backlog,A/R\n"
              "Bo,Software Engineer,Atlas,Product backlog,R\n"
              "Bo,Software Engineer,Atlas,Old task,A/R\n",
              "person,title,product,task,raci\n"
              "Bo,Software Engineer,Atlas,Product backlog,A/R\n"
              "Ana,Product Owner,Atlas,Product backlog,R\n"
              "Ana,Product Owner,Atlas,New task,A\n");
    ana = diff_person(&s.d, "Ana");
    bo = diff_person(&s.d, "Bo");
    t = diff_task(&s.d, "Product backlog");
    assert_true(t->changed);
    assert_int_equal(t->nholders, 2);
    for (size_t i = t->first; i < t->first + t->nholders; i++) {
        const struct raci_diff_holder *h = &s.d.holders[i];
        if (h->person == ana) {
            assert_int_equal(h->letters[0], RACI_A | RACI_R);
            assert_int_equal(h->letters[1], RACI_R);
        } else {
            assert_int_equal(h->person, bo);
            assert_int_equal(h->letters[0], RACI_R);
            assert_int_equal(h->letters[1], RACI_A | RACI_R);
        }
    }
    assert_int_equal(diff_task(&s.d, "Old task")->idx[1], RACI_NONE);
    assert_int_equal(diff_task(&s.d, "New task")->idx[0], RACI_NONE);
    /* Before: Ana A+R, Bo R, Bo A+R on the old task = 5; after: Bo A+R,
     * Ana R, Ana A = 4. Added: Bo's A, Ana's new A = 2; removed: Ana's A,
     * the old task's A and R = 3. */
    assert_int_equal(s.d.ar[0], 5);
    assert_int_equal(s.d.ar[1], 4);
    assert_int_equal(s.d.ar_added, 2);
    assert_int_equal(s.d.ar_removed, 3);
    assert_true(raci_diff_churn(&s.d) == 100.0);
    assert_int_equal(s.d.people[ana].load[0][RACI_DIFF_LOAD_A], 1);
    assert_int_equal(s.d.people[ana].load[1][RACI_DIFF_LOAD_A], 1);
    assert_int_equal(s.d.people[bo].load[0][RACI_DIFF_LOAD_A], 1);
    assert_int_equal(s.d.people[bo].load[1][RACI_DIFF_LOAD_R], 1);
    assert_true(s.d.people[bo].changes & RACI_DIFF_LOAD);
    sides_release(&s);
}

/* Findings are matched by rule and entity, counted: the same finding on
 * another line persists; a new one is new, a gone one resolved. */
static void test_findings_by_identity(void **state)
{
    (void)state;
    struct sides s = {0};

    sides_run(&s,
              "person,title,product,task,raci\n"
              "Ana,Product Owner,Atlas,Roadmap,A\n"
              "Bo,Product Owner,Atlas,Roadmap,A\n"
              "Cy,Product Manager,Beacon,Roadmap,A/R\n",
              "person,title,product,task,raci\n"
              "Cy,Product Manager,Beacon,Roadmap,A/R\n"
              "Bo,Product Owner,Atlas,Roadmap,A\n"
              "Ana,Product Owner,Atlas,Roadmap,A\n"
              "Ana,Product Owner,Comet,Roadmap,A/R\n");
    /* Atlas's two POs and two A's persist (on other lines); Comet is new. */
    assert_true(s.d.persisting > 0);
    assert_int_equal(s.d.resolved.n, 0);
    assert_true(s.d.added.n > 0);
    for (size_t i = 0; i < s.d.added.n; i++) {
        const struct raci_finding *f = s.d.added.v[i];
        /* Every new finding is about Comet or about Ana's two products. */
        assert_true(strstr(f->entity, "comet") != NULL || strstr(f->entity, "person:ana") != NULL);
    }
    sides_release(&s);
}

/* Spans, depth and team sizes; a reporting loop ends. */
static void test_shape(void **state)
{
    (void)state;
    struct sides s = {0};
    const struct raci_diff_shape *b, *a;

    sides_run(&s,
              "person,title,product,reports_to\n"
              "Lara,Director of Product,Atlas,\n"
              "Ana,Product Owner,Atlas,Lara\n"
              "Bo,Software Engineer,Atlas,Ana\n"
              "Cy,Software Engineer,Atlas,Ana\n"
              "Di,Software Engineer,Beacon,Ana\n"
              "Eve,Software Engineer,Beacon,Di\n",
              "person,title,product,reports_to\n"
              "Ana,Product Owner,Atlas,Bo\n"
              "Bo,Software Engineer,Atlas,Ana\n");
    b = &s.d.shape[0];
    a = &s.d.shape[1];
    assert_int_equal(b->people, 6);
    assert_int_equal(b->managers, 3); /* Lara 1, Ana 3, Di 1 */
    assert_int_equal(b->span_min, 1);
    assert_true(b->span_median == 1.0);
    assert_int_equal(b->span_max, 3);
    assert_int_equal(b->over_span, 0);
    assert_int_equal(b->span_limit, 8);
    assert_int_equal(b->depth, 4); /* Lara, Ana, Di, Eve */
    assert_int_equal(b->team_min, 2);
    assert_int_equal(b->team_max, 4);
    assert_true(b->team_median == 3.0);
    /* A loop of two: each manages one, and the longest line is two. */
    assert_int_equal(a->managers, 2);
    assert_int_equal(a->depth, 2);
    sides_release(&s);
}

/* The rows: who is accountable before and after, by name. */
static void test_rows(void **state)
{
    (void)state;
    struct sides s = {0};
    struct raci_diff_rows rows;
    int seen = 0;

    sides_run(&s,
              "person,title,product,task,raci\n"
              "Ana,Product Owner,Atlas,Product backlog,A/R\n"
              "Bo,Software Engineer,Atlas,Sprint backlog,A/R\n",
              "person,title,product,task,raci\n"
              "Bo,Product Owner,Atlas,Product backlog,A/R\n"
              "Bo,Product Owner,Atlas,Sprint backlog,A/R\n");
    assert_int_equal(raci_diff_rows_build(&rows, &s.d, &s.fx[1].rs), RACI_OK);
    for (size_t i = 0; i < rows.n; i++) {
        const struct raci_diff_row *r = &rows.v[i];
        if (r->kind == RACI_DIFF_ROW_ACCOUNTABLE) {
            assert_string_equal(r->subject, "Product backlog");
            assert_string_equal(r->before, "Ana");
            assert_string_equal(r->after, "Bo");
            seen |= 1;
        } else if (r->kind == RACI_DIFF_ROW_LEFT) {
            assert_string_equal(r->subject, "Ana");
            assert_string_equal(r->after, "");
            seen |= 2;
        } else if (r->kind == RACI_DIFF_ROW_TITLE) {
            assert_string_equal(r->before, "Software Engineer");
            assert_string_equal(r->after, "Product Owner");
            seen |= 4;
        }
    }
    assert_int_equal(seen, 7);
    assert_string_equal(raci_diff_rows_kind(RACI_DIFF_ROW_ACCOUNTABLE), "accountable");
    raci_diff_rows_release(&rows);
    sides_release(&s);
}

/* Many people with one name on each side pair up in order, without a scan
 * of people by people. */
static void test_many_of_one_name(void **state)
{
    (void)state;
    struct sides s = {0};
    size_t n = 2000, cap = 64 + n * 64;
    char *b = malloc(cap), *a = malloc(cap);
    size_t lb, la;

    assert_non_null(b);
    assert_non_null(a);
    lb = (size_t)snprintf(b, cap, "person,title,product,task,raci,id\n");
    la = (size_t)snprintf(a, cap, "person,title,product,task,raci,id\n");
    for (size_t i = 0; i < n; i++) {
        lb +=
            (size_t)snprintf(b + lb, cap - lb, "Sam,Software Engineer,P%zu,Build,A/R,S%zu\n", i, i);
        la += (size_t)snprintf(a + la, cap - la, "Sam,Software Engineer,P%zu,Build,A/R,\n", i);
    }
    sides_run(&s, b, a);
    /* Before: 2000 Sams by id; after: one Sam by name (on every product). */
    assert_int_equal(s.d.npeople, n);
    assert_int_equal(s.d.nproducts, n);
    assert_int_equal(s.d.ntasks, n);
    free(b);
    free(a);
    sides_release(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reordered_is_no_change),
        cmocka_unit_test(test_people_by_id_then_name),
        cmocka_unit_test(test_accountability_moves),
        cmocka_unit_test(test_findings_by_identity),
        cmocka_unit_test(test_shape),
        cmocka_unit_test(test_rows),
        cmocka_unit_test(test_many_of_one_name),
    };
    return cmocka_run_group_tests_name("diff", tests, NULL, NULL);
}
