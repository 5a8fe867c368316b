/*
 * test_xlsx_layout.c - where the workbook puts things: rows of tasks,
 * columns of people, names of product sheets, the cell each finding marks,
 * the order of the marks on a sheet, the Summary's counts, and Excel's
 * limits. Rosters are read from CSV; findings are added by hand, so that
 * each case says exactly what it is about.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>

#include "fixture.h"
#include "raci/str.h"
#include "raci/view.h"
#include "raci/xlsx_layout.h"

#define NONE RACI_NONE

static uint32_t person(const struct fixture *fx, const char *name)
{
    for (uint32_t i = 0; i < fx->r.npersons; i++)
        if (strcmp(fx->r.persons[i].name, name) == 0)
            return i;
    fail_msg("no person '%s'", name);
    return NONE;
}

static uint32_t product(const struct fixture *fx, const char *name)
{
    for (uint32_t i = 0; i < fx->r.nproducts; i++)
        if (strcmp(fx->r.products[i].name, name) == 0)
            return i;
    fail_msg("no product '%s'", name);
    return NONE;
}

static uint32_t task(const struct fixture *fx, const char *prod, const char *name)
{
    for (uint32_t i = 0; i < fx->r.ntasks; i++)
        if (strcmp(fx->r.tasks[i].name, name) == 0 &&
            strcmp(fx->r.products[fx->r.tasks[i].product].name, prod) == 0)
            return i;
    fail_msg("no task '%s' in '%s'", name, prod);
    return NONE;
}

/* A roster read from csv with the default rules, finished; no checks run. */
static void roster(struct fixture *fx, const char *csv)
{
    fixture_rules(fx, NULL);
    assert_int_equal(fixture_add(fx, "team.csv", csv), RACI_OK);
    assert_int_equal(raci_roster_finish(&fx->r), RACI_OK);
}

/* Add a finding; returns its index. */
static size_t finding(struct fixture *fx, const char *rule, enum raci_severity sev, uint32_t prod,
                      uint32_t t, uint32_t p)
{
    struct raci_loc loc = {"team.csv", 2, 1, NULL};
    assert_non_null(raci_findings_add(&fx->fs, rule, sev, loc, prod, t, p, "x", "%s", rule));
    return fx->fs.n - 1;
}

static void assert_target(const struct raci_xlsx_layout *lay, size_t i,
                          enum raci_xlsx_layout_sheet sheet, uint32_t prod, uint32_t row,
                          uint32_t col)
{
    struct raci_xlsx_layout_target t = raci_xlsx_layout_target(lay, i);
    assert_int_equal(t.sheet, sheet);
    if (sheet == RACI_XLSX_LAYOUT_PRODUCT)
        assert_int_equal(t.product, prod);
    if (sheet != RACI_XLSX_LAYOUT_NOWHERE) {
        assert_int_equal(t.row, row);
        assert_int_equal(t.col, col);
    }
}

static const char team_csv[] = "person,title,product,task,raci\n"
                               "Ana,Product Owner,Atlas,Roadmap,A\n" /* 2 */
                               "Bo,Product Manager,Atlas,Roadmap,R\n"
                               "Cy,Developer,Atlas,Backlog,C\n"
                               "Bo,Product Manager,Atlas,Backlog,A\n"
                               "Di,Developer,Zenith,Launch party,A/R\n"
                               "Ana,Product Owner,Zenith,Launch party,I\n";

/* Tasks down from row 2 in roster order; people across from column 1, the
 * team in roster order, then whoever else has a letter there, in the order
 * of their first one; the Findings column after the last person. */
