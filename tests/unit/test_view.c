/*
 * test_view.c - the roster's views: assignments and pairs of a task (with
 * the one rule for combining rows), tasks, members, roles and people of a
 * product, products of a person, letter counts; direct reports, layers
 * and reporting loops.
 */
#include "testutil.h"

#include <stdlib.h>

#include "fixture.h"
#include "raci/letters.h"
#include "raci/str.h"
#include "raci/view.h"

static void test_pairs_combine_rows(void **state)
{
    struct fixture fx;
    size_t n;
    (void)state;
    fixture_run(&fx, "person,title,product,task,raci\n"
                     "Ana,Product Owner,Atlas,Roadmap,C\n"   /* 2 */
                     "Bo,Product Manager,Atlas,Roadmap,A\n"  /* 3 */
                     "Ana,Product Owner,Atlas,Roadmap,(C)\n" /* 4: C given firmly above */
                     "Cy,Developer,Atlas,Roadmap,(I)\n"      /* 5 */
                     "Cy,Developer,Atlas,Roadmap,[I]\n"      /* 6: bracketed on every row */
                     "Bo,Product Manager,Atlas,Roadmap,R\n"  /* 7 */
                     "Di,Developer,Atlas,Roadmap,X?\n"       /* 8: unreadable */
                     "Di,Developer,Atlas,Roadmap,zz\n"       /* 9 */
                     "Ana,Product Owner,Atlas,Roadmap,A\n"); /* 10 */
    uint32_t t = fixture_task(&fx, "Atlas", "Roadmap");
    uint32_t ana = fixture_person(&fx, "Ana"), bo = fixture_person(&fx, "Bo"),
             cy = fixture_person(&fx, "Cy"), di = fixture_person(&fx, "Di");
    const uint32_t *as = raci_view_task_assigns(&fx.r, t, &n);
    assert_int_equal(n, 9);
    for (size_t i = 1; i < n; i++)
        assert_true(as[i - 1] < as[i]); /* roster order */

    const struct raci_pair *p = raci_view_task_pairs(&fx.r, t, &n);
    assert_int_equal(n, 4);
    /* In the order of each person's first row. */
    assert_int_equal(p[0].person, ana);
    assert_int_equal(p[1].person, bo);
    assert_int_equal(p[2].person, cy);
    assert_int_equal(p[3].person, di);

    /* Rows "C" and "(C)": the C is firm, in the model as in every writer. */
    const struct raci_pair *pa = raci_view_pair(&fx.r, t, ana);
    assert_ptr_equal(pa, &p[0]);
    assert_int_equal(pa->letters, RACI_C | RACI_A);
    assert_int_equal(pa->conditional, 0);
    assert_int_equal(fx.r.assigns[pa->first].loc.line, 2);
    assert_int_equal(fx.r.assigns[pa->first_of[1]].loc.line, 10); /* first A */
    assert_int_equal(fx.r.assigns[pa->first_of[2]].loc.line, 2);  /* first C */
    assert_int_equal(pa->first_of[0], UINT32_MAX);                /* no R */
    assert_null(pa->raw);
    assert_int_equal(pa->flags & RACI_PAIR_GENERATED, 0);

    /* Bracketed on every row: conditional. */
    const struct raci_pair *pc = raci_view_pair(&fx.r, t, cy);
    assert_int_equal(pc->letters, RACI_I);
    assert_int_equal(pc->conditional, RACI_I);

    const struct raci_pair *pb = raci_view_pair(&fx.r, t, bo);
    assert_int_equal(pb->letters, RACI_A | RACI_R);
    assert_int_equal(fx.r.assigns[pb->first_of[0]].loc.line, 7);

    /* No letter could be read: the first text is kept. */
    const struct raci_pair *pd = raci_view_pair(&fx.r, t, di);
    assert_int_equal(pd->letters, 0);
    assert_string_equal(pd->raw, "X?");
    assert_int_equal(pd->first_of[1], UINT32_MAX);

    /* Counts are over pairs, not rows. */
    assert_int_equal(raci_view_counts(&fx.r, ana)[1], 1); /* A */
    assert_int_equal(raci_view_counts(&fx.r, ana)[2], 1); /* C */
    assert_int_equal(raci_view_counts(&fx.r, bo)[0], 1);  /* R */
    assert_int_equal(raci_view_counts(&fx.r, di)[0] + raci_view_counts(&fx.r, di)[1], 0);
    fixture_release(&fx);
}

