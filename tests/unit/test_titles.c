/*
 * test_titles.c - job titles to roles: seniority words, titles of two roles,
 * bracketed notes, plurals, the word "and", ambiguous abbreviations, the
 * most-words rule, titles in other scripts, long titles, titles that name
 * no role; and which title patterns could ever match.
 *
 * Run from the repository root (as `make check-unit` does), or build with
 * -DRACI_SOURCE_DIR='"/path/to/repo"'.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "raci/ruleset.h"
#include "raci/ruleset_load.h"
#include "raci/str.h"
#include "raci/titles.h"

#define DEFAULT_YAML RACI_SOURCE_DIR "/rules/default.yaml"

struct title_case {
    const char *title;
    const char *roles; /* space-separated role ids; "" for none */
};

static void load_file_ok(struct raci_ruleset *rs, const char *path)
{
    struct raci_diag d = {0};
    raci_error err = raci_ruleset_load(rs, path, &d);
    if (err != RACI_OK)
        fail_msg("%s:%u:%u: %s", path, d.line, d.col, d.message ? d.message : "?");
    raci_diag_release(&d);
}

static void load_text_ok(struct raci_ruleset *rs, const char *yaml)
{
    struct raci_diag d = {0};
    raci_error err = raci_ruleset_load_mem(rs, yaml, strlen(yaml), "titles.yaml", &d);
    if (err != RACI_OK)
        fail_msg("titles.yaml:%u:%u: %s", d.line, d.col, d.message ? d.message : "?");
    raci_diag_release(&d);
}

/* Mask of the roles named by a space-separated list of ids ("po pm"). */
static uint64_t roles_mask(const struct raci_ruleset *rs, const char *ids)
{
    char buf[128], *save = NULL;
    uint64_t m = 0;

    snprintf(buf, sizeof buf, "%s", ids);
    for (char *t = strtok_r(buf, " ", &save); t; t = strtok_r(NULL, " ", &save)) {
        int r = raci_ruleset_role(rs, t);
        if (r < 0)
            fail_msg("no role '%s'", t);
        m |= UINT64_C(1) << r;
    }
    return m;
}

static void expect_titles(const struct raci_ruleset *rs, const struct title_case *cases, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        uint64_t got = raci_titles_match(rs, cases[i].title);
        uint64_t want = roles_mask(rs, cases[i].roles);
        if (got != want)
            fail_msg("title '%s': got mask %#llx, want %#llx (%s)", cases[i].title,
                     (unsigned long long)got, (unsigned long long)want, cases[i].roles);
    }
}

#define EXPECT_TITLES(rs, cases) expect_titles(rs, cases, sizeof(cases) / sizeof((cases)[0]))

/* ------------------------------------------------- the default ruleset -- */

static void test_patterns(void **state)
{
    static const struct title_case cases[] = {
        {"PO", "po"},
        {"**Product Owner**", "po"},
        {"Group Product Manager", "pm"},
        {"Associate Product Manager", "pm"},
        {"Senior Product Lead", "pm"},
        {"Director of Product", "director"},
        {"VP Engineering", "director"},
        {"Engineering Manager", "em"},
        {"Interim Engineering Manager, Delivery", "em"},
        {"Technical Program Manager", "tpm"},
        {"Frontend Engineer", "dev"},
        {"Front-End Engineer", "dev"},
        {"Scrum Master", "sm"},
    };
    struct raci_ruleset rs = {0};
    (void)state;

    load_file_ok(&rs, DEFAULT_YAML);
    EXPECT_TITLES(&rs, cases);
    raci_ruleset_release(&rs);
}

static void test_seniority_words(void **state)
{
    static const struct title_case cases[] = {
        {"Product Owner", "po"},
        {"product owner", "po"},
        {"PRODUCT   OWNER", "po"},
        {"Sr. Product Owner", "po"},
        {"Senior Product Owner", "po"},
        {"Lead Product Owner", "po"},
        {"Product Owner III", "po"},
        {"Staff Software Engineer", "dev"},
        {"Software Engineer II", "dev"},
        {"Principal Senior Software Engineer", "dev"},
        {"Interim Engineering Manager", "em"},
        {"Acting Engineering Manager", "em"},
        /* A seniority word after a comma is a part of its own, naming nothing. */
        {"Product Owner, Senior", "po"},
        /* Patterns are whole: seniority words may be deleted, never other ones. */
        {"Chief Product Owner", "po"}, /* a pattern of its own */
        {"Product Owner Manager", ""},
        {"Owner Product", ""},
        {"Senior", ""},
        {"Lead", ""},
        {"Sr. Sr.", ""},
    };
    struct raci_ruleset rs = {0};
    (void)state;

    load_file_ok(&rs, DEFAULT_YAML);
    EXPECT_TITLES(&rs, cases);
    raci_ruleset_release(&rs);
}

