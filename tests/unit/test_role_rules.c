/*
 * test_role_rules.c - the documents' role, load and org-chart rules, each
 * with a roster that breaks it and a near-identical one that passes. Each
 * test checks the rule id, severity, subject and the rows named.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>

#include "fixture.h"

#define HEAD "person,title,product,task,raci\n"
#define ORG  "person,title,product,reports_to\n"

/* Run csv; expect `count` findings of rule, the first at line `line`, with
 * this severity, and return that first one's message (owned by fx). */
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

static void test_product_without_po(void **state)
{
    struct fixture fx;
    (void)state;
    const struct raci_finding *f = expect(&fx,
                                          HEAD "Bo,Product Manager,Atlas,Roadmap,A/R\n"
                                               "Cy,Developer,Atlas,Sprint backlog,A/R\n"
                                               "Di,Product Owner,Borealis,User stories,A/R\n",
                                          "product-without-po", 1);
    assert_int_equal(f->severity, RACI_SEV_ERROR);
    assert_string_equal(fx.r.products[f->product].name, "Atlas");
    assert_int_equal(f->loc.line, 2);
    assert_non_null(strstr(f->message, "product 'Atlas' has no Product Owner"));
    fixture_release(&fx);
    expect(&fx,
           HEAD "Bo,Product Manager,Atlas,Roadmap,A/R\n"
                "Cy,Sr. Product Owner,Atlas,Sprint backlog,A/R\n"
                "Di,Product Owner,Borealis,User stories,A/R\n",
           "product-without-po", 0);
    fixture_release(&fx);
}

static void test_multiple_po(void **state)
{
    struct fixture fx;
    (void)state;
    const struct raci_finding *f = expect(&fx,
                                          HEAD "Ana,Product Owner,Atlas,User stories,A/R\n"
                                               "Cy,Developer,Atlas,Sprint backlog,A/R\n"
                                               "Bo,Technical Product Owner,Atlas,,\n",
                                          "multiple-po", 1);
    assert_int_equal(f->severity, RACI_SEV_ERROR);
    assert_int_equal(f->loc.line, 2);
    assert_int_equal(f->nrelated, 1);
    assert_int_equal(f->related[0].line, 4);
    assert_non_null(strstr(f->message, "2 Product Owners: Ana (line 2), Bo (line 4)"));
    fixture_release(&fx);
    expect(&fx,
           HEAD "Ana,Product Owner,Atlas,User stories,A/R\n"
                "Cy,Developer,Atlas,Sprint backlog,A/R\n"
                "Bo,Technical Product Manager,Atlas,,\n",
           "multiple-po", 0);
    fixture_release(&fx);
}

static void test_po_multiple_products(void **state)
{
    struct fixture fx;
    (void)state;
    const struct raci_finding *f = expect(&fx,
                                          HEAD "Ana,Product Owner,Atlas,User stories,A/R\n"
                                               "Ana,Product Owner,Borealis,User stories,A/R\n",
                                          "po-multiple-products", 1);
    assert_int_equal(f->severity, RACI_SEV_WARNING);
    assert_string_equal(fx.r.persons[f->person].name, "Ana");
    assert_int_equal(f->nrelated, 1);
    assert_non_null(strstr(f->message, "on 2 products ('Atlas', 'Borealis')"));
    fixture_release(&fx);
    expect(&fx,
           HEAD "Ana,Product Owner,Atlas,User stories,A/R\n"
                "Bo,Product Owner,Borealis,User stories,A/R\n",
           "po-multiple-products", 0);
    fixture_release(&fx);
}

