/*
 * test_outputs.c - the files an audit writes, as one (outputs.h): which
 * outputs a command line makes, the check that no output is an input or
 * another output (by text, by inode, by resolved directory and name), the
 * refusal of what is not a regular file, and all or nothing.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "raci/options.h"
#include "raci/outputs.h"
#include "raci/policy.h"

static char dir[] = "/tmp/raci-outputs-XXXXXX";

/* dir/name, in a static buffer of its own per slot. */
static char *at(int slot, const char *name)
{
    static char buf[8][128];
    snprintf(buf[slot], sizeof buf[slot], "%s/%s", dir, name);
    return buf[slot];
}

static void put(const char *path)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("old", f);
    assert_int_equal(fclose(f), 0);
}

/* raci_outputs_check on the NULL-terminated arguments after "raci", with a
 * ruleset read from the file rules (NULL: from none); what it printed goes
 * to *err (free it). */
static int check(const char *rules, char **err, ...)
{
    char *source = (char *)rules;
    struct raci_ruleset rs = {0};
    static char *argv[32];
    struct raci_options o;
    int argc = 0, status, saved = dup(2);
    size_t len = 0;
    FILE *f;
    va_list ap;
    char *a;

    argv[argc++] = (char *)"raci";
    va_start(ap, err);
    while ((a = va_arg(ap, char *)) != NULL)
        argv[argc++] = a;
    va_end(ap);
    argv[argc] = NULL;
    assert_int_equal(raci_options_init(&o, argc), RACI_OK);
    assert_int_equal(raci_options_parse(&o, argc, argv), RACI_EXIT_CLEAN);
    fflush(stderr);
    assert_non_null(f = tmpfile());
    assert_true(dup2(fileno(f), 2) == 2);
    rs.sources = rules ? &source : NULL;
    rs.nsources = rules ? 1 : 0;
    status = raci_outputs_check(&o, &rs);
    fflush(stderr);
    assert_true(dup2(saved, 2) == 2);
    close(saved);
    len = (size_t)ftell(f);
    rewind(f);
    assert_non_null(*err = calloc(len + 1, 1));
    assert_int_equal(fread(*err, 1, len, f), len);
    fclose(f);
    raci_options_release(&o);
    return status;
}

static void test_init(void **state)
{
    struct raci_options o;
    struct raci_outputs set;
    char *argv[] = {(char *)"raci",
                    (char *)"--report",
                    (char *)"json=r.json",
                    (char *)"--write-baseline",
                    (char *)"b.json",
                    (char *)"teams/atlas.csv",
                    NULL};
    (void)state;

    assert_int_equal(raci_options_init(&o, 6), RACI_OK);
    assert_int_equal(raci_options_parse(&o, 6, argv), RACI_EXIT_CLEAN);
    assert_int_equal(raci_outputs_init(&set, &o), RACI_OK);
    assert_int_equal(set.n, 3);
    assert_int_equal(set.v[0].kind, RACI_OUTPUT_WORKBOOK);
    assert_string_equal(set.v[0].path, "output/atlas-raci.xlsx");
    assert_true(set.v[0].made_dir);
    assert_string_equal(set.v[1].format->name, "json");
    assert_string_equal(raci_outputs_find(&set, RACI_OUTPUT_BASELINE)->path, "b.json");
    raci_outputs_release(&set);
    raci_options_release(&o);
}

