/*
 * test_report_hostile.c - roster text that tries to get out of a report:
 * a name with a line break that forges a finding's line, terminal escape
 * sequences, C1 controls and bidirectional overrides, @mentions for a
 * pull-request comment; and the limits real clients put on what they take.
 *
 * The findings are made by hand (not read from a CSV), so that whatever the
 * reader lets through, the writers are tested on every byte.
 */
#include "testutil.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "raci/format.h"
#include "raci/report.h"
#include "raci/str.h"
#include "raci/report_markdown.h"
#include "raci/report_text.h"

/* A name that forges a finding of its own, one that retitles the terminal
 * and one that clears it; a C1 CSI (U+009B), DEL, a right-to-left override
 * (U+202E) and a line separator (U+2028); a byte that is no UTF-8. */
#define FORGED "Ana\nteam.csv:1:1: error: forged [x]"
#define TITLE  "\033]0;title\a"
#define CLEAR  "\033[2J"
#define OTHERS                                                                                     \
    "\xc2\x9b"                                                                                     \
    "31m \x7f \xe2\x80\xae \xe2\x80\xa8 \xff"

struct hostile {
    struct raci_findings fs;
    struct raci_selection view;
    struct raci_report r;
};

static void hostile_init(struct hostile *h, const char *file)
{
    struct raci_loc loc = {file, 3, 7, NULL};

    memset(h, 0, sizeof(*h));
    assert_non_null(raci_findings_add(&h->fs, "multiple-po", RACI_SEV_ERROR, loc, RACI_NONE,
                                      RACI_NONE, RACI_NONE, "product:atlas",
                                      "product 'Atlas' has 2 Product Owners: %s (line 2), %s%s",
                                      FORGED, TITLE, CLEAR));
    loc.line = 4;
    assert_non_null(raci_findings_add(&h->fs, "idle-person", RACI_SEV_INFO, loc, RACI_NONE,
                                      RACI_NONE, RACI_NONE, "person:x", "%s %s", OTHERS,
                                      "tab\there, cr\rthere"));
    assert_int_equal(raci_selection_reported(&h->view, &h->fs), RACI_OK);
    h->r.findings = &h->view;
    h->r.fail_on = RACI_SEV_ERROR;
}

static void hostile_release(struct hostile *h)
{
    raci_selection_release(&h->view);
    raci_findings_release(&h->fs);
}

static char *render(const struct raci_report *r, const char *format)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);

    assert_non_null(f);
    assert_int_equal(raci_format_write(raci_format_find(format), f, r), RACI_OK);
    assert_int_equal(fclose(f), 0);
    return buf;
}

/* No byte below 0x20 but the line feeds that end lines, no DEL, and none
 * of the multi-byte controls. */
static void assert_no_controls(const char *text)
{
    for (const unsigned char *p = (const unsigned char *)text; *p; p++)
        if ((*p < 0x20 && *p != '\n') || *p == 0x7f)
            fail_msg("control byte 0x%02x at offset %td", *p, (const char *)p - text);
    assert_null(strstr(text, "\xc2\x9b"));
    assert_null(strstr(text, "\xe2\x80\xae"));
    assert_null(strstr(text, "\xe2\x80\xa8"));
    assert_null(strstr(text, "\xff"));
}

static size_t count_lines(const char *text)
{
    size_t n = 0;
    for (; *text; text++)
        n += *text == '\n';
    return n;
}

