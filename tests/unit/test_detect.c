/*
 * test_detect.c - the shape of a table from its header and cells: the long
 * roster, a matrix with any label column, grouping and note columns, a
 * transposed one, the rows of a matrix (headings, legends, headers again),
 * close calls, and --input stating the shape; and a matrix read into the
 * roster through them.
 */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "raci/cells.h"
#include "raci/detect.h"

/* Detect the shape of csv under input into *d; the table stays in *t. */
static void detect(struct fixture *fx, struct raci_table *t, struct raci_detect *d, const char *csv,
                   enum raci_detect_input input)
{
    assert_int_equal(raci_reader_read_mem(t, csv, strlen(csv), "t.csv", fx->pool, &fx->diag),
                     RACI_OK);
    assert_int_equal(raci_detect_table(d, t, &fx->rs, fx->pool, input), RACI_OK);
}

/* The shape of csv (detected), and what its columns are, as a string of
 * one character each: L label, G group, N note, R role, T title, - none. */
static enum raci_detect_shape shape_of(const char *csv, enum raci_detect_input input, char *cols,
                                       int *unsure)
{
    static const char kinds[] = "-LGNRT";
    struct fixture fx;
    struct raci_table t = {0};
    struct raci_detect d;
    enum raci_detect_shape s;

    fixture_rules(&fx, NULL);
    detect(&fx, &t, &d, csv, input);
    s = d.shape;
    for (uint32_t c = 0; c < d.ncols && cols; c++)
        cols[c] = kinds[d.col[c]];
    if (cols)
        cols[d.ncols] = '\0';
    if (unsure)
        *unsure = d.unsure;
    raci_detect_release(&d);
    raci_reader_release(&t);
    fixture_release(&fx);
    return s;
}

static void test_roster(void **state)
{
    (void)state;
    assert_int_equal(shape_of("person,title,product,task,raci\nAna,Product Owner,Atlas,Roadmap,A\n",
                              RACI_INPUT_AUTO, NULL, NULL),
                     RACI_DETECT_ROSTER);
    /* A roster without letters is still one; one letter-like column (a
     * grade) makes no matrix of it. */
    assert_int_equal(shape_of("Name,Title,Grade\nAna,Product Owner,A\nBo,Developer,C\n",
                              RACI_INPUT_AUTO, NULL, NULL),
                     RACI_DETECT_ROSTER);
    /* --input matrix on a roster: no matrix. */
    assert_int_equal(
        shape_of("person,title,product\nAna,Product Owner,Atlas\n", RACI_INPUT_MATRIX, NULL, NULL),
        RACI_DETECT_NONE);
}

static void test_label_column(void **state)
{
    char cols[16];
    int unsure;
    (void)state;
    /* Any header, or none, over the tasks. */
    assert_int_equal(shape_of("PSaaS Appliance-Related Tasks or Actions,Customer,Provider\n"
                              "Patch the appliance,R,A\nBack up the data,A/R,I\n",
                              RACI_INPUT_AUTO, cols, &unsure),
                     RACI_DETECT_MATRIX);
    assert_string_equal(cols, "LRR");
    assert_false(unsure);
    assert_int_equal(
        shape_of(",Product Owner,Developer\nProduct backlog,A/R,C\nCode review,I,A/R\n",
                 RACI_INPUT_AUTO, cols, &unsure),
        RACI_DETECT_MATRIX);
    assert_string_equal(cols, "LRR");
    assert_false(unsure);
    /* An id column before the tasks is a note; the tasks are the text. */
    assert_int_equal(shape_of("WBS,Items,Owner,Dev\n1.1,Plan the work,A,R\n1.2,Do the work,C,A/R\n",
                              RACI_INPUT_AUTO, cols, &unsure),
                     RACI_DETECT_MATRIX);
    assert_string_equal(cols, "NLRR");
    assert_false(unsure);
}

static void test_group_and_notes(void **state)
{
    char cols[16];
    int unsure;
    (void)state;
    /* A named area column groups, wherever it is. */
    assert_int_equal(shape_of("Area,Task,Owner,Dev\nDiscovery,Define your requirements,A,R\n"
                              "Delivery,Build it,C,A/R\n",
                              RACI_INPUT_AUTO, cols, &unsure),
                     RACI_DETECT_MATRIX);
    assert_string_equal(cols, "GLRR");
    /* An unnamed one, blank below its values (merged cells): a group. */
    assert_int_equal(shape_of(",Step one,Owner,Dev\nDiscovery,Define the needs,A,R\n"
                              ",Interview customers,C,A/R\nDelivery,Build it,A,R\n",
                              RACI_INPUT_AUTO, cols, &unsure),
                     RACI_DETECT_MATRIX);
    assert_string_equal(cols, "GLRR");
    /* Notes by name, and a column of prose with no letters: never roles. */
    assert_int_equal(shape_of("Task,Description,Owner,Dev,\n"
                              "Backlog,Keep it ordered by value,A,R,asked for by the board each "
                              "quarter\n"
                              "Review,Every change is read twice,C,A/R,only for the core\n",
                              RACI_INPUT_AUTO, cols, &unsure),
                     RACI_DETECT_MATRIX);
    assert_string_equal(cols, "LNRRN");
    assert_false(unsure);
}

