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
    const char *bad[] = {"X",     "x",   "RR", "Accountable-ish", "A*1",
                         "RACIX", "yes", "A1", "\xc3\xa9"};
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

/* The letters of text and its note ("" for none), or "?" / "" for an
 * unknown or empty cell; checks the span lies inside text. */
static unsigned noted(const char *text, char *note, size_t size)
{
    struct raci_letters l;
    struct raci_letters_note n = {99, 99};
    raci_letters_status st = raci_letters_read(text, aliases, NALIASES, &l, &n);

    note[0] = '\0';
    if (st != RACI_LETTERS_OK) {
        assert_int_equal(n.len, 0);
        return st == RACI_LETTERS_EMPTY ? 0 : 0xff;
    }
    assert_true(n.off + n.len <= strlen(text));
    assert_true(n.len < size);
    memcpy(note, text + n.off, n.len);
    note[n.len] = '\0';
    return l.mask;
}

struct noted_case {
    const char *text;
    unsigned mask;
    const char *note;
};

static void check_noted(const struct noted_case *c, size_t n)
{
    char note[256];
    for (size_t i = 0; i < n; i++) {
        print_message("case '%s'\n", c[i].text);
        assert_int_equal(noted(c[i].text, note, sizeof note), c[i].mask);
        assert_string_equal(note, c[i].note);
    }
}

static void test_any_order(void **state)
{
    (void)state;
    static const struct noted_case c[] = {
        {"I, C", RACI_I | RACI_C, ""},
        {"RA", RACI_R | RACI_A, ""},
        {"CI", RACI_C | RACI_I, ""},
        {"IR", RACI_I | RACI_R, ""},
        {"ic", RACI_I | RACI_C, ""},
        {"Accountable", RACI_A, ""},
        {"Responsible/Accountable", RACI_R | RACI_A, ""},
        {"R and A", RACI_R | RACI_A, ""},
        {"Consulted, Informed", RACI_C | RACI_I, ""},
        {"I/R", RACI_I | RACI_R, ""},
        {"A, R, C, I", RACI_ALL, ""},
    };
    check_noted(c, sizeof c / sizeof c[0]);
}

static void test_markdown(void **state)
{
    (void)state;
    static const struct noted_case c[] = {
        {"**A**", RACI_A, ""},
        {"__R__", RACI_R, ""},
        {"*C*", RACI_C, ""},
        {"_I_", RACI_I, ""},
        {"`R`", RACI_R, ""},
        {"***A/R***", RACI_A | RACI_R, ""},
        {"**A**, *C*", RACI_A | RACI_C, ""},
        {"**R**/**A**", RACI_R | RACI_A, ""},
        {"[A](https://example.com/roles#a)", RACI_A, ""},
        {"[R](https://example.com/r), [C](https://example.com/c)", RACI_R | RACI_C, ""},
        {"**[A](https://example.com/a)**", RACI_A, ""},
        {"[A/R](https://example.com/x) - owns the page", RACI_A | RACI_R, "owns the page"},
    };
    check_noted(c, sizeof c / sizeof c[0]);
    /* A link still needs letters for its text, and brackets a target. */
    assert_int_equal(mask_of("[Owner](https://example.com)"), 0xff);
    assert_int_equal(mask_of("[A](https://example.com"), 0xff);
    /* A link's text is firm; without a target, brackets are a conditional
     * involvement. */
    struct raci_letters l;
    assert_int_equal(raci_letters_parse("[A](x)", aliases, NALIASES, &l), RACI_LETTERS_OK);
    assert_int_equal(l.conditional, 0);
    assert_int_equal(raci_letters_parse("[A] R", aliases, NALIASES, &l), RACI_LETTERS_OK);
    assert_int_equal(l.conditional, RACI_A);
}

