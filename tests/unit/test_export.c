/*
 * test_export.c - the exports (export.h), their CSV quoting (csvout.h), and
 * the product sheets read back (sheetcsv.h).
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "raci/csvout.h"
#include "raci/export.h"
#include "raci/sheetcsv.h"

typedef raci_error (*export_fn)(FILE *out, const struct raci_roster *r);

/* What fn writes of fx's roster, malloc'd. */
static char *exported(const struct fixture *fx, export_fn fn)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);

    assert_non_null(out);
    assert_int_equal(fn(out, &fx->r), RACI_OK);
    assert_int_equal(fclose(out), 0);
    return buf;
}

/* Read csv as file, export it with fn, read that back and export it again:
 * the same bytes. Returns the first export, malloc'd. */
static char *fixed_point(const char *file, const char *csv, export_fn fn)
{
    struct fixture a, b;
    char *first, *second;

    fixture_rules(&a, NULL);
    assert_int_equal(fixture_add(&a, file, csv), RACI_OK);
    fixture_check(&a);
    first = exported(&a, fn);
    fixture_rules(&b, NULL);
    assert_int_equal(fixture_add(&b, "again.csv", first), RACI_OK);
    fixture_check(&b);
    second = exported(&b, fn);
    assert_string_equal(first, second);
    free(second);
    fixture_release(&a);
    fixture_release(&b);
    return first;
}

static void test_csv_quotes_only_what_needs_it(void **state)
{
    static const char *const fields[] = {"plain", "a,b",     "say \"hi\"", "two\nlines",
                                         " lead", "trail\t", "semi;colon", "",
                                         NULL,    "Zoë 🚀"};
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    struct raci_csvout w;
    (void)state;

    assert_non_null(out);
    raci_csvout_init(&w, out);
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
        raci_csvout_field(&w, fields[i]);
    raci_csvout_end(&w);
    raci_csvout_blank(&w);
    raci_csvout_field(&w, "x");
    raci_csvout_end(&w);
    assert_int_equal(raci_csvout_status(&w), RACI_OK);
    assert_int_equal(fclose(out), 0);
    assert_string_equal(buf, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\" lead\","
                             "\"trail\t\",\"semi;colon\",,,Zoë 🚀\n\nx\n");
    free(buf);
}

static void test_csv_write_failure_is_an_output_error(void **state)
{
    FILE *full = fopen("/dev/full", "w");
    struct raci_csvout w;
    (void)state;

    if (!full)
        skip();
    setvbuf(full, NULL, _IONBF, 0);
    raci_csvout_init(&w, full);
    raci_csvout_field(&w, "a,b");
    raci_csvout_end(&w);
    assert_int_equal(raci_csvout_status(&w), RACI_ERROR_OUTPUT);
    fclose(full);
}

static void test_roster_export(void **state)
{
    /* Bo's second title; Cy on no product; Dee joins Beacon without letters;
     * a task without letters; two rows for one cell; an unreadable cell. */
    char *csv = fixed_point("team.csv",
                            "name,job title,team,task,letters,notes\n"
                            "Ana,Product Owner,Atlas,Roadmap,\"R, A\",first\n"
                            "Bo,Product Manager,Atlas,Roadmap,(c),\n"
                            "Bo,Tech Lead,Atlas,Backlog,accountable,\n"
                            "Cy,Developer,,,,\n"
                            "Dee,QA Engineer,Beacon,Testing,,\n"
                            "Ana,Product Owner,Beacon,Testing,I,\n"
                            "Ana,Product Owner,Beacon,Testing,zz,\n",
                            raci_export_roster);
    (void)state;

    assert_string_equal(csv, "person,title,product,task,raci,notes\n"
                             "Ana,Product Owner,Atlas,Roadmap,A/R,first\n"
                             "Bo,Product Manager,Atlas,Roadmap,(C),\n"
                             "Bo,Tech Lead,,,,\n"
                             "Bo,Product Manager,Atlas,Backlog,A,\n"
                             "Cy,Developer,,,,\n"
                             "Dee,QA Engineer,Beacon,Testing,,\n"
                             "Ana,Product Owner,Beacon,Testing,I,first\n"
                             "Ana,Product Owner,Beacon,Testing,zz,first\n");
    free(csv);
}

/* A product cell with a line break puts the task cell of the export on a
 * later line than its row's person cell: read back, the task's row is
 * still the row that names the person on the product, not a row of its
 * own (found by fuzz_pipeline). */
static void test_task_after_a_line_break(void **state)
{
    char *csv = fixed_point("team.csv",
                            "task,product,title,person\n"
                            "Review,\"Sprint\nteam\",Developer,Ana\n",
                            raci_export_roster);
    (void)state;

    assert_string_equal(csv, "person,title,product,task,raci\n"
                             "Ana,Developer,\"Sprint\nteam\",Review,\n");
    free(csv);
}

