/*
 * test_map.c - the hash map of pairs: what is put is got back, over
 * resizes, and a map reserved for its count is not resized again.
 */
#include "testutil.h"

#include "raci/map.h"

/* Keys like the model's: pointer-like words and small numbers. */
static uintptr_t key_a(uint32_t i)
{
    return (uintptr_t)0x10000 + (uintptr_t)(i / 7) * 24;
}

static void test_put_and_get(void **state)
{
    struct raci_map m = {0};
    (void)state;
    assert_int_equal(raci_map_get(&m, 1, 2), RACI_MAP_NONE);
    for (uint32_t i = 0; i < 20000; i++)
        assert_int_equal(raci_map_put(&m, key_a(i), i % 7, i), RACI_OK);
    assert_int_equal(m.n, 20000);
    /* At most three quarters full, and no more than twice the room needed. */
    assert_true(m.n * 4 <= m.cap * 3);
    assert_true(m.cap <= 2 * 20000 * 4 / 3 + 64);
    for (uint32_t i = 0; i < 20000; i++)
        assert_int_equal(raci_map_get(&m, key_a(i), i % 7), i);
    assert_int_equal(raci_map_get(&m, key_a(20000), 7), RACI_MAP_NONE);
    assert_int_equal(raci_map_put(&m, key_a(5), 5, 99), RACI_OK);
    assert_int_equal(raci_map_get(&m, key_a(5), 5), 99);
    assert_int_equal(m.n, 20000);
    raci_map_release(&m);
    assert_int_equal(m.cap, 0);
    assert_int_equal(raci_map_get(&m, key_a(5), 5), RACI_MAP_NONE);
}

static void test_reserve(void **state)
{
    struct raci_map m = {0};
    struct raci_map_entry *v;
    (void)state;
    assert_int_equal(raci_map_put(&m, 1, 1, 7), RACI_OK);
    assert_int_equal(raci_map_reserve(&m, 5000), RACI_OK);
    assert_true(m.cap >= 5000 * 4 / 3);
    assert_true(m.cap <= 2 * 5000 * 4 / 3);
    /* What was in is kept; the rest goes in with no resize. */
    assert_int_equal(raci_map_get(&m, 1, 1), 7);
    v = m.v;
    for (uint32_t i = 1; i < 5000; i++)
        assert_int_equal(raci_map_put(&m, key_a(i), i % 7 + 2, i), RACI_OK);
    assert_ptr_equal(m.v, v);
    for (uint32_t i = 1; i < 5000; i++)
        assert_int_equal(raci_map_get(&m, key_a(i), i % 7 + 2), i);
    /* Reserving less than it holds changes nothing. */
    assert_int_equal(raci_map_reserve(&m, 10), RACI_OK);
    assert_ptr_equal(m.v, v);
    raci_map_release(&m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_put_and_get),
        cmocka_unit_test(test_reserve),
    };
    return cmocka_run_group_tests_name("map", tests, NULL, NULL);
}