static void test_transposed(void **state)
{
    char cols[16];
    int unsure;
    (void)state;
    /* Told by the first header cell. */
    assert_int_equal(
        shape_of("Role,Plan it,Build it\nOwner,A,R\nDev,R,A\n", RACI_INPUT_AUTO, cols, &unsure),
        RACI_DETECT_TRANSPOSED);
    assert_string_equal(cols, "LRR");
    /* Told by the cells: the ruleset's titles down the side, its tasks
     * across, more tasks than roles. */
    assert_int_equal(shape_of(",Product backlog,Sprint planning,Code review,Roadmap\n"
                              "Product Owner,A/R,A,I,A\nDeveloper,C,R,A/R,I\n",
                              RACI_INPUT_AUTO, cols, &unsure),
                     RACI_DETECT_TRANSPOSED);
    assert_false(unsure);
    /* The same the right way round is a matrix. */
    assert_int_equal(shape_of(",Product Owner,Developer\nProduct backlog,A/R,C\n"
                              "Sprint planning,A,R\nCode review,I,A/R\nRoadmap,A,I\n",
                              RACI_INPUT_AUTO, cols, &unsure),
                     RACI_DETECT_MATRIX);
    assert_false(unsure);
    /* People with titles, tasks across. */
    assert_int_equal(shape_of("Name,Title,Backlog,Review,Release\nAna,Product Owner,A/R,I,A\n"
                              "Bo,Developer,C,A/R,R\n",
                              RACI_INPUT_AUTO, cols, &unsure),
                     RACI_DETECT_TRANSPOSED);
    assert_string_equal(cols, "LTRRR");
    assert_false(unsure);
}

static void test_close_calls(void **state)
{
    int unsure;
    (void)state;
    /* Two columns that could hold the tasks. */
    assert_int_equal(
        shape_of("Code,What,Owner,Dev\nAlpha build,Plan it,A,R\nBeta build,Ship it,R,A\n",
                 RACI_INPUT_AUTO, NULL, &unsure),
        RACI_DETECT_MATRIX);
    assert_true(unsure);
    /* An orientation the cells barely decide: two by two, one word each. */
    assert_int_equal(shape_of(",Ana,Bo\nPlan,A,R\nShip,R,A\n", RACI_INPUT_AUTO, NULL, &unsure),
                     RACI_DETECT_MATRIX);
    assert_true(unsure);
    /* Another vocabulary: a matrix, said so. */
    assert_int_equal(shape_of("Task,Lead,Support\nPlan the work,Owns,Helps\nBuild it,Helps,Owns\n"
                              "Ship it,Owns,Helps\n",
                              RACI_INPUT_AUTO, NULL, &unsure),
                     RACI_DETECT_MATRIX);
    assert_true(unsure);
    /* People with two task columns: a roster or a matrix? Said, unless
     * stated. */
    assert_int_equal(shape_of("Name,Title,Backlog,Review\nAna,Product Owner,A/R,I\n",
                              RACI_INPUT_AUTO, NULL, &unsure),
                     RACI_DETECT_TRANSPOSED);
    assert_true(unsure);
    assert_int_equal(shape_of("Name,Title,Backlog,Review\nAna,Product Owner,A/R,I\n",
                              RACI_INPUT_MATRIX, NULL, &unsure),
                     RACI_DETECT_TRANSPOSED);
    assert_false(unsure);
}

