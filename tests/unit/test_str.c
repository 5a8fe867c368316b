/*
 * test_str.c - the text module: keys, UTF-8, safe output text, the builder.
 */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include "raci/str.h"

static void test_key(void **state)
{
    char buf[64];
    (void)state;
    assert_int_equal(raci_str_key_into("  Market-Research! ", buf), 15);
    assert_string_equal(buf, "market research");
    raci_str_key_into("**KPIs** (success metrics)", buf);
    assert_string_equal(buf, "kpis success metrics");
    raci_str_key_into("Sr. Product_Owner", buf);
    assert_string_equal(buf, "sr product owner");
    raci_str_key_into("", buf);
    assert_string_equal(buf, "");
    raci_str_key_into("Écoute client", buf);
    assert_string_equal(buf, "\xc3\xa9"
                             "coute client");
    assert_int_equal(raci_str_same_key("P&G", "p g"), 1);
    assert_int_equal(raci_str_same_key("Atlas", "Atlas 2"), 0);
}

/* Case is folded over all of Unicode, as 'A' and 'a' are: a product, a
 * person, a task or a title written in another case is the same one. */
static void test_key_folds_case(void **state)
{
    char *k;
    (void)state;
    assert_int_equal(
        raci_str_same_key("\xc5\x81\xc3\xb3\x64\xc5\xba", "\xc5\x82\xc3\xb3\x64\xc5\xba"),
        1);                                           /* Łódź, łódź */
    k = raci_str_key("\xc5\x81\xc3\x93\x44\xc5\xb9"); /* ŁÓDŹ */
    assert_string_equal(k, "\xc5\x82\xc3\xb3\x64\xc5\xba");
    free(k);
    /* ΕΛΛΆΔΑ, Ελλάδα */
    assert_int_equal(raci_str_same_key("\xce\x95\xce\x9b\xce\x9b\xce\x86\xce\x94\xce\x91",
                                       "\xce\x95\xce\xbb\xce\xbb\xce\xac\xce\xb4\xce\xb1"),
                     1);
    /* ΟΔΟΣ, οδος (final sigma), οδοσ */
    assert_int_equal(
        raci_str_same_key("\xce\x9f\xce\x94\xce\x9f\xce\xa3", "\xce\xbf\xce\xb4\xce\xbf\xcf\x82"),
        1);
    assert_int_equal(
        raci_str_same_key("\xce\xbf\xce\xb4\xce\xbf\xcf\x83", "\xce\xbf\xce\xb4\xce\xbf\xcf\x82"),
        1);
    /* ＡＴＬＡＳ, ａｔｌａｓ (full width) */
    assert_int_equal(
        raci_str_same_key("\xef\xbc\xa1\xef\xbc\xb4\xef\xbc\xac\xef\xbc\xa1\xef\xbc\xb3",
                          "\xef\xbd\x81\xef\xbd\x94\xef\xbd\x8c\xef\xbd\x81\xef\xbd\x93"),
        1);
    /* Deseret 𐐀, 𐐨; Georgian Mtavruli Ა, Mkhedruli ა; Cherokee ꭰ, Ꭰ */
    assert_int_equal(raci_str_same_key("\xf0\x90\x90\x80", "\xf0\x90\x90\xa8"), 1);
    assert_int_equal(raci_str_same_key("\xe1\xb2\x90", "\xe1\x83\x90"), 1);
    assert_int_equal(raci_str_same_key("\xea\xad\xb0", "\xe1\x8e\xa0"), 1);
    /* Letters that only look alike stay apart, and İ is not i (fold.h). */
    assert_int_equal(raci_str_same_key("\xd0\x90tlas", "Atlas"), 0); /* Cyrillic А */
    assert_int_equal(raci_str_same_key("\xc4\xb0stanbul", "istanbul"), 0);
    /* A byte that is no UTF-8 is kept as it is; emphasis dropped beside it
     * never joins it to the next into a character ("\xc3*\x89" is no É). */
    k = raci_str_key("CAF\xc9");
    assert_string_equal(k, "caf\xc9");
    free(k);
    k = raci_str_key("\xc3*\x89");
    assert_string_equal(k, "\xc3 \x89");
    free(k);
    assert_int_equal(raci_str_same_key("\xc3 \x89", "\xc3*\x89"), 1);
}