static void test_footnotes(void **state)
{
    (void)state;
    static const struct noted_case c[] = {
        {"A*", RACI_A, ""},
        {"R**", RACI_R, ""},
        {"C\xc2\xb9", RACI_C, ""},                         /* C¹ */
        {"R\xc2\xb2, I\xe2\x81\xb4", RACI_R | RACI_I, ""}, /* R², I⁴ */
        {"R^1", RACI_R, ""},
        {"A^b", RACI_A, ""},
        {"A[1]", RACI_A, ""},
        {"R\xe2\x80\xa0", RACI_R, ""}, /* R† */
        {"A\xe2\x80\xa1", RACI_A, ""}, /* A‡ */
        {"A/R (1)", RACI_A | RACI_R, ""},
        {"C(12)", RACI_C, ""},
        {"A\xe2\x80\xa0 - see the footnote", RACI_A, "see the footnote"},
    };
    check_noted(c, sizeof c / sizeof c[0]);
    struct raci_letters l;
    /* A footnote is no letter: alone, it is unknown; and it is never conditional. */
    const char *bad[] = {"(1)", "[2]", "\xe2\x80\xa0", "^1", "A^", "A^^1", "A1", "A*1"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        print_message("case '%s'\n", bad[i]);
        assert_int_equal(raci_letters_parse(bad[i], aliases, NALIASES, &l), RACI_LETTERS_UNKNOWN);
    }
    assert_int_equal(raci_letters_parse("C[1]", aliases, NALIASES, &l), RACI_LETTERS_OK);
    assert_int_equal(l.conditional, 0);
}

static void test_notes(void **state)
{
    (void)state;
    static const struct noted_case c[] = {
        {"R, A (subscriber's infrastructure engineer)", RACI_R | RACI_A,
         "subscriber's infrastructure engineer"},
        {"C,I - when there is already an engagement with the customer", RACI_C | RACI_I,
         "when there is already an engagement with the customer"},
        {"DRI - CSM here is DRI until kick-off", RACI_A | RACI_R, "CSM here is DRI until kick-off"},
        {"C: only for large accounts", RACI_C, "only for large accounts"},
        {"R \xe2\x80\x93 only at launch", RACI_R, "only at launch"}, /* en dash */
        {"A; see section 3", RACI_A, "see section 3"},
        {"I \xe2\x80\x94 by email", RACI_I, "by email"}, /* em dash */
        {"A -- once a year", RACI_A, "once a year"},
        {"A (see note)", RACI_A, "see note"},
        {"  R/A :  weekly  ", RACI_R | RACI_A, "weekly"},
        {"**A** (final say)", RACI_A, "final say"},
        {"**A - only at launch**", RACI_A, "only at launch"},
        {"A - see *this*", RACI_A, "see *this*"},
        {"(C) - only when asked", RACI_C, "only when asked"},
        {"Responsible: the on-call engineer", RACI_R, "the on-call engineer"},
        {"Sign-off - the board", RACI_A, "the board"},
        /* The longest start that reads as letters: */
        {"A; R - only at launch", RACI_A | RACI_R, "only at launch"},
        {"A - see note: X", RACI_A, "see note: X"},
        {"C: only for large accounts; see the list", RACI_C,
         "only for large accounts; see the list"},
        /* A note with brackets of its own keeps them. */
        {"I (by email) and more", RACI_I, "by email) and more"},
        /* Read whole first: no note comes from letters. */
        {"A;R", RACI_A | RACI_R, ""},
        {"R (C)", RACI_R | RACI_C, ""},
    };
    check_noted(c, sizeof c / sizeof c[0]);
    /* raci_letters_parse reads the letters of a noted cell too. */
    assert_int_equal(mask_of("C,I - when there is already an engagement"), RACI_C | RACI_I);
}

static void test_prose(void **state)
{
    struct raci_letters l;
    struct raci_letters_note n;
    (void)state;
    /* Prose that starts with a letter or a word stays unknown: a note needs
     * a separator after letters. */
    const char *prose[] = {"Define your requirements",
                           "Owns the budget",
                           "A team decision",
                           "I think so",
                           "Responsible for hiring",
                           "Accountable-ish",
                           "Informed by the weekly report",
                           "Approves",
                           "Execute",
                           "x",
                           "X - sometimes",
                           "R-only at launch",
                           "A -",
                           "A:",
                           "A ()",
                           "- the team decides (see section 2)",
                           ": A",
                           "Responsible party - the vendor"};
    for (size_t i = 0; i < sizeof prose / sizeof prose[0]; i++) {
        print_message("case '%s'\n", prose[i]);
        raci_letters_status st = raci_letters_read(prose[i], aliases, NALIASES, &l, &n);
        assert_int_equal(st, RACI_LETTERS_UNKNOWN);
        assert_int_equal(l.mask, 0);
        assert_int_equal(n.len, 0);
    }
}

