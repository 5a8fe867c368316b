/*
 * test_report_mermaid.c - the Mermaid chart of the Markdown report
 * (report_mermaid.h): one node per person, the marks, each character
 * Mermaid or HTML reads written as an entity code, the cut of a long name,
 * the sentence past RACI_MERMAID_MAX_PEOPLE, and no chart without
 * reporting lines. (make check-mermaid reads the charts with mermaid.)
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "raci/report_mermaid.h"
#include "raci/str.h"

/* The chart of fx, as the Markdown report writes it (free it). */
static char *chart(const struct fixture *fx)
{
    struct raci_selection view = {0};
    struct raci_report r = {0};
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);

    assert_non_null(f);
    assert_int_equal(raci_selection_reported(&view, &fx->fs), RACI_OK);
    r.findings = &view;
    r.roster = &fx->r;
    r.rs = &fx->rs;
    assert_int_equal(raci_report_mermaid(f, &r), RACI_OK);
    assert_int_equal(fclose(f), 0);
    raci_selection_release(&view);
    return buf;
}

static void test_nodes_edges_marks(void **state)
{
    struct fixture fx;
    (void)state;
    fixture_run(&fx, "person,title,reports_to\n"
                     "Ana,Director,\n"
                     "Bo,Manager,Ana\n"
                     "Cy,Developer,Di\n"
                     "Di,Developer,Cy\n"
                     "Ed,Developer,Nobody\n"
                     "Fay,Developer,Nobody\n"
                     "Gus,Developer,Gus\n");
    char *text = chart(&fx);
    assert_non_null(strstr(text, "\n#### Reporting lines\n\n```mermaid\nflowchart TD\n"
                                 "    p0[\"Ana<br>Director\"]\n"
                                 "    p1[\"Bo<br>Manager\"]\n"));
    /* One node for the missing manager, named after the first to name
     * them; no edge for a person who reports to themselves. */
    assert_non_null(strstr(text, "    m4[\"Nobody<br>(not on the roster)\"]:::missing\n"
                                 "    p0 --> p1\n"
                                 "    p3 --> p2\n"
                                 "    p2 --> p3\n"
                                 "    m4 --> p4\n"
                                 "    m4 --> p5\n"
                                 "    classDef"));
    assert_null(strstr(text, "m5["));
    assert_null(strstr(text, "--> p6"));
    assert_non_null(strstr(text, "    class p2,p3 loop\n    linkStyle 1,2 stroke:#d00"));
    assert_null(strstr(text, " span\n")); /* no span over the limit */
    assert_non_null(strstr(text, "```\n\nThick border:"));
    free(text);
    fixture_release(&fx);
}

/* Each of " # & < > ` as its entity code; a line break as <br>; the rest
 * (brackets, ';', '%', emoji, letters of any script) as it is. */
static void test_label_escaping(void **state)
{
    struct fixture fx;
    (void)state;
    fixture_run(&fx, "person,title,reports_to\n"
                     "\"Ana \"\"A\"\" #1 & <b> `x`\",R&D [1]; 100% 😀,\n"
                     "\"Bo\nChen\",Δ,\"Ana \"\"A\"\" #1 & <b> `x`\"\n");
    char *text = chart(&fx);
    assert_non_null(strstr(text, "    p0[\"Ana #quot;A#quot; #35;1 #amp; #lt;b#gt; #96;x#96;"
                                 "<br>R#amp;D [1]; 100% 😀\"]\n"));
    assert_non_null(strstr(text, "    p1[\"Bo<br>Chen<br>Δ\"]\n"));
    free(text);
    fixture_release(&fx);
}

/* A name past RACI_MERMAID_MAX_TEXT bytes, as written, is cut before a
 * whole character or code, with an ellipsis. */
static void test_long_name_cut(void **state)
{
    struct fixture fx;
    char name[200];
    (void)state;
    memset(name, '&', 100);
    name[100] = '\0';
    char *csv = raci_str_printf("person,title,reports_to\nA%s,Dev,\nBo,Dev,A%s\n", name, name);
    fixture_run(&fx, csv);
    char *text = chart(&fx), *label = strstr(text, "p0[\"A#amp;");
    assert_non_null(label);
    /* "A" then 15 codes of 5 bytes: 76 bytes; a 16th would pass 80. */
    struct raci_str want = RACI_STR_INIT;
    raci_str_add(&want, "p0[\"A");
    for (int i = 0; i < 15; i++)
        raci_str_add(&want, "#amp;");
    raci_str_add(&want, "…<br>Dev\"]");
    assert_false(want.failed);
    assert_memory_equal(label, raci_str_cstr(&want), want.len);
    raci_str_release(&want);
    free(text);
    free(csv);
    fixture_release(&fx);
}

/* A manager over span-of-control's limit (8 by default) is marked when
 * its finding is reported. */
static void test_span_marked(void **state)
{
    struct fixture fx;
    struct raci_str csv = RACI_STR_INIT;
    (void)state;
    raci_str_add(&csv, "person,title,reports_to\nP0,Director,\n");
    for (int i = 1; i <= 9; i++)
        raci_str_addf(&csv, "P%d,Developer,P0\n", i);
    fixture_run(&fx, raci_str_cstr(&csv));
    assert_int_equal(fixture_count(&fx, "span-of-control"), 1);
    char *text = chart(&fx);
    assert_non_null(strstr(text, "\n    class p0 span\n"));
    free(text);
    fixture_release(&fx);
    raci_str_release(&csv);
}

static void test_left_out_or_none(void **state)
{
    struct fixture fx;
    struct raci_str csv = RACI_STR_INIT;
    (void)state;
    raci_str_add(&csv, "person,title,reports_to\nP0,Director,\n");
    for (int i = 1; i <= RACI_MERMAID_MAX_PEOPLE; i++)
        raci_str_addf(&csv, "P%d,Developer,P0\n", i);
    fixture_run(&fx, raci_str_cstr(&csv));
    char *text = chart(&fx);
    assert_null(strstr(text, "```mermaid"));
    assert_non_null(strstr(text, "The chart of 101 people is left out (more than 100); "
                                 "`raci --report svg=org.svg` draws it.\n"));
    free(text);
    fixture_release(&fx);

    /* No reports_to: nothing at all. */
    fixture_run(&fx, "person,title\nAna,Director\nBo,Developer\n");
    text = chart(&fx);
    assert_true(!text || !*text);
    free(text);
    fixture_release(&fx);
    raci_str_release(&csv);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_nodes_edges_marks), cmocka_unit_test(test_label_escaping),
        cmocka_unit_test(test_long_name_cut),     cmocka_unit_test(test_span_marked),
        cmocka_unit_test(test_left_out_or_none),
    };
    return cmocka_run_group_tests_name("report_mermaid", tests, NULL, NULL);
}