static void test_escape(void **state)
{
    char esc[RACI_STR_ESCAPE_SIZE];
    (void)state;

    assert_int_equal(raci_str_escape("\nx", esc), 1);
    assert_string_equal(esc, "\\n");
    assert_int_equal(raci_str_escape("\033[", esc), 1);
    assert_string_equal(esc, "\\x1b");
    assert_int_equal(raci_str_escape("\x7f", esc), 1);
    assert_string_equal(esc, "\\x7f");
    assert_int_equal(raci_str_escape("\xc2\x85", esc), 2);
    assert_string_equal(esc, "\\u0085");
    assert_int_equal(raci_str_escape("\xe2\x81\xa6", esc), 3); /* U+2066 */
    assert_string_equal(esc, "\\u2066");
    assert_int_equal(raci_str_escape("\xc3", esc), 1); /* cut short */
    assert_string_equal(esc, "\\xc3");
    /* What may be shown as it is: its length, and no escape. */
    assert_int_equal(raci_str_escape("ab", esc), 1);
    assert_string_equal(esc, "");
    assert_int_equal(raci_str_escape("\\", esc), 1);
    assert_string_equal(esc, "");
    assert_int_equal(raci_str_escape("\xc3\xa9", esc), 2); /* é */
    assert_string_equal(esc, "");
    assert_int_equal(raci_str_escape("\xf0\x9f\x98\x80", esc), 4); /* an emoji */
    assert_string_equal(esc, "");
    assert_int_equal(raci_str_escape("\xe2\x80\x8b", esc), 3); /* U+200B */
    assert_string_equal(esc, "");
}

/* The text format: each finding one line, whatever its names hold; the
 * controls shown as escapes a person can read. */
static void test_text(void **state)
{
    struct hostile h;
    struct raci_baseline_diff d = {0};
    struct raci_baseline_entry gone = {(char *)"idle-person", (char *)"person:\033[2J", 1};
    char *text;
    (void)state;

    hostile_init(&h, "dir/\033]0;x\a.csv");
    d.file = (char *)"base\n.json";
    d.absent = &gone;
    d.nabsent = 1;
    h.r.baseline = &d;
    text = render(&h.r, "text");
    assert_no_controls(text);
    /* Two findings, the count and the baseline: four lines, and no line of
     * its own for the forged finding. */
    assert_int_equal(count_lines(text), 4);
    assert_null(strstr(text, "\nteam.csv:1:1"));
    assert_non_null(strstr(text, "dir/\\x1b]0;x\\x07.csv:3:7: error: product 'Atlas' has 2 "
                                 "Product Owners: Ana\\nteam.csv:1:1: error: forged [x] (line "
                                 "2), \\x1b]0;title\\x07\\x1b[2J [multiple-po]\n"));
    assert_non_null(strstr(text, "\\u009b31m \\x7f \\u202e \\u2028 \\xff tab\\there, cr\\rthere"));
    assert_non_null(strstr(text, "baseline 'base\\n.json'"));
    assert_non_null(strstr(text, "idle-person person:\\x1b[2J"));
    free(text);

    /* In colour, the escapes raci writes itself are the only ones. */
    h.r.color = 1;
    h.r.baseline = NULL;
    text = render(&h.r, "text");
    assert_null(strstr(text, "\033]"));
    assert_null(strstr(text, "\033[2J"));
    free(text);
    hostile_release(&h);
}

static void test_markdown(void **state)
{
    struct hostile h;
    struct raci_findings mention = {0};
    struct raci_selection view = {0};
    struct raci_loc loc = {"team.csv", 2, 1, NULL};
    char *text;
    (void)state;

    hostile_init(&h, "dir/\033[2J.csv");
    text = render(&h.r, "markdown");
    assert_no_controls(text);
    assert_non_null(strstr(text, "Ana<br>team.csv:1:1: error: forged \\[x\\]"));
    assert_non_null(strstr(text, "\\\\x1b\\]0;title\\\\x07\\\\x1b\\[2J"));
    assert_non_null(strstr(text, "\\\\u009b31m"));
    free(text);
    hostile_release(&h);

    /* A mention would notify a team when the report is posted as a
     * comment: every '@' is followed by a zero-width space (as an entity,
     * visible in the source); an '&' cannot make an entity of its own. */
    assert_non_null(raci_findings_add(&mention, "idle-person", RACI_SEV_INFO, loc, RACI_NONE,
                                      RACI_NONE, RACI_NONE, "person:@org/team",
                                      "@org/team and ana@example.com and &#64;all and @ "
                                      "Анна 王 小明 Zoë 🦄"));
    assert_int_equal(raci_selection_reported(&view, &mention), RACI_OK);
    memset(&h.r, 0, sizeof h.r);
    h.r.findings = &view;
    text = render(&h.r, "markdown");
    assert_non_null(strstr(text, "@&#8203;org/team and ana@&#8203;example.com and \\&\\#64;all "
                                 "and @&#8203; Анна 王 小明 Zoë 🦄 |"));
    for (const char *p = strchr(text, '@'); p; p = strchr(p + 1, '@'))
        assert_memory_equal(p, "@&#8203;", 8);
    free(text);
    raci_selection_release(&view);
    raci_findings_release(&mention);
}