static void test_input_roster(void **state)
{
    struct fixture fx;
    struct raci_table t = {0};
    struct raci_detect d;
    (void)state;
    fixture_rules(&fx, NULL);
    detect(&fx, &t, &d, "Items,Owner,Dev\nPlan it,A,R\nShip it,R,A\n", RACI_INPUT_ROSTER);
    assert_int_equal(d.shape, RACI_DETECT_NONE);
    assert_int_equal(d.looks, RACI_DETECT_MATRIX);
    assert_non_null(strstr(d.why, "column A, 'Items'"));
    assert_non_null(strstr(d.why, "columns B to C"));
    raci_detect_release(&d);
    raci_reader_release(&t);
    /* Not a matrix at all: nothing it looks like. */
    detect(&fx, &t, &d, "title,product\nProduct Owner,Atlas\n", RACI_INPUT_AUTO);
    assert_int_equal(d.shape, RACI_DETECT_NONE);
    raci_detect_release(&d);
    raci_reader_release(&t);
    /* raci's own product sheet is claimed by no other shape. */
    detect(&fx, &t, &d, "Atlas,Ana,Bo,Findings\nTask,Product Owner,Developer,\nRoadmap,A,R,\n",
           RACI_INPUT_AUTO);
    assert_int_equal(d.shape, RACI_DETECT_PRODUCT_SHEET);
    raci_detect_release(&d);
    raci_reader_release(&t);
    fixture_release(&fx);
}

static void test_rows(void **state)
{
    struct fixture fx;
    struct raci_table t = {0};
    struct raci_detect d;
    static const enum raci_detect_row want[] = {RACI_ROW_DATA,   RACI_ROW_HEADING, RACI_ROW_DATA,
                                                RACI_ROW_HEADER, RACI_ROW_HEADER,  RACI_ROW_LEGEND,
                                                RACI_ROW_LEGEND, RACI_ROW_LEGEND,  RACI_ROW_BLANK};
    (void)state;
    fixture_rules(&fx, NULL);
    /* A title row above the header names the first product. */
    detect(&fx, &t, &d,
           "Atlas RACI\n"
           "Task,Owner,Dev\n"
           "Plan it,A,R\n"
           "BUILD,,\n"
           "Build it,C,A/R\n"
           "TASK,owner,DEV\n"
           "More tasks,Dev,Owner\n"
           "R = Responsible,A = Accountable,\n"
           "\"Legend: R - Responsible, A - Accountable\",,\n"
           "R,Responsible,does the work\n"
           ",,\n",
           RACI_INPUT_AUTO);
    assert_int_equal(d.shape, RACI_DETECT_MATRIX);
    assert_int_equal(d.header, 1);
    assert_string_equal(d.heading, "Atlas RACI");
    assert_int_equal(t.nrows, 10);
    for (size_t i = 1; i < t.nrows; i++)
        assert_int_equal(raci_detect_row(&d, &t.rows[0], &t.rows[i], &fx.rs), want[i - 1]);
    /* A memo gives the same answers, twice over (the second time from what
     * it kept): "R" then "Responsible" is a legend, "R" alone is not. */
    struct raci_map memo = {0};
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 1; i < t.nrows; i++)
            assert_int_equal(raci_cells_legend_in(&t.rows[i], &memo),
                             want[i - 1] == RACI_ROW_LEGEND);
    assert_true(memo.n > 0);
    raci_map_release(&memo);
    raci_detect_release(&d);
    raci_reader_release(&t);
    fixture_release(&fx);
}

/* A matrix read into the roster: products from the headings and groups,
 * carried down; notes kept; legends, headers and notes no tasks or roles. */
static void test_read(void **state)
{
    struct fixture fx;
    (void)state;
    fixture_run(&fx, "Atlas\n"
                     "Phase,Items,Notes,Product Owner,Developer\n"
                     "Discovery,Roadmap,asked by the board,A/R,C\n"
                     ",User stories,,A,R\n"
                     "Delivery,Code review,,I,A/R\n"
                     "R = Responsible,,,,\n"
                     "Phase,Items,Notes,Developer,Product Owner\n"
                     "Delivery,Release,,R,A\n");
    assert_int_equal(fx.r.nproducts, 2);
    uint32_t rm = fixture_task(&fx, "Discovery", "Roadmap");
    fixture_task(&fx, "Discovery", "User stories");
    uint32_t rel = fixture_task(&fx, "Delivery", "Release");
    assert_string_equal(fx.r.tasks[rm].note, "asked by the board");
    assert_int_equal(fx.r.ntasks, 4);
    /* A person per role column and product: 2 x 2. */
    assert_int_equal(fx.r.npersons, 4);
    /* The second header's order: Release's A is the Product Owner's. */
    for (size_t i = 0; i < fx.r.nassigns; i++)
        if (fx.r.assigns[i].task == rel && fx.r.assigns[i].letters == RACI_A)
            assert_string_equal(fx.r.persons[fx.r.assigns[i].person].name, "Product Owner");
    assert_int_equal(fixture_count(&fx, "unknown-letter"), 0);
    assert_int_equal(fixture_count(&fx, "single-accountable"), 0);
    fixture_release(&fx);

    /* Transposed: the same letters, turned. */
    fixture_run(&fx, "Role,Roadmap,Code review\nProduct Owner,A/R,I\nDeveloper,C,A/R\n");
    uint32_t cr = fixture_task(&fx, "team", "Code review");
    uint32_t dev = fixture_person(&fx, "Developer");
    for (size_t i = 0; i < fx.r.nassigns; i++)
        if (fx.r.assigns[i].task == cr && fx.r.assigns[i].person == dev) {
            assert_int_equal(fx.r.assigns[i].letters, RACI_A | RACI_R);
            assert_int_equal(fx.r.assigns[i].loc.line, 3);
            assert_int_equal(fx.r.assigns[i].loc.col, 13);
        }
    assert_int_equal(fx.r.ntasks, 2);
    fixture_release(&fx);
}

