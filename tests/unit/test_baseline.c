/*
 * test_baseline.c - the baseline file: building, writing, reading back,
 * applying, and the promise that a re-sorted, re-quoted roster matches the
 * baseline of the original.
 */
#include "testutil.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <fcntl.h>
#include <unistd.h>

#include "fixture.h"
#include "raci/baseline.h"

#define HEAD "person,title,product,task,raci,id\n"

/* Two wrong A's on one strategy task (pm-owns-strategy, reported once for
 * the task), so two A's (single-accountable), and an idle person. */
static const char *const original =
    HEAD "Ana Silva,Product Owner,Atlas,Roadmap,A/R,ana@example.com\n"
         "Bo Chen,Product Manager,Atlas,Roadmap,C,\n"
         "Eve Ng,Developer,Atlas,Roadmap,A,\n"
         "Cy Ode,Developer,Atlas,User stories,R,\n"
         "Ana Silva,Product Owner,Atlas,User stories,A,ana@example.com\n"
         "Di Lu,Developer,Atlas,,,\n";

/* The same roster: rows in another order, columns reordered, everything
 * quoted, ';' and CRLF, names in other case and spacing. */
static const char *const reshuffled =
    "\"raci\";\"id\";\"task\";\"product\";\"title\";\"person\"\r\n"
    "\"\";\"\";\"\";\"Atlas\";\"Developer\";\"Di Lu\"\r\n"
    "\"A\";\"ana@example.com\";\"User stories\";\"Atlas\";\"Product Owner\";\"Ana Silva\"\r\n"
    "\"A\";\"\";\"roadmap\";\"ATLAS\";\"Developer\";\"Eve  Ng\"\r\n"
    "\"R\";\"\";\"User stories\";\"Atlas\";\"Developer\";\"Cy Ode\"\r\n"
    "\"C\";\"\";\"Roadmap\";\"Atlas\";\"Product Manager\";\"Bo Chen\"\r\n"
    "\"A/R\";\"ana@example.com\";\"Roadmap\";\"Atlas\";\"Product Owner\";\"Ana Silva\"\r\n";

static void run(struct fixture *fx, const char *csv)
{
    fixture_run(fx, csv);
}

static char *dump(const struct raci_baseline *b)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    assert_int_equal(raci_baseline_dump(b, f), RACI_OK);
    assert_int_equal(fclose(f), 0);
    return buf;
}

static void test_build_and_dump(void **state)
{
    struct fixture fx;
    struct raci_baseline b;
    (void)state;

    run(&fx, original);
    assert_int_equal(raci_baseline_build(&b, &fx.fs), RACI_OK);
    assert_int_equal(b.n, fx.fs.n);
    for (size_t i = 1; i < b.n; i++) {
        int c = strcmp(b.v[i - 1].rule, b.v[i].rule);
        if (c == 0)
            c = strcmp(b.v[i - 1].entity, b.v[i].entity);
        assert_true(c < 0); /* sorted and unique */
    }
    char *text = dump(&b);
    /* No line numbers anywhere: only rules, entities and people. */
    assert_null(strstr(text, "\"line\""));
    assert_non_null(strstr(text, "\"tool\": \"raci\""));
    assert_non_null(strstr(text, "\"rule\": \"pm-owns-strategy\",\n      \"entity\": "
                                 "\"product:atlas/task:roadmap\",\n      \"count\": 1"));
    free(text);
    raci_baseline_release(&b);
    fixture_release(&fx);
}

static void test_resorted_roster_matches(void **state)
{
    struct fixture a, b;
    struct raci_baseline ba, bb;
    struct raci_baseline_diff d;
    (void)state;

    run(&a, original);
    run(&b, reshuffled);
    assert_int_equal(raci_baseline_build(&ba, &a.fs), RACI_OK);
    assert_int_equal(raci_baseline_build(&bb, &b.fs), RACI_OK);
    /* The same baseline, byte for byte... */
    char *ta = dump(&ba), *tb = dump(&bb);
    assert_string_equal(ta, tb);
    free(ta);
    free(tb);
    /* ...and the same fingerprints. */
    for (size_t i = 0; i < a.fs.n; i++) {
        char fa[RACI_FINGERPRINT_SIZE], fb[RACI_FINGERPRINT_SIZE];
        size_t j, hits = 0;
        raci_findings_fingerprint(&a.fs.v[i], fa);
        for (j = 0; j < b.fs.n; j++) {
            raci_findings_fingerprint(&b.fs.v[j], fb);
            hits += strcmp(fa, fb) == 0;
        }
        assert_int_equal(hits, 1);
    }
    /* ...so applying one to the other knows everything, and misses
     * nothing. */
    size_t n = b.fs.n;
    assert_int_equal(raci_baseline_apply(&ba, "b.json", &b.fs, &d), RACI_OK);
    assert_int_equal(b.fs.n, n);
    for (size_t i = 0; i < n; i++)
        assert_true(b.fs.v[i].known);
    assert_int_equal(d.known, n);
    assert_int_equal(d.nabsent, 0);
    assert_string_equal(d.file, "b.json");
    raci_baseline_diff_release(&d);
    raci_baseline_release(&ba);
    raci_baseline_release(&bb);
    fixture_release(&a);
    fixture_release(&b);
}