static void test_pm_owns_strategy(void **state)
{
    struct fixture fx;
    (void)state;
    const struct raci_finding *f = expect(&fx,
                                          HEAD "Ana,Product Owner,Atlas,Market research,A/R\n"
                                               "Bo,Group Product Manager,Atlas,Market research,C\n",
                                          "pm-owns-strategy", 1);
    assert_int_equal(f->severity, RACI_SEV_ERROR);
    assert_int_equal(f->loc.line, 2);
    assert_string_equal(fx.r.persons[f->person].name, "Ana");
    assert_string_equal(fx.r.tasks[f->task].name, "Market research");
    assert_non_null(strstr(f->message, "but Bo is its Product Manager"));
    fixture_release(&fx);
    expect(&fx,
           HEAD "Ana,Product Owner,Atlas,Market research,C\n"
                "Bo,Group Product Manager,Atlas,Market research,A/R\n",
           "pm-owns-strategy", 0);
    fixture_release(&fx);
    /* No PM on the product: strategy may fall to the PO. */
    expect(&fx, HEAD "Ana,Product Owner,Atlas,Market research,A/R\n", "pm-owns-strategy", 0);
    fixture_release(&fx);
}

static void test_po_owns_backlog(void **state)
{
    struct fixture fx;
    (void)state;
    const struct raci_finding *f = expect(&fx,
                                          HEAD "Bo,Product Manager,Atlas,Product backlog,A/R\n"
                                               "Ana,Product Owner,Atlas,Product backlog,C\n",
                                          "po-owns-backlog", 1);
    assert_int_equal(f->severity, RACI_SEV_ERROR);
    assert_int_equal(f->loc.line, 2);
    assert_string_equal(fx.r.persons[f->person].name, "Bo");
    fixture_release(&fx);
    expect(&fx,
           HEAD "Bo,Product Manager,Atlas,Product backlog,C\n"
                "Ana,Product Owner,Atlas,Product backlog,A/R\n",
           "po-owns-backlog", 0);
    fixture_release(&fx);
}

static void test_director_owns_people(void **state)
{
    struct fixture fx;
    (void)state;
    const struct raci_finding *f = expect(&fx,
                                          HEAD "Ana,Product Owner,Atlas,Promotions,A/R\n"
                                               "Cy,Director of Product,Atlas,Promotions,C\n",
                                          "director-owns-people", 1);
    assert_int_equal(f->severity, RACI_SEV_WARNING);
    assert_non_null(strstr(f->message, "but Cy is its Director"));
    fixture_release(&fx);
    expect(&fx,
           HEAD "Ana,Product Owner,Atlas,Promotions,C\n"
                "Cy,Director of Product,Atlas,Promotions,A/R\n",
           "director-owns-people", 0);
    fixture_release(&fx);
    /* No Director: the Engineering Manager is the fallback. */
    f = expect(&fx,
               HEAD "Ana,Product Owner,Atlas,Coaching,A/R\n"
                    "Eve,Engineering Manager,Atlas,Coaching,C\n",
               "director-owns-people", 1);
    assert_non_null(strstr(f->message, "but Eve is its Engineering Manager"));
    fixture_release(&fx);
    expect(&fx,
           HEAD "Ana,Product Owner,Atlas,Coaching,C\n"
                "Eve,Engineering Manager,Atlas,Coaching,A/R\n",
           "director-owns-people", 0);
    fixture_release(&fx);
}

/* A team of n people on Atlas, the first holding both PO and PM. */
static char *team(int n, const char *first_title)
{
    size_t size = 128 + (size_t)n * 64;
    char *csv = malloc(size);
    int len = snprintf(csv, size, HEAD "Ana,%s,Atlas,User stories,A/R\n", first_title);
    for (int i = 1; i < n; i++)
        len +=
            snprintf(csv + len, size - (size_t)len, "Dev %d,Developer,Atlas,User stories,C\n", i);
    return csv;
}

static void test_split_po_pm(void **state)
{
    struct fixture fx;
    (void)state;
    char *csv = team(11, "Product Owner / Product Manager");
    const struct raci_finding *f = expect(&fx, csv, "split-po-pm", 1);
    assert_int_equal(f->severity, RACI_SEV_WARNING);
    assert_int_equal(f->loc.line, 2);
    assert_int_equal(f->loc.col, 5);
    assert_non_null(strstr(f->message, "a team of 11 (more than 10)"));
    fixture_release(&fx);
    free(csv);
    csv = team(10, "Product Owner / Product Manager");
    expect(&fx, csv, "split-po-pm", 0);
    fixture_release(&fx);
    free(csv);
    /* Across two products, whatever the size. */
    f = expect(&fx,
               HEAD "Ana,Product Owner & Product Manager,Atlas,User stories,A/R\n"
                    "Ana,Product Owner & Product Manager,Borealis,User stories,A/R\n",
               "split-po-pm", 1);
    assert_non_null(strstr(f->message, "across 2 products"));
    fixture_release(&fx);
}