static void test_check(void **state)
{
    char *err;
    (void)state;

    assert_non_null(mkdtemp(dir));
    put(at(0, "team.csv"));
    put(at(1, "rules.yaml"));
    put(at(2, "b.json"));
    assert_int_equal(mkdir(at(3, "sub"), 0755), 0);
    assert_int_equal(link(at(0, "team.csv"), at(4, "alias.json")), 0);

    /* Distinct outputs, none an input: fine. */
    assert_int_equal(check(at(1, "rules.yaml"), &err, "-o", at(5, "out.xlsx"), "--baseline",
                           at(2, "b.json"), at(0, "team.csv"), (char *)NULL),
                     RACI_EXIT_CLEAN);
    assert_string_equal(err, "");
    free(err);

    /* A report over the roster, by a hard link. */
    {
        char spec[160];
        snprintf(spec, sizeof spec, "json=%s", at(4, "alias.json"));
        assert_int_equal(
            check(NULL, &err, "--no-xlsx", "--report", spec, at(0, "team.csv"), (char *)NULL),
            RACI_EXIT_TROUBLE);
        assert_non_null(strstr(err, "would overwrite the roster"));
        free(err);
    }
    /* The workbook over the ruleset, named through another directory. */
    assert_int_equal(check(at(1, "rules.yaml"), &err, "-o", at(5, "sub/../rules.yaml"),
                           at(0, "team.csv"), (char *)NULL),
                     RACI_EXIT_TROUBLE);
    assert_non_null(strstr(err, "would overwrite the ruleset"));
    free(err);
    /* Two outputs not there yet, the same entry of one directory. */
    {
        char a[160], b[160];
        snprintf(a, sizeof a, "json=%s", at(5, "r.json"));
        snprintf(b, sizeof b, "sarif=%s", at(6, "sub/../r.json"));
        assert_int_equal(check(NULL, &err, "--no-xlsx", "--report", a, "--report", b,
                               at(0, "team.csv"), (char *)NULL),
                         RACI_EXIT_TROUBLE);
        assert_non_null(strstr(err, "are the same file"));
        free(err);
    }
    /* --baseline FILE --write-baseline FILE: allowed. */
    assert_int_equal(check(NULL, &err, "--no-xlsx", "--baseline", at(2, "b.json"),
                           "--write-baseline", at(6, "b.json"), at(0, "team.csv"), (char *)NULL),
                     RACI_EXIT_CLEAN);
    free(err);
    /* An output that is a directory: refused, with what to do. */
    assert_int_equal(check(NULL, &err, "-o", at(3, "sub"), at(0, "team.csv"), (char *)NULL),
                     RACI_EXIT_TROUBLE);
    assert_non_null(strstr(err, "it is a directory"));
    free(err);

    unlink(at(0, "team.csv"));
    unlink(at(1, "rules.yaml"));
    unlink(at(2, "b.json"));
    unlink(at(4, "alias.json"));
    rmdir(at(3, "sub"));
    assert_int_equal(rmdir(dir), 0);
}

/* All or nothing: when one output cannot be begun, none is left begun. */
static void test_begin_all_or_nothing(void **state)
{
    struct raci_options o;
    struct raci_outputs set;
    char tmpl[] = "/tmp/raci-outputs-XXXXXX", a[160], b[160], spec[200];
    char *argv[8];
    (void)state;

    assert_non_null(mkdtemp(tmpl));
    snprintf(a, sizeof a, "%s/ok.json", tmpl);
    snprintf(b, sizeof b, "%s/no/such/dir.json", tmpl);
    snprintf(spec, sizeof spec, "json=%s", a);
    argv[0] = (char *)"raci";
    argv[1] = (char *)"--no-xlsx";
    argv[2] = (char *)"--report";
    argv[3] = spec;
    argv[4] = (char *)"--write-baseline";
    argv[5] = b;
    argv[6] = (char *)"team.csv";
    argv[7] = NULL;
    assert_int_equal(raci_options_init(&o, 7), RACI_OK);
    assert_int_equal(raci_options_parse(&o, 7, argv), RACI_EXIT_CLEAN);
    assert_int_equal(raci_outputs_init(&set, &o), RACI_OK);
    {
        int saved = dup(2);
        FILE *null = fopen("/dev/null", "w");
        fflush(stderr);
        dup2(fileno(null), 2);
        assert_int_equal(raci_outputs_begin(&set), RACI_EXIT_TROUBLE);
        fflush(stderr);
        dup2(saved, 2);
        close(saved);
        fclose(null);
    }
    assert_null(set.v[0].of.tmp);
    assert_int_equal(rmdir(tmpl), 0); /* empty: the first temporary file went */
    raci_outputs_release(&set);
    raci_options_release(&o);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_init),
        cmocka_unit_test(test_check),
        cmocka_unit_test(test_begin_all_or_nothing),
    };
    return cmocka_run_group_tests_name("outputs", tests, NULL, NULL);
}
