/*
 * test_policy.c - the exit policy (policy.h) and the views it judges
 * (view.h): --fail-on, --max-warnings, what -q shows, and that a finding a
 * baseline knows takes no part.
 */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "raci/policy.h"

/* Two A's on one task (error), an idle person (info), and an unknown letter
 * (warning; its task then has no A and no R: an error and a warning more). */
static const char *const roster_csv = "person,title,product,task,raci\n"
                                      "Ana Silva,Product Manager,Atlas,Market research,A/R\n"
                                      "Bo Chen,Product Manager,Atlas,Market research,A\n"
                                      "Cy Ode,Product Owner,Atlas,User stories,A/R\n"
                                      "Cy Ode,Product Owner,Atlas,Acceptance criteria,maybe\n"
                                      "Di Lu,Developer,Atlas,,\n";

static void test_exit_statuses(void **state)
{
    (void)state;
    /* PRODUCT.md fixes them; scripts depend on them. */
    assert_int_equal(RACI_EXIT_CLEAN, 0);
    assert_int_equal(RACI_EXIT_FINDINGS, 1);
    assert_int_equal(RACI_EXIT_TROUBLE, 2);
}

static void test_fails(void **state)
{
    struct fixture fx;
    struct raci_policy p = RACI_POLICY_INIT;
    struct raci_selection all;
    (void)state;

    fixture_run(&fx, roster_csv);
    assert_int_equal(raci_selection_reported(&all, &fx.fs), RACI_OK);
    assert_int_equal(raci_selection_count(&all, RACI_SEV_ERROR), 2);
    assert_int_equal(raci_selection_count(&all, RACI_SEV_WARNING), 2);
    assert_int_equal(raci_selection_count(&all, RACI_SEV_INFO), 1);
    assert_true(raci_policy_fails(&p, &all));
    p.fail_on = RACI_SEV_OFF;
    assert_false(raci_policy_fails(&p, &all));
    /* Two warnings: a limit of 2 passes, of 1 fails. */
    p.max_warnings = 2;
    assert_false(raci_policy_fails(&p, &all));
    p.max_warnings = 1;
    assert_true(raci_policy_fails(&p, &all));
    /* fail-on info: the info alone fails. */
    p.fail_on = RACI_SEV_INFO;
    p.max_warnings = -1;
    assert_true(raci_policy_fails(&p, &all));
    raci_selection_release(&all);
    fixture_release(&fx);
}

static void test_select(void **state)
{
    struct fixture fx;
    struct raci_policy p = {RACI_SEV_OFF, 1, NULL};
    struct raci_selection all, shown;
    (void)state;

    fixture_run(&fx, roster_csv);
    assert_int_equal(raci_selection_reported(&all, &fx.fs), RACI_OK);
    /* Too many warnings: only the warnings count. */
    assert_int_equal(raci_policy_select(&p, &all, &shown), RACI_OK);
    assert_int_equal(shown.n, 2);
    assert_int_equal(shown.v[0]->severity, RACI_SEV_WARNING);
    assert_int_equal(shown.v[1]->severity, RACI_SEV_WARNING);
    raci_selection_release(&shown);

    /* The default: the errors, in order. */
    p = (struct raci_policy)RACI_POLICY_INIT;
    assert_int_equal(raci_policy_select(&p, &all, &shown), RACI_OK);
    assert_int_equal(shown.n, 2);
    for (size_t i = 0; i < shown.n; i++)
        assert_int_equal(shown.v[i]->severity, RACI_SEV_ERROR);
    assert_true(shown.v[0] < shown.v[1]);
    raci_selection_release(&shown);

    /* fail-on info: everything counts; never: nothing. */
    p.fail_on = RACI_SEV_INFO;
    assert_int_equal(raci_policy_select(&p, &all, &shown), RACI_OK);
    assert_int_equal(shown.n, all.n);
    raci_selection_release(&shown);
    p.fail_on = RACI_SEV_OFF;
    assert_int_equal(raci_policy_select(&p, &all, &shown), RACI_OK);
    assert_int_equal(shown.n, 0);
    raci_selection_release(&shown);
    raci_selection_release(&all);
    fixture_release(&fx);
}

