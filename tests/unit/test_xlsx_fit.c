/*
 * test_xlsx_fit.c - the room a text takes in a cell: widths of text in
 * column units, lines of wrapped text, row heights and column widths.
 */
#include "testutil.h"

#include <string.h>

#include "raci/xlsx_fit.h"

static void test_width(void **state)
{
    (void)state;
    assert_true(raci_xlsx_fit_text_width(NULL, 11) == 0);
    assert_true(raci_xlsx_fit_text_width("", 11) == 0);
    /* Ten digits are ten units; a smaller font is narrower. */
    assert_true(raci_xlsx_fit_text_width("0123456789", 11) == 10);
    assert_true(raci_xlsx_fit_text_width("0123456789", 9) < 9);
    /* Narrow letters weigh less than wide ones, capitals more. */
    assert_true(raci_xlsx_fit_text_width("iiii", 11) < raci_xlsx_fit_text_width("mmmm", 11));
    assert_true(raci_xlsx_fit_text_width("ABCD", 11) > raci_xlsx_fit_text_width("abcd", 11));
    /* Wide characters and emoji are two; the widest line counts. */
    assert_true(raci_xlsx_fit_text_width("漢字", 11) == 4);
    assert_true(raci_xlsx_fit_text_width("😀", 11) == 2);
    assert_true(raci_xlsx_fit_text_width("00\n0000\n0", 11) == 4);
    /* A family of emoji joined by zero-width joiners, and an accent that
     * combines, add nothing of their own. */
    assert_true(raci_xlsx_fit_text_width("\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7", 11) == 4);
    assert_true(raci_xlsx_fit_text_width("e\xcc\x81", 11) == raci_xlsx_fit_text_width("e", 11));
    /* A byte that is no UTF-8 is a character, not the end. */
    assert_true(raci_xlsx_fit_text_width("0\xff"
                                         "0",
                                         11) > 2);
}

static void test_lines(void **state)
{
    char big[2001];

    (void)state;
    assert_int_equal(raci_xlsx_fit_lines(NULL, 10, 11), 1);
    assert_int_equal(raci_xlsx_fit_lines("", 10, 11), 1);
    assert_int_equal(raci_xlsx_fit_lines("short", 60, 11), 1);
    /* Each line break starts a line. */
    assert_int_equal(raci_xlsx_fit_lines("a\nb\nc", 60, 11), 3);
    assert_int_equal(raci_xlsx_fit_lines("a\n\nc", 60, 11), 3);
    /* Words go to the next line whole: 3 words of 8 digits in 18 units. */
    assert_int_equal(raci_xlsx_fit_lines("00000000 00000000 00000000", 18, 11), 2);
    assert_int_equal(raci_xlsx_fit_lines("00000000 00000000 00000000", 9.5, 11), 3);
    /* A word longer than the column is broken over lines. */
    assert_int_equal(raci_xlsx_fit_lines("000000000000000000000000000000", 11, 11), 3);
    /* A hyphen or slash ends a line too. */
    assert_int_equal(raci_xlsx_fit_lines("00000000-00000000", 10, 11), 2);
    /* A narrower font holds more; wide characters take twice the room. */
    memset(big, '0', 200);
    for (size_t i = 4; i < 200; i += 5)
        big[i] = ' ';
    big[199] = '\0';
    assert_int_equal(raci_xlsx_fit_lines(big, 30, 11), 7);
    assert_int_equal(raci_xlsx_fit_lines(big, 30, 9), 6);
    assert_int_equal(raci_xlsx_fit_lines("漢字漢字漢字漢字漢字", 11, 11), 2);
    /* A long message in the Findings sheet's 60 units. */
    memset(big, 'a', sizeof(big) - 1);
    for (size_t i = 9; i < sizeof(big) - 1; i += 10)
        big[i] = ' ';
    big[sizeof(big) - 1] = '\0';
    assert_true(raci_xlsx_fit_lines(big, 60, 11) >= 2000 / 60);
    assert_true(raci_xlsx_fit_lines(big, 60, 11) <= 2000 / 45);
    /* A column too narrow for anything still gets its lines. */
    assert_true(raci_xlsx_fit_lines("000", 0, 11) >= 3);
}

static void test_heights(void **state)
{
    char big[5000];

    (void)state;
    /* One line of the default font is at least Excel's 15 points; more
     * lines, more points; bigger fonts, more too. */
    assert_true(raci_xlsx_fit_height(1, 11) >= RACI_XLSX_FIT_ROW);
    assert_true(raci_xlsx_fit_height(3, 11) >= 3 * RACI_XLSX_FIT_ROW);
    assert_true(raci_xlsx_fit_height(0, 11) == raci_xlsx_fit_height(1, 11));
    assert_true(raci_xlsx_fit_height(1, 13) > raci_xlsx_fit_height(1, 11));
    assert_true(raci_xlsx_fit_height(1, 9) < raci_xlsx_fit_height(1, 11));
    /* Never past Excel's tallest row. */
    assert_true(raci_xlsx_fit_height(100000, 11) == RACI_XLSX_FIT_MAX_HEIGHT);
    memset(big, '0', sizeof(big) - 1);
    big[sizeof(big) - 1] = '\0';
    assert_true(raci_xlsx_fit_cell_height(big, 10, 11) == RACI_XLSX_FIT_MAX_HEIGHT);
    assert_true(raci_xlsx_fit_cell_height("a b", 60, 11) == raci_xlsx_fit_height(1, 11));
}

static void test_column(void **state)
{
    (void)state;
    /* Content and margins, within [min, cap]. */
    assert_true(raci_xlsx_fit_column(0, 8, 40) == 8);
    assert_true(raci_xlsx_fit_column(100, 8, 40) == 40);
    assert_true(raci_xlsx_fit_column(20, 8, 40) > 20);
    assert_true(raci_xlsx_fit_column(20, 8, 40) < 23);
    /* What the column is given holds its content on one line. */
    assert_int_equal(
        raci_xlsx_fit_lines(
            "alice.example@example.com",
            raci_xlsx_fit_column(raci_xlsx_fit_text_width("alice.example@example.com", 11), 6, 40),
            11),
        1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_width),
        cmocka_unit_test(test_lines),
        cmocka_unit_test(test_heights),
        cmocka_unit_test(test_column),
    };
    return cmocka_run_group_tests_name("xlsx_fit", tests, NULL, NULL);
}
