/*
 * test_report.c - every report writer, through its header and the format
 * table (format.h): what each format writes for a small roster, its
 * escaping, and the whole-or-nothing file output. JSON output is read back
 * with jansson, JUnit with libxml2.
 */
#include "testutil.h"

#include <errno.h>
#include <jansson.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fixture.h"
#include "raci/format.h"
#include "raci/report_sarif.h"
#include "raci/report_text.h"
#include "raci/uri.h"

#define HEAD "person,title,product,task,raci\n"

/* Two A's on one task (error, with a related row), an idle person (info),
 * and an unknown letter whose text holds '%' and a line break (warning; its
 * task then has no A and no R: an error and a warning more). */
static const char *const roster_csv =
    HEAD "Ana Silva,Product Manager,Atlas,Market research,A/R\n"
         "Bo Chen,Product Manager,Atlas,Market research,A\n"
         "Cy Ode,Product Owner,Atlas,User stories,A/R\n"
         "Cy Ode,Product Owner,Atlas,Acceptance criteria,\"50%\nmaybe\"\n"
         "Di Lu,Developer,Atlas,,\n";

struct out {
    char *buf;
    size_t len;
    FILE *f;
};

static void out_open(struct out *o)
{
    o->buf = NULL;
    o->len = 0;
    o->f = open_memstream(&o->buf, &o->len);
    assert_non_null(o->f);
}

/* Close the stream; o->buf holds what was written. */
static const char *out_close(struct out *o)
{
    assert_int_equal(fclose(o->f), 0);
    return o->buf;
}

/* A report of every finding of fx; view is filled, release it after. */
static void report_init(struct raci_report *r, struct raci_selection *view,
                        const struct fixture *fx)
{
    memset(r, 0, sizeof(*r));
    assert_int_equal(raci_selection_reported(view, &fx->fs), RACI_OK);
    assert_int_equal(view->n, fx->fs.n);
    r->findings = view;
    r->roster = &fx->r;
    r->rs = &fx->rs;
    r->fail_on = RACI_SEV_ERROR;
    r->failed = 1;
}

/* Write fx's findings in the format of this name; returns the text (free
 * it). */
static char *render(const struct fixture *fx, const char *format)
{
    const struct raci_format *f = raci_format_find(format);
    struct raci_report r;
    struct raci_selection view;
    struct out o;

    assert_non_null(f);
    report_init(&r, &view, fx);
    out_open(&o);
    assert_int_equal(raci_format_write(f, o.f, &r), RACI_OK);
    raci_selection_release(&view);
    return (char *)out_close(&o);
}

static size_t count_rule(const struct fixture *fx, const char *rule)
{
    return fixture_count(fx, rule);
}

/* ---------------------------------------------------------------- text -- */

static void test_text(void **state)
{
    struct fixture fx;
    struct raci_report r;
    struct raci_baseline_diff d = {0};
    struct raci_baseline_entry gone = {(char *)"multiple-po", (char *)"product:atlas", 1};
    struct raci_selection view;
    struct out o;
    (void)state;

    fixture_run(&fx, roster_csv);
    char *text = render(&fx, "text");
    assert_non_null(strstr(text, "team.csv:2:49: error: task 'Market research' in product "
                                 "'Atlas' has 2 accountable people"));
    assert_non_null(strstr(text, "[single-accountable]\n"));
    assert_non_null(strstr(text, "5 findings: 2 errors, 2 warnings, 1 info\n"));
    assert_null(strstr(text, "\033["));
    free(text);

    /* Colour, quiet, and a baseline's note line. */
    report_init(&r, &view, &fx);
    r.color = 1;
    r.quiet = 1;
    out_open(&o);
    assert_int_equal(raci_report_text(o.f, &r), RACI_OK);
    text = (char *)out_close(&o);
    assert_non_null(strstr(text, "\033[1;31merror"));
    assert_null(strstr(text, "findings:"));
    free(text);

    d.file = (char *)"base.json";
    d.known = 3;
    d.absent = &gone;
    d.nabsent = 1;
    r.quiet = 0;
    r.color = 0;
    r.baseline = &d;
    out_open(&o);
    assert_int_equal(raci_report_text(o.f, &r), RACI_OK);
    text = (char *)out_close(&o);
    assert_non_null(strstr(text, "\nbaseline 'base.json': 3 known findings not shown; 1 no longer "
                                 "occurs: multiple-po product:atlas (write the baseline again to "
                                 "drop them)\n"));
    free(text);

    /* A writer writes what its view holds, and counts only that. */
    view.n = 1;
    r.baseline = NULL;
    out_open(&o);
    assert_int_equal(raci_report_text(o.f, &r), RACI_OK);
    text = (char *)out_close(&o);
    assert_non_null(strstr(text, "\n1 finding: "));
    free(text);
    raci_selection_release(&view);
    fixture_release(&fx);
}