/* Known findings are not reported, so they neither fail the run nor count
 * towards --max-warnings. */
static void test_known_take_no_part(void **state)
{
    struct fixture fx;
    struct raci_policy p = {RACI_SEV_ERROR, 1, NULL};
    struct raci_selection reported;
    int warned = 0;
    (void)state;

    fixture_run(&fx, roster_csv);
    /* Known: both errors and the second warning. */
    for (size_t i = 0; i < fx.fs.n; i++) {
        struct raci_finding *f = &fx.fs.v[i];
        if (f->severity == RACI_SEV_ERROR)
            f->known = 1;
        else if (f->severity == RACI_SEV_WARNING)
            f->known = warned++ > 0;
    }
    assert_int_equal(raci_selection_reported(&reported, &fx.fs), RACI_OK);
    assert_int_equal(reported.n, 2);
    assert_int_equal(raci_selection_count(&reported, RACI_SEV_ERROR), 0);
    assert_int_equal(raci_selection_count(&reported, RACI_SEV_WARNING), 1);
    assert_false(raci_policy_fails(&p, &reported));
    assert_true(reported.v[0] < reported.v[1]); /* in the set's order */
    for (size_t i = 0; i < reported.n; i++)
        assert_false(reported.v[i]->known);
    raci_selection_release(&reported);

    /* All known: nothing is reported, nothing fails. */
    for (size_t i = 0; i < fx.fs.n; i++)
        fx.fs.v[i].known = 1;
    assert_int_equal(raci_selection_reported(&reported, &fx.fs), RACI_OK);
    assert_int_equal(reported.n, 0);
    p.fail_on = RACI_SEV_INFO;
    assert_false(raci_policy_fails(&p, &reported));
    raci_selection_release(&reported);
    fixture_release(&fx);
}

/* --select / --ignore: the dropped rules' findings leave the set, the
 * others stay in order. */
static void test_filter(void **state)
{
    struct fixture fx;
    struct raci_policy p = RACI_POLICY_INIT;
    size_t nrules, before, dropped = 0;
    const struct raci_rule_def *all = raci_rules_all(&nrules);
    unsigned char *mask = calloc(nrules, 1);
    const struct raci_rule_def *sa = raci_rules_find("single-accountable");
    const char *order[16];
    size_t norder = 0;
    (void)state;

    assert_non_null(mask);
    assert_non_null(sa);
    fixture_run(&fx, roster_csv);
    /* Nothing dropped: the set stays whole. */
    before = fx.fs.n;
    assert_int_equal(raci_policy_filter(&p, &fx.fs), RACI_OK);
    assert_int_equal(fx.fs.n, before);
    assert_false(raci_policy_drops(&p, "single-accountable"));
    for (size_t i = 0; i < fx.fs.n; i++) {
        if (strcmp(fx.fs.v[i].rule, "single-accountable") == 0)
            dropped++;
        else if (norder < 16)
            order[norder++] = fx.fs.v[i].message;
    }
    assert_true(dropped > 0);
    mask[sa - all] = 1;
    p.dropped = mask;
    assert_true(raci_policy_drops(&p, "single-accountable"));
    assert_false(raci_policy_drops(&p, "idle-person"));
    assert_false(raci_policy_drops(&p, "no-such-rule"));
    assert_int_equal(raci_policy_filter(&p, &fx.fs), RACI_OK);
    assert_int_equal(fx.fs.n, before - dropped);
    for (size_t i = 0; i < fx.fs.n; i++) {
        assert_string_not_equal(fx.fs.v[i].rule, "single-accountable");
        if (i < norder)
            assert_ptr_equal(fx.fs.v[i].message, order[i]);
    }
    fixture_release(&fx);
    free(mask);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_exit_statuses), cmocka_unit_test(test_fails),
        cmocka_unit_test(test_select),        cmocka_unit_test(test_known_take_no_part),
        cmocka_unit_test(test_filter),
    };
    return cmocka_run_group_tests_name("policy", tests, NULL, NULL);
}