/* A folded character can be longer than its source (Ⱥ, 2 bytes, folds to
 * ⱥ, 3 bytes): RACI_STR_KEY_SIZE has room for it, and the key is whole. */
static void test_key_grows(void **state)
{
    char in[64] = "", out[RACI_STR_KEY_SIZE(40)];
    char *k;
    (void)state;
    for (int i = 0; i < 20; i++)
        strcat(in, "\xc8\xba"); /* Ⱥ */
    assert_int_equal(strlen(in), 40);
    memset(out, 'x', sizeof out);
    assert_int_equal(raci_str_key_into(in, out), 60);
    assert_int_equal(strlen(out), 60);
    for (int i = 0; i < 20; i++)
        assert_memory_equal(out + 3 * i, "\xe2\xb1\xa5", 3); /* ⱥ */
    k = raci_str_key(in);
    assert_string_equal(k, out);
    free(k);
    {
        struct raci_str b = RACI_STR_INIT;
        raci_str_addkey(&b, in);
        assert_string_equal(raci_str_cstr(&b), out);
        raci_str_release(&b);
    }
}

/* Two names that agree in their first 511 bytes are two names: no key is
 * cut at a fixed buffer (the old key stopped at 512 bytes and merged them). */
static void test_key_is_never_cut(void **state)
{
    size_t n = 2000;
    char *a = malloc(n + 2), *b = malloc(n + 2), *ka, *kb;
    (void)state;
    memset(a, 'x', n);
    memcpy(b, a, n);
    a[n] = 'a';
    b[n] = 'b';
    a[n + 1] = b[n + 1] = '\0';
    ka = raci_str_key(a);
    kb = raci_str_key(b);
    assert_non_null(ka);
    assert_non_null(kb);
    assert_int_equal(strlen(ka), n + 1);
    assert_string_not_equal(ka, kb);
    assert_int_equal(raci_str_same_key(a, b), 0);
    free(ka);
    free(kb);
    free(a);
    free(b);
}

static void test_decode(void **state)
{
    uint32_t cp = 0;
    char out[4];
    (void)state;
    assert_int_equal(raci_str_decode("A", 1, &cp), 1);
    assert_int_equal(cp, 'A');
    assert_int_equal(raci_str_decode("\xc3\xa9", 2, &cp), 2);
    assert_int_equal(cp, 0xE9);
    assert_int_equal(raci_str_decode("\xe2\x82\xac", 3, &cp), 3);
    assert_int_equal(cp, 0x20AC);
    assert_int_equal(raci_str_decode("\xf0\x9f\x98\x80", 4, &cp), 4);
    assert_int_equal(cp, 0x1F600);
    /* Overlong, surrogate, past U+10FFFF, cut off, lone continuation. */
    assert_int_equal(raci_str_decode("\xc0\xaf", 2, &cp), 0);
    assert_int_equal(raci_str_decode("\xe0\x80\xaf", 3, &cp), 0);
    assert_int_equal(raci_str_decode("\xed\xa0\x80", 3, &cp), 0);
    assert_int_equal(raci_str_decode("\xf4\x90\x80\x80", 4, &cp), 0);
    assert_int_equal(raci_str_decode("\xe2\x82", 2, &cp), 0);
    assert_int_equal(raci_str_decode("\x80", 1, &cp), 0);
    assert_int_equal(raci_str_decode("", 0, &cp), 0);
    for (uint32_t c = 1; c < 0x110000; c += 97) {
        size_t k;
        if (c >= 0xD800 && c <= 0xDFFF)
            continue;
        k = raci_str_encode(c, out);
        assert_int_equal(raci_str_decode(out, k, &cp), k);
        assert_int_equal(cp, c);
    }
    assert_int_equal(raci_str_valid("ab\xc3\xa9\xff", 5), 4);
    assert_int_equal(raci_str_valid("ab", 2), 2);
    assert_int_equal(raci_str_chars("\xc3\xa9t\xc3\xa9", 5), 3);
    assert_int_equal(raci_str_chars("a\xff"
                                    "b",
                                    3),
                     3);
}