static void test_products_roles_people(void **state)
{
    struct fixture fx;
    size_t n;
    (void)state;
    fixture_run(&fx, "person,title,product,task,raci\n"
                     "Ana,Product Owner,Atlas,,\n"
                     "Bo,Product Manager,Atlas,Roadmap,A/R\n"
                     "Ana,Product Owner,Borealis,Product backlog,A/R\n"
                     "Cy,Senior Developer,Atlas,Sprint backlog,R\n"
                     "Di,Product Owner,Atlas,,\n"
                     "Eve,Developer,Borealis,Roadmap,C\n"
                     "Eve,Developer,,,\n");
    uint32_t atlas = 0, borealis = 1;
    uint32_t ana = fixture_person(&fx, "Ana"), bo = fixture_person(&fx, "Bo"),
             cy = fixture_person(&fx, "Cy"), di = fixture_person(&fx, "Di"),
             eve = fixture_person(&fx, "Eve");
    int po = raci_ruleset_role(&fx.rs, "po"), pm = raci_ruleset_role(&fx.rs, "pm");
    assert_string_equal(fx.r.products[atlas].name, "Atlas");

    /* Tasks of a product, in roster order. */
    const uint32_t *ts = raci_view_product_tasks(&fx.r, atlas, &n);
    assert_int_equal(n, 2);
    assert_string_equal(fx.r.tasks[ts[0]].name, "Roadmap");
    assert_string_equal(fx.r.tasks[ts[1]].name, "Sprint backlog");

    /* The team, and those of it in a role. */
    assert_int_equal(raci_view_team_size(&fx.r, atlas), 4);
    const uint32_t *pos = raci_view_product_role(&fx.r, atlas, po, &n);
    assert_int_equal(n, 2);
    assert_int_equal(fx.r.members[pos[0]].person, ana);
    assert_int_equal(fx.r.members[pos[1]].person, di);
    assert_int_equal(raci_view_product_role_first(&fx.r, atlas, pm), bo);
    assert_int_equal(raci_view_product_role_first(&fx.r, borealis, pm), UINT32_MAX);
    raci_view_product_role(&fx.r, atlas, -1, &n);
    assert_int_equal(n, 0);

    /* A person's products. */
    const uint32_t *ms = raci_view_person_members(&fx.r, ana, &n);
    assert_int_equal(n, 2);
    assert_int_equal(fx.r.members[ms[0]].product, atlas);
    assert_int_equal(fx.r.members[ms[1]].product, borealis);
    raci_view_person_members(&fx.r, cy, &n);
    assert_int_equal(n, 1);

    /* The people of a product's matrix: its team. */
    const uint32_t *pp = raci_view_product_people(&fx.r, atlas, &n);
    assert_int_equal(n, 4);
    assert_int_equal(pp[0], ana);
    assert_int_equal(pp[3], di);
    pp = raci_view_product_people(&fx.r, borealis, &n);
    assert_int_equal(n, 2);
    assert_int_equal(pp[1], eve);

    /* Out of range: empty, never a crash. */
    raci_view_product_tasks(&fx.r, 99, &n);
    assert_int_equal(n, 0);
    raci_view_task_pairs(&fx.r, 99, &n);
    assert_int_equal(n, 0);
    assert_null(raci_view_pair(&fx.r, 99, ana));
    assert_null(raci_view_pair(&fx.r, ts[0], eve));
    assert_int_equal(raci_view_counts(&fx.r, 999)[1], 0);
    fixture_release(&fx);
}

/* Someone with a row on a product's task but not on its team still gets a
 * column of its matrix, after the team. */