static void test_scrum_contact_po(void **state)
{
    struct fixture fx;
    (void)state;
    const struct raci_finding *f =
        expect(&fx,
               HEAD "Bo,Product Manager,Atlas,Requirements clarification,A/R\n"
                    "Ana,Product Owner,Atlas,Requirements clarification,C\n",
               "scrum-contact-po", 1);
    assert_int_equal(f->severity, RACI_SEV_WARNING);
    assert_non_null(strstr(f->message, "Product Owner (Ana)"));
    fixture_release(&fx);
    expect(&fx,
           HEAD "Bo,Product Manager,Atlas,Requirements clarification,C\n"
                "Ana,Product Owner,Atlas,Requirements clarification,A/R\n",
           "scrum-contact-po", 0);
    fixture_release(&fx);
    /* Not Scrum: the check does not apply. */
    fixture_rules(&fx, "extends: default\nframework: kanban\n");
    assert_int_equal(fixture_add(&fx, "team.csv",
                                 HEAD "Bo,Product Manager,Atlas,Requirements clarification,A/R\n"),
                     RACI_OK);
    fixture_check(&fx);
    assert_int_equal(fixture_count(&fx, "scrum-contact-po"), 0);
    fixture_release(&fx);
}

static void test_pm_span(void **state)
{
    struct fixture fx;
    (void)state;
    const char *five = HEAD "Bo,Product Manager,P1,,\nBo,Product Manager,P2,,\n"
                            "Bo,Product Manager,P3,,\nBo,Product Manager,P4,,\n"
                            "Bo,Product Manager,P5,,\n";
    const struct raci_finding *f = expect(&fx, five, "pm-span", 1);
    assert_int_equal(f->severity, RACI_SEV_WARNING);
    assert_non_null(strstr(f->message, "spans 5 products"));
    assert_int_equal(f->nrelated, 4);
    fixture_release(&fx);
    expect(&fx,
           HEAD "Bo,Product Manager,P1,,\nBo,Product Manager,P2,,\n"
                "Bo,Product Manager,P3,,\nBo,Product Manager,P4,,\n",
           "pm-span", 0);
    fixture_release(&fx);
    /* POs are counted once each over the PM's products, the PM itself not
     * among them, and apart for each PM: Bo spans A1 to A5 on 2 products (A1
     * is on both), Cy, on P2 only, spans Bo, A1 and A4. */
    f = expect(&fx,
               HEAD "Bo,Product Manager / Product Owner,P1,,\nBo,Product Manager,P2,,\n"
                    "Cy,Product Manager,P2,,\nA1,Product Owner,P1,,\nA2,Product Owner,P1,,\n"
                    "A3,Product Owner,P1,,\nA5,Product Owner,P1,,\nA1,Product Owner,P2,,\n"
                    "A4,Product Owner,P2,,\n",
               "pm-span", 1);
    assert_string_equal(fx.r.persons[f->person].name, "Bo");
    assert_non_null(strstr(f->message, "spans 2 products and 5 Product Owners (more than 4)"));
    assert_int_equal(f->nrelated, 1);
    fixture_release(&fx);
}

static void test_team_size(void **state)
{
    struct fixture fx;
    (void)state;
    char *csv = team(11, "Product Owner");
    const struct raci_finding *f = expect(&fx, csv, "team-size", 1);
    assert_int_equal(f->severity, RACI_SEV_WARNING);
    assert_non_null(strstr(f->message, "product 'Atlas' has a team of 11 people (more than 10)"));
    fixture_release(&fx);
    free(csv);
    csv = team(10, "Product Owner");
    expect(&fx, csv, "team-size", 0);
    fixture_release(&fx);
    free(csv);
}