static void test_role_columns_get_ids(void **state)
{
    /* A chart's "Developer" of each product is a person of its own. */
    char *csv = fixed_point("chart.csv",
                            "team,task,Developer\n"
                            "Atlas,Build,R\n"
                            "Beacon,Build,A\n",
                            raci_export_roster);
    (void)state;

    assert_string_equal(csv, "person,title,product,task,raci,id,reports_to\n"
                             "Developer,Developer,Atlas,,,,\n"
                             "Developer,Developer,Beacon,,,Developer (Beacon),\n"
                             "Developer,Developer,Atlas,Build,R,,\n"
                             "Developer,Developer,Beacon,Build,A,Developer (Beacon),\n");
    free(csv);
}

static void test_matrix_export(void **state)
{
    char *csv = fixed_point("team.csv",
                            "person,title,product,task,raci\n"
                            "Ana,Product Owner,Atlas,Roadmap,A\n"
                            "Ana,Product Manager,Atlas,Backlog,R\n"
                            "Bo,Developer,Atlas,Backlog,c\n"
                            "Bo,Developer,Beacon,Build,A/R\n",
                            raci_export_matrix);
    (void)state;

    assert_string_equal(csv, "Atlas,Ana,Bo\n"
                             "Task,\"Product Owner; Product Manager\",Developer\n"
                             "Roadmap,A,\n"
                             "Backlog,R,C\n"
                             "\n"
                             "Beacon,Bo\n"
                             "Task,Developer\n"
                             "Build,A/R\n");
    free(csv);
}

static void test_product_sheets_read_back(void **state)
{
    struct fixture fx;
    (void)state;

    fixture_rules(&fx, NULL);
    assert_int_equal(fixture_add(&fx, "sheets.csv",
                                 "Atlas,Ana,Developer,Findings\n"
                                 "TASK,Product Owner; Tech Lead,Developer,\n"
                                 "Roadmap,A,R,[missing-responsible] ...\n"
                                 "\n"
                                 "Beacon,Ana,Developer,Findings\n"
                                 "Task,Product Owner; Tech Lead,Developer,\n"
                                 "Build,A/R,??,\n"
                                 "Test,,,\n"),
                     RACI_OK);
    fixture_check(&fx);
    /* Ana once, a Developer per product, no "Findings". */
    assert_int_equal(fx.r.nproducts, 2);
    assert_int_equal(fx.r.npersons, 3);
    assert_int_equal(fx.r.persons[fixture_person(&fx, "Ana")].ntitles, 2);
    assert_int_equal(fx.r.ntasks, 3);
    fixture_task(&fx, "Beacon", "Test");
    assert_int_equal(fixture_count(&fx, "unknown-letter"), 1);
    assert_int_equal(fixture_count(&fx, "po-multiple-products"), 1);
    fixture_release(&fx);
}

static void test_what_is_a_product_sheet(void **state)
{
    static const char *const yes[] = {"Atlas,Ana\nTask,PO\n", "Atlas\n task \n"};
    static const char *const no[] = {",Ana\nTask,PO\n", "Atlas,Ana\nTasks,PO\n", "Atlas,Ana\n"};
    struct raci_strpool *pool = raci_strpool_new();
    (void)state;

    for (size_t i = 0; i < sizeof yes / sizeof *yes + sizeof no / sizeof *no; i++) {
        int want = i < sizeof yes / sizeof *yes;
        const char *csv = want ? yes[i] : no[i - sizeof yes / sizeof *yes];
        struct raci_table t = {0};
        assert_int_equal(raci_reader_read_mem(&t, csv, strlen(csv), "t.csv", pool, NULL), RACI_OK);
        assert_int_equal(raci_sheetcsv_is(&t), want);
        raci_reader_release(&t);
    }
    raci_strpool_free(pool);
}

static void test_a_long_roster_is_no_product_sheet(void **state)
{
    struct fixture fx;
    (void)state;

    /* A header naming a person and a title column is a long roster's,
     * whatever its first row says: here a person named "Task". */
    fixture_run(&fx, "person,title\nTask,Product Owner\n");
    assert_int_equal(fx.r.npersons, 1);
    assert_string_equal(fx.r.persons[0].name, "Task");
    fixture_release(&fx);
    /* A sheet whose person is called "Employee" is still a sheet. */
    fixture_run(&fx, "Atlas,Employee,Ana\nTask,Developer,Product Owner\nRoadmap,R,A\n");
    assert_int_equal(fx.r.npersons, 2);
    assert_string_equal(fx.r.products[0].name, "Atlas");
    fixture_release(&fx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_csv_quotes_only_what_needs_it),
        cmocka_unit_test(test_csv_write_failure_is_an_output_error),
        cmocka_unit_test(test_roster_export),
        cmocka_unit_test(test_task_after_a_line_break),
        cmocka_unit_test(test_role_columns_get_ids),
        cmocka_unit_test(test_matrix_export),
        cmocka_unit_test(test_product_sheets_read_back),
        cmocka_unit_test(test_what_is_a_product_sheet),
        cmocka_unit_test(test_a_long_roster_is_no_product_sheet),
    };
    return cmocka_run_group_tests_name("export", tests, NULL, NULL);
}
