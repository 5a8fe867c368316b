/*
 * test_xlsx_names.c - any name in the workbook: page headers that hold '&'
 * codes, sheet names that libxlsxwriter's defined names must hold, lists
 * longer than a cell, names in many scripts in every field. Each roster is
 * read from CSV and checked as raci checks it; each workbook is written in
 * a child process (so that a crash is a failure, not the end of the run)
 * and read back by tests/xlsx/check_workbook.py (openpyxl).
 */
#include "testutil.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <jansson.h>

#include "fixture.h"
#include "raci/str.h"
#include "raci/xlsx.h"

#define PYTHON  "/usr/bin/python3"
#define CHECKER RACI_SOURCE_DIR "/tests/xlsx/check_workbook.py"
#define ORACLE  RACI_SOURCE_DIR "/tests/xlsx/input_cells.py"
#define HOSTILE RACI_SOURCE_DIR "/tests/xlsx/hostile"

/* A roster read from CSV, and the directory its workbook goes to. */
struct book {
    struct fixture fx;
    char dir[64], path[128], expected[128];
};

static void book_open(struct book *bk, const char *csv)
{
    fixture_run(&bk->fx, csv);
    snprintf(bk->dir, sizeof bk->dir, "/tmp/raci-names-XXXXXX");
    assert_non_null(mkdtemp(bk->dir));
    snprintf(bk->path, sizeof bk->path, "%s/team-raci.xlsx", bk->dir);
    snprintf(bk->expected, sizeof bk->expected, "%s/expected.json", bk->dir);
}

/* Files in dir other than the workbook and the expectation. */
static int stray_files(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    int n = 0;
    assert_non_null(d);
    while ((e = readdir(d)) != NULL)
        n += strcmp(e->d_name, ".") && strcmp(e->d_name, "..") &&
             strcmp(e->d_name, "team-raci.xlsx") && strcmp(e->d_name, "expected.json");
    closedir(d);
    return n;
}

static void book_close(struct book *bk)
{
    char path[160];
    fixture_release(&bk->fx);
    if (getenv("RACI_TEST_KEEP")) {
        fprintf(stderr, "kept %s\n", bk->dir);
        return;
    }
    snprintf(path, sizeof path, "%s/team-raci.xlsx", bk->dir);
    remove(path);
    remove(bk->expected);
    rmdir(bk->dir);
}

/* Write the workbook in a child process: it must exit, with RACI_OK, and
 * leave nothing in the directory but the workbook. */
static void book_write(struct book *bk)
{
    int st;
    pid_t pid;

    fflush(NULL);
    pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        raci_error err = raci_xlsx_write(bk->path, &bk->fx.r, &bk->fx.rs, &bk->fx.fs, &bk->fx.diag);
        if (err)
            fprintf(stderr, "raci_xlsx_write: %s\n", bk->fx.diag.message);
        _exit(err ? 1 : 0);
    }
    assert_int_equal(waitpid(pid, &st, 0), pid);
    if (WIFSIGNALED(st))
        fail_msg("raci_xlsx_write died of signal %d", WTERMSIG(st));
    assert_true(WIFEXITED(st));
    assert_int_equal(WEXITSTATUS(st), 0);
    assert_int_equal(stray_files(bk->dir), 0);
}

static int have_checker(void)
{
    return access(PYTHON, X_OK) == 0 && system(PYTHON " -c 'import openpyxl' >/dev/null 2>&1") == 0;
}

/* The checker on the workbook, with want (NULL: the structure alone);
 * its exit status. quiet: its report is not wanted (a failure is what the
 * test expects). */
static int book_check_as(struct book *bk, json_t *want, int quiet)
{
    char cmd[512];
    int st;
    if (want)
        assert_int_equal(json_dump_file(want, bk->expected, JSON_INDENT(1)), 0);
    snprintf(cmd, sizeof cmd, "%s %s -q '%s' %s%s", PYTHON, CHECKER, bk->path,
             want ? bk->expected : "", quiet ? " >/dev/null" : "");
    st = system(cmd);
    assert_true(st != -1 && WIFEXITED(st));
    return WEXITSTATUS(st);
}

