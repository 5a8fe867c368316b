/*
 * test_findings.c - the set of findings: adding, relating rows (in file
 * order, each once, however many), sorting and counting.
 */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include "raci/findings.h"

static struct raci_loc at(const char *file, uint32_t line)
{
    struct raci_loc l = {file, line, 1, NULL};
    return l;
}

static void test_add_and_count(void **state)
{
    struct raci_findings fs = {0};
    const char *file = "team.csv";
    (void)state;
    assert_non_null(raci_findings_add(&fs, "team-size", RACI_SEV_WARNING, at(file, 9), 0, RACI_NONE,
                                      RACI_NONE, "product:atlas", "team of %d", 11));
    assert_non_null(raci_findings_add(&fs, "multiple-po", RACI_SEV_ERROR, at(file, 2), 0, RACI_NONE,
                                      RACI_NONE, "product:atlas", "two POs"));
    assert_non_null(raci_findings_add(&fs, "idle-person", RACI_SEV_INFO, at(file, 2), RACI_NONE,
                                      RACI_NONE, 3, NULL, "idle"));
    raci_findings_sort(&fs);
    /* By line, then rule. */
    assert_string_equal(fs.v[0].rule, "idle-person");
    assert_string_equal(fs.v[1].rule, "multiple-po");
    assert_string_equal(fs.v[2].message, "team of 11");
    assert_string_equal(fs.v[0].entity, "");
    assert_int_equal(raci_findings_count(&fs, RACI_SEV_ERROR), 1);
    assert_int_equal(raci_findings_count(&fs, RACI_SEV_INFO), 1);
    raci_findings_release(&fs);
    assert_null(fs.v);
}

static void test_related_rows(void **state)
{
    struct raci_findings fs = {0};
    const char *a = "a.csv", *b = "b.csv";
    struct raci_finding *f;
    (void)state;
    f = raci_findings_add(&fs, "single-accountable", RACI_SEV_ERROR, at(a, 5), 0, 0, RACI_NONE,
                          "product:atlas/task:roadmap", "two A's");
    assert_non_null(f);
    /* Out of order, repeated, its own row among them, two files. */
    assert_int_equal(raci_findings_relate(f, at(b, 2)), RACI_OK);
    assert_int_equal(raci_findings_relate(f, at(a, 9)), RACI_OK);
    assert_int_equal(raci_findings_relate(f, at(a, 5)), RACI_OK); /* its own */
    assert_int_equal(raci_findings_relate(f, at(a, 3)), RACI_OK);
    assert_int_equal(raci_findings_relate(f, at(a, 9)), RACI_OK);
    assert_int_equal(raci_findings_relate(f, at(b, 2)), RACI_OK);
    raci_findings_sort(&fs);
    f = &fs.v[0];
    assert_int_equal(f->nrelated, 3);
    assert_ptr_equal(f->related[0].file, a);
    assert_int_equal(f->related[0].line, 3);
    assert_int_equal(f->related[1].line, 9);
    assert_ptr_equal(f->related[2].file, b);
    raci_findings_release(&fs);
}

/* Many rows on one finding: each relate is constant time, the sort n log n
 * (a list kept sorted on every insert was quadratic). */
static void test_many_related_rows(void **state)
{
    struct raci_findings fs = {0};
    struct raci_finding *f;
    const uint32_t n = 200000;
    (void)state;
    f = raci_findings_add(&fs, "too-many-responsible", RACI_SEV_INFO, at("t.csv", 1), 0, 0,
                          RACI_NONE, "x", "many");
    for (uint32_t i = 0; i < n; i++)
        assert_int_equal(raci_findings_relate(f, at("t.csv", n + 1 - i)), RACI_OK);
    raci_findings_sort(&fs);
    assert_int_equal(fs.v[0].nrelated, n);
    for (uint32_t i = 0; i < n; i++)
        assert_int_equal(fs.v[0].related[i].line, i + 2);
    raci_findings_release(&fs);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_add_and_count),
        cmocka_unit_test(test_related_rows),
        cmocka_unit_test(test_many_related_rows),
    };
    return cmocka_run_group_tests_name("findings", tests, NULL, NULL);
}