static void test_not_involved(void **state)
{
    struct raci_letters l;
    (void)state;
    const char *marks[] = {"-",    "\xe2\x80\x93", "\xe2\x80\x94", "N/A",   "n/a",   "NA",   "none",
                           "None", "\xc2\xb7",     "--",           "**-**", "  -  ", "n.a.", ".",
                           "`-`",  "N/A (1)",      "*N/A*"};
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++) {
        print_message("case '%s'\n", marks[i]);
        assert_int_equal(raci_letters_parse(marks[i], aliases, NALIASES, &l), RACI_LETTERS_EMPTY);
    }
    /* A mark with a note is still no involvement. */
    assert_int_equal(raci_letters_parse("N/A - not in scope", aliases, NALIASES, &l),
                     RACI_LETTERS_EMPTY);
    assert_int_equal(raci_letters_parse("- (the vendor does it)", aliases, NALIASES, &l),
                     RACI_LETTERS_EMPTY);
    /* An alias wins over a mark of the same spelling. */
    static const struct raci_letter_alias na[] = {{"NA", RACI_A}};
    assert_int_equal(raci_letters_parse("NA", na, 1, &l), RACI_LETTERS_OK);
    assert_int_equal(l.mask, RACI_A);
}

static void test_dci(void **state)
{
    struct raci_letters l;
    struct raci_letters_note n;
    static const struct raci_letter_alias dci[] = {{"DRI", RACI_A | RACI_R},
                                                   {"D", RACI_A | RACI_R}};
    (void)state;
    /* D is no letter unless the ruleset says so. */
    assert_int_equal(raci_letters_parse("D", aliases, NALIASES, &l), RACI_LETTERS_UNKNOWN);
    assert_int_equal(raci_letters_parse("D", dci, 2, &l), RACI_LETTERS_OK);
    assert_int_equal(l.mask, RACI_A | RACI_R);
    assert_int_equal(raci_letters_parse("D, I", dci, 2, &l), RACI_LETTERS_OK);
    assert_int_equal(l.mask, RACI_A | RACI_R | RACI_I);
    assert_int_equal(raci_letters_read("**D** (until launch)", dci, 2, &l, &n), RACI_LETTERS_OK);
    assert_int_equal(l.mask, RACI_A | RACI_R);
    assert_int_equal(n.len, strlen("until launch"));
    assert_int_equal(raci_letters_parse("dri", dci, 2, &l), RACI_LETTERS_OK);
}

/* A long cell costs what a short one does: the letters before a note are
 * looked for in its first 256 bytes only. */
static void test_long_cells(void **state)
{
    static char big[200001];
    struct raci_letters l;
    struct raci_letters_note n;
    (void)state;
    /* Many separators after letters, then words that fail: each start
     * ending at a separator would be read again, a quadratic cost without
     * the bound. The letters end at the last separator within it. */
    for (size_t i = 0; i + 4 < sizeof big; i += 4)
        memcpy(big + i, i < 400 ? "A;A " : "x;; ", 4);
    big[sizeof big - 1] = '\0';
    assert_int_equal(raci_letters_read(big, aliases, NALIASES, &l, &n), RACI_LETTERS_OK);
    assert_int_equal(l.mask, RACI_A);
    assert_int_equal(n.off, 254);
    big[0] = 'x';
    assert_int_equal(raci_letters_read(big, aliases, NALIASES, &l, &n), RACI_LETTERS_UNKNOWN);
    /* Letters and a long note. */
    memset(big, 'y', sizeof big - 1);
    memcpy(big, "R - ", 4);
    assert_int_equal(raci_letters_read(big, aliases, NALIASES, &l, &n), RACI_LETTERS_OK);
    assert_int_equal(l.mask, RACI_R);
    assert_int_equal(n.off, 4);
    assert_int_equal(n.len, sizeof big - 1 - 4);
    /* Letters longer than 256 bytes before a note are not looked for. */
    memset(big, ' ', 300);
    memcpy(big + 296, "A - x", 5);
    big[301] = '\0';
    assert_int_equal(raci_letters_read(big, aliases, NALIASES, &l, &n), RACI_LETTERS_OK);
    memset(big, 'A', 300);
    for (size_t i = 1; i < 300; i += 2)
        big[i] = '/';
    memcpy(big + 299, " - x", 5);
    assert_int_equal(raci_letters_read(big, aliases, NALIASES, &l, &n), RACI_LETTERS_UNKNOWN);
}

