/*
 * test_base.c - the small base modules: strpool, diag and error, array,
 * date and severity.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "raci/array.h"
#include "raci/date.h"
#include "raci/diag.h"
#include "raci/error.h"
#include "raci/severity.h"
#include "raci/strpool.h"

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
    /* Its key is whole, and differs from a name one byte longer. */
    const char *k = raci_strpool_key(p, big);
    assert_int_equal(strlen(k), 199999);
    big[199998] = 'y';
    assert_ptr_not_equal(raci_strpool_key(p, big), k);
    free(big);
    assert_ptr_equal(raci_strpool_add(p, "Ana Silva"), a);
    assert_ptr_equal(raci_strpool_key(p, "  ANA-silva "), raci_strpool_add(p, "ana silva"));
    assert_ptr_equal(raci_strpool_printf(p, "id:%s", "ana@example.org"),
                     raci_strpool_add(p, "id:ana@example.org"));
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
    assert_string_equal(raci_error_string(RACI_ERROR_NOMEM), "out of memory");
    assert_string_equal(raci_error_string((raci_error)99), "unknown error");
}

/* Roster text in a diagnostic cannot drive the terminal: the message and
 * file escape control characters, the source line shows them as U+FFFD
 * with the caret still under its column. */
static void test_diag_escapes(void **state)
{
    struct raci_diag d = {0};
    char *buf = NULL;
    size_t len = 0;
    FILE *f;
    (void)state;
    raci_diag_set(&d, "a\nb.csv", 2, 7, "Ana \033[2J,\"x", "bad '%s'", "\033]0;t\a");
    f = open_memstream(&buf, &len);
    raci_diag_print(f, &d, 0);
    fclose(f);
    assert_string_equal(buf, "raci: a\\nb.csv:2:7: error: bad '\\x1b]0;t\\x07'\n"
                             "    2 | Ana \xef\xbf\xbd[2J,\"x\n"
                             "      |       ^\n");
    free(buf);
    raci_diag_release(&d);
}

static void test_grow(void **state)
{
    int *v = NULL;
    size_t cap = 0;
    (void)state;
    assert_int_equal(raci_array_grow(&v, &cap, 100, sizeof *v), RACI_OK);
    assert_true(cap >= 100);
    for (int i = 0; i < 100; i++)
        assert_int_equal(v[i], 0);
    /* A size that would overflow fails and leaves the array alone. */
    assert_int_equal(raci_array_grow(&v, &cap, SIZE_MAX / 2, sizeof *v), RACI_ERROR_NOMEM);
    assert_true(cap >= 100 && cap < 1000);
    free(v);
}

static void test_date(void **state)
{
    char today[RACI_DATE_SIZE];
    (void)state;
    assert_true(raci_date_valid("2024-02-29"));
    assert_false(raci_date_valid("2023-02-29"));
    assert_false(raci_date_valid("1900-02-29"));
    assert_true(raci_date_valid("2000-02-29"));
    assert_false(raci_date_valid("2024-13-01"));
    assert_false(raci_date_valid("2024-1-01"));
    assert_false(raci_date_valid("0000-01-01"));
    assert_false(raci_date_valid(NULL));
    assert_int_equal(raci_date_today(today), 0);
    assert_true(raci_date_valid(today));
}

static void test_severity(void **state)
{
    (void)state;
    assert_string_equal(raci_severity_name(RACI_SEV_WARNING), "warning");
    assert_string_equal(raci_severity_name((enum raci_severity)9), "?");
    assert_int_equal(raci_severity_parse("ERROR"), RACI_SEV_ERROR);
    assert_int_equal(raci_severity_parse("off"), RACI_SEV_OFF);
    assert_int_equal(raci_severity_parse("fatal"), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_strpool_interns),
        cmocka_unit_test(test_diag),
        cmocka_unit_test(test_diag_escapes),
        cmocka_unit_test(test_grow),
        cmocka_unit_test(test_date),
        cmocka_unit_test(test_severity),
    };
    return cmocka_run_group_tests_name("base", tests, NULL, NULL);
}