/* ------------------------------------------------------------ limits -- */

static json_t *parse(const char *text)
{
    json_error_t err;
    json_t *doc = json_loads(text, 0, &err);
    if (!doc)
        fail_msg("not JSON: %s at %d:%d", err.text, err.line, err.column);
    return doc;
}

/* SARIF keeps to GitHub's limits: at most 25,000 results, the most severe
 * first (here five errors after 25,010 warnings: all five are kept), at
 * most 1,000 related locations a result; and it says what it left out. */
static void test_sarif_limits(void **state)
{
    struct raci_findings fs = {0};
    struct raci_selection view = {0};
    struct raci_report r = {0};
    struct raci_loc loc = {"team.csv", 1, 1, NULL};
    struct raci_finding *big;
    json_t *doc, *run, *results, *note;
    size_t i, errors = 0;
    char *text;
    (void)state;

    for (i = 0; i < 25010; i++) {
        loc.line = (uint32_t)i + 2;
        assert_non_null(raci_findings_add(&fs, "missing-responsible", RACI_SEV_WARNING, loc,
                                          RACI_NONE, RACI_NONE, RACI_NONE, "t", "w %zu", i));
    }
    for (i = 0; i < 5; i++) {
        loc.line = 30000 + (uint32_t)i;
        assert_non_null(big = raci_findings_add(&fs, "single-accountable", RACI_SEV_ERROR, loc,
                                                RACI_NONE, RACI_NONE, RACI_NONE, "e", "e %zu", i));
    }
    for (i = 0; i < 1500; i++) {
        struct raci_loc other = {"team.csv", 40000 + (uint32_t)i, 1, NULL};
        assert_int_equal(raci_findings_relate(big, other), RACI_OK);
    }
    raci_findings_sort(&fs);
    assert_int_equal(raci_selection_reported(&view, &fs), RACI_OK);
    r.findings = &view;
    text = render(&r, "sarif");
    doc = parse(text);
    run = json_array_get(json_object_get(doc, "runs"), 0);
    results = json_object_get(run, "results");
    assert_int_equal(json_array_size(results), 25000);
    json_array_foreach(results, i, note)
    {
        if (strcmp(json_string_value(json_object_get(note, "level")), "error") == 0)
            errors++;
    }
    assert_int_equal(errors, 5);
    /* The last warning kept is the 24,995th, in file order. */
    assert_string_equal(json_string_value(json_object_get(
                            json_object_get(json_array_get(results, 24994), "message"), "text")),
                        "w 24994.");
    note = json_array_get(results, 24999);
    assert_int_equal(json_array_size(json_object_get(note, "relatedLocations")), 1000);
    assert_int_equal(json_integer_value(json_object_get(json_object_get(note, "properties"),
                                                        "relatedLocationsOmitted")),
                     500);
    assert_int_equal(
        json_integer_value(json_object_get(json_object_get(run, "properties"), "resultsOmitted")),
        15);
    note = json_object_get(json_array_get(json_object_get(run, "invocations"), 0),
                           "toolExecutionNotifications");
    assert_int_equal(json_array_size(note), 2);
    assert_non_null(strstr(json_string_value(json_object_get(
                               json_object_get(json_array_get(note, 0), "message"), "text")),
                           "15 results were left out"));
    json_decref(doc);
    free(text);

    /* Within the limits, no invocation is written at all. */
    view.n = 10;
    text = render(&r, "sarif");
    doc = parse(text);
    run = json_array_get(json_object_get(doc, "runs"), 0);
    assert_null(json_object_get(run, "invocations"));
    assert_null(json_object_get(run, "properties"));
    json_decref(doc);
    free(text);
    raci_selection_release(&view);
    raci_findings_release(&fs);
}