/* One person with A/R on n tasks of Atlas, plus a second R on each when
 * shared. */
static char *load(int n, int shared)
{
    size_t size = 128 + (size_t)n * 96;
    char *csv = malloc(size);
    int len = snprintf(csv, size, HEAD);
    for (int i = 0; i < n; i++) {
        len += snprintf(csv + len, size - (size_t)len, "Ana,Product Owner,Atlas,Task %d,A/R\n", i);
        if (shared)
            len += snprintf(csv + len, size - (size_t)len, "Bo,Developer,Atlas,Task %d,R\n", i);
    }
    return csv;
}

static void test_accountability_overload(void **state)
{
    struct fixture fx;
    (void)state;
    char *csv = load(13, 1);
    const struct raci_finding *f = expect(&fx, csv, "accountability-overload", 1);
    assert_int_equal(f->severity, RACI_SEV_WARNING);
    assert_string_equal(fx.r.persons[f->person].name, "Ana");
    assert_non_null(strstr(f->message, "accountable for 13 tasks (more than 12)"));
    fixture_release(&fx);
    free(csv);
    csv = load(12, 1);
    expect(&fx, csv, "accountability-overload", 0);
    fixture_release(&fx);
    free(csv);
}

static void test_single_point_of_failure(void **state)
{
    struct fixture fx;
    (void)state;
    char *csv = load(9, 0);
    const struct raci_finding *f = expect(&fx, csv, "single-point-of-failure", 1);
    assert_int_equal(f->severity, RACI_SEV_INFO);
    assert_non_null(strstr(f->message, "on 9 tasks (more than 8)"));
    fixture_release(&fx);
    free(csv);
    /* A second R on each task removes the risk. */
    csv = load(9, 1);
    expect(&fx, csv, "single-point-of-failure", 0);
    fixture_release(&fx);
    free(csv);
}

static void test_unknown_manager(void **state)
{
    struct fixture fx;
    (void)state;
    const struct raci_finding *f = expect(&fx,
                                          ORG "Ana,Engineering Manager,Atlas,\n"
                                              "Bo,Developer,Atlas,Anna\n",
                                          "unknown-manager", 1);
    assert_int_equal(f->severity, RACI_SEV_ERROR);
    assert_int_equal(f->loc.line, 3);
    assert_int_equal(f->loc.col, 20);
    assert_non_null(strstr(f->message, "Bo reports to 'Anna', who is not on the roster"));
    fixture_release(&fx);
    expect(&fx, ORG "Ana,Engineering Manager,Atlas,\nBo,Developer,Atlas,ana\n", "unknown-manager",
           0);
    fixture_release(&fx);
}

static void test_reporting_cycle(void **state)
{
    struct fixture fx;
    (void)state;
    const struct raci_finding *f = expect(&fx,
                                          ORG "Ana,Engineering Manager,Atlas,Cy\n"
                                              "Bo,Developer,Atlas,Ana\n"
                                              "Cy,Director of Engineering,Atlas,Ana\n"
                                              "Di,Developer,Atlas,Bo\n",
                                          "reporting-cycle", 1);
    assert_int_equal(f->severity, RACI_SEV_ERROR);
    assert_int_equal(f->loc.line, 2);
    assert_non_null(strstr(f->message, "reporting loop: Ana -> Cy -> Ana"));
    assert_int_equal(f->nrelated, 1);
    assert_int_equal(f->related[0].line, 4);
    fixture_release(&fx);
    expect(&fx,
           ORG "Ana,Engineering Manager,Atlas,Cy\n"
               "Bo,Developer,Atlas,Ana\n"
               "Cy,Director of Engineering,Atlas,\n"
               "Di,Developer,Atlas,Bo\n",
           "reporting-cycle", 0);
    fixture_release(&fx);
}

