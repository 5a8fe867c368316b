/*
 * test_scope.c - rules apply where their subject exists: the role rules on
 * products whose team has a title that maps to a role (role-rules-skipped
 * elsewhere), the load rules on people rather than on a chart's role
 * columns or a roster named by its titles, the people roster (--people)
 * that names a chart's columns, and rosters without letters (unknown-title
 * once per title, no idle-person). Each rule with a roster that breaks it
 * and one that passes.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>

#include "fixture.h"
#include "raci/people.h"

#define HEAD "person,title,product,task,raci\n"

static void dump(const struct fixture *fx)
{
    for (size_t i = 0; i < fx->fs.n; i++)
        print_message("  %s:%u: %s: %s\n", fx->fs.v[i].loc.file, fx->fs.v[i].loc.line,
                      fx->fs.v[i].rule, fx->fs.v[i].message);
}

static void want(const struct fixture *fx, const char *rule, size_t n)
{
    if (fixture_count(fx, rule) != n) {
        dump(fx);
        fail_msg("expected %zu '%s', got %zu", n, rule, fixture_count(fx, rule));
    }
}

/* A chart of n tasks in which column `who` is A/R on every one. */
static char *chart(const char *header, size_t n)
{
    struct raci_str b = RACI_STR_INIT;
    raci_str_addf(&b, "%s\n", header);
    for (size_t i = 0; i < n; i++)
        raci_str_addf(&b, "Task %zu,A/R,C,I\n", i + 1);
    char *s = raci_str_dup(raci_str_cstr(&b));
    raci_str_release(&b);
    assert_non_null(s);
    return s;
}

/* Add the people roster csv (as people.csv), before any other table. */
static void add_people(struct fixture *fx, const char *csv)
{
    struct raci_table t = {0};
    assert_int_equal(raci_reader_read_mem(&t, csv, strlen(csv), "people.csv", fx->pool, &fx->diag),
                     RACI_OK);
    assert_int_equal(raci_people_add(&fx->r, &t, &fx->diag), RACI_OK);
    raci_reader_release(&t);
}

/* ------------------------------------------------------- role rules -- */

static void test_unmapped_chart_skips_role_rules(void **state)
{
    struct fixture fx;
    (void)state;
    fixture_run(&fx, "task,Customer,Provider (IaaS)\n"
                     "Backups,A/R,C\n"
                     "Patching,C,A/R\n");
    want(&fx, "product-without-po", 0);
    want(&fx, "role-rules-skipped", 1);
    const struct raci_finding *f = fixture_find(&fx, "role-rules-skipped", 0);
    assert_int_equal(f->severity, RACI_SEV_INFO);
    assert_int_equal(f->loc.line, 1); /* the header */
    assert_int_equal(f->loc.col, 1);
    assert_string_equal(f->entity, "file:team.csv");
    assert_string_equal(fx.r.products[f->product].name, "team");
    assert_string_equal(
        f->message, "the role rules were not applied to product 'team': no title on its team, "
                    "such as 'Customer', maps to a role of the ruleset; if a title names a role, "
                    "map it in your ruleset (extends: default), e.g. roles: {po: {titles: "
                    "['Customer']}} (role ids: po, pm, director, em, tl, tpm, dev, sm); or, when "
                    "the columns name people, give their titles with --people FILE");
    fixture_release(&fx);

    /* One title that maps: the role rules run, and miss the PO. */
    fixture_run(&fx, "task,Customer,Product Manager\n"
                     "Backups,A/R,C\n");
    want(&fx, "role-rules-skipped", 0);
    want(&fx, "product-without-po", 1);
    fixture_release(&fx);
}

