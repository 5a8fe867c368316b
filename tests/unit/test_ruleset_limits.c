/*
 * test_ruleset_limits.c - what a ruleset may cost: its size, its nesting
 * and its number of values are capped before libyaml builds the document,
 * each with an error that says where and names the limit; a diagnostic
 * shows a bounded piece of a long line; long lists of titles, tasks,
 * aliases and seniority words load, and titles match, in linear time.
 *
 * Nothing here measures time: the inputs are made so that the slow paths
 * they used to take would not finish within the test run, and the tests
 * check the answer.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "raci/ruleset_load.h"
#include "raci/str.h"
#include "raci/titles.h"
#include "raci/yamldoc.h"

/* Load text as mem.yaml; the error, with d filled in. */
static raci_error load_text(const char *text, size_t len, struct raci_diag *d)
{
    struct raci_ruleset rs = {0};
    raci_error err = raci_ruleset_load_mem(&rs, text, len, "mem.yaml", d);
    raci_ruleset_release(&rs);
    return err;
}

static void expect_at(const struct raci_diag *d, unsigned line, unsigned col, const char *want)
{
    if (d->line != line || d->col != col || strcmp(d->message, want) != 0)
        fail_msg("got  %u:%u: %s\nwant %u:%u: %s", d->line, d->col, d->message, line, col, want);
}

/* ------------------------------------------------------------- size -- */

/* Over the size cap: at 1:1, naming the limit, from memory and from a file
 * (which is read no further than the cap). */
static void test_size(void **state)
{
    size_t n = RACI_YAMLDOC_MAX_BYTES + 1;
    char *big = malloc(n), path[] = "/tmp/raci-big-XXXXXX";
    struct raci_diag d = {0};
    struct raci_ruleset rs = {0};
    FILE *f;
    int fd;
    (void)state;

    assert_non_null(big);
    memset(big, '#', n); /* one long comment: fine YAML, but too much */
    assert_int_equal(load_text(big, n, &d), RACI_ERROR_INPUT);
    expect_at(&d, 1, 1,
              "a ruleset is larger than 16 MiB, the most raci reads: a ruleset must be smaller");
    assert_null(d.source);
    raci_diag_release(&d);
    /* At the cap it is read. */
    assert_int_equal(load_text(big, n - 1, &d), RACI_ERROR_INPUT);
    assert_non_null(strstr(d.message, "empty ruleset"));
    raci_diag_release(&d);

    fd = mkstemp(path);
    assert_true(fd >= 0);
    f = fdopen(fd, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(big, 1, n, f), n);
    assert_int_equal(fclose(f), 0);
    assert_int_equal(raci_ruleset_load(&rs, path, &d), RACI_ERROR_INPUT);
    assert_string_equal(d.file, path);
    expect_at(&d, 1, 1,
              "a ruleset is larger than 16 MiB, the most raci reads: a ruleset must be smaller");
    raci_diag_release(&d);
    unlink(path);
    free(big);
}

/* ---------------------------------------------------------- nesting -- */

/* Brackets nested deeper than the cap: refused where the first level too
 * many opens, before libyaml (whose cost grows with the square of the
 * depth) builds anything. 200 KB of them used to take most of a minute. */
static void test_depth_flow(void **state)
{
    size_t n = 100000;
    char *text = malloc(2 * n + 16);
    struct raci_diag d = {0};
    (void)state;

    assert_non_null(text);
    memcpy(text, "a: ", 3);
    memset(text + 3, '[', n);
    memset(text + 3 + n, ']', n);
    assert_int_equal(load_text(text, 3 + 2 * n, &d), RACI_ERROR_INPUT);
    /* The mapping is level 1, the first '[' level 2: level 65 is the '['
     * at column 4 + 63. */
    expect_at(&d, 1, 4 + 63,
              "values nested deeper than 64 levels, the most a ruleset may have (a ruleset needs "
              "a few: roles: po: titles: [...] is four)");
    /* The source line shown is cut short. */
    assert_non_null(d.source);
    assert_true(strlen(d.source) < 500);
    raci_diag_release(&d);

    /* 64 levels are read (and then found to be no ruleset's keys). */
    memset(text + 3, '[', 63);
    memset(text + 3 + 63, ']', 63);
    text[3 + 126] = '\n';
    assert_int_equal(load_text(text, 3 + 127, &d), RACI_ERROR_INPUT);
    assert_non_null(strstr(d.message, "unknown key 'a'"));
    raci_diag_release(&d);
    free(text);
}