static void test_apply_new_and_absent(void **state)
{
    struct fixture before, after;
    struct raci_baseline b;
    struct raci_baseline_diff d;
    struct raci_finding *copy;
    size_t nknown = 0;
    (void)state;

    run(&before, original);
    assert_int_equal(raci_baseline_build(&b, &before.fs), RACI_OK);
    /* Bo accountable alone: pm-owns-strategy and single-accountable are
     * gone. Fay is new and idle. */
    run(&after, HEAD "Ana Silva,Product Owner,Atlas,Roadmap,R,ana@example.com\n"
                     "Bo Chen,Product Manager,Atlas,Roadmap,A,\n"
                     "Eve Ng,Developer,Atlas,Roadmap,I,\n"
                     "Cy Ode,Developer,Atlas,User stories,R,\n"
                     "Ana Silva,Product Owner,Atlas,User stories,A,ana@example.com\n"
                     "Di Lu,Developer,Atlas,,,\n"
                     "Fay Wu,Developer,Atlas,,,\n");
    size_t total = after.fs.n;
    copy = malloc(total * sizeof(*copy));
    assert_non_null(copy);
    memcpy(copy, after.fs.v, total * sizeof(*copy));
    assert_int_equal(raci_baseline_apply(&b, NULL, &after.fs, &d), RACI_OK);
    /* Marked, not moved: the same findings in the same places, only the
     * flags changed. */
    assert_int_equal(after.fs.n, total);
    for (size_t i = 0; i < total; i++) {
        const struct raci_finding *f = &after.fs.v[i];
        assert_ptr_equal(f->message, copy[i].message);
        assert_ptr_equal(f->entity, copy[i].entity);
        if (strcmp(f->entity, "person:fay wu") == 0) {
            assert_string_equal(f->rule, "idle-person");
            assert_false(f->known);
        } else {
            assert_true(f->known);
            nknown++;
        }
    }
    assert_int_equal(nknown, total - 1);
    assert_int_equal(d.known, total - 1);
    assert_null(d.file);
    assert_int_equal(d.nabsent, 2);
    assert_string_equal(d.absent[0].rule, "pm-owns-strategy");
    assert_string_equal(d.absent[0].entity, "product:atlas/task:roadmap");
    assert_string_equal(d.absent[1].rule, "single-accountable");
    assert_int_equal(raci_baseline_diff_gone(&d), 2);
    raci_baseline_diff_release(&d);

    /* Applied again, by an empty baseline: nothing is known any more. */
    raci_baseline_release(&b);
    memset(&b, 0, sizeof b);
    assert_int_equal(raci_baseline_apply(&b, "empty.json", &after.fs, &d), RACI_OK);
    for (size_t i = 0; i < total; i++)
        assert_false(after.fs.v[i].known);
    assert_int_equal(d.known, 0);
    assert_int_equal(d.nabsent, 0);
    free(copy);
    raci_baseline_diff_release(&d);
    raci_baseline_release(&b);
    fixture_release(&before);
    fixture_release(&after);
}