static void test_people_beyond_the_team(void **state)
{
    struct fixture fx;
    size_t n;
    (void)state;
    fixture_rules(&fx, NULL);
    assert_int_equal(fixture_add(&fx, "team.csv",
                                 "person,title,product,task,raci\n"
                                 "Ana,Product Owner,Atlas,User stories,A/R\n"
                                 "Bo,Developer,Atlas,,\n"),
                     RACI_OK);
    /* A second file names the same product and adds an outsider's row. */
    assert_int_equal(fixture_add(&fx, "more.csv",
                                 "person,title,product,task,raci\n"
                                 "Zoë,Developer,Atlas,User stories,C\n"),
                     RACI_OK);
    fixture_check(&fx);
    const uint32_t *pp = raci_view_product_people(&fx.r, 0, &n);
    assert_int_equal(n, 3);
    assert_string_equal(fx.r.persons[pp[2]].name, "Zoë");
    fixture_release(&fx);
}

/* Generated letters are marked; a pair with any given row is not. */
static void test_generated_pairs(void **state)
{
    struct fixture fx;
    size_t n;
    (void)state;
    fixture_run(&fx, "person,title,product\n"
                     "Ana,Product Owner,Atlas\n"
                     "Bo,Product Manager,Atlas\n"
                     "Cy,Developer,Atlas\n");
    uint32_t t = fixture_task(&fx, "Atlas", "Market research");
    const struct raci_pair *p = raci_view_task_pairs(&fx.r, t, &n);
    assert_true(n >= 2);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(p[i].flags & RACI_PAIR_GENERATED, RACI_PAIR_GENERATED);
    assert_int_equal(raci_view_pair(&fx.r, t, fixture_person(&fx, "Bo"))->letters, RACI_A | RACI_R);
    fixture_release(&fx);
}

/* Two names that agree in their first 511 bytes stay two people, two
 * products and two tasks (the old key was cut at 512 bytes and merged
 * them without a word). */
static void test_long_names_stay_apart(void **state)
{
    struct fixture fx;
    size_t len = 600;
    char *a = malloc(len + 1), *csv;
    (void)state;
    memset(a, 'n', len);
    a[len] = '\0';
    csv = raci_str_printf("person,title,product,task,raci\n"
                          "%sA,Product Owner,%sA,%sA,A/R\n"
                          "%sB,Product Owner,%sB,%sB,A/R\n",
                          a, a, a, a, a, a);
    fixture_run(&fx, csv);
    assert_int_equal(fx.r.npersons, 2);
    assert_int_equal(fx.r.nproducts, 2);
    assert_int_equal(fx.r.ntasks, 2);
    assert_int_equal(raci_view_team_size(&fx.r, 0), 1);
    /* Nothing merged, so nothing is a duplicate or has two A's. */
    assert_int_equal(fixture_count(&fx, "duplicate-assignment"), 0);
    assert_int_equal(fixture_count(&fx, "single-accountable"), 0);
    assert_int_equal(fixture_count(&fx, "multiple-po"), 0);
    free(csv);
    free(a);
    fixture_release(&fx);
}

/* A task's pair of a person is found the same way in a task of a few
 * people (read through) and of many (indexed): 40 people on one task,
 * each with letters of their own, and two people on another. */