/* Excel counts a cell's length in UTF-16 units: a character past U+FFFF is
 * two; a CJK character, three bytes, is one. */
static void test_units(void **state)
{
    (void)state;
    assert_int_equal(raci_str_units("", 0), 0);
    assert_int_equal(raci_str_units("abc", 3), 3);
    assert_int_equal(raci_str_units("\xE6\x9D\xB1\xE4\xBA\xAC", 6), 2);
    assert_int_equal(raci_str_units("\xF0\x9F\x98\x80!", 5), 3);
    assert_int_equal(raci_str_units("\xD0\x98\xD0\xB2", 4), 2);
    /* A byte that is no UTF-8 counts as one; a NUL ends the text. */
    assert_int_equal(raci_str_units("a\xFF\xF0\x9F", 4), 4);
    assert_int_equal(raci_str_units("ab\0cd", 5), 2);
    /* What XML can hold, as raci_str_xml has it. */
    assert_true(raci_str_xml_char('\t') && raci_str_xml_char('\n') && raci_str_xml_char('\r'));
    assert_true(raci_str_xml_char(' ') && raci_str_xml_char(0xFFFD) && raci_str_xml_char(0x10FFFF));
    assert_false(raci_str_xml_char(0) || raci_str_xml_char(0x07) || raci_str_xml_char(0x1F));
    assert_false(raci_str_xml_char(0xFFFE) || raci_str_xml_char(0xFFFF));
}

static void test_xml(void **state)
{
    char *owned;
    const char *t;
    int cut;
    (void)state;
    /* Fine as it is: no copy. */
    t = raci_str_xml("Łódź & P&G", SIZE_MAX, &owned, &cut);
    assert_null(owned);
    assert_string_equal(t, "Łódź & P&G");
    assert_int_equal(cut, 0);
    /* A control character and a byte that is no UTF-8 are marked, never
     * dropped; CR LF is one break, a lone CR becomes one. */
    t = raci_str_xml("a\x01"
                     "b\xff"
                     "c\r\nd\re",
                     SIZE_MAX, &owned, NULL);
    assert_non_null(owned);
    assert_string_equal(t, "a\xef\xbf\xbd"
                           "b\xef\xbf\xbd"
                           "c\nd\ne");
    free(owned);
    /* Cut at a character boundary. */
    t = raci_str_xml("ab\xc3\xa9", 3, &owned, &cut);
    assert_string_equal(t, "ab");
    assert_int_equal(cut, 1);
    free(owned);
    /* JSON keeps controls (it escapes them) but not bad bytes. */
    t = raci_str_utf8("a\x01\xff", &owned);
    assert_string_equal(t, "a\x01\xef\xbf\xbd");
    free(owned);
    t = raci_str_utf8("fine", &owned);
    assert_null(owned);
    assert_string_equal(t, "fine");
}