/* The columns are counted in one pass, each on its own: a value repeated
 * down one column while the other changes, blanks below a value counted
 * as gaps of their column only, and a ragged row short of a column. */
static void test_columns_stats_side_by_side(void **state)
{
    struct fixture fx;
    struct raci_cell c[4][2] = {
        {{.text = "P&G", .line = 1, .col = 1}, {.text = "A/R", .line = 1, .col = 5}},
        {{.text = "P&G", .line = 2, .col = 1}, {.text = "C", .line = 2, .col = 5}},
        {{.text = "Ωmega", .line = 3, .col = 1}, {.text = "", .line = 3, .col = 7}},
        {{.text = "P&G", .line = 4, .col = 1}},
    };
    struct raci_row rows[4];
    const struct raci_row *p[4];
    struct raci_cells_stats st[2];

    (void)state;
    fixture_rules(&fx, NULL);
    for (size_t i = 0; i < 4; i++) {
        rows[i] = (struct raci_row){.line = (uint32_t)i + 1, .ncells = i == 3 ? 1 : 2};
        rows[i].cells = c[i];
        p[i] = &rows[i];
    }
    assert_int_equal(raci_cells_columns_stats(st, p, 4, 2, &fx.rs), RACI_OK);
    assert_int_equal(st[0].n, 4);
    assert_int_equal(st[0].distinct, 2);
    assert_int_equal(st[0].letters, 0);
    assert_int_equal(st[0].gaps, 0);
    assert_int_equal(raci_cells_kind(&st[0]), RACI_CELLS_TEXT);
    assert_int_equal(st[1].n, 2);
    assert_int_equal(st[1].distinct, 2);
    assert_int_equal(st[1].letters, 2);
    assert_int_equal(st[1].gaps, 2); /* the blank cell and the missing one */
    assert_int_equal(raci_cells_kind(&st[1]), RACI_CELLS_LETTERS);
    fixture_release(&fx);
}

/* A column's statistics count each value as often as it occurs, and equal
 * texts as one value even when they are not one interned string. */
static void test_column_stats(void **state)
{
    struct fixture fx;
    /* Two copies of "Ops team" at two addresses, and the letters "R". */
    char ops1[] = "Ops team", ops2[] = "Ops team";
    struct raci_cell c[] = {{"Dev", 1, 1}, {ops1, 2, 1}, {"R", 3, 1},
                            {ops2, 4, 1},  {"", 5, 1},   {"R", 6, 1}};
    struct raci_row rows[6];
    const struct raci_row *p[6];
    struct raci_cells_stats st;

    (void)state;
    fixture_rules(&fx, NULL);
    for (size_t i = 0; i < 6; i++) {
        rows[i] = (struct raci_row){0};
        rows[i].cells = &c[i];
        rows[i].ncells = 1;
        p[i] = &rows[i];
    }
    assert_int_equal(raci_cells_columns_stats(&st, p, 6, 1, &fx.rs), RACI_OK);
    assert_int_equal(st.n, 5);
    assert_int_equal(st.letters, 2);
    assert_int_equal(st.distinct, 3); /* Dev, Ops team, R */
    assert_int_equal(st.gaps, 1);
    /* Dev (3 bytes, 1 word) and Ops team twice (8 bytes, 2 words). */
    assert_true(st.chars > 6.33 && st.chars < 6.34);
    assert_true(st.words > 1.66 && st.words < 1.67);
    assert_int_equal(st.marks, 3);
    fixture_release(&fx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_roster),
        cmocka_unit_test(test_label_column),
        cmocka_unit_test(test_group_and_notes),
        cmocka_unit_test(test_transposed),
        cmocka_unit_test(test_close_calls),
        cmocka_unit_test(test_input_roster),
        cmocka_unit_test(test_rows),
        cmocka_unit_test(test_read),
        cmocka_unit_test(test_column_stats),
        cmocka_unit_test(test_columns_stats_side_by_side),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