static void test_two_roles(void **state)
{
    static const struct title_case cases[] = {
        {"Product Owner / Product Manager", "po pm"},
        {"Product Owner/Product Manager", "po pm"},
        {"Product Owner & Scrum Master", "po sm"},
        {"Product Owner + Tech Lead", "po tl"},
        {"Product Owner; Developer", "po dev"},
        {"Product Owner|Developer", "po dev"},
        {"Product Owner, Developer", "po dev"},
        {"Senior Product Owner / Lead Developer", "po tl"},
        /* Two parts naming the same role are that role once. */
        {"Developer / Software Engineer", "dev"},
        /* A part that names nothing leaves the others. */
        {"Product Owner / Astronaut", "po"},
        {"Head of Product & Engineering", "director"},
    };
    struct raci_ruleset rs = {0};
    (void)state;

    load_file_ok(&rs, DEFAULT_YAML);
    EXPECT_TITLES(&rs, cases);
    raci_ruleset_release(&rs);
}

static void test_bracketed_notes(void **state)
{
    static const struct title_case cases[] = {
        {"Product Owner (interim)", "po"},
        {"Agile Coach [contractor]", "sm"},
        {"Developer {on loan}", "dev"},
        {"Product (acting) Owner", "po"},
        {"Developer (on loan [from team b])", "dev"},
        {"Developer (until (at least) June)", "dev"},
        /* The whole title a note: nothing is left to match. */
        {"(Product Owner)", ""},
        {"[Scrum Master]", ""},
        /* A note left open runs to the end of the title. */
        {"Developer (interim", "dev"},
        {"(interim Developer", ""},
        /* A closing bracket with no opening one is punctuation. */
        {"Developer)", "dev"},
        /* Separators inside a note split nothing. */
        {"Product Owner (Atlas / Insights)", "po"},
    };
    struct raci_ruleset rs = {0};
    (void)state;

    load_file_ok(&rs, DEFAULT_YAML);
    EXPECT_TITLES(&rs, cases);
    raci_ruleset_release(&rs);
}

static void test_plurals(void **state)
{
    static const struct title_case cases[] = {
        {"Developers", "dev"},
        {"Product Owners", "po"},
        {"Scrum Masters", "sm"},
        {"Senior Software Engineers", "dev"},
        {"Tech Leads", "tl"},
        {"Product Owners / Product Managers", "po pm"},
        /* Only a final 's' is tried, once. */
        {"Developerss", ""},
        {"Product Owners Managers", ""},
        {"s", ""},
    };
    struct raci_ruleset rs = {0};
    (void)state;

    load_file_ok(&rs, DEFAULT_YAML);
    EXPECT_TITLES(&rs, cases);
    raci_ruleset_release(&rs);
}

static void test_and(void **state)
{
    static const struct title_case cases[] = {
        {"Product Owner and Product Manager", "po pm"},
        {"Product Owner AND Scrum Master", "po sm"},
        {"Director of Product and Engineering", "director"},
        {"Product Owner and", "po"},
        {"and Product Owner", "po"},
        {"Product Owner and and Developer", "po dev"},
        {"and", ""},
        {"and and", ""},
    };
    struct raci_ruleset rs = {0};
    (void)state;

    load_file_ok(&rs, DEFAULT_YAML);
    EXPECT_TITLES(&rs, cases);
    raci_ruleset_release(&rs);
}

static void test_ambiguous_abbreviations(void **state)
{
    /* "PM" may be a product, project or program manager and "TPM" a
     * technical product or program manager: the default names neither. */
    static const struct title_case defaults[] = {
        {"PM", ""},   {"Senior PM", ""}, {"TPM", ""},
        {"PO", "po"}, {"SWE", "dev"},    {"CPO", "director"},
    };
    /* A team whose "PM" is always its product manager says so. */
    static const struct title_case team[] = {
        {"PM", "pm"}, {"Senior PM", "pm"}, {"PMs", "pm"}, {"PO / PM", "po pm"}, {"TPM", ""},
    };
    struct raci_ruleset rs = {0};
    (void)state;

    load_file_ok(&rs, DEFAULT_YAML);
    EXPECT_TITLES(&rs, defaults);
    raci_ruleset_release(&rs);
    load_text_ok(&rs, "extends: default\nroles:\n  pm: {titles: [pm]}\n");
    EXPECT_TITLES(&rs, team);
    raci_ruleset_release(&rs);
}

