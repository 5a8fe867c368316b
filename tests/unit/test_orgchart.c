/*
 * test_orgchart.c - the org chart's graph: a node per person drawn, one per
 * missing manager, the legend's, an edge per reporting line; past the
 * node limit, the chart collapsed below a layer; the PNG picture as
 * libpng reads it back.
 */
#include "testutil.h"

#include <png.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "raci/orgchart.h"
#include "raci/selection.h"

/* The legend's nodes and edges. */
#define LEGEND_NODES 5
#define LEGEND_EDGES 1

static void count(struct fixture *fx, const char *csv, size_t *nodes, size_t *edges, size_t *hidden)
{
    struct raci_selection view = {0};
    fixture_run(fx, csv);
    assert_int_equal(raci_selection_reported(&view, &fx->fs), RACI_OK);
    struct raci_report r = {.findings = &view, .roster = &fx->r, .rs = &fx->rs};
    assert_int_equal(raci_orgchart_count(&r, nodes, edges, hidden), RACI_OK);
    raci_selection_release(&view);
}

static void test_small_chart(void **state)
{
    struct fixture fx;
    size_t nodes, edges, hidden;
    (void)state;
    /* Four people, a loop of two under nobody, a manager not listed twice
     * named (one node), a self-manager (no edge). */
    count(&fx,
          "person,title,product,reports_to\n"
          "Mia,Engineering Manager,Atlas,\n"
          "Ana,Developer,Atlas,Mia\n"
          "Bo,Developer,Atlas,Cy\n"
          "Cy,Developer,Atlas,Bo\n"
          "Di,Developer,Atlas,Ghost\n"
          "Ed,Developer,Atlas,Ghost\n"
          "Flo,Developer,Atlas,Flo\n",
          &nodes, &edges, &hidden);
    assert_int_equal(nodes, 7 + 1 + LEGEND_NODES);
    assert_int_equal(edges, 5 + LEGEND_EDGES);
    assert_int_equal(hidden, 0);
    fixture_release(&fx);
}

static void test_collapsed_chart(void **state)
{
    struct fixture fx;
    size_t nodes, edges, hidden;
    struct raci_str csv = {0};
    (void)state;
    /* One top, 20 managers, 20 people under each: 421 people, past the
     * limit, drawn down to the managers' layer. */
    raci_str_add(&csv, "person,title,reports_to\nTop,Director,\n");
    for (int m = 0; m < 20; m++) {
        raci_str_addf(&csv, "M%d,Engineering Manager,Top\n", m);
        for (int p = 0; p < 20; p++)
            raci_str_addf(&csv, "D%d-%d,Developer,M%d\n", m, p, m);
    }
    count(&fx, raci_str_cstr(&csv), &nodes, &edges, &hidden);
    assert_int_equal(hidden, 400);
    assert_int_equal(nodes, 21 + LEGEND_NODES);
    assert_int_equal(edges, 20 + LEGEND_EDGES);
    fixture_release(&fx);
    raci_str_release(&csv);
}

static void test_wide_top_chart(void **state)
{
    struct fixture fx;
    size_t nodes, edges, hidden;
    struct raci_str csv = {0};
    (void)state;
    /* 2,000 people with no manager, and one of them, Boss, with 5 reports:
     * the top layer alone is past the limit, so only 300 of it are drawn,
     * Boss first (the largest team), then the first 299 others in roster
     * order; nobody below the top is drawn. */
    raci_str_add(&csv, "person,title,reports_to\n");
    for (int p = 0; p < 2000; p++)
        raci_str_addf(&csv, "Solo%d,Developer,\n", p);
    raci_str_addf(&csv, "Boss,Engineering Manager,\n");
    for (int p = 0; p < 5; p++)
        raci_str_addf(&csv, "R%d,Developer,Boss\n", p);
    count(&fx, raci_str_cstr(&csv), &nodes, &edges, &hidden);
    assert_int_equal(nodes, RACI_ORGCHART_MAX_NODES + LEGEND_NODES);
    assert_int_equal(edges, LEGEND_EDGES);
    /* 5 below Boss, and 1,701 of the solos. */
    assert_int_equal(hidden, 5 + 1701);
    fixture_release(&fx);
    raci_str_release(&csv);
}

/* The chart of csv as PNG, malloc'd into *png and *len. */
static void draw_png(struct fixture *fx, const char *csv, char **png, size_t *len)
{
    struct raci_selection view = {0};
    FILE *out;
    fixture_run(fx, csv);
    assert_int_equal(raci_selection_reported(&view, &fx->fs), RACI_OK);
    struct raci_report r = {.findings = &view, .roster = &fx->r, .rs = &fx->rs};
    assert_non_null(out = open_memstream(png, len));
    assert_int_equal(raci_orgchart_png(out, &r), RACI_OK);
    assert_int_equal(fclose(out), 0);
    raci_selection_release(&view);
}

static void test_png_picture(void **state)
{
    static const char csv[] = "person,title,product,reports_to\n"
                              "Mia,Engineering Manager,Atlas,\n"
                              "Ana,Developer,Atlas,Mia\n"
                              "Bo,Developer,Atlas,Cy\n"
                              "Cy,Developer,Atlas,Bo\n";
    struct fixture fx;
    char *png, *again;
    size_t len, again_len;
    png_image im = {.version = PNG_IMAGE_VERSION};
    unsigned char *px;
    size_t dark = 0, red = 0;
    (void)state;
    draw_png(&fx, csv, &png, &len);
    fixture_release(&fx);
    draw_png(&fx, csv, &again, &again_len);
    fixture_release(&fx);
    /* The same bytes twice. */
    assert_int_equal(len, again_len);
    assert_memory_equal(png, again, len);
    free(again);
    /* 8 bits a channel, colour type 2 (RGB, no alpha), not interlaced. */
    assert_true(len > 33 && !memcmp(png + 12, "IHDR", 4));
    assert_int_equal(png[24], 8);
    assert_int_equal(png[25], 2);
    assert_int_equal(png[28], 0);
    assert_true(png_image_begin_read_from_memory(&im, png, len));
    assert_true(im.width > 200 && im.height > 100);
    im.format = PNG_FORMAT_RGB;
    assert_non_null(px = malloc(PNG_IMAGE_SIZE(im)));
    assert_true(png_image_finish_read(&im, NULL, px, 0, NULL));
    /* White where nothing is drawn: the corners, the last column and row
     * included (Graphviz's own device leaves them part transparent). */
    for (size_t y = 0; y < im.height; y++)
        for (size_t x = 0; x < im.width; x++) {
            const unsigned char *p = px + 3 * (y * im.width + x);
            if (x == 0 || y == 0 || x + 1 == im.width || y + 1 == im.height)
                assert_true(p[0] == 255 && p[1] == 255 && p[2] == 255);
            dark += p[0] < 64 && p[1] < 64 && p[2] < 64;
            red += p[0] > 200 && p[1] < 64 && p[2] < 64;
        }
    /* Black text and lines, and the loop's red edges. */
    assert_true(dark > 1000);
    assert_true(red > 50);
    free(px);
    free(png);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_small_chart),
        cmocka_unit_test(test_collapsed_chart),
        cmocka_unit_test(test_wide_top_chart),
        cmocka_unit_test(test_png_picture),
    };
    return cmocka_run_group_tests_name("orgchart", tests, NULL, NULL);
}
