/*
 * test_keyset.c - the ruleset's look-ups: keys by their bytes, values
 * replaced, the key first added kept, growth past many keys.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "raci/keyset.h"

static void test_keyset(void **state)
{
    struct raci_keyset s = {NULL, 0, 0};
    const char *a = "product owner", *a2 = "product owner";
    char other[] = "product owner";
    uint64_t v = 0;
    (void)state;

    assert_int_equal(raci_keyset_get(&s, "x", 1, &v), 0);
    assert_null(raci_keyset_key(&s, "x", 1));
    assert_int_equal(raci_keyset_put(&s, a, 1), RACI_OK);
    /* By bytes, with a length: a prefix is another key. */
    assert_int_equal(raci_keyset_get(&s, other, strlen(other), &v), 1);
    assert_int_equal(v, 1);
    assert_int_equal(raci_keyset_get(&s, other, 7, NULL), 0);
    assert_int_equal(raci_keyset_put_n(&s, other, 7, 5), RACI_OK);
    assert_int_equal(raci_keyset_get(&s, "product", 7, &v), 1);
    assert_int_equal(v, 5);
    /* Replacing keeps the first key. */
    assert_int_equal(raci_keyset_put(&s, other, 9), RACI_OK);
    assert_ptr_equal(raci_keyset_key(&s, a2, strlen(a2)), a);
    assert_int_equal(raci_keyset_get(&s, a2, strlen(a2), &v), 1);
    assert_int_equal(v, 9);
    assert_int_equal(raci_keyset_count(&s), 2);
    raci_keyset_release(&s);
    assert_int_equal(raci_keyset_count(&s), 0);
}

static void test_keyset_many(void **state)
{
    struct raci_keyset s = {NULL, 0, 0};
    static char keys[100000][16];
    (void)state;

    for (int i = 0; i < 100000; i++) {
        snprintf(keys[i], sizeof keys[i], "k%d", i);
        assert_int_equal(raci_keyset_put(&s, keys[i], (uint64_t)i), RACI_OK);
    }
    assert_int_equal(raci_keyset_count(&s), 100000);
    for (int i = 0; i < 100000; i += 7) {
        uint64_t v = 0;
        assert_int_equal(raci_keyset_get(&s, keys[i], strlen(keys[i]), &v), 1);
        assert_int_equal(v, (uint64_t)i);
    }
    assert_int_equal(raci_keyset_get(&s, "k100000", 7, NULL), 0);
    assert_int_equal(raci_keyset_get(&s, "", 0, NULL), 0);
    raci_keyset_release(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_keyset),
        cmocka_unit_test(test_keyset_many),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