static void test_role_rules_per_product(void **state)
{
    struct fixture fx;
    (void)state;
    /* Atlas has a Product Manager; Borealis, Cygnus, Dorado and Eridanus
     * have titles that name no role. */
    fixture_run(&fx, HEAD "Ana,Product Manager,Atlas,Roadmap,A/R\n"
                          "Bo,Customer Success,Borealis,Onboarding,A/R\n"
                          "Cy,Customer Success,Cygnus,Onboarding,A/R\n"
                          "Di,Support Agent,Dorado,Onboarding,A/R\n"
                          "Ed,Support Agent,Eridanus,Onboarding,A/R\n");
    want(&fx, "product-without-po", 1);
    assert_string_equal(fx.r.products[fixture_find(&fx, "product-without-po", 0)->product].name,
                        "Atlas");
    want(&fx, "role-rules-skipped", 1);
    const struct raci_finding *f = fixture_find(&fx, "role-rules-skipped", 0);
    assert_int_equal(f->product, RACI_NONE);
    assert_non_null(strstr(f->message, "not applied to 4 products ('Borealis', 'Cygnus', "
                                       "'Dorado' and 1 more): no title on their teams, such as "
                                       "'Customer Success', maps"));
    /* A long roster of people: no hint about --people. */
    assert_null(strstr(f->message, "--people"));
    fixture_release(&fx);
}

/* One finding per file, at each file's own header line. */
static void test_role_rules_skipped_per_file(void **state)
{
    struct fixture fx;
    (void)state;
    fixture_rules(&fx, NULL);
    assert_int_equal(fixture_add(&fx, "a.csv", "\n\ntask,Customer\nBackups,A/R\n"), RACI_OK);
    assert_int_equal(fixture_add(&fx, "b.csv", "task,Provider\nPatching,A/R\n"), RACI_OK);
    assert_int_equal(fixture_add(&fx, "c.csv", HEAD "Ana,Product Owner,Atlas,Roadmap,C\n"),
                     RACI_OK);
    fixture_check(&fx);
    want(&fx, "role-rules-skipped", 2);
    assert_string_equal(fixture_find(&fx, "role-rules-skipped", 0)->loc.file, "a.csv");
    assert_int_equal(fixture_find(&fx, "role-rules-skipped", 0)->loc.line,
                     fx.r.file_headers[0].line);
    assert_string_equal(fixture_find(&fx, "role-rules-skipped", 1)->loc.file, "b.csv");
    assert_int_equal(fixture_find(&fx, "role-rules-skipped", 1)->loc.line, 1);
    fixture_release(&fx);
}

/* A title with a bracketed note: the pattern shown is what the loader
 * takes; and the rule can be turned off. */
static void test_role_rules_skipped_pattern_and_off(void **state)
{
    struct fixture fx;
    (void)state;
    fixture_run(&fx, "task,AUCyber (IaaS),Customer\nBackups,A/R,C\n");
    want(&fx, "role-rules-skipped", 1);
    assert_non_null(strstr(fixture_find(&fx, "role-rules-skipped", 0)->message,
                           "e.g. roles: {po: {titles: ['AUCyber']}}"));
    fixture_release(&fx);

    fixture_rules(&fx, "extends: default\nchecks:\n  role-rules-skipped: off\n");
    assert_int_equal(fixture_add(&fx, "team.csv", "task,Customer\nBackups,A/R\n"), RACI_OK);
    fixture_check(&fx);
    want(&fx, "role-rules-skipped", 0);
    fixture_release(&fx);
}

static void test_team_size_needs_people(void **state)
{
    struct fixture fx;
    struct raci_str b = RACI_STR_INIT;
    (void)state;
    /* Eleven role columns in a chart are no team of eleven. */
    raci_str_add(&b, "task,Product Owner");
    for (int i = 0; i < 10; i++)
        raci_str_addf(&b, ",Role %d", i);
    raci_str_add(&b, "\nBacklog,A/R,C,C,C,C,C,C,C,C,C,C\n");
    fixture_run(&fx, raci_str_cstr(&b));
    want(&fx, "team-size", 0);
    fixture_release(&fx);
    raci_str_release(&b);

    /* Eleven people with no title that maps: the role rules are off. */
    raci_str_add(&b, "person,title,product\n");
    for (int i = 0; i < 11; i++)
        raci_str_addf(&b, "P%d,Release Engineer,Atlas\n", i);
    fixture_run(&fx, raci_str_cstr(&b));
    want(&fx, "team-size", 0);
    want(&fx, "role-rules-skipped", 1);
    fixture_release(&fx);
    raci_str_release(&b);

    /* ... and with a Product Owner among them, the team is too large. */
    raci_str_add(&b, "person,title,product\nAna,Product Owner,Atlas\n");
    for (int i = 0; i < 10; i++)
        raci_str_addf(&b, "P%d,Release Engineer,Atlas\n", i);
    fixture_run(&fx, raci_str_cstr(&b));
    want(&fx, "team-size", 1);
    fixture_release(&fx);
    raci_str_release(&b);
}