static void test_most_words_win(void **state)
{
    static const struct title_case cases[] = {
        /* "lead" is a seniority word, and "lead developer" a Tech Lead's
         * pattern: deleting fewer words wins. */
        {"Lead Developer", "tl"},
        {"Senior Lead Developer", "tl"},
        {"Lead Senior Developer", "tl"}, /* deleted from the middle too */
        {"Developer Lead", "dev"},       /* "lead developer" is not reached */
        {"Senior Tech Lead", "tl"},
        {"Team Lead", "tl"},
        {"Senior Lead Software Engineer", "tl"},
        /* An exact pattern wins over any reached by deleting words. */
        {"Technical Product Owner", "po"},
        {"Technical Product Manager", "pm"},
    };
    struct raci_ruleset rs = {0};
    (void)state;

    load_file_ok(&rs, DEFAULT_YAML);
    EXPECT_TITLES(&rs, cases);
    raci_ruleset_release(&rs);
}

static void test_nothing(void **state)
{
    static const struct title_case cases[] = {
        {"", ""},
        {" / , ", ""},
        {"***", ""},
        {"Project Manager", ""},
        {"Product", ""},
        {"Owner", ""},
        {"Astronaut", ""},
        {"Product Ownership", ""},
        {"Developer Advocate", ""},
    };
    struct raci_ruleset rs = {0};
    (void)state;

    load_file_ok(&rs, DEFAULT_YAML);
    EXPECT_TITLES(&rs, cases);
    assert_int_equal(raci_titles_match(&rs, NULL), 0);
    assert_int_equal(raci_titles_match(NULL, "Product Owner"), 0);
    raci_ruleset_release(&rs);

    /* A ruleset without roles names no one. */
    load_text_ok(&rs, "version: 1\n");
    assert_int_equal(raci_titles_match(&rs, "Product Owner"), 0);
    raci_ruleset_release(&rs);
}

/* --------------------------------------------------- other rulesets -- */

static void test_other_scripts(void **state)
{
    static const struct title_case cases[] = {
        {"владелец продукта", "po"},
        {"старший владелец продукта", "po"},
        {"プロダクトオーナー", "po"},
        {"シニア プロダクトオーナー", "po"},
        {"開発者", "dev"},
        {"開発者 / プロダクトオーナー", "dev po"},
        {"Entwickler:in", "dev"},
        {"Développeur", "dev"},
        {"Développeurs", "dev"},
        {"**Développeur**", "dev"},
        /* Case is folded in every script, as in ASCII. */
        {"Владелец продукта", "po"},
        {"ВЛАДЕЛЕЦ ПРОДУКТА", "po"},
        {"ＤＥＶＥＬＯＰＰＥＵＲ", ""}, /* full width is not ASCII */
        {"DÉVELOPPEUR", "dev"},
        {"Developpeur", ""},
    };
    struct raci_ruleset rs = {0};
    (void)state;

    load_text_ok(&rs, "roles:\n"
                      "  po: {titles: [владелец продукта, プロダクトオーナー]}\n"
                      "  dev: {titles: [開発者, entwickler in, développeur]}\n"
                      "seniority: [старший, シニア]\n");
    EXPECT_TITLES(&rs, cases);
    raci_ruleset_release(&rs);
}

static void test_and_inside_words(void **state)
{
    /* Only the word "and" splits: "brand", "android" and "Anders" stay. */
    static const struct title_case cases[] = {
        {"Brand Manager", "brand"},
        {"Android Developer", "android"},
        {"Anders", ""},
        {"Brand Manager and Android Developer", "brand android"},
    };
    struct raci_ruleset rs = {0};
    (void)state;

    load_text_ok(&rs, "roles:\n"
                      "  brand: {titles: [brand manager]}\n"
                      "  android: {titles: [android developer]}\n");
    EXPECT_TITLES(&rs, cases);
    raci_ruleset_release(&rs);
}