/* Block nesting counts the same; so does a second document. */
static void test_depth_block(void **state)
{
    struct raci_str b = RACI_STR_INIT;
    struct raci_diag d = {0};
    (void)state;

    for (int i = 0; i < 70; i++) {
        for (int j = 0; j < i; j++)
            raci_str_add(&b, " ");
        raci_str_add(&b, "k:\n");
    }
    raci_str_add(&b, "x\n");
    assert_false(b.failed);
    assert_int_equal(load_text(b.s, b.len, &d), RACI_ERROR_INPUT);
    assert_int_equal(d.line, 65);
    assert_int_equal(d.col, 65);
    assert_non_null(strstr(d.message, "nested deeper than 64 levels"));
    raci_diag_release(&d);

    raci_str_reset(&b);
    raci_str_add(&b, "version: 1\n---\n");
    for (int i = 0; i < 100; i++)
        raci_str_add(&b, "[");
    assert_int_equal(load_text(b.s, b.len, &d), RACI_ERROR_INPUT);
    assert_int_equal(d.line, 3);
    assert_non_null(strstr(d.message, "nested deeper than 64 levels"));
    raci_diag_release(&d);
    raci_str_release(&b);
}

/* More values than the cap: refused at the first one too many, before the
 * document (some hundred bytes a value) is built. */
static void test_nodes(void **state)
{
    size_t n = RACI_YAMLDOC_MAX_NODES + 10, len = 0;
    char *text = malloc(2 * n + 16);
    struct raci_diag d = {0};
    (void)state;

    assert_non_null(text);
    memcpy(text, "seniority: [", 12);
    len = 12;
    for (size_t i = 0; i < n; i++) {
        text[len++] = 'a';
        text[len++] = ',';
    }
    text[len - 1] = ']';
    assert_int_equal(load_text(text, len, &d), RACI_ERROR_INPUT);
    assert_int_equal(d.line, 1);
    /* The mapping, its key, the list: the cap is reached within the list. */
    assert_int_equal(d.col, 13 + 2 * (RACI_YAMLDOC_MAX_NODES - 3));
    assert_string_equal(d.message, "more than 1000000 values, the most a ruleset may hold");
    raci_diag_release(&d);
    free(text);
}

/* --------------------------------------------------------- messages -- */

/* A 20 KB key is named by its ends, on a line shown in part: the
 * diagnostic stays a few lines long. */
static void test_long_values_in_messages(void **state)
{
    struct raci_str b = RACI_STR_INIT;
    struct raci_diag d = {0};
    (void)state;

    /* An explicit key: a plain one is at most 1024 characters in YAML. */
    raci_str_add(&b, "version: 1\n? ");
    for (int i = 0; i < 2000; i++)
        raci_str_add(&b, "key\xc5\x82-wxyz");
    raci_str_add(&b, "\n: 1\n");
    assert_int_equal(load_text(b.s, b.len, &d), RACI_ERROR_INPUT);
    expect_at(&d, 2, 3,
              "unknown key "
              "'key\xc5\x82-wxyzkey\xc5\x82-wxyzkey\xc5\x82-wxyzkey\xe2\x80\xa6xyzkey\xc5\x82-"
              "wxyzkey\xc5\x82-wxyzkey\xc5\x82-wxyz' (expected version, extends, framework, "
              "seniority, roles, letters, tasks, fallbacks, checks or waivers)");
    assert_true(raci_str_chars(d.source, strlen(d.source)) <= 201);
    raci_diag_release(&d);

    /* Short values, apostrophes in them and in the message, stay whole. */
    assert_int_equal(load_text("framework: O'Brien's\n", 21, &d), RACI_ERROR_INPUT);
    expect_at(&d, 1, 12,
              "invalid framework 'O'Brien's' (expected one word such as scrum, safe or none)");
    raci_diag_release(&d);
    raci_str_release(&b);
}