static void test_layout_rows_and_columns(void **state)
{
    struct fixture fx;
    struct raci_xlsx_layout lay;
    struct raci_assign extra = {0};
    uint32_t atlas, zenith, ana, bo, cy, di;
    (void)state;
    fixture_rules(&fx, NULL);
    assert_int_equal(fixture_add(&fx, "team.csv", team_csv), RACI_OK);
    /* Di, of Zenith's team only, has a letter on Atlas's Roadmap. */
    extra.person = person(&fx, "Di");
    extra.task = task(&fx, "Atlas", "Roadmap");
    extra.product = fx.r.tasks[extra.task].product;
    extra.letters = RACI_I;
    extra.raw = raci_strpool_add(fx.pool, "I");
    extra.loc = (struct raci_loc){"team.csv", 8, 5, NULL};
    extra.row_line = 8;
    assert_int_equal(raci_roster_assign(&fx.r, &extra), RACI_OK);
    assert_int_equal(raci_roster_finish(&fx.r), RACI_OK);
    atlas = product(&fx, "Atlas"), zenith = product(&fx, "Zenith");
    ana = person(&fx, "Ana"), bo = person(&fx, "Bo"), cy = person(&fx, "Cy"),
    di = person(&fx, "Di");

    assert_int_equal(raci_xlsx_layout_build(&lay, &fx.r, NULL), RACI_OK);
    assert_null(lay.message);
    assert_int_equal(raci_xlsx_layout_task_row(&lay, task(&fx, "Atlas", "Roadmap")), 2);
    assert_int_equal(raci_xlsx_layout_task_row(&lay, task(&fx, "Atlas", "Backlog")), 3);
    assert_int_equal(raci_xlsx_layout_task_row(&lay, task(&fx, "Zenith", "Launch party")), 2);
    assert_int_equal(raci_xlsx_layout_task_row(&lay, 99), NONE);

    assert_int_equal(raci_xlsx_layout_column(&lay, atlas, ana), 1);
    assert_int_equal(raci_xlsx_layout_column(&lay, atlas, bo), 2);
    assert_int_equal(raci_xlsx_layout_column(&lay, atlas, cy), 3);
    assert_int_equal(raci_xlsx_layout_column(&lay, atlas, di), 4); /* not of the team */
    assert_int_equal(raci_xlsx_layout_findings_column(&lay, atlas), 5);
    assert_int_equal(raci_xlsx_layout_column(&lay, zenith, di), 1);
    assert_int_equal(raci_xlsx_layout_column(&lay, zenith, ana), 2);
    assert_int_equal(raci_xlsx_layout_column(&lay, zenith, bo), NONE);
    assert_int_equal(raci_xlsx_layout_findings_column(&lay, zenith), 3);
    assert_int_equal(raci_xlsx_layout_roster_row(&lay, cy), cy + 1);

    /* The Summary counts the team, not everyone with a column. */
    assert_int_equal(raci_xlsx_layout_counts(&lay, atlas)->people, 3);
    assert_int_equal(raci_xlsx_layout_counts(&lay, atlas)->tasks, 2);
    assert_int_equal(raci_xlsx_layout_counts(&lay, zenith)->people, 2);
    assert_int_equal(raci_xlsx_layout_counts(&lay, zenith)->tasks, 1);
    assert_int_equal(raci_xlsx_layout_total(&lay)->people, 4);
    assert_int_equal(raci_xlsx_layout_total(&lay)->tasks, 3);
    raci_xlsx_layout_release(&lay);
    fixture_release(&fx);
}

