/*
 * test_util.c - util, strpool and error.
 */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include "raci/error.h"
#include "raci/strpool.h"
#include "raci/util.h"

static void test_norm_key(void **state)
{
    char buf[64];
    (void)state;
    assert_int_equal(raci_norm_key("  Market-Research! ", buf, sizeof buf), 15);
    assert_string_equal(buf, "market research");
    raci_norm_key("**KPIs** (success metrics)", buf, sizeof buf);
    assert_string_equal(buf, "kpis success metrics");
    raci_norm_key("Sr. Product_Owner", buf, sizeof buf);
    assert_string_equal(buf, "sr product owner");
    raci_norm_key("", buf, sizeof buf);
    assert_string_equal(buf, "");
    raci_norm_key("Écoute client", buf, sizeof buf);
    assert_string_equal(buf, "\xc3\x89"
                             "coute client");
    /* Truncation keeps the terminator. */
    assert_int_equal(raci_norm_key("abcdef", buf, 4), 3);
    assert_string_equal(buf, "abc");
}

static void test_strpool_interns(void **state)
{
    struct raci_strpool *p = raci_strpool_new();
    char name[32];
    const char *first[2000];
    (void)state;
    assert_non_null(p);
    const char *a = raci_strpool_add(p, "Ana Silva");
    const char *b = raci_strpool_intern(p, "Ana Silva and more", 9);
    assert_ptr_equal(a, b);
    assert_string_equal(b, "Ana Silva");
    /* Enough strings to force several rehashes and blocks; all stay valid. */
    for (int i = 0; i < 2000; i++) {
        snprintf(name, sizeof name, "person %d", i);
        first[i] = raci_strpool_add(p, name);
    }
    for (int i = 0; i < 2000; i++) {
        snprintf(name, sizeof name, "person %d", i);
        assert_ptr_equal(raci_strpool_add(p, name), first[i]);
        assert_string_equal(first[i], name);
    }
    assert_int_equal(raci_strpool_count(p), 2001);
    /* A string longer than a block. */
    char *big = malloc(200000);
    memset(big, 'x', 199999);
    big[199999] = '\0';
    const char *s = raci_strpool_add(p, big);
    assert_string_equal(s, big);
    assert_ptr_equal(raci_strpool_add(p, big), s);
    free(big);
    assert_ptr_equal(raci_strpool_add(p, "Ana Silva"), a);
    raci_strpool_free(p);
}

static void test_diag(void **state)
{
    struct raci_diag d = {0};
    (void)state;
    assert_int_equal(raci_diag_set(&d, "team.csv", 3, 7, "a,b,\"c\r\nnext", "unterminated quote"),
                     RACI_ERROR_INPUT);
    assert_string_equal(d.file, "team.csv");
    assert_int_equal(d.line, 3);
    assert_int_equal(d.col, 7);
    assert_string_equal(d.source, "a,b,\"c");
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    raci_diag_print(f, &d, 0);
    fclose(f);
    assert_string_equal(buf, "raci: team.csv:3:7: error: unterminated quote\n"
                             "    3 | a,b,\"c\n"
                             "      |       ^\n");
    free(buf);
    raci_diag_release(&d);
    assert_null(d.file);
    assert_string_equal(raci_strerror(RACI_ERROR_NOMEM), "out of memory");
    assert_string_equal(raci_strerror((raci_error)99), "unknown error");
}

static void test_grow(void **state)
{
    int *v = NULL;
    size_t cap = 0;
    (void)state;
    assert_int_equal(raci_grow(&v, &cap, 100, sizeof *v), RACI_OK);
    assert_true(cap >= 100);
    for (int i = 0; i < 100; i++)
        assert_int_equal(v[i], 0);
    free(v);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_norm_key),
        cmocka_unit_test(test_strpool_interns),
        cmocka_unit_test(test_diag),
        cmocka_unit_test(test_grow),
    };
    return cmocka_run_group_tests_name("util", tests, NULL, NULL);
}