static int book_check(struct book *bk, json_t *want)
{
    return book_check_as(bk, want, 0);
}

/* A roster of one person per product, each on one task. */
static char *one_each(const char *const *products, size_t n)
{
    struct raci_str csv = RACI_STR_INIT;
    raci_str_add(&csv, "person,title,product,task,raci\n");
    for (size_t i = 0; i < n; i++) {
        raci_str_addf(&csv, "Ana %zu,Product Owner,\"", i);
        for (const char *p = products[i]; *p; p++)
            raci_str_addn(&csv, *p == '"' ? "\"\"" : p, *p == '"' ? 2 : 1);
        raci_str_add(&csv, "\",Roadmap,A/R\n");
    }
    assert_false(csv.failed);
    return raci_str_take(&csv);
}

/* ["Summary", sheets..., "Findings", "Roster"] */
static json_t *sheets_json(const char *const *sheets, size_t n)
{
    json_t *a = json_array();
    json_array_append_new(a, json_string("Summary"));
    for (size_t i = 0; i < n; i++)
        json_array_append_new(a, json_string(sheets[i]));
    json_array_append_new(a, json_string("Findings"));
    json_array_append_new(a, json_string("Roster"));
    return a;
}

/* n copies of s, malloc'd. */
static char *repeat(const char *s, size_t n)
{
    struct raci_str b = RACI_STR_INIT;
    for (size_t i = 0; i < n; i++)
        raci_str_add(&b, s);
    assert_false(b.failed);
    return raci_str_take(&b);
}

/* ------------------------------------------------------------ headers -- */

/* libxlsxwriter 1.1.4 counts "&G" and "&[Picture]" in a header, escaped or
 * not, as pictures to place; refused, the header was freed twice and raci
 * died of SIGABRT (issue #8). Each prints as it is written. */
static void test_header_ampersands(void **state)
{
    static const char *const products[] = {"P&G", "R&[Picture]D", "&G&G", "&&G", "x&", "Q&A [G]"};
    static const char *const sheets[] = {"P&G", "R&_Picture_D", "&G&G", "&&G", "x&", "Q&A _G_"};
    enum { N = sizeof products / sizeof *products };
    struct book bk;
    char *csv = one_each(products, N);
    json_t *want = json_object();
    (void)state;
    book_open(&bk, csv);
    free(csv);
    book_write(&bk);
    if (have_checker()) {
        /* The checker reads each header as Excel does and compares it with
         * the product's name in A1. */
        json_object_set_new(want, "sheets", sheets_json(sheets, N));
        assert_int_equal(book_check(&bk, want), 0);
    }
    json_decref(want);
    book_close(&bk);
}

/* A header longer than Excel's 255 characters is cut between characters,
 * with an ellipsis; an '&' and what sets it apart are never split. */
static void test_header_long(void **state)
{
    char *cyr = repeat("\xd0\x96", 300), *emoji = repeat("\xf0\x9f\x98\x80", 140);
    char *amp = repeat("&G", 120), *csv;
    const char *products[] = {cyr, emoji, amp};
    struct book bk;
    (void)state;
    csv = one_each(products, 3);
    book_open(&bk, csv);
    book_write(&bk);
    if (have_checker())
        assert_int_equal(book_check(&bk, NULL), 0);
    book_close(&bk);
    free(csv);
    free(cyr);
    free(emoji);
    free(amp);
}

/* -------------------------------------------------------- sheet names -- */

/* libxlsxwriter keeps the print titles 'Name'!$A:$A,'Name'!$1:$2 in 128
 * bytes: 15 emoji made XML that was not UTF-8, 30 Cyrillic letters or 23
 * CJK characters lost the rows to repeat (issue #8). And a bare Q3 or FY24
 * in a formula is a cell to Excel, '#' cut the links to a sheet. */
