/*
 * test_fingerprint.c - a finding's identity through findings.h: its
 * fingerprint follows rule and entity, and nothing else.
 */
#include "testutil.h"

#include <string.h>

#include "fixture.h"
#include "raci/findings.h"

/* Two wrong A's on one strategy task: pm-owns-strategy reports once for
 * the task. */
static const char *const roster = "person,title,product,task,raci\n"
                                  "Ana Silva,Product Owner,Atlas,Roadmap,A/R\n"
                                  "Bo Chen,Product Manager,Atlas,Roadmap,C\n"
                                  "Eve Ng,Developer,Atlas,Roadmap,A\n";

static void test_fingerprint(void **state)
{
    struct fixture fx;
    struct raci_finding f;
    char a[RACI_FINGERPRINT_SIZE], b[RACI_FINGERPRINT_SIZE];
    (void)state;

    fixture_run(&fx, roster);
    assert_int_equal(fixture_count(&fx, "pm-owns-strategy"), 1);
    f = *fixture_find(&fx, "pm-owns-strategy", 0);
    assert_string_equal(f.entity, "product:atlas/task:roadmap");
    raci_findings_fingerprint(&f, a);
    assert_int_equal(strlen(a), 16);
    /* Fixed: baselines and code-scanning alerts already carry it. */
    assert_string_equal(a, "447407a951028f0a");
    /* Lines, messages and people play no part; rule and entity do. */
    f.loc.line += 10;
    f.message = (char *)"another message";
    f.person = RACI_NONE;
    raci_findings_fingerprint(&f, b);
    assert_string_equal(a, b);
    f.rule = "single-accountable";
    raci_findings_fingerprint(&f, b);
    assert_string_not_equal(a, b);
    f.rule = "pm-owns-strategy";
    f.entity = (char *)"product:atlas/task:roadmaps";
    raci_findings_fingerprint(&f, b);
    assert_string_not_equal(a, b);
    fixture_release(&fx);
}

/* The rule's NUL separates it from the entity: ("a", "bc") is not
 * ("ab", "c"). */
static void test_fingerprint_separates_rule_and_entity(void **state)
{
    struct raci_finding x, y;
    char a[RACI_FINGERPRINT_SIZE], b[RACI_FINGERPRINT_SIZE];
    (void)state;

    memset(&x, 0, sizeof x);
    memset(&y, 0, sizeof y);
    x.rule = "a";
    x.entity = (char *)"bc";
    y.rule = "ab";
    y.entity = (char *)"c";
    raci_findings_fingerprint(&x, a);
    raci_findings_fingerprint(&y, b);
    assert_string_not_equal(a, b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fingerprint),
        cmocka_unit_test(test_fingerprint_separates_rule_and_entity),
    };
    return cmocka_run_group_tests_name("fingerprint", tests, NULL, NULL);
}