/* The cell each finding marks. */
static void test_layout_finding_cells(void **state)
{
    struct fixture fx;
    struct raci_xlsx_layout lay;
    uint32_t atlas, zenith, roadmap, backlog, launch, ana, bo, cy, di;
    size_t cell, task_only, person_only, product_only, via_task, roster_row, nothing, stranger,
        elsewhere;
    (void)state;
    roster(&fx, team_csv);
    atlas = product(&fx, "Atlas"), zenith = product(&fx, "Zenith");
    roadmap = task(&fx, "Atlas", "Roadmap"), backlog = task(&fx, "Atlas", "Backlog");
    launch = task(&fx, "Zenith", "Launch party");
    ana = person(&fx, "Ana"), bo = person(&fx, "Bo"), cy = person(&fx, "Cy"),
    di = person(&fx, "Di");

    cell = finding(&fx, "duplicate-assignment", RACI_SEV_WARNING, atlas, backlog, cy);
    task_only = finding(&fx, "single-accountable", RACI_SEV_ERROR, atlas, roadmap, NONE);
    person_only = finding(&fx, "split-po-pm", RACI_SEV_WARNING, atlas, NONE, bo);
    product_only = finding(&fx, "product-without-po", RACI_SEV_ERROR, zenith, NONE, NONE);
    /* No product given: the task's. */
    via_task = finding(&fx, "missing-responsible", RACI_SEV_WARNING, NONE, launch, ana);
    /* No product and no task: the person's row in Roster. */
    roster_row = finding(&fx, "unknown-manager", RACI_SEV_ERROR, NONE, NONE, di);
    /* About nothing at all: no cell. */
    nothing = finding(&fx, "reporting-cycle", RACI_SEV_ERROR, NONE, NONE, NONE);
    /* A person with no column on the product's sheet: the product's A1. */
    stranger = finding(&fx, "idle-person", RACI_SEV_INFO, zenith, NONE, bo);
    /* A task of another product: not on this sheet, the person's name is. */
    elsewhere = finding(&fx, "unknown-title", RACI_SEV_INFO, zenith, roadmap, ana);

    assert_int_equal(raci_xlsx_layout_build(&lay, &fx.r, &fx.fs), RACI_OK);
    assert_target(&lay, cell, RACI_XLSX_LAYOUT_PRODUCT, atlas, 3, 3);
    assert_target(&lay, task_only, RACI_XLSX_LAYOUT_PRODUCT, atlas, 2, 0);
    assert_target(&lay, person_only, RACI_XLSX_LAYOUT_PRODUCT, atlas, 0, 2);
    assert_target(&lay, product_only, RACI_XLSX_LAYOUT_PRODUCT, zenith, 0, 0);
    assert_target(&lay, via_task, RACI_XLSX_LAYOUT_PRODUCT, zenith, 2, 2);
    assert_target(&lay, roster_row, RACI_XLSX_LAYOUT_ROSTER, NONE, di + 1, 0);
    assert_target(&lay, nothing, RACI_XLSX_LAYOUT_NOWHERE, NONE, 0, 0);
    assert_target(&lay, stranger, RACI_XLSX_LAYOUT_PRODUCT, zenith, 0, 0);
    assert_target(&lay, elsewhere, RACI_XLSX_LAYOUT_PRODUCT, zenith, 0, 2);

    assert_int_equal(raci_xlsx_layout_product(&lay, cell), atlas);
    assert_int_equal(raci_xlsx_layout_product(&lay, via_task), zenith);
    assert_int_equal(raci_xlsx_layout_product(&lay, roster_row), NONE);
    assert_int_equal(raci_xlsx_layout_product(&lay, nothing), NONE);
    assert_int_equal(raci_xlsx_layout_product(&lay, 99), NONE);
    assert_target(&lay, 99, RACI_XLSX_LAYOUT_NOWHERE, NONE, 0, 0);

    /* Counts by severity: per product, the whole roster, the total. */
    {
        const struct raci_xlsx_layout_counts *a = raci_xlsx_layout_counts(&lay, atlas),
                                             *z = raci_xlsx_layout_counts(&lay, zenith),
                                             *w = raci_xlsx_layout_counts(&lay, NONE),
                                             *t = raci_xlsx_layout_total(&lay);
        int e = raci_xlsx_layout_severity(RACI_SEV_ERROR),
            wa = raci_xlsx_layout_severity(RACI_SEV_WARNING),
            in = raci_xlsx_layout_severity(RACI_SEV_INFO);
        assert_int_equal(a->findings[e], 1);
        assert_int_equal(a->findings[wa], 2);
        assert_int_equal(a->findings[in], 0);
        assert_int_equal(z->findings[e], 1);
        assert_int_equal(z->findings[wa], 1);
        assert_int_equal(z->findings[in], 2);
        assert_int_equal(w->findings[e], 2);
        assert_int_equal(w->findings[wa] + w->findings[in], 0);
        assert_int_equal(w->people + w->tasks, 0);
        assert_int_equal(t->findings[e], 4);
        assert_int_equal(t->findings[wa], 3);
        assert_int_equal(t->findings[in], 2);
    }
    raci_xlsx_layout_release(&lay);
    fixture_release(&fx);
}

/* The marks of a sheet come in the order its cells are written: by row,
 * then column, then the findings' order. */
