/*
 * test_worst.c - the order in which the workbook and the HTML page pick
 * the products of a large roster (worst.h): errors, then warnings, then
 * infos, then the name, then the roster's order.
 */
#include "testutil.h"

#include <stdint.h>
#include <string.h>

#include "raci/worst.h"

static void test_worst_order(void **state)
{
    /* {unused, info, warning, error} */
    static const size_t clean[RACI_WORST_NSEV] = {9, 0, 0, 0};
    static const size_t infos[RACI_WORST_NSEV] = {0, 5, 0, 0};
    static const size_t warn[RACI_WORST_NSEV] = {0, 0, 1, 0};
    static const size_t err[RACI_WORST_NSEV] = {0, 0, 0, 1};
    static const size_t err_warn[RACI_WORST_NSEV] = {0, 0, 2, 1};
    struct raci_worst v[] = {
        {0, "Atlas", clean},       {1, "Borealis", infos}, {2, "Cygnus", warn}, {3, "Draco", err},
        {4, "Eridanus", err_warn}, {5, "Aquila", infos},   {6, "Atlas", clean},
    };
    static const uint32_t want[] = {4, 3, 2, 5, 1, 0, 6};
    size_t n = sizeof(v) / sizeof(v[0]);

    (void)state;
    raci_worst_sort(v, n);
    for (size_t k = 0; k < n; k++)
        assert_int_equal(v[k].p, want[k]);
}

static void test_worst_empty(void **state)
{
    (void)state;
    raci_worst_sort(NULL, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_worst_order),
        cmocka_unit_test(test_worst_empty),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