/* ------------------------------------------------------- load rules -- */

static void test_load_rules_skip_role_columns(void **state)
{
    struct fixture fx;
    char *csv = chart("task,Release Manager,Developer,Customer", 20);
    (void)state;
    fixture_run(&fx, csv);
    want(&fx, "accountability-overload", 0);
    want(&fx, "single-point-of-failure", 0);
    assert_true(fx.r.persons[fixture_person(&fx, "Release Manager")].flags & RACI_PERSON_ROLE);
    fixture_release(&fx);
    free(csv);

    /* The same letters given to a person in a long roster. */
    struct raci_str b = RACI_STR_INIT;
    raci_str_add(&b, HEAD);
    for (int i = 0; i < 20; i++)
        raci_str_addf(&b, "Dana,Release Manager,Atlas,Task %d,A/R\n", i);
    fixture_run(&fx, raci_str_cstr(&b));
    want(&fx, "accountability-overload", 1);
    want(&fx, "single-point-of-failure", 1);
    assert_false(fx.r.persons[fixture_person(&fx, "Dana")].flags & RACI_PERSON_ROLE);
    fixture_release(&fx);
    raci_str_release(&b);
}

/* A published chart written out long: every "person" named by their title. */
static void test_titles_as_names(void **state)
{
    struct fixture fx;
    struct raci_str b = RACI_STR_INIT;
    (void)state;
    raci_str_add(&b, HEAD);
    for (int i = 0; i < 15; i++)
        raci_str_addf(&b,
                      "Customer,Customer,Hosting,Task %d,A/R\n"
                      "Provider,Provider,Hosting,Task %d,C\n",
                      i, i);
    for (int i = 0; i < 5; i++)
        raci_str_addf(&b, "Product Manager,Product Manager,P%d,Roadmap,A/R\n", i);
    fixture_run(&fx, raci_str_cstr(&b));
    assert_true(fx.r.persons[fixture_person(&fx, "Customer")].flags & RACI_PERSON_ROLE);
    want(&fx, "accountability-overload", 0);
    want(&fx, "single-point-of-failure", 0);
    want(&fx, "pm-span", 0); /* "Product Manager" is every product's, not one person */
    fixture_release(&fx);

    /* One real name among them: they are people. */
    raci_str_add(&b, "Ana,Product Manager,P0,Roadmap,C\n");
    fixture_run(&fx, raci_str_cstr(&b));
    assert_false(fx.r.persons[fixture_person(&fx, "Customer")].flags & RACI_PERSON_ROLE);
    want(&fx, "accountability-overload", 1);
    want(&fx, "pm-span", 1);
    fixture_release(&fx);
    raci_str_release(&b);
}

/* ------------------------------------------------------------ people -- */

static void test_people_name_chart_columns(void **state)
{
    struct fixture fx;
    char *csv = chart("task,Dana Reyes,Eli Park,Customer", 20);
    (void)state;
    fixture_rules(&fx, NULL);
    add_people(&fx, "person,title,reports_to\n"
                    "Dana Reyes,Release Manager,Farah Qureshi\n"
                    "Eli Park,Software Engineer,Farah Qureshi\n"
                    "Farah Qureshi,Engineering Manager,\n"
                    "Gil,,Farah Qureshi\n");
    assert_int_equal(fixture_add(&fx, "chart.csv", csv), RACI_OK);
    fixture_check(&fx);
    uint32_t dana = fixture_person(&fx, "Dana Reyes"), eli = fixture_person(&fx, "Eli Park");
    const struct raci_person *d = &fx.r.persons[dana];
    assert_true(d->flags & RACI_PERSON_LISTED);
    assert_false(d->flags & RACI_PERSON_ROLE);
    assert_int_equal(d->ntitles, 1); /* the header is her name, not a title */
    assert_string_equal(d->titles[0], "Release Manager");
    assert_string_equal(fx.r.persons[d->manager_idx].name, "Farah Qureshi");
    assert_true(fx.r.persons[eli].roles != 0);
    assert_true(fx.r.persons[fixture_person(&fx, "Customer")].flags & RACI_PERSON_ROLE);
    want(&fx, "accountability-overload", 1);
    assert_string_equal(fixture_find(&fx, "accountability-overload", 0)->loc.file, "people.csv");
    /* Eli's title maps: the role rules run on the chart. */
    want(&fx, "role-rules-skipped", 0);
    want(&fx, "product-without-po", 1);
    /* Farah and Gil are on no team: a directory, not idle people. */
    want(&fx, "idle-person", 0);
    /* The people roster's own rows are located in it. */
    want(&fx, "malformed-row", 1);
    assert_string_equal(fixture_find(&fx, "malformed-row", 0)->loc.file, "people.csv");
    assert_int_equal(fixture_find(&fx, "malformed-row", 0)->loc.line, 5);
    fixture_release(&fx);
    free(csv);
}

