/*
 * test_sheetname.c - sheet names Excel accepts: characters it refuses,
 * its length limit in UTF-16 units, uniqueness without case.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "raci/sheetname.h"

static const char *safe(const char *name)
{
    static char buf[RACI_SHEETNAME_MAX];
    size_t n = raci_sheetname_safe(name, buf, sizeof buf);
    assert_int_equal(n, strlen(buf));
    return buf;
}

static void test_sheetname_forbidden(void **state)
{
    (void)state;
    assert_string_equal(safe("Atlas"), "Atlas");
    assert_string_equal(safe("R&D: Ops/Infra"), "R&D_ Ops_Infra");
    assert_string_equal(safe("a[b]c*d?e\\f"), "a_b_c_d_e_f");
    /* libxlsxwriter cuts a link at '#'. */
    assert_string_equal(safe("Team #1"), "Team _1");
    /* Control characters become spaces, bytes that are no UTF-8 '_'. */
    assert_string_equal(safe("a\tb\nc"), "a b c");
    assert_string_equal(safe("caf\xe9"), "caf_");
    assert_string_equal(safe("x\xc3"), "x_");
    /* Apostrophes and spaces at either end go, inner ones stay. */
    assert_string_equal(safe("'Quoted'"), "Quoted");
    assert_string_equal(safe(" ''O'Brien' "), "O'Brien");
    /* Nothing left: a placeholder. */
    assert_string_equal(safe(""), "Sheet");
    assert_string_equal(safe(NULL), "Sheet");
    assert_string_equal(safe("  ' '  "), "Sheet");
}

static void test_sheetname_length(void **state)
{
    char want[128];
    (void)state;
    /* 31 characters at most. */
    assert_string_equal(safe("abcdefghijklmnopqrstuvwxyz0123456789"),
                        "abcdefghijklmnopqrstuvwxyz01234");
    /* Counted in characters, not bytes, and cut between characters. */
    want[0] = '\0';
    for (int i = 0; i < 16; i++)
        strcat(want, "\xc3\xa9x");
    want[strlen(want) - 1] = '\0';
    {
        char in[128] = "";
        for (int i = 0; i < 40; i++)
            strcat(in, "\xc3\xa9x");
        assert_string_equal(safe(in), want);
    }
    assert_string_equal(safe("123456789012345678901234567890\xe2\x82\xac!"),
                        "123456789012345678901234567890\xe2\x82\xac");
    assert_string_equal(safe("1234567890123456789012345678901\xe2\x82\xac"),
                        "1234567890123456789012345678901");
    /* A character beyond U+FFFF is two UTF-16 units, as Excel counts. */
    assert_string_equal(safe("1234567890123456789012345678\xf0\x9f\x98\x80\xf0\x9f\x98\x80"),
                        "1234567890123456789012345678\xf0\x9f\x98\x80");
    /* A trailing apostrophe uncovered by the cut goes too. */
    assert_string_equal(safe("123456789012345678901234567890' x"),
                        "123456789012345678901234567890");
    /* A small buffer still gets whole characters and a terminator. */
    {
        char small[4];
        assert_int_equal(raci_sheetname_safe("Atlas", small, sizeof small), 3);
        assert_string_equal(small, "Atl");
        assert_int_equal(raci_sheetname_safe("\xc3\x89\xc3\x89", small, sizeof small), 2);
        assert_string_equal(small, "\xc3\x89");
    }
}

/* n copies of s, in a buffer of the caller's. */
static char *repeat(char *buf, size_t size, const char *s, int n)
{
    buf[0] = '\0';
    for (int i = 0; i < n; i++) {
        assert_true(strlen(buf) + strlen(s) < size);
        strcat(buf, s);
    }
    return buf;
}

/* The bytes a name takes quoted, as a formula names a sheet. */
static size_t quoted_len(const char *name)
{
    size_t n = 2;
    for (const char *p = name; *p; p++)
        n += *p == '\'' ? 2 : 1;
    return n;
}

/* A name is kept to what libxlsxwriter holds of the print titles'
 * 'Name'!$A:$A,'Name'!$1:$2: 57 bytes quoted, whatever its script. */