/* ---------------------------------------------------------------- json -- */

static json_t *parse_json(const char *text)
{
    json_error_t err;
    json_t *doc = json_loads(text, 0, &err);
    if (!doc)
        fail_msg("not JSON: %s at %d:%d", err.text, err.line, err.column);
    return doc;
}

static json_t *find_by_rule(json_t *findings, const char *key, const char *rule)
{
    size_t i;
    json_t *f;
    json_array_foreach(findings, i, f)
    {
        if (strcmp(json_string_value(json_object_get(f, key)), rule) == 0)
            return f;
    }
    return NULL;
}

static void test_json(void **state)
{
    struct fixture fx;
    (void)state;

    fixture_run(&fx, roster_csv);
    char *text = render(&fx, "json");
    json_t *doc = parse_json(text), *f, *sum;

    assert_int_equal(json_integer_value(json_object_get(doc, "version")), 1);
    assert_string_equal(json_string_value(json_object_get(json_object_get(doc, "tool"), "name")),
                        "raci");
    sum = json_object_get(doc, "summary");
    assert_int_equal(json_integer_value(json_object_get(sum, "total")), (json_int_t)fx.fs.n);
    assert_int_equal(json_integer_value(json_object_get(sum, "error")), 2);
    assert_true(json_is_true(json_object_get(sum, "failed")));
    assert_string_equal(json_string_value(json_array_get(json_object_get(sum, "files"), 0)),
                        "team.csv");
    assert_true(json_is_null(json_object_get(doc, "baseline")));

    f = find_by_rule(json_object_get(doc, "findings"), "rule", "single-accountable");
    assert_non_null(f);
    assert_string_equal(json_string_value(json_object_get(f, "severity")), "error");
    assert_int_equal(json_integer_value(json_object_get(json_object_get(f, "location"), "line")),
                     2);
    assert_int_equal(json_integer_value(
                         json_object_get(json_array_get(json_object_get(f, "related"), 0), "line")),
                     3);
    json_t *subj = json_object_get(f, "subject");
    assert_string_equal(json_string_value(json_object_get(subj, "product")), "Atlas");
    assert_string_equal(json_string_value(json_object_get(subj, "task")), "Market research");
    assert_true(json_is_null(json_object_get(subj, "person")));
    assert_string_equal(json_string_value(json_object_get(f, "entity")),
                        "product:atlas/task:market research");
    assert_int_equal(strlen(json_string_value(json_object_get(f, "fingerprint"))), 16);

    /* The line break and '%' of a cell survive as JSON escapes. */
    f = find_by_rule(json_object_get(doc, "findings"), "rule", "unknown-letter");
    assert_non_null(strstr(json_string_value(json_object_get(f, "message")), "'50%\nmaybe'"));
    assert_non_null(strstr(text, "50%\\nmaybe"));
    json_decref(doc);
    free(text);
    fixture_release(&fx);
}

/* --------------------------------------------------------------- sarif -- */

