/*
 * test_fold.c - case folding over all of Unicode: real pairs from many
 * scripts, and every code point of the table against its generator.
 *
 * Run from the repository root (as `make check-unit` does), or build with
 * -DRACI_SOURCE_DIR='"/path/to/repo"'.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "raci/fold.h"
#include "raci/str.h"

static void test_fold_pairs(void **state)
{
    static const struct {
        uint32_t from, to;
        const char *what;
    } pairs[] = {
        {'A', 'a', "A a"},
        {'Z', 'z', "Z z"},
        {0xC9, 0xE9, "E with acute (Latin-1)"},
        {0x141, 0x142, "L with stroke (Latin Extended-A)"},
        {0x179, 0x17A, "Z with acute"},
        {0x17F, 's', "long s"},
        {0xB5, 0x3BC, "micro sign -> Greek mu"},
        {0x386, 0x3AC, "Greek alpha with tonos"},
        {0x395, 0x3B5, "Greek epsilon"},
        {0x3A3, 0x3C3, "Greek capital sigma"},
        {0x3C2, 0x3C3, "Greek final sigma"},
        {0x1E9E, 0xDF, "capital sharp s (status S)"},
        {0x1F88, 0x1F80, "alpha with psili and prosgegrammeni (status S)"},
        {0x1FBC, 0x1FB3, "alpha with prosgegrammeni (status S)"},
        {0x345, 0x3B9, "combining ypogegrammeni -> iota"},
        {0x401, 0x451, "Cyrillic io"},
        {0x416, 0x436, "Cyrillic zhe"},
        {0x490, 0x491, "Ukrainian ghe with upturn"},
        {0x531, 0x561, "Armenian ayb"},
        {0x10A0, 0x2D00, "Georgian Asomtavruli -> Nuskhuri"},
        {0x1C90, 0x10D0, "Georgian Mtavruli -> Mkhedruli"},
        {0x13F8, 0x13F0, "Cherokee small ye -> capital"},
        {0xAB70, 0x13A0, "Cherokee small a -> capital"},
        {0x1E00, 0x1E01, "Latin Extended Additional"},
        {0x212A, 'k', "Kelvin sign"},
        {0x2126, 0x3C9, "Ohm sign -> omega"},
        {0x212B, 0xE5, "Angstrom sign -> a with ring"},
        {0x2160, 0x2170, "Roman numeral one"},
        {0x24B6, 0x24D0, "circled A"},
        {0x23A, 0x2C65, "A with stroke: 2 bytes of UTF-8 -> 3"},
        {0x2C00, 0x2C30, "Glagolitic"},
        {0xA640, 0xA641, "Cyrillic Extended-B"},
        {0xFF21, 0xFF41, "full-width A"},
        {0xFF3A, 0xFF5A, "full-width Z"},
        {0x10400, 0x10428, "Deseret long i"},
        {0x104B0, 0x104D8, "Osage"},
        {0x10570, 0x10597, "Vithkuqi (Unicode 14)"},
        {0x10C80, 0x10CC0, "Old Hungarian"},
        {0x118A0, 0x118C0, "Warang Citi"},
        {0x16E40, 0x16E60, "Medefaidrin"},
        {0x1E900, 0x1E922, "Adlam"},
    };
    (void)state;
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        if (raci_fold_char(pairs[i].from) != pairs[i].to)
            fail_msg("%s: U+%04X folds to U+%04X, expected U+%04X", pairs[i].what,
                     (unsigned)pairs[i].from, (unsigned)raci_fold_char(pairs[i].from),
                     (unsigned)pairs[i].to);
        assert_int_equal(raci_fold_char(pairs[i].to), pairs[i].to);
    }
}

/* What folds to itself: small letters, letters without case, and what
 * only the Turkic or the full folding would change. */
static void test_fold_fixed_points(void **state)
{
    static const uint32_t same[] = {
        'a',        '0', '[', 0xD7, /* small, a digit, a mark, the multiplication sign */
        0xDF,                       /* sharp s: only full folding makes it "ss" */
        0x130,                      /* I with dot above: Turkic (T) and full (F) mappings only */
        0x131,                      /* dotless i: no folding but the Turkic */
        0x149,                      /* n preceded by apostrophe: full folding only */
        0x390,                      /* iota with dialytika and tonos: full folding only */
        0x3A2,                      /* unassigned, between rho and sigma */
        0x4E2D,                     /* a CJK ideograph */
        0x1F600,                    /* an emoji */
        0xD800,                     /* a surrogate */
        0x10FFFF,                   /* the last code point */
        0x110000,                   /* and past it */
        0xFFFFFFFF,
    };
    (void)state;
    for (size_t i = 0; i < sizeof same / sizeof same[0]; i++)
        assert_int_equal(raci_fold_char(same[i]), same[i]);
}

/* Folding is stable, and never more than half as long again in UTF-8: the
 * bound that str.h's keys are sized by. */
static void test_fold_all_code_points(void **state)
{
    char a[4], b[4];
    (void)state;
    for (uint32_t cp = 0; cp < 0x110000; cp++) {
        uint32_t f = raci_fold_char(cp);
        if (cp >= 0xD800 && cp < 0xE000) {
            assert_int_equal(f, cp);
            continue;
        }
        assert_int_equal(raci_fold_char(f), f);
        assert_true(f < 0xD800 || (f >= 0xE000 && f < 0x110000));
        assert_true(raci_str_encode(f, b) * 2 <= raci_str_encode(cp, a) * 3);
    }
}

/* Every code point of the committed table against what tools/gen-fold.py
 * derives from Python's unicodedata: the table is the generator's. */
static void test_fold_matches_generator(void **state)
{
    FILE *p = popen("python3 " RACI_SOURCE_DIR "/tools/gen-fold.py --list", "r");
    char line[64], version[32];
    unsigned from, to;
    uint32_t next = 0;
    size_t n = 0;
    (void)state;

    assert_non_null(p);
    assert_non_null(fgets(line, sizeof line, p));
    assert_int_equal(sscanf(line, "unicode %31s", version), 1);
    assert_string_equal(version, RACI_FOLD_UNICODE);
    while (fgets(line, sizeof line, p)) {
        assert_int_equal(sscanf(line, "%x %x", &from, &to), 2);
        assert_true(from >= next);
        /* Everything between two mappings folds to itself. */
        for (; next < from; next++)
            if (raci_fold_char(next) != next)
                fail_msg("U+%04X folds to U+%04X, the generator leaves it", (unsigned)next,
                         (unsigned)raci_fold_char(next));
        if (raci_fold_char(from) != to)
            fail_msg("U+%04X folds to U+%04X, the generator says U+%04X", from,
                     (unsigned)raci_fold_char(from), to);
        next = from + 1;
        n++;
    }
    for (; next < 0x110000; next++)
        assert_int_equal(raci_fold_char(next), next);
    assert_int_equal(pclose(p), 0);
    assert_true(n > 1400);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fold_pairs),
        cmocka_unit_test(test_fold_fixed_points),
        cmocka_unit_test(test_fold_all_code_points),
        cmocka_unit_test(test_fold_matches_generator),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