static void test_sheetname_bytes(void **state)
{
    char in[256], want[256];
    (void)state;
    /* 30 Cyrillic letters are 62 bytes quoted: 27 are kept. */
    assert_string_equal(safe(repeat(in, sizeof in, "\xd0\x96", 30)),
                        repeat(want, sizeof want, "\xd0\x96", 27));
    /* 23 CJK characters: 18. */
    assert_string_equal(safe(repeat(in, sizeof in, "\xe6\xbc\xa2", 23)),
                        repeat(want, sizeof want, "\xe6\xbc\xa2", 18));
    /* 15 emoji (30 units, 60 bytes): 13. */
    assert_string_equal(safe(repeat(in, sizeof in, "\xf0\x9f\x98\x80", 15)),
                        repeat(want, sizeof want, "\xf0\x9f\x98\x80", 13));
    /* Apostrophes count twice; one uncovered by the cut goes. */
    assert_string_equal(safe(repeat(in, sizeof in, "\xd0\x94'", 15)),
                        "\xd0\x94'\xd0\x94'\xd0\x94'\xd0\x94'\xd0\x94'\xd0\x94'\xd0\x94'"
                        "\xd0\x94'\xd0\x94'\xd0\x94'\xd0\x94'\xd0\x94'\xd0\x94'\xd0\x94");
    strcpy(in, "a");
    strcat(repeat(in + 1, sizeof in - 1, "'", 29), "b");
    assert_string_equal(safe(in), "a");
    strcpy(in, "x");
    repeat(in + 1, sizeof in - 1, "'x", 15);
    assert_string_equal(safe(in), in);
    assert_int_equal(quoted_len(in), 48);
    /* At the limit exactly: 55 bytes between the quotes. */
    repeat(in, sizeof in, "\xd0\x96", 27);
    strcat(in, "x");
    assert_string_equal(safe(in), in);
    assert_int_equal(quoted_len(in), RACI_SHEETNAME_QUOTED_MAX);
    strcat(in, "y");
    assert_int_equal(strlen(safe(in)), 55);
    /* ASCII names are held back by the 31 characters alone. */
    assert_int_equal(strlen(safe(repeat(in, sizeof in, "x", 40))), 31);
}

static const char *unique(const char *name, const char *const *taken, size_t n)
{
    static char buf[RACI_SHEETNAME_MAX];
    raci_sheetname_unique(name, taken, n, buf, sizeof buf);
    return buf;
}

