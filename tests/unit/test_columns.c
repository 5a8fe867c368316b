/*
 * test_columns.c - what each column of a header is: kinds by alias, the
 * columns a header names again, their letters, and a header of 100,000
 * columns.
 */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include "raci/columns.h"
#include "raci/reader.h"
#include "raci/str.h"
#include "raci/strpool.h"

struct fix {
    struct raci_strpool *pool;
    struct raci_table t;
    struct raci_columns c;
    struct raci_diag d;
};

static int setup(void **state)
{
    struct fix *f = calloc(1, sizeof(*f));
    if (!f)
        return -1;
    f->pool = raci_strpool_new();
    *state = f;
    return f->pool ? 0 : -1;
}

static int teardown(void **state)
{
    struct fix *f = *state;
    raci_columns_release(&f->c);
    raci_reader_release(&f->t);
    raci_diag_release(&f->d);
    raci_strpool_free(f->pool);
    free(f);
    return 0;
}

static void read_header(struct fix *f, const char *csv)
{
    raci_columns_release(&f->c);
    assert_int_equal(raci_reader_read_mem(&f->t, csv, strlen(csv), "team.csv", f->pool, &f->d),
                     RACI_OK);
    assert_int_equal(raci_columns_read(&f->c, &f->t, f->pool), RACI_OK);
}

static void test_kinds(void **state)
{
    struct fix *f = *state;
    read_header(f, " Full Name ,JOB TITLE,Squad,deliverable,Letters,E-mail,Reports_To,Notes\n");
    assert_int_equal(f->c.n, 8);
    assert_int_equal(f->c.of[RACI_COLUMN_PERSON], 0);
    assert_int_equal(f->c.of[RACI_COLUMN_TITLE], 1);
    assert_int_equal(f->c.of[RACI_COLUMN_PRODUCT], 2);
    assert_int_equal(f->c.of[RACI_COLUMN_TASK], 3);
    assert_int_equal(f->c.of[RACI_COLUMN_RACI], 4);
    /* "E-mail" is not "email": an other column. */
    assert_int_equal(f->c.of[RACI_COLUMN_ID], -1);
    assert_int_equal(f->c.of[RACI_COLUMN_REPORTS_TO], 6);
    assert_string_equal(f->c.v[0].name, "Full Name");
    assert_int_equal(f->c.v[5].kind, RACI_COLUMN_OTHER);
    assert_int_equal(f->c.v[7].kind, RACI_COLUMN_OTHER);
    assert_string_equal(f->c.v[7].label, "H");
    for (uint32_t i = 0; i < f->c.n; i++)
        assert_int_equal(f->c.v[i].flags, 0);
    assert_string_equal(raci_columns_kind_name(RACI_COLUMN_REPORTS_TO), "reports_to");
    assert_string_equal(raci_columns_kind_name(RACI_COLUMN_OTHER), "");
}

/* Issue #8, 10: a second person/title pair, and columns whose names differ
 * only in case, are columns of their own, flagged. */
static void test_named_again(void **state)
{
    struct fix *f = *state;
    read_header(f, "person,title,Notes,name,NOTES,Title,notes!,,\n");
    assert_int_equal(f->c.of[RACI_COLUMN_PERSON], 0);
    assert_int_equal(f->c.of[RACI_COLUMN_TITLE], 1);
    assert_int_equal(f->c.v[2].flags, 0);
    assert_int_equal(f->c.v[2].nth, 0);
    /* "name" is the person column again. */
    assert_int_equal(f->c.v[3].kind, RACI_COLUMN_OTHER);
    assert_int_equal(f->c.v[3].flags, RACI_COLUMN_AGAIN | RACI_COLUMN_AGAIN_KNOWN);
    assert_int_equal(f->c.v[3].first, 0);
    assert_int_equal(f->c.v[3].nth, 0);
    /* "NOTES" and "notes!" have the key of "Notes". */
    assert_int_equal(f->c.v[4].flags, RACI_COLUMN_AGAIN);
    assert_int_equal(f->c.v[4].first, 2);
    assert_int_equal(f->c.v[4].nth, 1);
    assert_int_equal(f->c.v[5].flags, RACI_COLUMN_AGAIN | RACI_COLUMN_AGAIN_KNOWN);
    assert_int_equal(f->c.v[5].first, 1);
    assert_int_equal(f->c.v[6].first, 2);
    assert_int_equal(f->c.v[6].nth, 2);
    /* Empty headers repeat nothing, but each is a column of its own. */
    assert_int_equal(f->c.v[7].flags, 0);
    assert_int_equal(f->c.v[8].flags, 0);
    assert_int_equal(f->c.v[7].nth, 0);
    assert_int_equal(f->c.v[8].nth, 1);
}

static void test_labels(void **state)
{
    static const struct {
        uint32_t i;
        const char *label;
    } cases[] = {
        {0, "A"},    {25, "Z"},    {26, "AA"},     {51, "AZ"},      {52, "BA"},
        {701, "ZZ"}, {702, "AAA"}, {16383, "XFD"}, {99999, "EQXD"}, {UINT32_MAX, "MWLQKWV"}};
    char out[8];
    (void)state;
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        raci_columns_label(cases[k].i, out);
        assert_string_equal(out, cases[k].label);
    }
}

/* A header of 100,000 columns (issue #8, 14) is read in one pass, its keys
 * hashed: no time is asserted, but every column must come out right. */
static void test_wide_header(void **state)
{
    struct fix *f = *state;
    struct raci_str b = RACI_STR_INIT;
    const uint32_t n = 100000;

    raci_str_add(&b, "person,title");
    for (uint32_t i = 2; i < n; i++)
        raci_str_addf(&b, i % 2 ? ",C%u" : ",c%u", i / 2);
    raci_str_addc(&b, '\n');
    assert_false(b.failed);
    read_header(f, b.s);
    assert_int_equal(f->c.n, n);
    for (uint32_t i = 2; i < n; i++) {
        /* c1, C1, c2, C2...: each second one names the first again. */
        assert_int_equal(f->c.v[i].kind, RACI_COLUMN_OTHER);
        assert_int_equal(f->c.v[i].nth, i % 2);
        assert_int_equal(f->c.v[i].flags, i % 2 ? RACI_COLUMN_AGAIN : 0);
        assert_int_equal(f->c.v[i].first, i % 2 ? i - 1 : i);
    }
    raci_str_release(&b);
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_kinds),
        T(test_named_again),
        T(test_labels),
        T(test_wide_header),
    };
    return cmocka_run_group_tests_name("columns", tests, NULL, NULL);
}