/* Cells as published RACI tables write them (quoted in issue 9, and in the
 * real tables of tests/rosters/ and tests/cli/data/). */
static void test_published(void **state)
{
    (void)state;
    static const struct noted_case c[] = {
        {"R, A (subscriber's infrastructure engineer)", RACI_R | RACI_A,
         "subscriber's infrastructure engineer"},
        {"C,I - when there is already an engagement ...", RACI_C | RACI_I,
         "when there is already an engagement ..."},
        {"DRI - CSM here is DRI until kick-off ...", RACI_A | RACI_R,
         "CSM here is DRI until kick-off ..."},
        {"C,I - only for large accounts", RACI_C | RACI_I, "only for large accounts"},
        {"**A**", RACI_A, ""},
        {"**R**", RACI_R, ""},
        {"A/R", RACI_A | RACI_R, ""},
        {"RA", RACI_R | RACI_A, ""},
        {"I, C", RACI_I | RACI_C, ""},
        {"Accountable", RACI_A, ""},
        {"n/a", 0, ""},
        {"\xe2\x80\x93", 0, ""},
        {"Define your requirements", 0xff, ""},
        /* algosup/2023-2024-project-3-virtual-processor-team-7 and -team-8,
         * RACI_Matrix.md and racii.md: */
        {"A / R", RACI_A | RACI_R, ""},
        {"C / I", RACI_C | RACI_I, ""},
        {"I/C", RACI_I | RACI_C, ""},
        {"A/C", RACI_A | RACI_C, ""},
        /* RyKaj/Documentation, Agile/AgileRACIMatrix.md: */
        {"N/A", 0, ""},
        {"OWNs/Execute", 0xff, ""},
        /* gdsec-test/security-detections-framework, documentation/DACI.md: */
        {"D", 0xff, ""},
    };
    check_noted(c, sizeof c / sizeof c[0]);
    /* Their words, once a ruleset maps them. */
    static const struct raci_letter_alias tribe[] = {
        {"Owns", RACI_A}, {"Execute", RACI_R}, {"Helps", RACI_C}, {"D", RACI_R}};
    struct raci_letters l;
    assert_int_equal(raci_letters_parse("OWNs/Execute", tribe, 4, &l), RACI_LETTERS_OK);
    assert_int_equal(l.mask, RACI_A | RACI_R);
    assert_int_equal(raci_letters_parse("OWNs/Helps", tribe, 4, &l), RACI_LETTERS_OK);
    assert_int_equal(l.mask, RACI_A | RACI_C);
    assert_int_equal(raci_letters_parse(" D ", tribe, 4, &l), RACI_LETTERS_OK);
    assert_int_equal(l.mask, RACI_R);
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
        cmocka_unit_test(test_spec_and_format), cmocka_unit_test(test_any_order),
        cmocka_unit_test(test_markdown),        cmocka_unit_test(test_footnotes),
        cmocka_unit_test(test_notes),           cmocka_unit_test(test_prose),
        cmocka_unit_test(test_not_involved),    cmocka_unit_test(test_dci),
        cmocka_unit_test(test_published),       cmocka_unit_test(test_long_cells),
    };
    return cmocka_run_group_tests_name("letters", tests, NULL, NULL);
}