/* ------------------------------------------------------------ lists -- */

/* 20,000 titles aliased into 50 roles: each role keeps its titles once
 * (a title given again, in any case, adds nothing), and any of them
 * matches. This took
 * most of a minute when each title was looked for in its role's list. */
static void test_many_titles(void **state)
{
    struct raci_str b = RACI_STR_INIT;
    struct raci_ruleset rs = {0};
    struct raci_diag d = {0};
    (void)state;

    raci_str_add(&b, "roles:\n  r0:\n    titles: &t [");
    for (int i = 0; i < 20000; i++)
        raci_str_addf(&b, "%stitle %d", i ? ", " : "", i);
    raci_str_add(&b, ", Title 0, TITLE 19999]\n");
    for (int r = 1; r < 50; r++)
        raci_str_addf(&b, "  r%d:\n    titles: *t\n", r);
    raci_str_add(&b, "seniority: [senior]\n");
    assert_false(b.failed);
    if (raci_ruleset_load_mem(&rs, b.s, b.len, "mem.yaml", &d) != RACI_OK)
        fail_msg("%u:%u: %s", d.line, d.col, d.message);
    assert_int_equal(rs.nroles, 50);
    for (size_t r = 0; r < rs.nroles; r++)
        assert_int_equal(rs.roles[r].ntitles, 20000);
    assert_int_equal(raci_titles_match(&rs, "Title 12345"), (UINT64_C(1) << 50) - 1);
    assert_int_equal(raci_titles_match(&rs, "Senior title 7"), (UINT64_C(1) << 50) - 1);
    assert_int_equal(raci_titles_match(&rs, "title 20000"), 0);
    raci_ruleset_release(&rs);
    raci_str_release(&b);
}

/* Long lists of tasks, aliases, seniority words and a list parameter: each
 * entry is looked up, not searched for. */
static void test_many_tasks_and_words(void **state)
{
    struct raci_str b = RACI_STR_INIT;
    struct raci_ruleset rs = {0};
    struct raci_diag d = {0};
    const struct raci_param *p;
    (void)state;

    raci_str_add(&b, "seniority: [");
    for (int i = 0; i < 20000; i++)
        raci_str_addf(&b, "%sw%d", i ? ", " : "", i);
    raci_str_add(&b, ", W7]\ntasks:\n  - name: Many names\n    aliases: [");
    for (int i = 0; i < 50000; i++)
        raci_str_addf(&b, "%sname %d", i ? ", " : "", i);
    raci_str_add(&b, ", Name 7]\n");
    for (int i = 0; i < 20000; i++)
        raci_str_addf(&b, "  - {name: task %d}\n", i);
    raci_str_add(&b, "checks:\n  pm-owns-strategy: {tasks: [");
    for (int i = 0; i < 20000; i++)
        raci_str_addf(&b, "%stask %d", i ? ", " : "", i);
    raci_str_add(&b, ", Task 7, name 3]}\n");
    assert_false(b.failed);
    if (raci_ruleset_load_mem(&rs, b.s, b.len, "mem.yaml", &d) != RACI_OK)
        fail_msg("%u:%u: %s", d.line, d.col, d.message);
    assert_int_equal(rs.nseniority, 20000);
    assert_int_equal(rs.ntasks, 20001);
    assert_int_equal(rs.tasks[0].naliases, 50000);
    assert_int_equal(raci_ruleset_find_task(&rs, "NAME 49999"), 0);
    assert_int_equal(raci_ruleset_find_task(&rs, "Task 19999"), 20000);
    p = raci_ruleset_param(raci_ruleset_check(&rs, "pm-owns-strategy"), "tasks");
    assert_non_null(p);
    assert_int_equal(p->nlist, 20001); /* "Task 7" is task 7; name 3 is Many names */
    raci_ruleset_release(&rs);
    raci_str_release(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_size),
        cmocka_unit_test(test_depth_flow),
        cmocka_unit_test(test_depth_block),
        cmocka_unit_test(test_nodes),
        cmocka_unit_test(test_long_values_in_messages),
        cmocka_unit_test(test_many_titles),
        cmocka_unit_test(test_many_tasks_and_words),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
