/*
 * test_format.c - the table of report formats (format.h): every format is
 * whole, names and formats map one to one, and each writes a report.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "raci/format.h"

static void test_every_format_is_whole(void **state)
{
    size_t n;
    const struct raci_format *all = raci_format_all(&n);
    (void)state;

    assert_true(n >= 7);
    /* The default comes first: --format's help says so. */
    assert_string_equal(all[0].name, "text");
    for (size_t i = 0; i < n; i++) {
        const struct raci_format *f = &all[i];
        assert_non_null(f->name);
        assert_non_null(f->write);
        assert_non_null(f->help);
        /* A name as --report FMT=FILE can take it: lower-case letters. */
        assert_true(*f->name);
        assert_true(strspn(f->name, "abcdefghijklmnopqrstuvwxyz") == strlen(f->name));
        /* Help for the man page: a sentence. */
        assert_true(f->help[0] >= 'A' && f->help[0] <= 'Z');
        assert_int_equal(f->help[strlen(f->help) - 1], '.');
        for (size_t j = 0; j < i; j++) {
            assert_string_not_equal(all[j].name, f->name);
            assert_ptr_not_equal(all[j].write, f->write);
        }
    }
}

static void test_find_round_trip(void **state)
{
    size_t n;
    const struct raci_format *all = raci_format_all(&n);
    (void)state;

    for (size_t i = 0; i < n; i++)
        assert_ptr_equal(raci_format_find(all[i].name), &all[i]);
    assert_non_null(raci_format_find("sarif"));
    assert_null(raci_format_find("SARIF"));
    assert_null(raci_format_find("xml"));
    assert_null(raci_format_find(""));
    assert_null(raci_format_find("sarif "));
}

static void test_names(void **state)
{
    struct raci_str b = RACI_STR_INIT;
    size_t n;
    const struct raci_format *all = raci_format_all(&n);
    (void)state;

    raci_format_names(&b);
    assert_false(b.failed);
    assert_string_equal(raci_str_cstr(&b),
                        "text, json, sarif, github, gitlab, junit, markdown, html, svg or png");
    /* Every name of the table is in it. */
    for (size_t i = 0; i < n; i++) {
        const char *hit = strstr(raci_str_cstr(&b), all[i].name);
        assert_non_null(hit);
    }
    raci_str_release(&b);
}

/* Each format writes a report of real findings, and one of none. */
static void test_each_writes(void **state)
{
    struct fixture fx;
    struct raci_selection view, none = {0};
    size_t n;
    const struct raci_format *all = raci_format_all(&n);
    (void)state;

    fixture_run(&fx, "person,title,product,task,raci\n"
                     "Ana Silva,Product Manager,Atlas,Market research,A\n"
                     "Bo Chen,Product Manager,Atlas,Market research,A\n");
    assert_int_equal(raci_selection_reported(&view, &fx.fs), RACI_OK);
    assert_true(view.n > 0);
    for (size_t i = 0; i < n; i++) {
        for (int empty = 0; empty < 2; empty++) {
            struct raci_report r = {0};
            char *buf = NULL;
            size_t len = 0;
            FILE *out = open_memstream(&buf, &len);
            assert_non_null(out);
            r.findings = empty ? &none : &view;
            r.roster = &fx.r;
            r.rs = &fx.rs;
            r.fail_on = RACI_SEV_ERROR;
            assert_int_equal(raci_format_write(&all[i], out, &r), RACI_OK);
            assert_int_equal(fclose(out), 0);
            /* Every format names the rule it found, but the pictures, which
             * mark findings on the chart; GitHub's commands are the only one
             * that may write nothing for no findings. */
            int picture = !strcmp(all[i].name, "svg") || !strcmp(all[i].name, "png");
            if (!empty && !picture && !strstr(buf, "single-accountable"))
                fail_msg("format %s does not name the rule", all[i].name);
            if (empty && strcmp(all[i].name, "github") != 0)
                assert_true(len > 0);
            free(buf);
        }
    }
    raci_selection_release(&view);
    fixture_release(&fx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_format_is_whole),
        cmocka_unit_test(test_find_round_trip),
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_each_writes),
    };
    return cmocka_run_group_tests_name("format", tests, NULL, NULL);
}