static void test_sarif(void **state)
{
    struct fixture fx;
    size_t nrules, i;
    json_t *r;
    (void)state;

    /* A ruleset with one check off: it is not among the rules in force. */
    fixture_rules(&fx, "extends: default\nchecks:\n  team-size: {severity: off}\n");
    assert_int_equal(fixture_add(&fx, "dir/my team.csv", roster_csv), RACI_OK);
    fixture_check(&fx);
    raci_rules_all(&nrules);
    char *text = render(&fx, "sarif");
    json_t *doc = parse_json(text);
    json_t *run = json_array_get(json_object_get(doc, "runs"), 0);
    json_t *driver = json_object_get(json_object_get(run, "tool"), "driver");
    json_t *rules = json_object_get(driver, "rules");

    assert_string_equal(json_string_value(json_object_get(doc, "version")), "2.1.0");
    assert_string_equal(json_string_value(json_object_get(driver, "name")), "raci");
    assert_string_equal(json_string_value(json_object_get(driver, "informationUri")),
                        RACI_HOME_URL);
    assert_int_equal(json_array_size(rules), nrules - 1);
    assert_null(find_by_rule(rules, "id", "team-size"));
    json_array_foreach(rules, i, r)
    {
        assert_non_null(json_object_get(r, "name"));
        assert_non_null(json_object_get(json_object_get(r, "shortDescription"), "text"));
        assert_non_null(json_object_get(json_object_get(r, "fullDescription"), "text"));
        assert_non_null(strstr(json_string_value(json_object_get(r, "helpUri")), RACI_HOME_URL));
        assert_non_null(json_object_get(json_object_get(r, "defaultConfiguration"), "level"));
    }

    json_t *results = json_object_get(run, "results");
    assert_int_equal(json_array_size(results), fx.fs.n);
    json_array_foreach(results, i, r)
    {
        json_int_t idx = json_integer_value(json_object_get(r, "ruleIndex"));
        const char *msg = json_string_value(json_object_get(json_object_get(r, "message"), "text"));
        assert_string_equal(json_string_value(json_object_get(r, "ruleId")),
                            json_string_value(json_object_get(json_array_get(rules, idx), "id")));
        assert_int_equal(msg[strlen(msg) - 1], '.');
        assert_non_null(
            json_object_get(json_object_get(r, "partialFingerprints"), "raciEntity/v1"));
        assert_null(json_object_get(r, "baselineState"));
    }
    /* info is "note"; the URI is relative and percent-encoded; the entity is
     * a logical location; the other row a related location. */
    r = find_by_rule(results, "ruleId", "idle-person");
    assert_string_equal(json_string_value(json_object_get(r, "level")), "note");
    r = find_by_rule(results, "ruleId", "single-accountable");
    json_t *loc = json_array_get(json_object_get(r, "locations"), 0);
    json_t *phys = json_object_get(loc, "physicalLocation");
    assert_string_equal(
        json_string_value(json_object_get(json_object_get(phys, "artifactLocation"), "uri")),
        "dir/my%20team.csv");
    assert_int_equal(
        json_integer_value(json_object_get(json_object_get(phys, "region"), "startLine")), 2);
    assert_int_equal(
        json_integer_value(json_object_get(json_object_get(phys, "region"), "startColumn")), 49);
    json_t *logical = json_array_get(json_object_get(loc, "logicalLocations"), 0);
    assert_string_equal(json_string_value(json_object_get(logical, "name")), "Market research");
    assert_string_equal(json_string_value(json_object_get(logical, "fullyQualifiedName")),
                        "product:atlas/task:market research");
    assert_string_equal(json_string_value(json_object_get(logical, "kind")), "task");
    assert_int_equal(json_array_size(json_object_get(r, "relatedLocations")), 1);
    json_decref(doc);
    free(text);
    fixture_release(&fx);
}

static void test_sarif_baseline(void **state)
{
    struct fixture fx;
    struct raci_report r;
    struct raci_baseline_diff d = {0};
    struct raci_selection view;
    struct out o;
    (void)state;

    fixture_run(&fx, roster_csv);
    d.file = (char *)"b.json";
    d.known = 2;
    report_init(&r, &view, &fx);
    r.baseline = &d;
    out_open(&o);
    assert_int_equal(raci_report_sarif(o.f, &r), RACI_OK);
    json_t *doc = parse_json(out_close(&o));
    json_t *run = json_array_get(json_object_get(doc, "runs"), 0);
    json_t *res = json_array_get(json_object_get(run, "results"), 0);
    assert_string_equal(json_string_value(json_object_get(res, "baselineState")), "new");
    json_t *props = json_object_get(run, "properties");
    assert_int_equal(json_integer_value(json_object_get(props, "baselineKnown")), 2);
    assert_int_equal(json_array_size(json_object_get(props, "baselineAbsent")), 0);
    json_decref(doc);
    free(o.buf);
    raci_selection_release(&view);
    fixture_release(&fx);
}

