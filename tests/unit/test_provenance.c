/*
 * test_provenance.c - what an output says it was made from: every roster
 * in the order read, the ruleset and the bases its extends reached, and the
 * version; sized by a first call.
 */
#include "testutil.h"

#include <string.h>

#include "fixture.h"
#include "raci/provenance.h"

static void test_provenance_rosters_and_chain(void **state)
{
    struct fixture fx;
    struct raci_provenance_item items[8];
    size_t n;
    (void)state;

    memset(&fx, 0, sizeof fx);
    assert_int_equal(raci_ruleset_load(&fx.rs, RACI_SOURCE_DIR "/rules/safe.yaml", &fx.diag),
                     RACI_OK);
    fx.pool = raci_strpool_new();
    assert_non_null(fx.pool);
    assert_int_equal(raci_roster_init(&fx.r, fx.pool, &fx.rs), RACI_OK);
    assert_int_equal(fixture_add(&fx, "b.csv", "name,title,product\nAda,Product Owner,P&G\n"),
                     RACI_OK);
    assert_int_equal(fixture_add(&fx, "a.csv", "name,title,product\nBo,Developer,P&G\n"), RACI_OK);
    fixture_check(&fx);

    n = raci_provenance_items(&fx.r, &fx.rs, NULL, 0);
    assert_true(n >= 5 && n <= 8);
    assert_int_equal(raci_provenance_items(&fx.r, &fx.rs, items, n), n);
    /* The rosters in the order read, not sorted. */
    assert_string_equal(items[0].label, "Roster");
    assert_string_equal(items[0].value, "b.csv");
    assert_string_equal(items[1].label, "Roster");
    assert_string_equal(items[1].value, "a.csv");
    assert_string_equal(items[2].label, "Ruleset");
    /* Bundled rulesets by their names, not by where this machine keeps
     * them. */
    assert_string_equal(items[2].value, "safe.yaml");
    assert_string_equal(items[2].note, "bundled with raci");
    /* safe.yaml extends the default ruleset. */
    assert_string_equal(items[3].label, "Extends");
    assert_string_equal(items[3].value, "default.yaml");
    assert_string_equal(items[3].note, "bundled with raci");
    assert_null(items[0].note);
    assert_string_equal(items[n - 1].label, "raci");
    assert_string_equal(items[n - 1].value, raci_provenance_version());
    assert_string_equal(raci_provenance_version(), RACI_VERSION);
    fixture_release(&fx);
}

static void test_provenance_defaults_and_short_array(void **state)
{
    struct raci_provenance_item items[1] = {{"x", "y", "z"}};
    (void)state;

    /* No roster and no ruleset: the built-in defaults and the version. */
    assert_int_equal(raci_provenance_items(NULL, NULL, NULL, 0), 2);
    /* Only cap items are filled; the count is still the whole. */
    assert_int_equal(raci_provenance_items(NULL, NULL, items, 1), 2);
    assert_string_equal(items[0].label, "Ruleset");
    assert_string_equal(items[0].value, "(built-in defaults)");
    assert_null(items[0].note);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_provenance_rosters_and_chain),
        cmocka_unit_test(test_provenance_defaults_and_short_array),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