static void test_sheet_names_fit(void **state)
{
    char *emoji15 = repeat("\xf0\x9f\x98\x80", 15), *emoji13 = repeat("\xf0\x9f\x98\x80", 13);
    char *cyr30 = repeat("\xd0\x96", 30), *cyr27 = repeat("\xd0\x96", 27);
    char *cjk23 = repeat("\xe6\xbc\xa2", 23), *cjk18 = repeat("\xe6\xbc\xa2", 18);
    char *apos = repeat("'", 29), *dapos15 = repeat("\xd0\x94'", 15),
         *dapos13 = repeat("\xd0\x94'", 13);
    char a_apos_b[64], dapos_in[128], dapos_out[128], *csv;
    const char *products[] = {emoji15, cyr30,  cjk23,  a_apos_b, dapos_in,
                              "Q3",    "FY24", "2024", "R1C1",   "Team #1"};
    const char *sheets[] = {emoji13, cyr27,  cjk18,  "a",    dapos_out,
                            "Q3",    "FY24", "2024", "R1C1", "Team _1"};
    enum { N = sizeof products / sizeof *products };
    struct book bk;
    json_t *want = json_object();
    (void)state;
    snprintf(a_apos_b, sizeof a_apos_b, "a%sb", apos);
    snprintf(dapos_in, sizeof dapos_in, "%s\xd0\x96", dapos15);
    snprintf(dapos_out, sizeof dapos_out, "%s\xd0\x94", dapos13);
    csv = one_each(products, N);
    book_open(&bk, csv);
    book_write(&bk);
    if (have_checker()) {
        /* Every product sheet repeats rows 1-2 and column A when printed
         * (ws.print_title_rows, print_title_cols), each print title quotes
         * its sheet where Excel needs it, every link lands. */
        json_object_set_new(want, "sheets", sheets_json(sheets, N));
        assert_int_equal(book_check(&bk, want), 0);
    }
    json_decref(want);
    book_close(&bk);
    free(csv);
    free(emoji15), free(emoji13), free(cyr30), free(cyr27), free(cjk23), free(cjk18);
    free(apos), free(dapos15), free(dapos13);
}

/* libxlsxwriter keeps a link's text in an attribute of 2080 bytes, cut
 * there even inside a character: the Summary's link to a product of a long
 * name made XML that was not UTF-8. The cell keeps the whole name. */
static void test_link_long_name(void **state)
{
    char *cjk = repeat("\xe6\xbc\xa2", 1000), name[3200], *csv;
    const char *products[] = {name};
    struct book bk;
    json_t *want;
    (void)state;
    snprintf(name, sizeof name, "abcdefghijklmnopqrstuvwxyz01234x%s", cjk);
    csv = one_each(products, 1);
    book_open(&bk, csv);
    book_write(&bk);
    if (have_checker()) {
        /* The checker follows the link from the Summary's row of the
         * product, whose text is the whole name, to the sheet that has it
         * in A1. */
        want = json_pack("{s:[{s:s, s:i}]}", "summary", "product", name, "people", 1);
        assert_int_equal(book_check(&bk, want), 0);
        json_decref(want);
    }
    book_close(&bk);
    free(csv);
    free(cjk);
}

/* -------------------------------------------------------------- lists -- */

/* A person on 180 products with long names, under 180 long titles: the
 * Roster's Titles and Products, and the titles under their name on each
 * product sheet, pass what a cell holds. What fits is shown, then how many
 * more there are; nothing is cut unseen. */