static void test_counts(void **state)
{
    struct raci_baseline b;
    struct raci_diag diag = {0};
    struct raci_baseline_diff d;
    struct fixture fx;
    static const char text[] =
        "{\"version\": 1, \"tool\": \"raci\", \"findings\": [\n"
        "  {\"rule\": \"idle-person\", \"entity\": \"person:di lu\", \"count\": 3},\n"
        "  {\"rule\": \"idle-person\", \"entity\": \"person:di lu\"}\n"
        "]}\n";
    (void)state;

    /* Entries of one identity merge; count defaults to 1. */
    assert_int_equal(raci_baseline_load_mem(&b, text, strlen(text), "b.json", &diag), RACI_OK);
    assert_int_equal(b.n, 1);
    assert_int_equal(b.v[0].count, 4);
    run(&fx, original);
    assert_int_equal(raci_baseline_apply(&b, "b.json", &fx.fs, &d), RACI_OK);
    assert_int_equal(d.known, 1);
    assert_int_equal(d.nabsent, 1);
    assert_int_equal(d.absent[0].count, 3);
    assert_int_equal(raci_baseline_diff_gone(&d), 3);
    for (size_t i = 0; i < fx.fs.n; i++)
        assert_int_equal(fx.fs.v[i].known, strcmp(fx.fs.v[i].entity, "person:di lu") == 0);
    raci_baseline_diff_release(&d);
    raci_baseline_release(&b);
    fixture_release(&fx);
}

/* A baseline that knows one of an identity knows the first finding of it;
 * a second is new. */
static void test_marks_first_ones(void **state)
{
    struct raci_findings fs = {0};
    struct raci_baseline b;
    struct raci_diag diag = {0};
    struct raci_baseline_diff d;
    struct raci_loc at = {"team.csv", 2, 1, NULL};
    static const char text[] =
        "{\"version\": 1, \"tool\": \"raci\", \"findings\": [\n"
        "  {\"rule\": \"duplicate-assignment\", \"entity\": \"person:ana\", \"count\": 1}\n"
        "]}\n";
    (void)state;

    for (unsigned i = 0; i < 3; i++) {
        at.line = 2 + i;
        assert_non_null(raci_findings_add(&fs, "duplicate-assignment", RACI_SEV_WARNING, at,
                                          RACI_NONE, RACI_NONE, RACI_NONE,
                                          i < 2 ? "person:ana" : "person:bo", "row %u", i));
    }
    assert_int_equal(raci_baseline_load_mem(&b, text, strlen(text), "b.json", &diag), RACI_OK);
    assert_int_equal(raci_baseline_apply(&b, "b.json", &fs, &d), RACI_OK);
    assert_int_equal(fs.n, 3);
    assert_true(fs.v[0].known);
    assert_false(fs.v[1].known);
    assert_false(fs.v[2].known);
    assert_int_equal(d.known, 1);
    assert_int_equal(d.nabsent, 0);
    raci_baseline_diff_release(&d);
    raci_baseline_release(&b);
    raci_findings_release(&fs);
}

static void test_load_errors(void **state)
{
    /* Each error names the line and column of what is wrong: for a
     * document that is not a baseline, the member that says so (or the
     * document); for a malformed entry, its member at fault (or the entry). */
    static const struct {
        const char *text;
        unsigned line, col;
        const char *message;
    } cases[] = {
        {"{\"version\": 1,\n \"tool\": \"raci\",\n \"findings\": [}", 3, 0, "malformed baseline"},
        {"\n  []", 2, 3, "not a raci baseline"},
        {"{\"version\": 1,\n  \"tool\": \"eslint\", \"findings\": []}", 2, 11,
         "not a raci baseline"},
        {"{\"version\": 1, \"findings\": []}", 1, 1, "not a raci baseline"},
        {"{\"version\": 1, \"tool\": \"raci\",\n \"findings\": {}}", 2, 14, "not a raci baseline"},
        {"{\"version\": 2, \"tool\": \"raci\", \"findings\": []}", 1, 13,
         "unsupported baseline version"},
        {"{\"tool\": \"raci\", \"findings\": []}", 1, 1, "unsupported baseline version"},
        {"{\"version\": 1, \"tool\": \"raci\", \"findings\": [\n"
         "  {\"rule\": \"x\", \"entity\": \"y\"},\n"
         "  {\"rule\": \"x\"}\n"
         "]}",
         3, 3, "entry 2 of \"findings\" is malformed"},
        {"{\"version\": 1, \"tool\": \"raci\", \"findings\": [\n"
         "  {\"rule\": \"x\", \"entity\": \"y\",\n"
         "   \"count\": 0}]}",
         3, 13, "entry 1 of \"findings\" is malformed"},
        {"{\"version\": 1, \"tool\": \"raci\", \"findings\": [{\"rule\": \"x\", \"entity\": 7}]}",
         1, 69, "entry 1 of \"findings\" is malformed"},
        /* Keys written with escapes, strings holding brackets and quotes,
         * names in any script: the place is still found. */
        {"{\"tool\": \"raci\", \"version\": 1, \"find\\u0069ngs\": [\n"
         "  {\"rule\": \"x\", \"entity\": \"product:[\\\"{ё😀\"},\n"
         "  {\"rule\": \"x\", \"entity\": \"ёж\", \"count\": -1}]}",
         3, 42, "entry 2 of \"findings\" is malformed"},
        {"{\"version\": 1, \"version\": 1, \"tool\": \"raci\", \"findings\": []}", 1, 0,
         "malformed baseline"},
    };
    (void)state;

    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct raci_baseline b;
        struct raci_diag diag = {0};
        assert_int_equal(
            raci_baseline_load_mem(&b, cases[i].text, strlen(cases[i].text), "b.json", &diag),
            RACI_ERROR_INPUT);
        assert_int_equal(b.n, 0);
        assert_string_equal(diag.file, "b.json");
        if (diag.line != cases[i].line || (cases[i].col && diag.col != cases[i].col))
            fail_msg("case %zu: at %u:%u, expected %u:%u (%s)", i, diag.line, diag.col,
                     cases[i].line, cases[i].col, diag.message);
        assert_non_null(strstr(diag.message, cases[i].message));
        /* The line is shown under the message, as the compilers do. */
        if (cases[i].col && diag.line)
            assert_non_null(diag.source);
        raci_diag_release(&diag);
    }
}