static void test_sheetname_unique(void **state)
{
    const char *fixed[] = {"Summary", "Findings", "Roster"};
    const char *more[] = {"Summary", "Atlas", "atlas (2)", "\xc3\xa9quipe", NULL};
    const char *many[12] = {"x"};
    char names[12][16];
    char long_name[64];
    (void)state;
    assert_string_equal(unique("Atlas", fixed, 3), "Atlas");
    /* Excel compares names without case. */
    assert_string_equal(unique("summary", fixed, 3), "summary (2)");
    assert_string_equal(unique("ROSTER", fixed, 3), "ROSTER (2)");
    assert_string_equal(unique("ATLAS", more, 5), "ATLAS (3)");
    assert_string_equal(unique("\xc3\x89QUIPE", more, 5), "\xc3\x89QUIPE (2)");
    /* Excel keeps "History". */
    assert_string_equal(unique("history", fixed, 3), "history (2)");
    /* The name is made safe first. */
    assert_string_equal(unique("Summary?", fixed, 3), "Summary_");
    /* The suffix fits within 31 characters. */
    memset(long_name, 'L', 40);
    long_name[40] = '\0';
    {
        const char *taken[] = {"LLLLLLLLLLLLLLLLLLLLLLLLLLLLLLL"};
        const char *got = unique(long_name, taken, 1);
        assert_string_equal(got, "LLLLLLLLLLLLLLLLLLLLLLLLLLL (2)");
        assert_int_equal(strlen(got), 31);
    }
    {
        const char *taken[] = {"123456789012345678901234567890X"};
        assert_string_equal(unique("123456789012345678901234567890X", taken, 1),
                            "123456789012345678901234567 (2)");
    }
    /* A space uncovered by the cut goes before the suffix. */
    {
        const char *taken[] = {"123456789012345678901234567 9XYZ"};
        char in[] = "123456789012345678901234567 9XYZ";
        const char *first = unique(in, NULL, 0);
        assert_string_equal(first, "123456789012345678901234567 9XY");
        taken[0] = "123456789012345678901234567 9XY";
        assert_string_equal(unique(in, taken, 1), "123456789012345678901234567 (2)");
        in[26] = ' ';
        taken[0] = "12345678901234567890123456  9XY";
        assert_string_equal(unique(in, taken, 1), "12345678901234567890123456 (2)");
    }
    /* The suffix fits within the quoted bytes too. */
    {
        char in[128], first[RACI_SHEETNAME_MAX];
        const char *taken[1] = {first};
        strcpy(first, unique(repeat(in, sizeof in, "\xe6\xbc\xa2", 23), NULL, 0));
        assert_int_equal(strlen(first), 54);
        assert_string_equal(unique(in, taken, 1), "\xe6\xbc\xa2\xe6\xbc\xa2\xe6\xbc\xa2\xe6\xbc\xa2"
                                                  "\xe6\xbc\xa2\xe6\xbc\xa2\xe6\xbc\xa2\xe6\xbc\xa2"
                                                  "\xe6\xbc\xa2\xe6\xbc\xa2\xe6\xbc\xa2\xe6\xbc\xa2"
                                                  "\xe6\xbc\xa2\xe6\xbc\xa2\xe6\xbc\xa2\xe6\xbc\xa2"
                                                  "\xe6\xbc\xa2 (2)");
        assert_int_equal(quoted_len(unique(in, taken, 1)), RACI_SHEETNAME_QUOTED_MAX);
        /* Names that differ only past the cut get suffixes. */
        repeat(in, sizeof in, "\xd0\x96", 30);
        strcpy(first, unique(in, NULL, 0));
        in[56] = '\0'; /* 28 letters */
        assert_string_equal(unique(in, taken, 1), "\xd0\x96\xd0\x96\xd0\x96\xd0\x96\xd0\x96"
                                                  "\xd0\x96\xd0\x96\xd0\x96\xd0\x96\xd0\x96"
                                                  "\xd0\x96\xd0\x96\xd0\x96\xd0\x96\xd0\x96"
                                                  "\xd0\x96\xd0\x96\xd0\x96\xd0\x96\xd0\x96"
                                                  "\xd0\x96\xd0\x96\xd0\x96\xd0\x96\xd0\x96 (2)");
    }
    /* Two-digit suffixes. */
    for (int i = 1; i < 10; i++) {
        snprintf(names[i], sizeof names[i], "x (%d)", i + 1);
        many[i] = names[i];
    }
    assert_string_equal(unique("X", many, 10), "X (11)");
}

/* Case folding is one function; the comparison goes through it alone. */
static void test_sheetname_fold(void **state)
{
    (void)state;
    assert_int_equal(raci_sheetname_fold('A'), 'a');
    assert_int_equal(raci_sheetname_fold('a'), 'a');
    assert_int_equal(raci_sheetname_fold('['), '[');
    assert_int_equal(raci_sheetname_fold(0xC9), 0xE9);   /* É -> é */
    assert_int_equal(raci_sheetname_fold(0xD7), 0xD7);   /* × has no case */
    assert_int_equal(raci_sheetname_fold(0x394), 0x3B4); /* Δ -> δ */
    assert_int_equal(raci_sheetname_fold(0x3A2), 0x3A2); /* no capital final sigma */
    assert_int_equal(raci_sheetname_fold(0x416), 0x436); /* Ж -> ж */
    assert_int_equal(raci_sheetname_fold(0x401), 0x451); /* Ё -> ё */
    assert_int_equal(raci_sheetname_fold(0x1F600), 0x1F600);

    assert_true(raci_sheetname_equal("Atlas", "aTLAS"));
    assert_true(raci_sheetname_equal("\xd0\x96\xd0\x81", "\xd0\xb6\xd1\x91")); /* ЖЁ, жё */
    assert_true(raci_sheetname_equal("\xce\x94"
                                     "elta",
                                     "\xce\xb4"
                                     "ELTA")); /* Δelta, δELTA */
    assert_false(raci_sheetname_equal("Atlas", "Atlas2"));
    assert_false(raci_sheetname_equal("Atla", "Atlas"));
    assert_false(raci_sheetname_equal("a-b", "a_b"));
    /* A byte that is no UTF-8 equals itself only, not a character. */
    assert_true(raci_sheetname_equal("x\xe9", "x\xe9"));
    assert_false(raci_sheetname_equal("x\xe9", "x\xc3\xa9"));
    assert_false(raci_sheetname_equal("x\xc9", "x\xe9"));
}