static void test_layout_mark_order(void **state)
{
    struct fixture fx;
    struct raci_xlsx_layout lay;
    const struct raci_xlsx_layout_mark *m;
    size_t n, f[6];
    uint32_t atlas, roadmap, backlog, ana, bo, cy;
    (void)state;
    roster(&fx, team_csv);
    atlas = product(&fx, "Atlas");
    roadmap = task(&fx, "Atlas", "Roadmap"), backlog = task(&fx, "Atlas", "Backlog");
    ana = person(&fx, "Ana"), bo = person(&fx, "Bo"), cy = person(&fx, "Cy");
    f[0] = finding(&fx, "a", RACI_SEV_INFO, atlas, backlog, cy);   /* (3, 3) */
    f[1] = finding(&fx, "b", RACI_SEV_INFO, atlas, backlog, NONE); /* (3, 0) */
    f[2] = finding(&fx, "c", RACI_SEV_INFO, atlas, roadmap, bo);   /* (2, 2) */
    f[3] = finding(&fx, "d", RACI_SEV_INFO, atlas, NONE, ana);     /* (0, 1) */
    f[4] = finding(&fx, "e", RACI_SEV_INFO, atlas, backlog, cy);   /* (3, 3) again */
    f[5] = finding(&fx, "f", RACI_SEV_INFO, atlas, NONE, NONE);    /* (0, 0) */
    finding(&fx, "g", RACI_SEV_INFO, NONE, NONE, ana);             /* Roster: no mark */

    assert_int_equal(raci_xlsx_layout_build(&lay, &fx.r, &fx.fs), RACI_OK);
    m = raci_xlsx_layout_marks(&lay, atlas, &n);
    assert_int_equal(n, 6);
    {
        const size_t want[6] = {f[5], f[3], f[2], f[1], f[0], f[4]};
        for (size_t i = 0; i < n; i++) {
            struct raci_xlsx_layout_target t = raci_xlsx_layout_target(&lay, want[i]);
            assert_int_equal(m[i].finding, want[i]);
            assert_int_equal(m[i].row, t.row);
            assert_int_equal(m[i].col, t.col);
        }
    }
    raci_xlsx_layout_marks(&lay, product(&fx, "Zenith"), &n);
    assert_int_equal(n, 0);
    assert_null(raci_xlsx_layout_marks(&lay, 99, &n));
    assert_int_equal(n, 0);
    raci_xlsx_layout_release(&lay);
    fixture_release(&fx);
}

/* Product sheets are named safe and unique, against each other and the
 * workbook's own sheets. */
static void test_layout_sheet_names(void **state)
{
    struct fixture fx;
    struct raci_xlsx_layout lay;
    (void)state;
    roster(&fx, "person,title,product,task,raci\n"
                "Ana,Product Owner,Summary,Roadmap,A\n"
                "Ana,Product Owner,R&D: Ops/Infra,Roadmap,A\n"
                "Ana,Product Owner,\xc3\x89quipe,Roadmap,A\n" /* Équipe */
                "Ana,Product Owner,\xc3\xa9quipe,Roadmap,A\n" /* équipe: the same product */
                "Ana,Product Owner,Platform engineering and operations A,Roadmap,A\n"
                "Ana,Product Owner,Platform engineering and operations B,Roadmap,A\n"
                "Ana,Product Owner,history,Roadmap,A\n");
    assert_int_equal(fx.r.nproducts, 6);
    assert_int_equal(raci_xlsx_layout_build(&lay, &fx.r, NULL), RACI_OK);
    assert_string_equal(raci_xlsx_layout_sheet(&lay, 0), "Summary (2)");
    assert_string_equal(raci_xlsx_layout_sheet(&lay, 1), "R&D_ Ops_Infra");
    assert_string_equal(raci_xlsx_layout_sheet(&lay, 2), "\xc3\x89quipe");
    assert_string_equal(raci_xlsx_layout_sheet(&lay, 3), "Platform engineering and operat");
    assert_string_equal(raci_xlsx_layout_sheet(&lay, 4), "Platform engineering and op (2)");
    assert_string_equal(raci_xlsx_layout_sheet(&lay, 5), "history (2)");
    assert_string_equal(raci_xlsx_layout_sheet(&lay, 99), "");
    raci_xlsx_layout_release(&lay);
    fixture_release(&fx);
}

/* A product a sheet cannot hold goes onto Other products, a row a pair;
 * a Roster Excel cannot hold is an error of the layout, which says why. */