/* A baseline is read from a file (or a pipe) of at most 64 MiB: a device
 * such as /dev/zero, which would be read until memory runs out, and a
 * directory are refused at once, and so is a file that is too big, before
 * it is read. */
static void test_load_what_is_not_a_baseline(void **state)
{
    struct raci_baseline b;
    struct raci_diag diag = {0};
    char dir[] = "/tmp/raci-baseline-XXXXXX", path[64];
    int fd;
    (void)state;

    assert_int_equal(raci_baseline_load(&b, "/dev/zero", &diag), RACI_ERROR_INPUT);
    assert_string_equal(diag.file, "/dev/zero");
    assert_non_null(strstr(diag.message, "device"));
    raci_diag_release(&diag);

    assert_non_null(mkdtemp(dir));
    assert_int_equal(raci_baseline_load(&b, dir, &diag), RACI_ERROR_INPUT);
    assert_non_null(strstr(diag.message, "directory"));
    raci_diag_release(&diag);

    snprintf(path, sizeof path, "%s/big.json", dir);
    fd = open(path, O_WRONLY | O_CREAT, 0644);
    assert_true(fd >= 0);
    assert_int_equal(ftruncate(fd, ((off_t)64 << 20) + 1), 0); /* sparse: costs no disk */
    close(fd);
    assert_int_equal(raci_baseline_load(&b, path, &diag), RACI_ERROR_INPUT);
    assert_non_null(strstr(diag.message, "64 MiB"));
    raci_diag_release(&diag);
    assert_int_equal(unlink(path), 0);
    assert_int_equal(rmdir(dir), 0);
    assert_int_equal(b.n, 0);
}

static void test_save_and_load(void **state)
{
    struct fixture fx;
    struct raci_baseline b, back;
    struct raci_diag diag = {0};
    char dir[] = "/tmp/raci-baseline-XXXXXX", path[64];
    (void)state;

    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/b.json", dir);
    run(&fx, original);
    assert_int_equal(raci_baseline_build(&b, &fx.fs), RACI_OK);
    assert_int_equal(raci_baseline_save(&b, path), RACI_OK);
    assert_int_equal(raci_baseline_load(&back, path, &diag), RACI_OK);
    char *ta = dump(&b), *tb = dump(&back);
    assert_string_equal(ta, tb);
    free(ta);
    free(tb);
    raci_baseline_release(&back);
    remove(path);
    assert_int_equal(remove(dir), 0);
    assert_int_equal(raci_baseline_load(&back, path, &diag), RACI_ERROR_IO);
    assert_null(diag.message);
    raci_baseline_release(&b);
    fixture_release(&fx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_build_and_dump),
        cmocka_unit_test(test_resorted_roster_matches),
        cmocka_unit_test(test_apply_new_and_absent),
        cmocka_unit_test(test_counts),
        cmocka_unit_test(test_marks_first_ones),
        cmocka_unit_test(test_load_errors),
        cmocka_unit_test(test_save_and_load),
        cmocka_unit_test(test_load_what_is_not_a_baseline),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
