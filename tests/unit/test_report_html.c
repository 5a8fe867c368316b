/*
 * test_report_html.c - the HTML page (report_html.h): roster text is shown
 * as text wherever it goes (cells, attributes, the org chart), the page
 * fetches nothing, its rows carry what the filters compare, and the same
 * report gives the same bytes.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "raci/report_html.h"

#define HOSTILE_CSV                                                                                \
    "person,title,product,task,raci,reports_to\n"                                                  \
    "\"<script>alert(1)</script>\",Product Owner,P&G,Roadmap,A/R,\n"                               \
    "\"Zo\xc3\xab \"\"x\"\" </style>\",Product "                                                   \
    "Manager,P&G,Roadmap,A,\"<script>alert(1)</script>\"\n"                                        \
    "\"evil\xe2\x80\xae\",Developer,\"</table><b>\",Backlog,X,Nobody\n"

static char *html_render(const struct raci_report *r, size_t *len)
{
    char *buf = NULL;
    FILE *f = open_memstream(&buf, len);

    assert_non_null(f);
    assert_int_equal(raci_report_html(f, r), RACI_OK);
    assert_int_equal(fclose(f), 0);
    return buf;
}

static size_t html_count(const char *s, const char *what)
{
    size_t n = 0;
    for (const char *p = s; (p = strstr(p, what)) != NULL; p += strlen(what))
        n++;
    return n;
}

/* The report of fx's findings (its checks run), failed as by an error. */
static void html_report_of(struct fixture *fx, struct raci_selection *view, struct raci_report *r)
{
    assert_int_equal(raci_selection_reported(view, &fx->fs), RACI_OK);
    memset(r, 0, sizeof(*r));
    r->findings = view;
    r->roster = &fx->r;
    r->rs = &fx->rs;
    r->fail_on = RACI_SEV_ERROR;
    r->failed = 1;
}

/* The report of the hostile roster. */
static void html_report(struct fixture *fx, struct raci_selection *view, struct raci_report *r)
{
    fixture_run(fx, HOSTILE_CSV);
    html_report_of(fx, view, r);
    assert_true(view->n >= 3);
}

static void test_text_stays_text(void **state)
{
    struct fixture fx;
    struct raci_selection view = {0};
    struct raci_report r;
    size_t len;
    char *page;
    (void)state;

    html_report(&fx, &view, &r);
    page = html_render(&r, &len);
    assert_int_equal(strlen(page), len);
    assert_true(strncmp(page, "<!DOCTYPE html>\n<html lang=\"en\">", 32) == 0);
    /* The page's own script, and no other; the names as text. */
    assert_int_equal(html_count(page, "<script"), 1);
    assert_int_equal(html_count(page, "</style"), 1);
    assert_int_equal(html_count(page, "</table><b>"), 0);
    assert_true(html_count(page, "&lt;script&gt;alert(1)&lt;/script&gt;") >= 3);
    assert_non_null(strstr(page, "data-product=\"P&amp;G\""));
    assert_non_null(strstr(page, "<th>P&amp;G</th>"));
    assert_non_null(strstr(page, "Zo\xc3\xab &quot;x&quot;"));
    /* The override is shown, not obeyed, in the chart too. */
    assert_null(strstr(page, "\xe2\x80\xae"));
    assert_true(html_count(page, "evil\\u202e") >= 2);
    /* The chart inline, without its prolog. */
    assert_int_equal(html_count(page, "<svg"), 1);
    assert_null(strstr(page, "<?xml"));
    assert_null(strstr(page, "<!DOCTYPE svg"));
    assert_null(strstr(page, "<!--"));
    /* Its line breaks between elements are line breaks, not escapes. */
    assert_null(strstr(page, ">\\n<"));
    /* The matrix marks the task with two A's, and the unreadable cell
     * with its finding as its title. */
    assert_non_null(strstr(page, "<th class=\"task mark-error\" title=\"[single-accountable] "));
    assert_non_null(strstr(page, "<td class=\"l-unread mark-warning\" title=\"[unknown-letter] "));
    /* The banner counts as the text report does: no "1 errors", no "infos". */
    assert_null(strstr(page, " infos"));
    assert_null(strstr(page, " 1 errors"));
    /* One row per finding. */
    assert_int_equal(html_count(page, "<tr data-severity="), view.n);
    free(page);
    raci_selection_release(&view);
    fixture_release(&fx);
}

static void test_nothing_fetched(void **state)
{
    struct fixture fx;
    struct raci_selection view = {0};
    struct raci_report r;
    size_t len;
    char *page, *p;
    (void)state;

    html_report(&fx, &view, &r);
    page = html_render(&r, &len);
    /* The SVG's namespaces are names, not fetched; nothing else names a
     * place on the network, and nothing has a source. */
    while ((p = strstr(page, "\"http://www.w3.org/")) != NULL)
        memset(p, '_', 8);
    assert_null(strstr(page, "http"));
    assert_null(strstr(page, " src="));
    assert_null(strstr(page, "<link"));
    assert_null(strstr(page, "url("));
    free(page);
    raci_selection_release(&view);
    fixture_release(&fx);
}

