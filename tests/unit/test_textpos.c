/*
 * test_textpos.c - line and column of a place in a text: line ends of every
 * kind, columns in characters, and the line shown with a diagnostic.
 */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include "raci/textpos.h"

static void test_advance(void **state)
{
    const char *text = "a\r\nb\rc\nd\xC3\xA9\xE6\x9D\xB1\xF0\x9F\x98\x80x";
    struct raci_textpos p, q;
    (void)state;
    raci_textpos_init(&p);
    assert_int_equal(p.line, 1);
    assert_int_equal(p.col, 1);
    /* CR LF is one line end, a lone CR another, LF a third. */
    raci_textpos_advance(&p, text, 3);
    assert_int_equal(p.line, 2);
    assert_int_equal(p.col, 1);
    raci_textpos_advance(&p, text, 5);
    assert_int_equal(p.line, 3);
    raci_textpos_advance(&p, text, 7);
    assert_int_equal(p.line, 4);
    assert_int_equal(p.line_start, 7);
    /* Columns count characters, whatever their bytes. */
    q = p;
    raci_textpos_advance(&q, text, strlen(text) - 1);
    assert_int_equal(q.line, 4);
    assert_int_equal(q.col, 5);
    /* It never moves back; the copy went on alone. */
    raci_textpos_advance(&q, text, 2);
    assert_int_equal(q.col, 5);
    assert_int_equal(p.off, 7);
}

static void test_line(void **state)
{
    const char *text = "one\ntw\xFFo\0x\nthree";
    struct raci_textpos p;
    char *line;
    (void)state;
    raci_textpos_init(&p);
    raci_textpos_advance(&p, text, 5);
    /* Bytes that are no UTF-8, and NULs, as U+FFFD; the line alone. */
    line = raci_textpos_line(&p, text, 17, 200);
    assert_string_equal(line, "tw\xEF\xBF\xBDo\xEF\xBF\xBDx");
    free(line);
    /* Cut 2 bytes past the place. */
    line = raci_textpos_line(&p, text, 17, 2);
    assert_string_equal(line, "tw\xEF\xBF\xBD");
    free(line);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_advance),
        cmocka_unit_test(test_line),
    };
    return cmocka_run_group_tests_name("textpos", tests, NULL, NULL);
}