static void test_report_uri(void **state)
{
    static const char *const cases[][2] = {
        {"team.csv", "team.csv"},
        {"./rosters/team.csv", "rosters/team.csv"},
        {"my team/100%.csv", "my%20team/100%25.csv"},
        {"dir\\team.csv", "dir/team.csv"},
        {"/srv/hr/team.csv", "file:///srv/hr/team.csv"},
        {"<stdin>", "%3Cstdin%3E"},
        {"Zo\xC3\xAB.csv", "Zo%C3%AB.csv"},
    };
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *uri = raci_uri_from_path(cases[i][0]);
        assert_string_equal(uri, cases[i][1]);
        free(uri);
    }
}

/* -------------------------------------------------------------- github -- */

static void test_github(void **state)
{
    struct fixture fx;
    (void)state;

    fixture_rules(&fx, NULL);
    assert_int_equal(fixture_add(&fx, "a:b,c%.csv", roster_csv), RACI_OK);
    fixture_check(&fx);
    char *text = render(&fx, "github");
    /* Properties escape ':' and ',' too; data only '%', CR and LF. */
    assert_non_null(strstr(text,
                           "::error file=a%3Ab%2Cc%25.csv,line=2,col=49,title=raci "
                           "single-accountable::task 'Market research' in product 'Atlas' "
                           "has 2 accountable people: Ana Silva (line 2), Bo Chen (line 3)\n"));
    assert_non_null(strstr(text, "::warning file=a%3Ab%2Cc%25.csv,line=5,"));
    assert_non_null(strstr(text, "'50%25%0Amaybe'"));
    assert_non_null(strstr(text, "::notice file="));
    /* One line per finding: no raw line break inside a command. */
    size_t lines = 0;
    for (const char *p = text; *p; p++)
        lines += *p == '\n';
    assert_int_equal(lines, fx.fs.n);
    free(text);
    fixture_release(&fx);
}

/* -------------------------------------------------------------- gitlab -- */

static void test_gitlab(void **state)
{
    struct fixture fx;
    size_t i;
    json_t *f;
    (void)state;

    fixture_run(&fx, roster_csv);
    char *text = render(&fx, "gitlab");
    json_t *doc = parse_json(text);
    assert_true(json_is_array(doc));
    assert_int_equal(json_array_size(doc), fx.fs.n);
    json_array_foreach(doc, i, f)
    {
        const char *rule = json_string_value(json_object_get(f, "check_name"));
        const char *sev = json_string_value(json_object_get(f, "severity"));
        const struct raci_finding *src = &fx.fs.v[i];
        char fp[RACI_FINGERPRINT_SIZE];
        assert_string_equal(rule, src->rule);
        assert_string_equal(sev, src->severity == RACI_SEV_ERROR     ? "major"
                                 : src->severity == RACI_SEV_WARNING ? "minor"
                                                                     : "info");
        raci_findings_fingerprint(src, fp);
        assert_string_equal(json_string_value(json_object_get(f, "fingerprint")), fp);
        json_t *loc = json_object_get(f, "location");
        assert_string_equal(json_string_value(json_object_get(loc, "path")), "team.csv");
        assert_int_equal(
            json_integer_value(json_object_get(json_object_get(loc, "lines"), "begin")),
            src->loc.line);
    }
    json_decref(doc);
    free(text);
    fixture_release(&fx);
}

/* --------------------------------------------------------------- junit -- */

static double xpath_number(xmlDocPtr doc, const char *expr)
{
    xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
    xmlXPathObjectPtr obj = xmlXPathEvalExpression(BAD_CAST expr, ctx);
    double v = xmlXPathCastToNumber(obj);
    xmlXPathFreeObject(obj);
    xmlXPathFreeContext(ctx);
    return v;
}