/* A chart with a product column: a listed person is one person over every
 * product, not one per product; a listed person left out of the letters of
 * a chart that has them is idle. */
static void test_people_across_products(void **state)
{
    struct fixture fx;
    (void)state;
    fixture_rules(&fx, NULL);
    add_people(&fx, "name,job title\nAna Silva,Product Owner\nBo Chen,Developer\n");
    assert_int_equal(fixture_add(&fx, "chart.csv",
                                 "task,product,Ana Silva,Bo Chen\n"
                                 "Backlog,Atlas,A/R,\n"
                                 "Backlog,Borealis,A/R,\n"),
                     RACI_OK);
    fixture_check(&fx);
    want(&fx, "po-multiple-products", 1);
    want(&fx, "idle-person", 1);
    assert_string_equal(fx.r.persons[fixture_find(&fx, "idle-person", 0)->person].name, "Bo Chen");
    fixture_release(&fx);
}

static void test_people_header(void **state)
{
    struct fixture fx;
    struct raci_table t = {0};
    const char *csv = "person,manager\nAna,\n";
    (void)state;
    fixture_rules(&fx, NULL);
    assert_int_equal(raci_reader_read_mem(&t, csv, strlen(csv), "people.csv", fx.pool, &fx.diag),
                     RACI_OK);
    assert_int_equal(raci_people_add(&fx.r, &t, &fx.diag), RACI_ERROR_INPUT);
    assert_non_null(strstr(fx.diag.message, "the people roster has no title column"));
    assert_int_equal(fx.diag.line, 1);
    raci_reader_release(&t);
    fixture_release(&fx);
}

/* ------------------------------------------------- without letters -- */

static void test_unknown_title_once_per_title(void **state)
{
    struct fixture fx;
    (void)state;
    fixture_run(&fx, "person,title,product\n"
                     "Ana,Release Team Lead (Shadow),Release\n"
                     "Bo,Docs Lead,Release\n"
                     "Cy,release team lead (shadow),Release\n"
                     "Di,Release Team Lead (Shadow),Release\n"
                     "Ed,Product Owner,Release\n");
    want(&fx, "unknown-title", 2);
    const struct raci_finding *f = fixture_find(&fx, "unknown-title", 0);
    assert_string_equal(f->message, "title 'Release Team Lead (Shadow)' maps to no role (3 people: "
                                    "Ana, Cy, Di); the role rules leave them out (add the title to "
                                    "a role's titles in the ruleset if it names one)");
    assert_int_equal(f->loc.line, 2);
    assert_int_equal(f->loc.col, 5);
    assert_string_equal(f->entity, "title:release team lead shadow");
    assert_int_equal(f->nrelated, 2);
    assert_string_equal(fixture_find(&fx, "unknown-title", 1)->entity, "title:docs lead");
    fixture_release(&fx);

    /* A chart's column is name and title at once: no list of people. */
    fixture_run(&fx, "task,product,Customer\nBackups,A,A/R\nBackups,B,A/R\n");
    want(&fx, "unknown-title", 1);
    assert_string_equal(fixture_find(&fx, "unknown-title", 0)->message,
                        "title 'Customer' maps to no role; the role rules leave them out (add the "
                        "title to a role's titles in the ruleset if it names one)");
    fixture_release(&fx);

    /* A person's second title is located at the row that gives it. */
    fixture_run(&fx, "person,title\nAna,Docs Lead\nBo,Docs Lead\nAna,Bug Triage\n");
    want(&fx, "unknown-title", 2);
    assert_string_equal(fixture_find(&fx, "unknown-title", 1)->message + 6,
                        "'Bug Triage' maps to "
                        "no role (1 person: Ana); the role rules leave them out (add the title to "
                        "a role's titles in the ruleset if it names one)");
    assert_int_equal(fixture_find(&fx, "unknown-title", 1)->loc.line, 4);
    assert_int_equal(fixture_find(&fx, "unknown-title", 0)->nrelated, 1);
    fixture_release(&fx);

    /* More holders than a message names. */
    struct raci_str b = RACI_STR_INIT;
    raci_str_add(&b, "person,title\n");
    for (int i = 0; i < RACI_CHECKS_MAX_NAMED + 2; i++)
        raci_str_addf(&b, "P%d,Docs Lead\n", i);
    fixture_run(&fx, raci_str_cstr(&b));
    want(&fx, "unknown-title", 1);
    assert_non_null(strstr(fixture_find(&fx, "unknown-title", 0)->message, "(12 people: P0, P1, "));
    assert_non_null(strstr(fixture_find(&fx, "unknown-title", 0)->message, "P9 and 2 more)"));
    fixture_release(&fx);
    raci_str_release(&b);
}

