/*
 * test_findings_entity.c - the entity keys of findings. Baselines store
 * them, so each text is written out here in full: a change to any of them
 * is a change to every baseline users keep.
 */
#include "testutil.h"

#include <stdlib.h>

#include "fixture.h"

/* Compare a malloc'd key with want, and free it. */
static void expect_key(char *got, const char *want)
{
    assert_non_null(got);
    assert_string_equal(got, want);
    free(got);
}

static uint32_t person_named(const struct fixture *fx, const char *name)
{
    for (uint32_t i = 0; i < fx->r.npersons; i++)
        if (strcmp(fx->r.persons[i].name, name) == 0)
            return i;
    fail_msg("no person '%s'", name);
    return RACI_NONE;
}

static void test_keys(void **state)
{
    struct fixture fx;
    (void)state;
    /* Keys are matching keys: case, spacing and punctuation do not count;
     * an id is kept as written. */
    fixture_run(&fx, "person,id,title,product,task,raci\n"
                     "  Ana   SILVA ,,Product Owner,The *Atlas*!,Market-Research,A/R\n"
                     "Bo Chen,E-042,Product Manager,The *Atlas*!,Market-Research,C\n");
    uint32_t ana = person_named(&fx, "Ana   SILVA"), bo = person_named(&fx, "Bo Chen");
    assert_int_equal(fx.r.ntasks, 1);
    expect_key(raci_findings_entity_product(&fx.r, 0), "product:the atlas");
    expect_key(raci_findings_entity_task(&fx.r, 0), "product:the atlas/task:market research");
    expect_key(raci_findings_entity_person(&fx.r, ana), "person:ana silva");
    expect_key(raci_findings_entity_person(&fx.r, bo), "person:id:E-042");
    expect_key(raci_findings_entity_cell(&fx.r, 0, ana),
               "product:the atlas/task:market research/person:ana silva");
    expect_key(raci_findings_entity_cell(&fx.r, 0, bo),
               "product:the atlas/task:market research/person:id:E-042");
    fixture_release(&fx);
}

static void test_row_keys(void **state)
{
    struct fixture fx;
    (void)state;
    fixture_run(&fx, "person,title,product,task,raci\n"
                     "Ana,Product Owner,Atlas\n"
                     ",Developer,Atlas,Roadmap,C\n"
                     "Bo,,Atlas,Roadmap,A/R\n");
    assert_int_equal(fx.r.nissues, 3);
    static const char *const want[] = {"row:ragged/person:ana",
                                       "row:no-person/person:", "row:no-title/person:bo"};
    for (size_t i = 0; i < 3; i++)
        expect_key(raci_findings_entity_row(&fx.r, &fx.r.issues[i]), want[i]);
    fixture_release(&fx);
}

static void test_waiver_keys(void **state)
{
    struct fixture fx;
    (void)state;
    fixture_rules(&fx,
                  "extends: default\n"
                  "waivers:\n"
                  "  - {rule: team-size, product: The Atlas!, reason: r, expires: 2099-01-01}\n"
                  "  - {rule: po-owns-backlog, task: User Stories, person: bo@example.com,\n"
                  "     reason: r, expires: 2099-01-01}\n");
    assert_int_equal(fx.rs.nwaivers, 2);
    expect_key(raci_findings_entity_waiver(&fx.rs.waivers[0]),
               "waiver:team-size/product:the atlas");
    expect_key(raci_findings_entity_waiver(&fx.rs.waivers[1]),
               "waiver:po-owns-backlog/task:user stories/person:bo example com");
    fixture_release(&fx);
}

/* The checks name their findings with these keys. */
static void test_findings_carry_keys(void **state)
{
    struct fixture fx;
    (void)state;
    fixture_run(&fx, "person,title,product,task,raci\n"
                     "Ana,Product Owner,Atlas,Roadmap,X\n");
    assert_int_equal(fixture_count(&fx, "unknown-letter"), 1);
    assert_string_equal(fixture_find(&fx, "unknown-letter", 0)->entity,
                        "product:atlas/task:roadmap/person:ana");
    assert_string_equal(fixture_find(&fx, "single-accountable", 0)->entity,
                        "product:atlas/task:roadmap");
    assert_string_equal(fixture_find(&fx, "idle-person", 0)->entity, "person:ana");
    fixture_release(&fx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_keys),
        cmocka_unit_test(test_row_keys),
        cmocka_unit_test(test_waiver_keys),
        cmocka_unit_test(test_findings_carry_keys),
    };
    return cmocka_run_group_tests_name("findings entity", tests, NULL, NULL);
}