static void test_pairs_of_small_and_large_tasks(void **state)
{
    struct fixture fx;
    struct raci_str csv = {0};
    const char *letters[] = {"R", "C", "I", "C/I"};
    const unsigned masks[] = {RACI_R, RACI_C, RACI_I, RACI_C | RACI_I};
    (void)state;
    raci_str_add(&csv, "person,title,product,task,raci\n"
                       "Łukasz Nowak,Product Owner,P&G,Small,A/R\n"
                       "Nomvula Dlamini,Developer,P&G,Small,C\n");
    for (int i = 0; i < 40; i++)
        raci_str_addf(&csv, "Person %02d,Developer,P&G,Large,%s\n", i, letters[i % 4]);
    fixture_run(&fx, raci_str_cstr(&csv));
    uint32_t small = fixture_task(&fx, "P&G", "Small"), large = fixture_task(&fx, "P&G", "Large");
    uint32_t lukasz = fixture_person(&fx, "Łukasz Nowak");
    assert_true(RACI_VIEW_PAIR_SCAN < 40 && RACI_VIEW_PAIR_SCAN >= 2);
    assert_int_equal(raci_view_pair(&fx.r, small, lukasz)->letters, RACI_A | RACI_R);
    assert_int_equal(raci_view_pair(&fx.r, small, fixture_person(&fx, "Nomvula Dlamini"))->letters,
                     RACI_C);
    assert_null(raci_view_pair(&fx.r, large, lukasz));
    for (int i = 0; i < 40; i++) {
        char name[24];
        snprintf(name, sizeof name, "Person %02d", i);
        uint32_t p = fixture_person(&fx, name);
        assert_int_equal(raci_view_pair(&fx.r, large, p)->letters, masks[i % 4]);
        assert_null(raci_view_pair(&fx.r, small, p));
    }
    assert_null(raci_view_pair(&fx.r, fx.r.ntasks, lukasz));
    raci_str_release(&csv);
    fixture_release(&fx);
}

/* Reports in roster order, never oneself; layers from the top; a loop and
 * what hangs under it on layer 0, only the loop's people in it. */
static void test_reporting_lines(void **state)
{
    struct fixture fx;
    size_t n;
    (void)state;
    fixture_run(&fx, "person,title,reports_to\n"
                     "Cy,Developer,Bo\n"     /* layer 3 */
                     "Ana,Director,\n"       /* the top */
                     "Bo,Manager,Ana\n"      /* layer 2 */
                     "Di,Developer,Bo\n"     /* layer 3 */
                     "Ed,Developer,Ed\n"     /* their own top */
                     "Fay,Developer,Gus\n"   /* Fay -> Gus -> Hal -> Fay */
                     "Gus,Developer,Hal\n"   /* */
                     "Hal,Developer,Fay\n"   /* */
                     "Ivy,Developer,Gus\n"   /* under the loop */
                     "Jo,Developer,Nobody\n" /* a manager not on the roster */
                     "Kim,Developer,Ed\n");  /* under someone who reports to themselves */
    uint32_t ana = fixture_person(&fx, "Ana"), bo = fixture_person(&fx, "Bo"),
             cy = fixture_person(&fx, "Cy"), di = fixture_person(&fx, "Di"),
             ed = fixture_person(&fx, "Ed"), fay = fixture_person(&fx, "Fay"),
             gus = fixture_person(&fx, "Gus"), hal = fixture_person(&fx, "Hal"),
             ivy = fixture_person(&fx, "Ivy"), jo = fixture_person(&fx, "Jo"),
             kim = fixture_person(&fx, "Kim");

    const uint32_t *rep = raci_view_reports(&fx.r, bo, &n);
    assert_int_equal(n, 2);
    assert_int_equal(rep[0], cy);
    assert_int_equal(rep[1], di);
    rep = raci_view_reports(&fx.r, ana, &n);
    assert_int_equal(n, 1);
    assert_int_equal(rep[0], bo);
    rep = raci_view_reports(&fx.r, ed, &n); /* Kim, not Ed */
    assert_int_equal(n, 1);
    assert_int_equal(rep[0], kim);
    rep = raci_view_reports(&fx.r, gus, &n);
    assert_int_equal(n, 2);
    assert_int_equal(rep[0], fay);
    assert_int_equal(rep[1], ivy);
    raci_view_reports(&fx.r, cy, &n);
    assert_int_equal(n, 0);
    raci_view_reports(&fx.r, (uint32_t)fx.r.npersons, &n);
    assert_int_equal(n, 0);

    assert_int_equal(raci_view_layer(&fx.r, ana), 1);
    assert_int_equal(raci_view_layer(&fx.r, bo), 2);
    assert_int_equal(raci_view_layer(&fx.r, cy), 3);
    assert_int_equal(raci_view_layer(&fx.r, di), 3);
    assert_int_equal(raci_view_layer(&fx.r, ed), 1);
    assert_int_equal(raci_view_layer(&fx.r, kim), 2);
    assert_int_equal(raci_view_layer(&fx.r, jo), 1);
    assert_int_equal(raci_view_layer(&fx.r, fay), 0);
    assert_int_equal(raci_view_layer(&fx.r, gus), 0);
    assert_int_equal(raci_view_layer(&fx.r, hal), 0);
    assert_int_equal(raci_view_layer(&fx.r, ivy), 0);
    assert_int_equal(raci_view_layer(&fx.r, (uint32_t)fx.r.npersons), 0);

    for (uint32_t p = 0; p < fx.r.npersons; p++)
        assert_int_equal(raci_view_in_loop(&fx.r, p), p == fay || p == gus || p == hal);
    assert_false(raci_view_in_loop(&fx.r, RACI_NONE));
    fixture_release(&fx);
}