static void test_layout_limits(void **state)
{
    struct fixture fx;
    struct raci_xlsx_layout lay;
    struct raci_str csv = RACI_STR_INIT;
    (void)state;

    /* 16383 people on one sheet: with the task and Findings columns, one
     * column more than a sheet has. */
    raci_str_add(&csv, "person,title,product,task,raci\n");
    for (int i = 0; i < 16383; i++)
        raci_str_addf(&csv, "P%05d,Developer,Wide,Build,R\n", i);
    assert_false(csv.failed);
    roster(&fx, csv.s);
    assert_int_equal(raci_xlsx_layout_build(&lay, &fx.r, NULL), RACI_OK);
    assert_false(raci_xlsx_layout_on_sheet(&lay, 0));
    assert_int_equal(raci_xlsx_layout_parts(&lay, RACI_XLSX_LAYOUT_REST), 1);
    assert_int_equal(raci_xlsx_layout_product_target(&lay, 0).sheet, RACI_XLSX_LAYOUT_REST);
    assert_int_equal(raci_xlsx_layout_product_target(&lay, 0).row, 1);
    raci_xlsx_layout_release(&lay);
    fixture_release(&fx);
    /* One person fewer fits. */
    raci_str_reset(&csv);
    raci_str_add(&csv, "person,title,product,task,raci\n");
    for (int i = 0; i < 16382; i++)
        raci_str_addf(&csv, "P%05d,Developer,Wide,Build,R\n", i);
    roster(&fx, csv.s);
    assert_int_equal(raci_xlsx_layout_build(&lay, &fx.r, NULL), RACI_OK);
    assert_true(raci_xlsx_layout_on_sheet(&lay, 0));
    assert_int_equal(raci_xlsx_layout_parts(&lay, RACI_XLSX_LAYOUT_REST), 0);
    assert_int_equal(raci_xlsx_layout_findings_column(&lay, 0), 16383);
    raci_xlsx_layout_release(&lay);
    fixture_release(&fx);

    /* 1048575 tasks: with the two head rows, one row more than a sheet. */
    raci_str_reset(&csv);
    raci_str_add(&csv, "person,title,product,task\n");
    for (int i = 0; i < 1048575; i++)
        raci_str_addf(&csv, "Ana,Developer,Tall,T%d\n", i);
    assert_false(csv.failed);
    roster(&fx, csv.s);
    assert_int_equal(fx.r.ntasks, 1048575);
    assert_int_equal(raci_xlsx_layout_build(&lay, &fx.r, NULL), RACI_OK);
    assert_false(raci_xlsx_layout_on_sheet(&lay, 0));
    assert_int_equal(raci_xlsx_layout_parts(&lay, RACI_XLSX_LAYOUT_REST), 1);
    raci_xlsx_layout_release(&lay);
    fixture_release(&fx);

    /* More extra columns than the Roster sheet has room for. */
    raci_str_reset(&csv);
    raci_str_add(&csv, "person,title");
    for (int i = 0; i < 16375; i++)
        raci_str_addf(&csv, ",x%d", i);
    raci_str_add(&csv, "\nAna,Developer\n");
    assert_false(csv.failed);
    roster(&fx, csv.s);
    assert_int_equal(fx.r.nextra, 16375);
    assert_int_equal(raci_xlsx_layout_build(&lay, &fx.r, NULL), RACI_ERROR_OUTPUT);
    assert_string_equal(lay.message, "16375 extra columns, more than the Roster sheet holds (at "
                                     "most 16374 beside its own 10): keep fewer columns in the "
                                     "roster");
    raci_xlsx_layout_release(&lay);
    fixture_release(&fx);
    raci_str_release(&csv);
}

static void test_layout_severity(void **state)
{
    (void)state;
    assert_int_equal(raci_xlsx_layout_severity(RACI_SEV_INFO), 1);
    assert_int_equal(raci_xlsx_layout_severity(RACI_SEV_WARNING), 2);
    assert_int_equal(raci_xlsx_layout_severity(RACI_SEV_ERROR), 3);
    assert_int_equal(raci_xlsx_layout_severity(RACI_SEV_OFF), 0);
    assert_int_equal(raci_xlsx_layout_severity((enum raci_severity)42), 0);
}