static void test_self_manager(void **state)
{
    struct fixture fx;
    (void)state;
    const struct raci_finding *f = expect(&fx,
                                          ORG "Ana Silva,Engineering Manager,Atlas,Ana Silva\n"
                                              "Bo,Developer,Atlas,Ana Silva\n",
                                          "self-manager", 1);
    assert_int_equal(f->severity, RACI_SEV_ERROR);
    assert_int_equal(f->loc.line, 2);
    assert_int_equal(f->loc.col, 37); /* the reports_to cell */
    assert_string_equal(f->message, "Ana Silva reports to themselves (expected the name or id of "
                                    "their manager, or an empty reports_to at the top of the "
                                    "organisation)");
    assert_string_equal(f->entity, "person:ana silva");
    assert_string_equal(fx.r.persons[f->person].name, "Ana Silva");
    assert_int_equal(f->nrelated, 0);
    /* A loop of one is this rule's, not reporting-cycle's. */
    assert_int_equal(fixture_count(&fx, "reporting-cycle"), 0);
    fixture_release(&fx);
    /* The same chart with Ana at the top. */
    expect(&fx,
           ORG "Ana Silva,Engineering Manager,Atlas,\n"
               "Bo,Developer,Atlas,Ana Silva\n",
           "self-manager", 0);
    fixture_release(&fx);
}

/* Reporting to one's own id is reporting to oneself; a loop of two beside
 * it is still reporting-cycle's, and people under a self-manager are in no
 * loop. */
static void test_self_manager_by_id(void **state)
{
    struct fixture fx;
    (void)state;
    const struct raci_finding *f = expect(&fx,
                                          "person,id,title,product,reports_to\n"
                                          "Ana,E1,Director of Engineering,Atlas,E1\n"
                                          "Bo,E2,Engineering Manager,Atlas,E1\n"
                                          "Cy,E3,Developer,Atlas,E4\n"
                                          "Di,E4,Developer,Atlas,E3\n",
                                          "self-manager", 1);
    assert_int_equal(f->loc.line, 2);
    assert_string_equal(f->entity, "person:id:E1");
    assert_int_equal(fixture_count(&fx, "reporting-cycle"), 1);
    assert_non_null(
        strstr(fixture_find(&fx, "reporting-cycle", 0)->message, "reporting loop: Cy -> Di -> Cy"));
    fixture_release(&fx);
}

static void test_span_of_control(void **state)
{
    struct fixture fx;
    char csv[2048];
    int len;
    (void)state;
    len = snprintf(csv, sizeof csv, ORG "Ana,Engineering Manager,Atlas,\n");
    for (int i = 1; i <= 9; i++)
        len += snprintf(csv + len, sizeof csv - (size_t)len, "Dev %d,Developer,Atlas,Ana\n", i);
    const struct raci_finding *f = expect(&fx, csv, "span-of-control", 1);
    assert_int_equal(f->severity, RACI_SEV_WARNING);
    assert_int_equal(f->loc.line, 2);
    assert_int_equal(f->nrelated, 9);
    assert_non_null(strstr(f->message, "Ana has 9 direct reports (more than 8)"));
    fixture_release(&fx);
    /* Eight is within the span. */
    char *last = strstr(csv, "Dev 9");
    *last = '\0';
    expect(&fx, csv, "span-of-control", 0);
    fixture_release(&fx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_product_without_po),
        cmocka_unit_test(test_multiple_po),
        cmocka_unit_test(test_po_multiple_products),
        cmocka_unit_test(test_pm_owns_strategy),
        cmocka_unit_test(test_po_owns_backlog),
        cmocka_unit_test(test_director_owns_people),
        cmocka_unit_test(test_split_po_pm),
        cmocka_unit_test(test_scrum_contact_po),
        cmocka_unit_test(test_pm_span),
        cmocka_unit_test(test_team_size),
        cmocka_unit_test(test_accountability_overload),
        cmocka_unit_test(test_single_point_of_failure),
        cmocka_unit_test(test_unknown_manager),
        cmocka_unit_test(test_reporting_cycle),
        cmocka_unit_test(test_self_manager),
        cmocka_unit_test(test_self_manager_by_id),
        cmocka_unit_test(test_span_of_control),
    };
    return cmocka_run_group_tests_name("role rules", tests, NULL, NULL);
}