static void test_idle_person_needs_letters(void **state)
{
    struct fixture fx;
    (void)state;
    /* A roster of titles: no letters anywhere in the file. */
    fixture_run(&fx, "person,title,product,task,raci\n"
                     "Ana,Release Engineer,Release,,\n"
                     "Bo,Docs Lead,Release,Docs,\n");
    want(&fx, "idle-person", 0);
    fixture_release(&fx);

    /* One letter in the file: the others are idle. */
    fixture_run(&fx, "person,title,product,task,raci\n"
                     "Ana,Release Engineer,Release,,\n"
                     "Bo,Docs Lead,Release,Docs,R\n");
    want(&fx, "idle-person", 1);
    fixture_release(&fx);

    /* Per file: the letterless file's people are not idle, the other's are. */
    fixture_rules(&fx, NULL);
    assert_int_equal(fixture_add(&fx, "titles.csv", "person,title\nAna,Docs Lead\n"), RACI_OK);
    assert_int_equal(fixture_add(&fx, "team.csv",
                                 HEAD "Bo,Developer,Atlas,Sprint backlog,A/R\n"
                                      "Cy,Developer,Atlas,,\n"),
                     RACI_OK);
    fixture_check(&fx);
    want(&fx, "idle-person", 1);
    assert_string_equal(fixture_find(&fx, "idle-person", 0)->loc.file, "team.csv");
    fixture_release(&fx);
}

/* Titles alone, with roles that map: the matrix is generated, as before. */
static void test_letterless_generates(void **state)
{
    struct fixture fx;
    (void)state;
    fixture_run(&fx, "person,title,product\n"
                     "Ana,Product Owner,Atlas\n"
                     "Bo,Product Manager,Atlas\n"
                     "Cy,Docs Lead,Atlas\n");
    assert_true(fx.r.ntasks > 0);
    want(&fx, "idle-person", 0);
    want(&fx, "unknown-title", 1);
    want(&fx, "role-rules-skipped", 0);
    fixture_release(&fx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_unmapped_chart_skips_role_rules),
        cmocka_unit_test(test_role_rules_per_product),
        cmocka_unit_test(test_role_rules_skipped_per_file),
        cmocka_unit_test(test_role_rules_skipped_pattern_and_off),
        cmocka_unit_test(test_team_size_needs_people),
        cmocka_unit_test(test_load_rules_skip_role_columns),
        cmocka_unit_test(test_titles_as_names),
        cmocka_unit_test(test_people_name_chart_columns),
        cmocka_unit_test(test_people_across_products),
        cmocka_unit_test(test_people_header),
        cmocka_unit_test(test_unknown_title_once_per_title),
        cmocka_unit_test(test_idle_person_needs_letters),
        cmocka_unit_test(test_letterless_generates),
    };
    return cmocka_run_group_tests_name("scope", tests, NULL, NULL);
}