static void test_junit(void **state)
{
    struct fixture fx;
    (void)state;

    fixture_rules(&fx, NULL);
    assert_int_equal(fixture_add(&fx, "team.csv", roster_csv), RACI_OK);
    assert_int_equal(fixture_add(&fx, "clean.csv", HEAD "Ed Ma,Developer,Borealis,,\n"), RACI_OK);
    fixture_check(&fx);
    char *text = render(&fx, "junit");
    xmlDocPtr doc = xmlReadMemory(text, (int)strlen(text), "junit.xml", NULL, XML_PARSE_NONET);
    assert_non_null(doc);
    /* A suite per roster; errors fail, the rest are skipped. */
    assert_int_equal((int)xpath_number(doc, "count(/testsuites/testsuite)"), 2);
    assert_int_equal((int)xpath_number(doc, "count(//testcase/failure)"),
                     (int)raci_findings_count(&fx.fs, RACI_SEV_ERROR));
    assert_int_equal((int)xpath_number(doc, "count(//testcase/skipped)"),
                     (int)(fx.fs.n - raci_findings_count(&fx.fs, RACI_SEV_ERROR)));
    assert_int_equal((int)xpath_number(doc, "number(/testsuites/@tests)"),
                     (int)xpath_number(doc, "count(//testcase)"));
    assert_int_equal((int)xpath_number(doc, "number(/testsuites/@failures)"),
                     (int)raci_findings_count(&fx.fs, RACI_SEV_ERROR));
    assert_int_equal((int)xpath_number(doc, "count(//testcase[@classname='raci.single-accountable' "
                                            "and @name='single-accountable "
                                            "product:atlas/task:market research'])"),
                     1);
    /* The line break of the cell survives, in the text of the skipped
     * case, which starts with its file, line and column. */
    assert_int_equal((int)xpath_number(doc, "count(//skipped[contains(., '50%\nmaybe')])"), 1);
    assert_int_equal((int)xpath_number(doc, "count(//skipped[starts-with(., 'team.csv:5:')]"
                                            "[contains(., '50%')])"),
                     1);
    /* What the JUnit schemas do not allow is not there. */
    assert_int_equal((int)xpath_number(doc, "count(/testsuites/@skipped)"), 0);
    assert_int_equal((int)xpath_number(doc, "count(//testcase/@file | //testcase/@line)"), 0);
    assert_int_equal((int)xpath_number(doc, "count(//skipped/@*)"), 0);
    assert_int_equal((int)xpath_number(doc, "sum(/testsuites/testsuite/@skipped)"),
                     (int)(fx.fs.n - raci_findings_count(&fx.fs, RACI_SEV_ERROR)));
    xmlFreeDoc(doc);
    free(text);
    fixture_release(&fx);
}

static void test_junit_control_characters(void **state)
{
    struct fixture fx;
    struct raci_findings fs = {0};
    struct raci_selection view = {0};
    struct raci_report r = {0};
    struct raci_loc loc = {"t\xef\xbf\xbe.csv", 2, 1, NULL};
    struct out o;
    (void)state;

    /* A control character in a cell cannot go into XML 1.0; it is replaced. */
    fixture_run(&fx, HEAD "Ana Silva,Product Manager,Atlas,Market research,\"A\x01\"\n");
    assert_int_equal(count_rule(&fx, "unknown-letter"), 1);
    char *text = render(&fx, "junit");
    xmlDocPtr doc = xmlReadMemory(text, (int)strlen(text), "junit.xml", NULL, XML_PARSE_NONET);
    assert_non_null(doc);
    assert_non_null(strstr(text, "A\xEF\xBF\xBD"));
    xmlFreeDoc(doc);
    free(text);
    fixture_release(&fx);

    /* Nor can U+FFFE and U+FFFF, in the file (a suite's name), the entity
     * (a case's name) or the message (an attribute and the text): made by
     * hand, whatever the reader lets through. */
    assert_non_null(raci_findings_add(&fs, "multiple-po", RACI_SEV_ERROR, loc, RACI_NONE, RACI_NONE,
                                      RACI_NONE, "product:x\xef\xbf\xbf",
                                      "po \xef\xbf\xbe and \xef\xbf\xbf \x01"));
    assert_int_equal(raci_selection_reported(&view, &fs), RACI_OK);
    r.findings = &view;
    r.fail_on = RACI_SEV_ERROR;
    out_open(&o);
    assert_int_equal(raci_format_write(raci_format_find("junit"), o.f, &r), RACI_OK);
    text = (char *)out_close(&o);
    assert_null(strstr(text, "\xef\xbf\xbe"));
    assert_null(strstr(text, "\xef\xbf\xbf"));
    doc = xmlReadMemory(text, (int)strlen(text), "junit.xml", NULL, XML_PARSE_NONET);
    assert_non_null(doc);
    assert_int_equal((int)xpath_number(doc, "count(//testsuite[@name='t\xef\xbf\xbd.csv'])"), 1);
    assert_int_equal((int)xpath_number(doc, "count(//failure[@message='po \xef\xbf\xbd and "
                                            "\xef\xbf\xbd \xef\xbf\xbd'])"),
                     1);
    xmlFreeDoc(doc);
    free(text);
    raci_selection_release(&view);
    raci_findings_release(&fs);
}

