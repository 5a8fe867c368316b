/*
 * test_org_rules.c - the org-chart rules about the chart's shape
 * (reporting-depth, single-report-manager, multiple-roots), each with a
 * roster that breaks it and a near-identical one that passes.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>

#include "fixture.h"

#define ORG "person,title,product,reports_to\n"

/* Run csv; expect `count` findings of rule and return the first. */
static const struct raci_finding *expect(struct fixture *fx, const char *csv, const char *rule,
                                         size_t count)
{
    fixture_run(fx, csv);
    if (fixture_count(fx, rule) != count) {
        for (size_t i = 0; i < fx->fs.n; i++)
            print_message("  %u: %s: %s\n", fx->fs.v[i].loc.line, fx->fs.v[i].rule,
                          fx->fs.v[i].message);
        fail_msg("expected %zu '%s' findings, got %zu", count, rule, fixture_count(fx, rule));
    }
    return count ? fixture_find(fx, rule, 0) : NULL;
}

/* A chain of n layers, L1 at the top, each reporting to the one above, and
 * a second branch of two under L1 (so that no one but the chain's managers
 * has one report); written into csv. */
static void chain(char *csv, size_t size, int n)
{
    int len = snprintf(csv, size, ORG "L1,Chief Executive,Atlas,\n");
    for (int i = 2; i <= n; i++)
        len += snprintf(csv + len, size - (size_t)len, "L%d,Manager,Atlas,L%d\n", i, i - 1);
    snprintf(csv + len, size - (size_t)len, "Side,Developer,Atlas,L1\n");
}

static void test_reporting_depth(void **state)
{
    struct fixture fx;
    char csv[2048];
    (void)state;
    /* Eleven layers: L9 is the first past eight, and the only one named. */
    chain(csv, sizeof csv, 11);
    const struct raci_finding *f = expect(&fx, csv, "reporting-depth", 1);
    assert_int_equal(f->severity, RACI_SEV_WARNING);
    assert_int_equal(f->loc.line, 10);
    assert_string_equal(fx.r.persons[f->person].name, "L9");
    assert_string_equal(f->entity, "person:l9");
    assert_non_null(strstr(f->message, "L9 is on layer 9 below the top of the organisation (L1), "
                                       "more than 8"));
    fixture_release(&fx);
    /* Eight layers are within the limit. */
    chain(csv, sizeof csv, 8);
    expect(&fx, csv, "reporting-depth", 0);
    fixture_release(&fx);
    /* A loop has no top: nobody in or under it is on a layer. */
    expect(&fx,
           ORG "A,Manager,Atlas,B\nB,Manager,Atlas,A\nC,Manager,Atlas,B\nD,Manager,Atlas,C\n"
               "E,Manager,Atlas,D\nF,Manager,Atlas,E\nG,Manager,Atlas,F\nH,Manager,Atlas,G\n"
               "I,Manager,Atlas,H\nJ,Manager,Atlas,I\nK,Manager,Atlas,J\n",
           "reporting-depth", 0);
    fixture_release(&fx);
    /* The limit is the ruleset's. */
    fixture_rules(&fx, "checks:\n  reporting-depth: {severity: warning, max_depth: 3}\n");
    chain(csv, sizeof csv, 5);
    assert_int_equal(fixture_add(&fx, "team.csv", csv), RACI_OK);
    fixture_check(&fx);
    assert_int_equal(fixture_count(&fx, "reporting-depth"), 1);
    assert_string_equal(fx.r.persons[fixture_find(&fx, "reporting-depth", 0)->person].name, "L4");
    fixture_release(&fx);
}

static void test_single_report_manager(void **state)
{
    struct fixture fx;
    (void)state;
    const struct raci_finding *f = expect(&fx,
                                          ORG "Mia,Engineering Manager,Atlas,\n"
                                              "Ana,Developer,Atlas,Mia\n",
                                          "single-report-manager", 1);
    assert_int_equal(f->severity, RACI_SEV_INFO);
    assert_int_equal(f->loc.line, 2);
    assert_string_equal(f->entity, "person:mia");
    assert_int_equal(f->nrelated, 1);
    assert_int_equal(f->related[0].line, 3);
    assert_non_null(strstr(f->message, "Mia has exactly one direct report, Ana"));
    fixture_release(&fx);
    expect(&fx,
           ORG "Mia,Engineering Manager,Atlas,\n"
               "Ana,Developer,Atlas,Mia\n"
               "Bo,Developer,Atlas,Mia\n",
           "single-report-manager", 0);
    fixture_release(&fx);
    /* In a loop of two each manages the other: reporting-cycle's. */
    expect(&fx, ORG "Mia,Engineering Manager,Atlas,Ana\nAna,Developer,Atlas,Mia\n",
           "single-report-manager", 0);
    fixture_release(&fx);
    /* Reporting to oneself makes nobody a manager of one. */
    expect(&fx, ORG "Mia,Engineering Manager,Atlas,Mia\n", "single-report-manager", 0);
    fixture_release(&fx);
}

static void test_multiple_roots(void **state)
{
    struct fixture fx;
    (void)state;
    expect(&fx,
           ORG "Mia,Engineering Manager,Atlas,\n"
               "Ana,Developer,Atlas,Mia\n"
               "Bo,Developer,Atlas,\n"
               "Cy,Developer,Atlas,Mia\n",
           "multiple-roots", 2);
    const struct raci_finding *f = fixture_find(&fx, "multiple-roots", 1);
    assert_int_equal(f->severity, RACI_SEV_INFO);
    assert_int_equal(f->loc.line, 4);
    assert_string_equal(f->entity, "person:bo");
    assert_int_equal(f->nrelated, 1);
    assert_int_equal(f->related[0].line, 2);
    assert_non_null(strstr(f->message, "Bo has no reports_to, one of 2 people at the top of an "
                                       "organisation where 2 have a manager"));
    assert_int_equal(fixture_find(&fx, "multiple-roots", 0)->nrelated, 0);
    fixture_release(&fx);
    /* One top passes. */
    expect(&fx,
           ORG "Mia,Engineering Manager,Atlas,\n"
               "Ana,Developer,Atlas,Mia\n"
               "Bo,Developer,Atlas,Mia\n",
           "multiple-roots", 0);
    fixture_release(&fx);
    /* A roster without reports_to, audited beside one with it, adds no
     * tops. */
    fixture_rules(&fx, NULL);
    assert_int_equal(fixture_add(&fx, "org.csv",
                                 ORG "Mia,Engineering Manager,Atlas,\n"
                                     "Ana,Developer,Atlas,Mia\n"),
                     RACI_OK);
    assert_int_equal(fixture_add(&fx, "team.csv", "person,title,product\nBo,Developer,Borealis\n"),
                     RACI_OK);
    fixture_check(&fx);
    assert_int_equal(fixture_count(&fx, "multiple-roots"), 0);
    fixture_release(&fx);
    /* No reports_to at all is no org chart. */
    expect(&fx, ORG "Mia,Engineering Manager,Atlas,\nAna,Developer,Atlas,\n", "multiple-roots", 0);
    fixture_release(&fx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reporting_depth),
        cmocka_unit_test(test_single_report_manager),
        cmocka_unit_test(test_multiple_roots),
    };
    return cmocka_run_group_tests_name("org rules", tests, NULL, NULL);
}