static void test_builder(void **state)
{
    struct raci_str b = RACI_STR_INIT;
    char *s;
    (void)state;
    assert_string_equal(raci_str_cstr(&b), "");
    raci_str_add(&b, "product:");
    raci_str_addkey(&b, "  Atlas  2 ");
    raci_str_addc(&b, '/');
    raci_str_addf(&b, "%s:%d", "n", 42);
    raci_str_addn(&b, "xyz", 2);
    assert_string_equal(raci_str_cstr(&b), "product:atlas 2/n:42xy");
    assert_int_equal(b.len, strlen("product:atlas 2/n:42xy"));
    raci_str_reset(&b);
    assert_string_equal(raci_str_cstr(&b), "");
    for (int i = 0; i < 10000; i++)
        raci_str_add(&b, "0123456789");
    assert_int_equal(b.len, 100000);
    s = raci_str_take(&b);
    assert_int_equal(strlen(s), 100000);
    assert_null(b.s);
    free(s);
    s = raci_str_take(&b);
    assert_string_equal(s, "");
    free(s);
    /* A failed builder stays failed and gives nothing. */
    b.failed = 1;
    raci_str_add(&b, "x");
    assert_null(raci_str_take(&b));
    raci_str_release(&b);
}

static void test_copies(void **state)
{
    char *s = raci_str_printf("%s-%03d", "row", 7);
    (void)state;
    assert_string_equal(s, "row-007");
    free(s);
    s = raci_str_dup("Zoë");
    assert_string_equal(s, "Zoë");
    free(s);
    /* Texts of 511, 512 and 2,000 bytes: on the stack or formatted again. */
    for (int n = 511; n <= 2000; n += n == 512 ? 1488 : 1) {
        char *want = malloc((size_t)n + 1);
        assert_non_null(want);
        memset(want, 'x', (size_t)n);
        want[n] = '\0';
        memcpy(want, "P&G ", 4);
        s = raci_str_printf("P&G %.*s", n - 4, want + 4);
        assert_string_equal(s, want);
        free(s);
        free(want);
    }
    assert_null(raci_str_dup(NULL));
    assert_int_equal(raci_str_casecmp("Product OWNER", "product owner"), 0);
    assert_true(raci_str_casecmp("a", "b") < 0);
}

/* Text a spreadsheet would read as its escape _xHHHH_ keeps its underscore
 * escaped; other text is given back as it is. */
static void test_xstring(void **state)
{
    static const char *const same[] = {"Ana Silva", "_x",   "_x004_", "_x00G1_",
                                       "x0041_",    "P&G_", ""};
    char *owned = NULL;
    const char *t;

    (void)state;
    for (size_t i = 0; i < sizeof(same) / sizeof(same[0]); i++) {
        assert_ptr_equal(raci_str_xstring(same[i], &owned), same[i]);
        assert_null(owned);
    }
    t = raci_str_xstring("Ana_x0041_ and _X00e9__x000D_", &owned);
    assert_non_null(owned);
    assert_ptr_equal(t, owned);
    assert_string_equal(t, "Ana_x005F_x0041_ and _x005F_X00e9__x005F_x000D_");
    free(owned);
    /* What the copy came from is freed when it is replaced. */
    /* The reader's side: the unit an escape stands for. */
    assert_int_equal(raci_str_xstring_unit("_x0041_", 7), 0x41);
    assert_int_equal(raci_str_xstring_unit("_X00e9_ rest", 12), 0xE9);
    assert_int_equal(raci_str_xstring_unit("_x0041_", 6), -1);
    assert_int_equal(raci_str_xstring_unit("_x004G_", 7), -1);
    assert_int_equal(raci_str_xstring_unit("x0041__", 7), -1);
    owned = strdup("_x005F_");
    t = raci_str_xstring(owned, &owned);
    assert_string_equal(t, "_x005F_x005F_");
    free(owned);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_key),       cmocka_unit_test(test_key_folds_case),
        cmocka_unit_test(test_key_grows), cmocka_unit_test(test_key_is_never_cut),
        cmocka_unit_test(test_decode),    cmocka_unit_test(test_units),
        cmocka_unit_test(test_xml),       cmocka_unit_test(test_builder),
        cmocka_unit_test(test_copies),    cmocka_unit_test(test_xstring),
    };
    return cmocka_run_group_tests_name("str", tests, NULL, NULL);
}