static void test_lists_past_a_cell(void **state)
{
    enum { N = 180 };
    struct raci_str csv = RACI_STR_INIT;
    char *cyr = repeat("\xd0\x9f", 190), *cjk = repeat("\xe6\xbc\xa2", 200);
    json_t *want = json_object(), *lists = json_array(), *titles = json_array(),
           *products = json_array();
    char first_product[512];
    struct book bk;
    (void)state;
    raci_str_add(&csv, "person,title,product,task,raci\n");
    for (int i = 0; i < N; i++) {
        char product[512], title[700];
        snprintf(product, sizeof product, "Product %03d %s", i, cyr);
        snprintf(title, sizeof title, "\xf0\x9f\x98\x80 %s %03d & <co>", cjk, i);
        if (i == 0)
            snprintf(first_product, sizeof first_product, "%s", product);
        raci_str_addf(&csv,
                      "\"\xd0\x90\xd0\xbd\xd0\xb0 \"\"\xe6\x9d\x8e\"\"\",\"%s\",%s,Roadmap,A/R\n",
                      title, product);
        json_array_append_new(titles, json_string(title));
        json_array_append_new(products, json_string(product));
    }
    assert_false(csv.failed);
    book_open(&bk, csv.s);
    raci_str_release(&csv);
    book_write(&bk);
    if (have_checker()) {
        json_array_append_new(lists,
                              json_pack("{s:s, s:s, s:s, s:O, s:s}", "sheet", "Roster", "row",
                                        "\xd0\x90\xd0\xbd\xd0\xb0 \"\xe6\x9d\x8e\"", "column",
                                        "Titles", "items", titles, "noun", "title"));
        json_array_append_new(lists,
                              json_pack("{s:s, s:s, s:s, s:O, s:s}", "sheet", "Roster", "row",
                                        "\xd0\x90\xd0\xbd\xd0\xb0 \"\xe6\x9d\x8e\"", "column",
                                        "Products", "items", products, "noun", "product"));
        json_array_append_new(lists,
                              json_pack("{s:s, s:s, s:O, s:s}", "product", first_product, "person",
                                        "\xd0\x90\xd0\xbd\xd0\xb0 \"\xe6\x9d\x8e\"", "items",
                                        titles, "noun", "title"));
        json_object_set_new(want, "lists", lists);
        assert_int_equal(book_check(&bk, want), 0);
        /* The checker tells a list cut short, or one that hides nothing. */
        json_array_append_new(products, json_string("one more"));
        assert_int_equal(book_check_as(&bk, want, 1), 1);
    }
    json_decref(titles);
    json_decref(products);
    json_decref(want);
    book_close(&bk);
    free(cyr);
    free(cjk);
}

/* ------------------------------------------------------- every field -- */

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    char *buf;
    long n;
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    rewind(f);
    buf = malloc((size_t)n + 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

/* Names in Cyrillic, CJK, Greek, Arabic, emoji and with & ' " < > in every
 * field of the roster (person, title, product, task, id, manager, extra
 * columns, the notes after letters): each reads back, cell for cell, as
 * tests/xlsx/input_cells.py works it out from the CSV alone. */
static void test_every_field(void **state)
{
    char *csv = slurp(HOSTILE "/every-field.csv"), cmd[1024];
    struct book bk;
    int st;
    (void)state;
    book_open(&bk, csv);
    free(csv);
    assert_true(bk.fx.fs.n > 0);
    book_write(&bk);
    if (have_checker()) {
        snprintf(cmd, sizeof cmd, "%s %s --all '%s' %s/rules/default.yaml >'%s'", PYTHON, ORACLE,
                 HOSTILE "/every-field.csv", RACI_SOURCE_DIR, bk.expected);
        st = system(cmd);
        assert_true(st != -1 && WIFEXITED(st) && WEXITSTATUS(st) == 0);
        assert_int_equal(book_check(&bk, NULL), 0);
        snprintf(cmd, sizeof cmd, "%s %s -q '%s' '%s'", PYTHON, CHECKER, bk.path, bk.expected);
        st = system(cmd);
        assert_true(st != -1 && WIFEXITED(st));
        assert_int_equal(WEXITSTATUS(st), 0);
    }
    book_close(&bk);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_header_ampersands), cmocka_unit_test(test_header_long),
        cmocka_unit_test(test_sheet_names_fit),   cmocka_unit_test(test_link_long_name),
        cmocka_unit_test(test_lists_past_a_cell), cmocka_unit_test(test_every_field),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