static void test_same_bytes(void **state)
{
    struct fixture fx;
    struct raci_selection view = {0};
    struct raci_report r;
    size_t n1, n2;
    char *a, *b;
    (void)state;

    html_report(&fx, &view, &r);
    a = html_render(&r, &n1);
    b = html_render(&r, &n2);
    /* The org chart too: drawn twice in one process, it is the same. */
    assert_int_equal(n1, n2);
    assert_memory_equal(a, b, n1);
    free(a);
    free(b);
    raci_selection_release(&view);
    fixture_release(&fx);
}

/* A report of no findings and no roster is still a page. */
static void test_no_roster(void **state)
{
    struct raci_selection none = {0};
    struct raci_report r = {0};
    size_t len;
    char *page;
    (void)state;

    r.findings = &none;
    page = html_render(&r, &len);
    assert_non_null(strstr(page, "raci: passed"));
    assert_non_null(strstr(page, "No findings."));
    /* The counts read as the text report's do. */
    assert_non_null(strstr(page, "<p>0 findings: 0 errors, 0 warnings, 0 info</p>"));
    assert_non_null(strstr(page, "No roster, so no org chart."));
    assert_non_null(strstr(page, "(built-in defaults)"));
    assert_non_null(strstr(page, "</html>\n"));
    free(page);
}

/* The page of fx's findings, with --max-sheets max_sheets (0: not given). */
static void page_of(struct fixture *fx, struct raci_selection *view, size_t max_sheets, char **page)
{
    struct raci_report r;
    size_t len;

    html_report_of(fx, view, &r);
    r.max_sheets = max_sheets;
    r.max_sheets_set = max_sheets != 0;
    *page = html_render(&r, &len);
}

/* A product of more people than a matrix shows has none, even as the worst
 * product, and the page says why, apart from the products past
 * --max-sheets; a small one still has its matrix. */
static void test_wide_product_without_matrix(void **state)
{
    struct fixture fx;
    struct raci_selection view = {0};
    struct raci_str csv = {0};
    char *page;
    (void)state;

    raci_str_add(&csv, "person,title,product,task,raci\n"
                       "Zoë Ørsted,Product Owner,P&G,Roadmap,A/R\n"
                       "李雷,Developer,P&G,Roadmap,A\n"
                       "Ana Silva,Product Owner,Tiny,Roadmap,A/R\n");
    for (unsigned i = 0; i <= RACI_REPORT_HTML_MAX_PEOPLE; i++)
        raci_str_addf(&csv, "Person %u,Developer,Whole org,Roadmap,A\n", i);
    fixture_run(&fx, raci_str_cstr(&csv));
    /* Every product may have a matrix: only the wide one has none. */
    page_of(&fx, &view, 0, &page);
    assert_int_equal(html_count(page, "<table class=\"matrix\">"), 2);
    assert_non_null(strstr(page, "<h3>P&amp;G</h3>"));
    assert_null(strstr(page, "<h3>Whole org</h3>"));
    assert_non_null(strstr(page, "<p class=\"left-out\" id=\"left-out\">1 product of more than "
                                 "1,000 people has no matrix here, whatever its findings"));
    assert_non_null(strstr(page, "The matrix of the other product, listed below, is left out"));
    assert_null(strstr(page, "Only the"));
    assert_non_null(strstr(page, "<li>Whole org</li>"));
    free(page);
    raci_selection_release(&view);
    /* One matrix: the worst of those that fit, said as such. */
    page_of(&fx, &view, 1, &page);
    assert_int_equal(html_count(page, "<table class=\"matrix\">"), 1);
    assert_non_null(strstr(page, "<h3>P&amp;G</h3>"));
    assert_non_null(strstr(page, "Only the 1 product with the most findings (errors first, then "
                                 "warnings, then infos) of at most 1,000 people has a matrix "
                                 "here, as in the workbook (--max-sheets 1). 1 product of more"));
    assert_non_null(strstr(page, "The matrices of the other 2 products, listed below, are left"));
    assert_non_null(strstr(page, "<li>Tiny</li>"));
    free(page);
    raci_selection_release(&view);
    raci_str_release(&csv);
    fixture_release(&fx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text_stays_text),
        cmocka_unit_test(test_nothing_fetched),
        cmocka_unit_test(test_same_bytes),
        cmocka_unit_test(test_no_roster),
        cmocka_unit_test(test_wide_product_without_matrix),
    };
    return cmocka_run_group_tests_name("report_html", tests, NULL, NULL);
}