/* A reporting line 50,000 deep, listed bottom first: walked once, with no
 * recursion (which would overflow the stack), and every layer right. */
static void test_deep_reporting_line(void **state)
{
    struct fixture fx;
    enum { DEEP = 50000 };
    struct raci_str csv = RACI_STR_INIT;
    (void)state;
    raci_str_add(&csv, "person,title,reports_to\n");
    for (int i = DEEP - 1; i >= 0; i--) {
        if (i)
            raci_str_addf(&csv, "P%d,Developer,P%d\n", i, i - 1);
        else
            raci_str_add(&csv, "P0,Director,\n");
    }
    assert_false(csv.failed);
    fixture_run(&fx, raci_str_cstr(&csv));
    assert_int_equal(fx.r.npersons, DEEP);
    /* Person k of the roster is P(DEEP - 1 - k), on layer DEEP - k. */
    for (uint32_t k = 0; k < DEEP; k++) {
        size_t n;
        assert_int_equal(raci_view_layer(&fx.r, k), DEEP - k);
        raci_view_reports(&fx.r, k, &n);
        assert_int_equal(n, k > 0);
        assert_false(raci_view_in_loop(&fx.r, k));
    }
    raci_str_release(&csv);
    fixture_release(&fx);
}

/* One look per pair, the weightiest letter first, for every output that
 * draws a matrix. */
static void test_pair_look(void **state)
{
    struct raci_pair p = {0};
    (void)state;
    assert_int_equal(raci_view_pair_look(NULL), RACI_PAIR_LOOK_PLAIN);
    assert_int_equal(raci_view_pair_look(&p), RACI_PAIR_LOOK_PLAIN);
    p.raw = "X?";
    assert_int_equal(raci_view_pair_look(&p), RACI_PAIR_LOOK_UNREAD);
    p.letters = RACI_I | RACI_C;
    assert_int_equal(raci_view_pair_look(&p), RACI_PAIR_LOOK_C);
    p.letters |= RACI_R;
    assert_int_equal(raci_view_pair_look(&p), RACI_PAIR_LOOK_R);
    p.letters |= RACI_A;
    assert_int_equal(raci_view_pair_look(&p), RACI_PAIR_LOOK_A);
    p.letters = RACI_I;
    assert_int_equal(raci_view_pair_look(&p), RACI_PAIR_LOOK_I);
    p.flags = RACI_PAIR_GENERATED;
    assert_int_equal(raci_view_pair_look(&p), RACI_PAIR_LOOK_GENERATED);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pair_look),
        cmocka_unit_test(test_pairs_combine_rows),
        cmocka_unit_test(test_products_roles_people),
        cmocka_unit_test(test_people_beyond_the_team),
        cmocka_unit_test(test_generated_pairs),
        cmocka_unit_test(test_long_names_stay_apart),
        cmocka_unit_test(test_pairs_of_small_and_large_tasks),
        cmocka_unit_test(test_reporting_lines),
        cmocka_unit_test(test_deep_reporting_line),
    };
    return cmocka_run_group_tests_name("view", tests, NULL, NULL);
}
