/*
 * test_options.c - the command line's table (options.h) and what is
 * printed from it (help.h): parsing through the format table, and --help,
 * the man page and the completion agreeing with the tables.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "raci/format.h"
#include "raci/help.h"
#include "raci/options.h"
#include "raci/rules.h"

/* Parse the NULL-terminated arguments after "raci". */
static int parse(struct raci_options *o, char **args)
{
    int argc = 0;
    static char *argv[32];

    argv[argc++] = (char *)"raci";
    while (*args)
        argv[argc++] = *args++;
    argv[argc] = NULL;
    assert_int_equal(raci_options_init(o, argc), RACI_OK);
    return raci_options_parse(o, argc, argv);
}

/* parse, with the usage error it prints kept off the test's output. */
static int parse_bad(struct raci_options *o, char **args)
{
    int saved = dup(2), status;

    assert_true(saved >= 0);
    assert_non_null(freopen("/dev/null", "w", stderr));
    status = parse(o, args);
    fflush(stderr);
    assert_true(dup2(saved, 2) == 2);
    close(saved);
    return status;
}

/* What fn prints, malloc'd. */
static char *printed(void (*fn)(FILE *))
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    fn(f);
    assert_int_equal(fclose(f), 0);
    return buf;
}

static void test_parse(void **state)
{
    struct raci_options o;
    char *args[] = {(char *)"--format", (char *)"sarif",
                    (char *)"--report", (char *)"junit=r.xml",
                    (char *)"-q",       (char *)"--fail-on",
                    (char *)"warning",  (char *)"a.csv",
                    (char *)"b.csv",    NULL};
    (void)state;

    assert_int_equal(parse(&o, args), RACI_EXIT_CLEAN);
    assert_int_equal(o.help, RACI_HELP_NONE);
    assert_ptr_equal(o.format, raci_format_find("sarif"));
    assert_int_equal(o.nreports, 1);
    assert_ptr_equal(o.reports[0].format, raci_format_find("junit"));
    assert_string_equal(o.reports[0].path, "r.xml");
    assert_true(o.quiet);
    assert_int_equal(o.policy.fail_on, RACI_SEV_WARNING);
    assert_int_equal(o.policy.max_warnings, -1);
    assert_int_equal(o.nargs, 2);
    assert_string_equal(o.args[1], "b.csv");
    raci_options_release(&o);
}

static void test_defaults_and_errors(void **state)
{
    struct raci_options o;
    char *none[] = {(char *)"a.csv", NULL};
    char *bad_format[] = {(char *)"--format", (char *)"SARIF", (char *)"a.csv", NULL};
    char *bad_report[] = {(char *)"--report", (char *)"xml=a.xml", (char *)"a.csv", NULL};
    char *no_file[] = {(char *)"--report", (char *)"sarif=", (char *)"a.csv", NULL};
    char *help[] = {(char *)"--help-completion", (char *)"--no-such-option", NULL};
    (void)state;

    assert_int_equal(parse(&o, none), RACI_EXIT_CLEAN);
    assert_ptr_equal(o.format, raci_format_find("text"));
    assert_int_equal(o.policy.fail_on, RACI_SEV_ERROR);
    assert_int_equal(o.color, -1);
    raci_options_release(&o);
    assert_int_equal(parse_bad(&o, bad_format), RACI_EXIT_TROUBLE);
    raci_options_release(&o);
    assert_int_equal(parse_bad(&o, bad_report), RACI_EXIT_TROUBLE);
    raci_options_release(&o);
    assert_int_equal(parse_bad(&o, no_file), RACI_EXIT_TROUBLE);
    raci_options_release(&o);
    /* --help and its kin stop parsing: what follows is not looked at. */
    assert_int_equal(parse(&o, help), RACI_EXIT_CLEAN);
    assert_int_equal(o.help, RACI_HELP_COMPLETION);
    raci_options_release(&o);
}

/* Every format is in --help's --format line, the man page's FORMATS and
 * the completion, and nothing else is. */
static void test_formats_everywhere(void **state)
{
    size_t n;
    const struct raci_format *all = raci_format_all(&n);
    char *help = printed(raci_help_usage), *man = printed(raci_help_man);
    char *comp = printed(raci_help_completion);
    char words[256] = "", reports[256] = "";
    (void)state;

    for (size_t i = 0; i < n; i++) {
        char tag[64];
        snprintf(tag, sizeof tag, ".TP\n.B %s\n", all[i].name);
        assert_non_null(strstr(man, tag));
        assert_non_null(strstr(help, all[i].name));
        snprintf(words + strlen(words), sizeof words - strlen(words), "%s%s", i ? " " : "",
                 all[i].name);
        snprintf(reports + strlen(reports), sizeof reports - strlen(reports), "%s%s=", i ? " " : "",
                 all[i].name);
    }
    assert_non_null(strstr(help, "text (default), json,"));
    assert_non_null(strstr(comp, words));
    assert_non_null(strstr(comp, reports));
    assert_non_null(strstr(man, ".SH OPTIONS\n"));
    assert_non_null(strstr(man, ".SH FORMATS\n"));
    free(help);
    free(man);
    free(comp);
}

/* Every option --help shows is offered by the completion and in the man
 * page; the hidden ones are in neither --help nor the offer. */
static void test_options_everywhere(void **state)
{
    char *help = printed(raci_help_usage), *man = printed(raci_help_man);
    char *comp = printed(raci_help_completion);
    const char *offer = strstr(comp, "if [[ $cur == -* ]]");
    size_t nrules;
    const struct raci_rule_def *rules = raci_rules_all(&nrules);
    (void)state;

    assert_non_null(offer);
    for (const char *p = help; (p = strstr(p, "--")) != NULL; p += 2) {
        char name[32], roff[64], quoted[40];
        size_t len = strspn(p + 2, "abcdefghijklmnopqrstuvwxyz-");
        if (len == 0 || len >= sizeof name)
            continue;
        memcpy(name, p + 2, len);
        name[len] = '\0';
        snprintf(quoted, sizeof quoted, "--%s", name);
        assert_non_null(strstr(offer, quoted));
        /* The man page writes each '-' as "\-". */
        snprintf(roff, sizeof roff, "\\fB\\-\\-");
        for (const char *c = name; *c; c++)
            snprintf(roff + strlen(roff), sizeof roff - strlen(roff), "%s",
                     *c == '-' ? "\\-" : (char[]){*c, '\0'});
        assert_non_null(strstr(man, roff));
    }
    assert_null(strstr(help, "--help-man"));
    assert_null(strstr(offer, "--help-completion"));
    for (size_t i = 0; i < nrules; i++)
        assert_non_null(strstr(comp, rules[i].id));
    free(help);
    free(man);
    free(comp);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse),
        cmocka_unit_test(test_defaults_and_errors),
        cmocka_unit_test(test_formats_everywhere),
        cmocka_unit_test(test_options_everywhere),
    };
    return cmocka_run_group_tests_name("options", tests, NULL, NULL);
}