/* ------------------------------------------------------------ markdown -- */

static void test_markdown(void **state)
{
    struct fixture fx;
    (void)state;

    fixture_run(&fx, HEAD "Ana Silva,Product Manager,R|D *Lab*,Market research,A/R\n"
                          "Bo Chen,Product Manager,R|D *Lab*,Market research,A\n");
    char *text = render(&fx, "markdown");
    assert_non_null(strstr(text, "### raci: failed\n"));
    assert_non_null(strstr(text, "| `single-accountable` | error | 1 |\n"));
    /* A '|' or '*' in a name cannot break the table or start emphasis. */
    assert_non_null(strstr(text, "product 'R\\|D \\*Lab\\*'"));
    free(text);
    fixture_release(&fx);

    fixture_run(&fx, HEAD "Ana Silva,Product Owner,Atlas,User stories,A/R\n");
    text = render(&fx, "markdown");
    assert_non_null(strstr(text, "no findings.\n"));
    assert_null(strstr(text, "| Rule |"));
    free(text);
    fixture_release(&fx);
}

/* ---------------------------------------------------------------- save -- */

static void test_save_whole_or_nothing(void **state)
{
    struct fixture fx;
    struct raci_report r;
    struct raci_selection view;
    const struct raci_format *sarif = raci_format_find("sarif");
    char dir[] = "/tmp/raci-report-XXXXXX", path[64], text[64];
    FILE *f;
    (void)state;

    assert_non_null(mkdtemp(dir));
    fixture_run(&fx, roster_csv);
    report_init(&r, &view, &fx);
    snprintf(path, sizeof path, "%s/r.sarif", dir);
    assert_int_equal(raci_format_save(sarif, path, &r), RACI_OK);
    f = fopen(path, "r");
    assert_non_null(f);
    assert_non_null(fgets(text, sizeof text, f));
    assert_string_equal(text, "{\n");
    fclose(f);
    unlink(path);

    /* Into a directory that does not exist: an error with errno, no file. */
    snprintf(path, sizeof path, "%s/no/r.sarif", dir);
    errno = 0;
    assert_int_equal(raci_format_save(sarif, path, &r), RACI_ERROR_OUTPUT);
    assert_int_equal(errno, ENOENT);
    /* Over a directory: rename fails, the directory stays, nothing is left
     * beside it. */
    snprintf(path, sizeof path, "%s/sub", dir);
    assert_int_equal(mkdir(path, 0700), 0);
    assert_int_equal(raci_format_save(raci_format_find("json"), path, &r), RACI_ERROR_OUTPUT);
    assert_int_equal(rmdir(path), 0);
    assert_int_equal(rmdir(dir), 0); /* empty: no temporary file left */
    raci_selection_release(&view);
    fixture_release(&fx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text),
        cmocka_unit_test(test_json),
        cmocka_unit_test(test_sarif),
        cmocka_unit_test(test_sarif_baseline),
        cmocka_unit_test(test_report_uri),
        cmocka_unit_test(test_github),
        cmocka_unit_test(test_gitlab),
        cmocka_unit_test(test_junit),
        cmocka_unit_test(test_junit_control_characters),
        cmocka_unit_test(test_markdown),
        cmocka_unit_test(test_save_whole_or_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