/* Excel compares sheet names without case over all of Unicode: names that
 * differ only in case outside ASCII, Latin-1, basic Greek and Cyrillic are
 * one name too, and get a suffix. */
static void test_sheetname_fold_all_of_unicode(void **state)
{
    /* Łódź, Ελλάδα, ＡＴＬＡＳ (full width), 𐐀 (Deseret), Ა (Georgian
     * Mtavruli), ΟΔΟΣ */
    const char *taken[] = {"\xc5\x81\xc3\xb3\x64\xc5\xba",
                           "\xce\x95\xce\xbb\xce\xbb\xce\xac\xce\xb4\xce\xb1",
                           "\xef\xbc\xa1\xef\xbc\xb4\xef\xbc\xac\xef\xbc\xa1\xef\xbc\xb3",
                           "\xf0\x90\x90\x80",
                           "\xe1\xb2\x90",
                           "\xce\x9f\xce\x94\xce\x9f\xce\xa3"};
    (void)state;
    /* łódź */
    assert_string_equal(unique("\xc5\x82\xc3\xb3\x64\xc5\xba", taken, 6),
                        "\xc5\x82\xc3\xb3\x64\xc5\xba (2)");
    /* ΕΛΛΆΔΑ */
    assert_string_equal(unique("\xce\x95\xce\x9b\xce\x9b\xce\x86\xce\x94\xce\x91", taken, 6),
                        "\xce\x95\xce\x9b\xce\x9b\xce\x86\xce\x94\xce\x91 (2)");
    /* ａｔｌａｓ */
    assert_string_equal(
        unique("\xef\xbd\x81\xef\xbd\x94\xef\xbd\x8c\xef\xbd\x81\xef\xbd\x93", taken, 6),
        "\xef\xbd\x81\xef\xbd\x94\xef\xbd\x8c\xef\xbd\x81\xef\xbd\x93 (2)");
    /* 𐐨, ა, οδος with a final sigma */
    assert_string_equal(unique("\xf0\x90\x90\xa8", taken, 6), "\xf0\x90\x90\xa8 (2)");
    assert_string_equal(unique("\xe1\x83\x90", taken, 6), "\xe1\x83\x90 (2)");
    assert_string_equal(unique("\xce\xbf\xce\xb4\xce\xbf\xcf\x82", taken, 6),
                        "\xce\xbf\xce\xb4\xce\xbf\xcf\x82 (2)");
    /* Letters that only look alike are other names: Cyrillic А is no A. */
    assert_string_equal(unique("\xd0\x90TLAS", (const char *[]){"Atlas"}, 1), "\xd0\x90TLAS");
    assert_int_equal(raci_sheetname_fold(0x141), 0x142);   /* Ł -> ł */
    assert_int_equal(raci_sheetname_fold(0x3C2), 0x3C3);   /* ς -> σ */
    assert_int_equal(raci_sheetname_fold(0xFF21), 0xFF41); /* Ａ -> ａ */
    assert_int_equal(raci_sheetname_fold(0x10400), 0x10428);
}

/* Two products that are two (their keys differ) can still have sheet names
 * Excel takes for one: here the cut to 31 characters leaves names that
 * differ only in case. The second gets a suffix. */
static void test_sheetname_cut_names_fold_equal(void **state)
{
    /* "Łódź — oddział północny, zespół A" and the same in capitals, "B" */
    const char *a = "\xc5\x81\xc3\xb3\x64\xc5\xba \xe2\x80\x94 oddzia\xc5\x82 p\xc3\xb3\xc5\x82"
                    "nocny, zesp\xc3\xb3\xc5\x82 A";
    const char *b = "\xc5\x81\xc3\x93\x44\xc5\xb9 \xe2\x80\x94 ODDZIA\xc5\x81 P\xc3\x93\xc5\x81"
                    "NOCNY, ZESP\xc3\x93\xc5\x81 B";
    char first[RACI_SHEETNAME_MAX], second[RACI_SHEETNAME_MAX];
    const char *taken[1] = {first};
    (void)state;
    raci_sheetname_unique(a, NULL, 0, first, sizeof first);
    raci_sheetname_unique(b, taken, 1, second, sizeof second);
    assert_false(raci_sheetname_equal(first, second));
    assert_string_equal(second + strlen(second) - 4, " (2)");
}

