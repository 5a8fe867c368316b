/*
 * test_letters.c - the grammar of a RACI cell.
 */
#include "testutil.h"

#include <string.h>

#include "raci/letters.h"

static const struct raci_letter_alias aliases[] = {
    {"DRI", RACI_A | RACI_R},
    {"S", RACI_R},
    {"Sign-off", RACI_A},
};
#define NALIASES (sizeof(aliases) / sizeof(aliases[0]))

static unsigned mask_of(const char *text)
{
    struct raci_letters l;
    raci_letters_status st = raci_letters_parse(text, aliases, NALIASES, &l);
    return st == RACI_LETTERS_OK ? l.mask : 0xff;
}

static void test_single_letters(void **state)
{
    (void)state;
    assert_int_equal(mask_of("R"), RACI_R);
    assert_int_equal(mask_of("a"), RACI_A);
    assert_int_equal(mask_of(" C "), RACI_C);
    assert_int_equal(mask_of("i"), RACI_I);
}

static void test_combinations(void **state)
{
    (void)state;
    const char *both[] = {"A/R", "R/A",   "RA",      "ar",  "R,A",   "R, A",
                          "A+R", "R & A", "R and A", "A;R", "a / r", "**A/R**"};
    for (size_t i = 0; i < sizeof both / sizeof both[0]; i++) {
        print_message("case '%s'\n", both[i]);
        assert_int_equal(mask_of(both[i]), RACI_A | RACI_R);
    }
    assert_int_equal(mask_of("C/I"), RACI_C | RACI_I);
    assert_int_equal(mask_of("RACI"), RACI_ALL);
}

static void test_words(void **state)
{
    (void)state;
    assert_int_equal(mask_of("Responsible"), RACI_R);
    assert_int_equal(mask_of("ACCOUNTABLE"), RACI_A);
    assert_int_equal(mask_of("Consulted"), RACI_C);
    assert_int_equal(mask_of("informed"), RACI_I);
    assert_int_equal(mask_of("Responsible, Accountable"), RACI_R | RACI_A);
    assert_int_equal(mask_of("Accountable & Responsible"), RACI_R | RACI_A);
}

static void test_aliases(void **state)
{
    (void)state;
    assert_int_equal(mask_of("DRI"), RACI_A | RACI_R);
    assert_int_equal(mask_of("dri"), RACI_A | RACI_R);
    assert_int_equal(mask_of("S"), RACI_R);
    assert_int_equal(mask_of("S/C"), RACI_R | RACI_C);
    assert_int_equal(mask_of("Sign-off"), RACI_A);
    /* Without aliases, DRI is unknown. */
    struct raci_letters l;
    assert_int_equal(raci_letters_parse("DRI", NULL, 0, &l), RACI_LETTERS_UNKNOWN);
}

static void test_conditional(void **state)
{
    struct raci_letters l;
    (void)state;
    assert_int_equal(raci_letters_parse("(C)", aliases, NALIASES, &l), RACI_LETTERS_OK);
    assert_int_equal(l.mask, RACI_C);
    assert_int_equal(l.conditional, RACI_C);
    assert_int_equal(raci_letters_parse("R/(C)", aliases, NALIASES, &l), RACI_LETTERS_OK);
    assert_int_equal(l.mask, RACI_R | RACI_C);
    assert_int_equal(l.conditional, RACI_C);
    assert_int_equal(raci_letters_parse("[I]", aliases, NALIASES, &l), RACI_LETTERS_OK);
    assert_int_equal(l.conditional, RACI_I);
    assert_int_equal(raci_letters_parse("(C", aliases, NALIASES, &l), RACI_LETTERS_UNKNOWN);
    assert_int_equal(raci_letters_parse("()", aliases, NALIASES, &l), RACI_LETTERS_UNKNOWN);
    assert_int_equal(raci_letters_parse("((C))", aliases, NALIASES, &l), RACI_LETTERS_UNKNOWN);
}

static void test_empty_and_unknown(void **state)
{
    struct raci_letters l;
    (void)state;
    const char *empty[] = {"", "   ", "-", "\xe2\x80\x93", "n/a", "N/A", "**", NULL};
    for (size_t i = 0; i < sizeof empty / sizeof empty[0]; i++)
        assert_int_equal(raci_letters_parse(empty[i], aliases, NALIASES, &l), RACI_LETTERS_EMPTY);
    const char *bad[] = {"X",     "A (see note)", "RR", "Accountable-ish", "A*1",
                         "RACIX", "yes",          "A1", "\xc3\xa9"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        print_message("case '%s'\n", bad[i]);
        assert_int_equal(raci_letters_parse(bad[i], aliases, NALIASES, &l), RACI_LETTERS_UNKNOWN);
        assert_int_equal(l.mask, 0);
    }
    /* A very long cell does not overflow anything. */
    char big[1000];
    memset(big, 'A', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    assert_int_equal(raci_letters_parse(big, aliases, NALIASES, &l), RACI_LETTERS_UNKNOWN);
}

static void test_spec_and_format(void **state)
{
    char buf[32];
    (void)state;
    assert_int_equal(raci_letters_from_spec("A/R"), RACI_A | RACI_R);
    assert_int_equal(raci_letters_from_spec("C"), RACI_C);
    assert_int_equal(raci_letters_from_spec("(C)"), 0);
    assert_int_equal(raci_letters_from_spec("Q"), 0);
    assert_int_equal(raci_letters_from_spec(""), 0);

    struct raci_letters l = {RACI_R | RACI_A, 0};
    assert_int_equal(raci_letters_format(l, buf, sizeof buf), 3);
    assert_string_equal(buf, "A/R");
    l = (struct raci_letters){RACI_ALL, RACI_C};
    raci_letters_format(l, buf, sizeof buf);
    assert_string_equal(buf, "A/R/(C)/I");
    l = (struct raci_letters){0, 0};
    assert_int_equal(raci_letters_format(l, buf, sizeof buf), 0);
    assert_string_equal(buf, "");
    l = (struct raci_letters){RACI_ALL, 0};
    raci_letters_format(l, buf, 4);
    assert_string_equal(buf, "A/R");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_single_letters),  cmocka_unit_test(test_combinations),
        cmocka_unit_test(test_words),           cmocka_unit_test(test_aliases),
        cmocka_unit_test(test_conditional),     cmocka_unit_test(test_empty_and_unknown),
        cmocka_unit_test(test_spec_and_format),
    };
    return cmocka_run_group_tests_name("letters", tests, NULL, NULL);
}