/* GitLab keeps one issue per fingerprint: identical findings, the same row
 * twice or the same subject in two files, get fingerprints of their own;
 * the first keeps raci's, and each is the same from run to run. */
static void test_gitlab_fingerprints(void **state)
{
    struct raci_findings fs = {0};
    struct raci_selection view = {0};
    struct raci_report r = {0};
    struct raci_loc a = {"a.csv", 2, 1, NULL}, b = {"b.csv", 2, 1, NULL};
    char raci_fp[RACI_FINGERPRINT_SIZE];
    const char *fp[4];
    json_t *doc, *again;
    char *text, *text2;
    (void)state;

    assert_non_null(raci_findings_add(&fs, "duplicate-assignment", RACI_SEV_WARNING, a, RACI_NONE,
                                      RACI_NONE, RACI_NONE, "cell", "twice"));
    a.line = 3;
    assert_non_null(raci_findings_add(&fs, "duplicate-assignment", RACI_SEV_WARNING, a, RACI_NONE,
                                      RACI_NONE, RACI_NONE, "cell", "twice"));
    assert_non_null(raci_findings_add(&fs, "duplicate-assignment", RACI_SEV_WARNING, b, RACI_NONE,
                                      RACI_NONE, RACI_NONE, "cell", "twice"));
    assert_non_null(raci_findings_add(&fs, "idle-person", RACI_SEV_INFO, b, RACI_NONE, RACI_NONE,
                                      RACI_NONE, "cell", "other rule"));
    raci_findings_sort(&fs);
    assert_int_equal(raci_selection_reported(&view, &fs), RACI_OK);
    r.findings = &view;
    text = render(&r, "gitlab");
    text2 = render(&r, "gitlab");
    assert_string_equal(text, text2);
    doc = parse(text);
    assert_int_equal(json_array_size(doc), 4);
    for (size_t i = 0; i < 4; i++)
        fp[i] = json_string_value(json_object_get(json_array_get(doc, i), "fingerprint"));
    for (size_t i = 0; i < 4; i++)
        for (size_t j = 0; j < i; j++)
            if (strcmp(fp[i], fp[j]) == 0)
                fail_msg("entries %zu and %zu share fingerprint %s", j, i, fp[i]);
    /* The first of each identity: raci's own fingerprint. */
    raci_findings_fingerprint(view.v[0], raci_fp);
    assert_string_equal(fp[0], raci_fp);
    raci_findings_fingerprint(view.v[3], raci_fp);
    assert_string_equal(fp[3], raci_fp);
    /* Another finding elsewhere changes no fingerprint of these. */
    view.n = 2;
    free(text2);
    text2 = render(&r, "gitlab");
    again = parse(text2);
    assert_string_equal(json_string_value(json_object_get(json_array_get(again, 1), "fingerprint")),
                        fp[1]);
    json_decref(again);
    json_decref(doc);
    free(text);
    free(text2);
    raci_selection_release(&view);
    raci_findings_release(&fs);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_escape),
        cmocka_unit_test(test_text),
        cmocka_unit_test(test_markdown),
        cmocka_unit_test(test_sarif_limits),
        cmocka_unit_test(test_gitlab_fingerprints),
    };
    return cmocka_run_group_tests_name("report_hostile", tests, NULL, NULL);
}