/* İ and ı: Unicode's locale-free folding leaves them alone, Turkish pairs
 * them with i and I; sheet names fold all four together, so that a
 * workbook opens in every Excel. */
static void test_sheetname_dotted_and_dotless_i(void **state)
{
    const char *taken[] = {"izmir", "Isparta"};
    (void)state;
    assert_string_equal(unique("\xc4\xb0zmir", taken, 2), "\xc4\xb0zmir (2)");
    assert_string_equal(unique("\xc4\xb1sparta", taken, 2), "\xc4\xb1sparta (2)");
    assert_true(raci_sheetname_equal("\xc4\xb0\xc4\xb1", "iI"));
}

/* The set names as raci_sheetname_unique does, given the same names in
 * the same order: the same suffixes, case and folding included. */
static void test_sheetname_set_agrees(void **state)
{
    static const char *const in[] = {"Atlas",   "atlas",        "ATLAS (2)", "Atlas", "history",
                                     "Summary", "\xc4\xb0zmir", "izmir",     "x?",    "x_",
                                     "",        "Sheet",        "Atlas (3)", "Atlas"};
    enum { N = sizeof(in) / sizeof(in[0]) };
    char by_set[N][RACI_SHEETNAME_MAX], by_array[N][RACI_SHEETNAME_MAX];
    const char *taken[N + 1] = {"Summary"};
    struct raci_sheetname_set set = RACI_SHEETNAME_SET_INIT;
    (void)state;
    assert_int_equal(raci_sheetname_set_add(&set, "Summary"), RACI_OK);
    for (size_t i = 0; i < N; i++) {
        assert_int_equal(raci_sheetname_set_unique(&set, in[i], by_set[i], sizeof by_set[i]),
                         RACI_OK);
        raci_sheetname_unique(in[i], taken, i + 1, by_array[i], sizeof by_array[i]);
        taken[i + 1] = by_array[i];
        assert_string_equal(by_set[i], by_array[i]);
        assert_true(raci_sheetname_set_has(&set, by_array[i]));
    }
    assert_string_equal(by_set[1], "atlas (2)");
    assert_string_equal(by_set[2], "ATLAS (2) (2)");
    assert_string_equal(by_set[13], "Atlas (4)");
    assert_true(raci_sheetname_set_has(&set, "HISTORY"));
    assert_false(raci_sheetname_set_has(&set, "Atlas (5)"));
    raci_sheetname_set_release(&set);
}

/* 20,000 products of one name and 20,000 of distinct names are named in
 * linear time: the array version would compare 400 million pairs. */
static void test_sheetname_set_many(void **state)
{
    enum { N = 20000 };
    char(*names)[RACI_SHEETNAME_MAX] = calloc(2 * N, sizeof(*names));
    struct raci_sheetname_set set = RACI_SHEETNAME_SET_INIT;
    char in[32];
    (void)state;
    assert_non_null(names);
    for (size_t i = 0; i < N; i++)
        assert_int_equal(raci_sheetname_set_unique(&set, "Team", names[i], sizeof names[i]),
                         RACI_OK);
    for (size_t i = 0; i < N; i++) {
        snprintf(in, sizeof in, "Product %zu", i);
        assert_int_equal(raci_sheetname_set_unique(&set, in, names[N + i], sizeof names[N + i]),
                         RACI_OK);
        assert_string_equal(names[N + i], in);
    }
    assert_string_equal(names[0], "Team");
    assert_string_equal(names[1], "Team (2)");
    assert_string_equal(names[N - 1], "Team (20000)");
    assert_int_equal(set.n, 2 * N);
    raci_sheetname_set_release(&set);
    free(names);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sheetname_forbidden),
        cmocka_unit_test(test_sheetname_length),
        cmocka_unit_test(test_sheetname_bytes),
        cmocka_unit_test(test_sheetname_unique),
        cmocka_unit_test(test_sheetname_fold),
        cmocka_unit_test(test_sheetname_fold_all_of_unicode),
        cmocka_unit_test(test_sheetname_cut_names_fold_equal),
        cmocka_unit_test(test_sheetname_dotted_and_dotless_i),
        cmocka_unit_test(test_sheetname_set_agrees),
        cmocka_unit_test(test_sheetname_set_many),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