static void test_many_words(void **state)
{
    struct raci_ruleset rs = {0};
    char title[4096];
    size_t n = 0;
    (void)state;

    load_text_ok(&rs, "roles:\n  po: {titles: [product owner]}\n"
                      "seniority: [senior]\n");
    /* 30 seniority words and the pattern's 2: 32 words, matched by
     * deleting them. */
    for (int i = 0; i < 30; i++)
        n += (size_t)snprintf(title + n, sizeof title - n, "senior ");
    snprintf(title + n, sizeof title - n, "product owner");
    assert_int_equal(raci_titles_match(&rs, title), roles_mask(&rs, "po"));
    /* One more word is more than a title is matched word by word. */
    memmove(title + 7, title, strlen(title) + 1);
    memcpy(title, "senior ", 7);
    assert_int_equal(raci_titles_match(&rs, title), 0);
    /* Long titles of many words match nothing, and take no time. */
    n = 0;
    while (n + 16 < sizeof title)
        n += (size_t)snprintf(title + n, sizeof title - n, "product owner ");
    assert_int_equal(raci_titles_match(&rs, title), 0);
    raci_ruleset_release(&rs);

    /* A pattern of many words is matched as it is. */
    load_text_ok(&rs, "roles:\n  x: {titles: [a b c d e f g h i j k l m n o p q r s t u v w x y z "
                      "aa bb cc dd ee ff gg hh]}\n"
                      "seniority: [senior]\n");
    assert_int_equal(raci_titles_match(&rs, "A B C D E F G H I J K L M N O P Q R S T U V W X Y Z "
                                            "AA BB CC DD EE FF GG HH"),
                     roles_mask(&rs, "x"));
    assert_int_equal(raci_titles_match(&rs, "senior a b c d e f g h i j k l m n o p q r s t u v w "
                                            "x y z aa bb cc dd ee ff gg hh"),
                     0);
    raci_ruleset_release(&rs);
}

/* ------------------------------------------------------- patterns -- */

/* A title is read along every way of dropping seniority words that still
 * begins a pattern, at most 256 at once: 2^9 patterns made of nine
 * seniority words in every combination are more, and a title that needs
 * them is matched only as it is. With eight there are few enough. */
static void test_too_many_readings(void **state)
{
    struct raci_str y = RACI_STR_INIT;
    struct raci_ruleset rs = {0};
    (void)state;

    for (int words = 8; words <= 9; words++) {
        raci_str_reset(&y);
        raci_str_add(&y,
                     "seniority: [s0, s1, s2, s3, s4, s5, s6, s7, s8]\nroles:\n  x: {titles: [");
        for (unsigned m = 0; m < (1u << words); m++) {
            raci_str_add(&y, m ? ", \"" : "\"");
            for (int i = 0; i < words; i++)
                if (m & (1u << i))
                    raci_str_addf(&y, "s%d ", i);
            raci_str_add(&y, "lead\"");
        }
        raci_str_add(&y, "]}\n");
        assert_false(y.failed);
        load_text_ok(&rs, raci_str_cstr(&y));
        /* "s0 ... s8 lead" with one more seniority word: not a pattern as it
         * is, but every pattern is a way of dropping words. */
        assert_int_equal(raci_titles_match(&rs, words == 8 ? "s0 s1 s2 s3 s4 s5 s6 s7 s8 lead"
                                                           : "s8 s0 s1 s2 s3 s4 s5 s6 s7 s8 lead"),
                         words == 8 ? roles_mask(&rs, "x") : 0);
        raci_ruleset_release(&rs);
    }
    raci_str_release(&y);
}

static void test_can_match(void **state)
{
    static const struct {
        const char *pattern, *key;
        int ok;
    } cases[] = {
        {"product owner", "product owner", 1},
        {"Product-Owner", "product owner", 1},
        {"brand manager", "brand manager", 1},
        {"andrew", "andrew", 1},
        {"sand", "sand", 1},
        {"", "", 0},
        {"***", "", 0},
        {"R&D manager", "r d manager", 0},
        {"dev/ops", "dev ops", 0},
        {"a, b", "a b", 0},
        {"a;b", "a b", 0},
        {"a+b", "a b", 0},
        {"a|b", "a b", 0},
        {"head (acting)", "head acting", 0},
        {"head [x]", "head x", 0},
        {"head {x}", "head x", 0},
        {"head)", "head", 0},
        {"sales and marketing", "sales and marketing", 0},
        {"and", "and", 0},
        {"and more", "and more", 0},
        {"more and", "more and", 0},
    };
    (void)state;

    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        if (raci_titles_can_match(cases[i].pattern, cases[i].key) != cases[i].ok)
            fail_msg("pattern '%s': want %s", cases[i].pattern,
                     cases[i].ok ? "usable" : "never matching");
}

int main(void)
{
    /* `extends: default` finds the source tree's rules from any directory. */
    setenv("RACI_RULES_DIR", RACI_SOURCE_DIR "/rules", 1);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_patterns),
        cmocka_unit_test(test_seniority_words),
        cmocka_unit_test(test_two_roles),
        cmocka_unit_test(test_bracketed_notes),
        cmocka_unit_test(test_plurals),
        cmocka_unit_test(test_and),
        cmocka_unit_test(test_ambiguous_abbreviations),
        cmocka_unit_test(test_most_words_win),
        cmocka_unit_test(test_nothing),
        cmocka_unit_test(test_other_scripts),
        cmocka_unit_test(test_and_inside_words),
        cmocka_unit_test(test_many_words),
        cmocka_unit_test(test_too_many_readings),
        cmocka_unit_test(test_can_match),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