/* Three products, Zenith the worst: with one sheet, Zenith has it, and
 * Atlas's and Mars's pairs are the rows of Other products, in roster order;
 * findings there mark the pair's letters, a task's first row, a person's
 * first row, a product's first row; a person with no pair there marks Roster. */
static void test_layout_max_sheets(void **state)
{
    static const char csv[] = "person,title,product,task,raci\n"
                              "Ana,Product Owner,Atlas,Roadmap,A\n"
                              "Bo,Product Manager,Atlas,Roadmap,R\n"
                              "Cy,Developer,Atlas,Backlog,C\n"
                              "Di,Developer,Zenith,Launch,A/R\n"
                              "Ed,Developer,Mars,Orbit,A\n"
                              "Di,Developer,Mars,Orbit,R\n"
                              "Fay,Developer,Mars,,\n";
    struct fixture fx;
    struct raci_xlsx_layout lay;
    uint32_t atlas, zenith, mars;
    size_t n, f[6];
    const uint32_t *worst;
    const struct raci_xlsx_layout_mark *marks;
    (void)state;
    roster(&fx, csv);
    atlas = product(&fx, "Atlas"), zenith = product(&fx, "Zenith"), mars = product(&fx, "Mars");
    f[0] = finding(&fx, "a", RACI_SEV_ERROR, zenith, NONE, NONE);
    f[1] = finding(&fx, "b", RACI_SEV_WARNING, atlas, task(&fx, "Atlas", "Roadmap"),
                   person(&fx, "Bo"));
    f[2] = finding(&fx, "c", RACI_SEV_INFO, atlas, task(&fx, "Atlas", "Backlog"), NONE);
    f[3] = finding(&fx, "d", RACI_SEV_INFO, mars, NONE, person(&fx, "Di"));
    f[4] = finding(&fx, "e", RACI_SEV_INFO, mars, NONE, NONE);
    f[5] = finding(&fx, "f", RACI_SEV_INFO, mars, NONE, person(&fx, "Fay"));
    assert_int_equal(raci_xlsx_layout_build_max(&lay, &fx.r, &fx.fs, 1), RACI_OK);
    worst = raci_xlsx_layout_worst(&lay, &n);
    assert_int_equal(n, 3);
    assert_int_equal(worst[0], zenith);
    assert_int_equal(worst[1], atlas); /* a warning beats infos */
    assert_int_equal(worst[2], mars);
    assert_true(raci_xlsx_layout_on_sheet(&lay, zenith));
    assert_false(raci_xlsx_layout_on_sheet(&lay, atlas));
    assert_string_equal(raci_xlsx_layout_sheet(&lay, atlas), "");
    assert_int_equal(raci_xlsx_layout_parts(&lay, RACI_XLSX_LAYOUT_REST), 1);
    assert_string_equal(raci_xlsx_layout_part_sheet(&lay, RACI_XLSX_LAYOUT_REST, 0),
                        "Other products");
    assert_int_equal(lay.nrest, 6); /* Atlas 3 pairs, Mars 2, Fay on Mars without a task */
    assert_target(&lay, f[0], RACI_XLSX_LAYOUT_PRODUCT, zenith, 0, 0);
    assert_target(&lay, f[1], RACI_XLSX_LAYOUT_REST, 0, 2, RACI_XLSX_LAYOUT_REST_LETTERS);
    assert_target(&lay, f[2], RACI_XLSX_LAYOUT_REST, 0, 3, RACI_XLSX_LAYOUT_REST_TASK);
    assert_target(&lay, f[3], RACI_XLSX_LAYOUT_REST, 0, 5, RACI_XLSX_LAYOUT_REST_PERSON);
    assert_target(&lay, f[4], RACI_XLSX_LAYOUT_REST, 0, 4, RACI_XLSX_LAYOUT_REST_PRODUCT);
    assert_target(&lay, f[5], RACI_XLSX_LAYOUT_REST, 0, 6, RACI_XLSX_LAYOUT_REST_PERSON);
    marks = raci_xlsx_layout_rest_marks(&lay, &n);
    assert_int_equal(n, 5);
    assert_int_equal(marks[0].row, 1); /* by row: Bo's pair, Backlog, Mars, Di, Fay */
    assert_int_equal(marks[0].finding, f[1]);
    assert_int_equal(marks[3].finding, f[3]);
    assert_int_equal(marks[4].finding, f[5]);
    raci_xlsx_layout_release(&lay);
    /* Enough sheets for all: no Other products, no empty names. */
    assert_int_equal(raci_xlsx_layout_build_max(&lay, &fx.r, &fx.fs, 3), RACI_OK);
    assert_int_equal(raci_xlsx_layout_parts(&lay, RACI_XLSX_LAYOUT_REST), 0);
    assert_string_equal(raci_xlsx_layout_sheet(&lay, atlas), "Atlas");
    raci_xlsx_layout_release(&lay);
    fixture_release(&fx);
}

/* RACI_XLSX_MAX_ROWS splits Findings and Roster into parts of a header and
 * max - 1 rows, named before the products (a product "Roster (2)" yields). */
static void test_layout_split(void **state)
{
    static const char csv[] = "person,title,product,task,raci\n"
                              "Ana,Product Owner,Roster (2),Roadmap,A\n"
                              "Bo,Product Manager,Roster (2),Roadmap,R\n"
                              "Cy,Developer,Roster (2),Backlog,A\n"
                              "Di,Developer,Roster (2),Backlog,R\n";
    struct fixture fx;
    struct raci_xlsx_layout lay;
    size_t last = 0;
    (void)state;
    roster(&fx, csv);
    for (int i = 0; i < 5; i++)
        last = finding(&fx, "x", RACI_SEV_INFO, NONE, NONE, person(&fx, "Di"));
    assert_int_equal(setenv("RACI_XLSX_MAX_ROWS", "3", 1), 0);
    assert_int_equal(raci_xlsx_layout_build(&lay, &fx.r, &fx.fs), RACI_OK);
    assert_int_equal(raci_xlsx_layout_part_rows(&lay), 2);
    assert_int_equal(raci_xlsx_layout_parts(&lay, RACI_XLSX_LAYOUT_FINDINGS), 3);
    assert_string_equal(raci_xlsx_layout_part_sheet(&lay, RACI_XLSX_LAYOUT_FINDINGS, 2),
                        "Findings (3)");
    assert_int_equal(raci_xlsx_layout_parts(&lay, RACI_XLSX_LAYOUT_ROSTER), 2);
    assert_string_equal(raci_xlsx_layout_part_sheet(&lay, RACI_XLSX_LAYOUT_ROSTER, 1),
                        "Roster (2)");
    assert_string_equal(raci_xlsx_layout_sheet(&lay, 0), "Roster (2) (2)");
    /* Di, the fourth person, is on row 2 of Roster (2). */
    assert_target(&lay, last, RACI_XLSX_LAYOUT_ROSTER, 0, 2, 0);
    assert_int_equal(raci_xlsx_layout_target(&lay, last).part, 1);
    assert_string_equal(raci_xlsx_layout_target_sheet(&lay, &lay.targets[last]), "Roster (2)");
    raci_xlsx_layout_release(&lay);
    /* Out of range, it is Excel's limit again. */
    assert_int_equal(setenv("RACI_XLSX_MAX_ROWS", "1", 1), 0);
    assert_int_equal(raci_xlsx_layout_build(&lay, &fx.r, &fx.fs), RACI_OK);
    assert_int_equal(raci_xlsx_layout_part_rows(&lay), RACI_XLSX_LAYOUT_MAX_ROWS - 1);
    assert_int_equal(raci_xlsx_layout_parts(&lay, RACI_XLSX_LAYOUT_FINDINGS), 1);
    raci_xlsx_layout_release(&lay);
    assert_int_equal(unsetenv("RACI_XLSX_MAX_ROWS"), 0);
    fixture_release(&fx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_layout_rows_and_columns), cmocka_unit_test(test_layout_finding_cells),
        cmocka_unit_test(test_layout_mark_order),       cmocka_unit_test(test_layout_sheet_names),
        cmocka_unit_test(test_layout_limits),           cmocka_unit_test(test_layout_severity),
        cmocka_unit_test(test_layout_max_sheets),       cmocka_unit_test(test_layout_split),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
