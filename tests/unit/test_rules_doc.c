/*
 * test_rules_doc.c - doc/rules.md is what src/rules/rules_doc.c prints for
 * rules/default.yaml (run `make doc/rules.md` when this fails), every rule
 * of the registry is documented whole (its reasons with a source, an
 * example, a summary that reads as a phrase), and `raci rules` in plain
 * text says what the document says.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "raci/rules.h"
#include "raci/rules_doc.h"
#include "raci/ruleset.h"
#include "raci/ruleset_load.h"

#define DEFAULT_YAML RACI_SOURCE_DIR "/rules/default.yaml"
#define RULES_MD     RACI_SOURCE_DIR "/doc/rules.md"

/* The document for rs (NULL: registry defaults), malloc'd. */
static char *render(const struct raci_ruleset *rs)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);

    assert_non_null(f);
    assert_int_equal(raci_rules_doc_markdown(f, rs), RACI_OK);
    assert_int_equal(fclose(f), 0);
    return text;
}

/* One rule in a style, or the list (d NULL), malloc'd. */
static char *render_rule(const struct raci_ruleset *rs, const struct raci_rule_def *d,
                         enum raci_rules_doc_style style)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);

    assert_non_null(f);
    if (d)
        assert_int_equal(raci_rules_doc_rule(f, rs, d, style), RACI_OK);
    else
        assert_int_equal(raci_rules_doc_list(f, rs, style), RACI_OK);
    assert_int_equal(fclose(f), 0);
    return text;
}

/* The rest of the line at the first `prefix` in text, up to `end` (or the
 * line's end), into out; 0 when prefix is not there. */
static int value_after(const char *text, const char *prefix, const char *end, char *out,
                       size_t size)
{
    const char *p = strstr(text, prefix), *e;
    size_t n;

    if (!p)
        return 0;
    p += strlen(prefix);
    e = end ? strstr(p, end) : NULL;
    if (!e || e > p + strcspn(p, "\n"))
        e = p + strcspn(p, "\n");
    n = (size_t)(e - p) < size - 1 ? (size_t)(e - p) : size - 1;
    memcpy(out, p, n);
    out[n] = '\0';
    return 1;
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    char *text;
    long n;

    if (!f)
        fail_msg("cannot open %s", path);
    assert_int_equal(fseek(f, 0, SEEK_END), 0);
    n = ftell(f);
    assert_true(n >= 0);
    rewind(f);
    text = malloc((size_t)n + 1);
    assert_non_null(text);
    assert_int_equal(fread(text, 1, (size_t)n, f), (size_t)n);
    text[n] = '\0';
    fclose(f);
    return text;
}

static void load_default(struct raci_ruleset *rs)
{
    struct raci_diag d = {0};
    if (raci_ruleset_load(rs, DEFAULT_YAML, &d) != RACI_OK)
        fail_msg("%s:%u:%u: %s", d.file, d.line, d.col, d.message);
}

static void test_committed_doc_is_current(void **state)
{
    struct raci_ruleset rs = {0};
    char *want, *have;
    (void)state;

    load_default(&rs);
    have = render(&rs);
    want = slurp(RULES_MD);
    if (strcmp(want, have) != 0) {
        /* Say where, so that the failure reads without a diff tool. */
        size_t line = 1, i = 0;
        while (want[i] && want[i] == have[i])
            line += want[i++] == '\n';
        fail_msg("doc/rules.md is out of date from line %zu on: run 'make doc/rules.md' "
                 "and commit it",
                 line);
    }
    free(want);
    free(have);
    raci_ruleset_release(&rs);
}

static void test_every_rule_documented(void **state)
{
    struct raci_ruleset rs = {0};
    size_t n;
    const struct raci_rule_def *all = raci_rules_all(&n);
    char *doc;
    (void)state;

    load_default(&rs);
    doc = render(&rs);
    for (size_t i = 0; i < n; i++) {
        const struct raci_rule_def *d = &all[i];
        char heading[96], row[96];
        snprintf(heading, sizeof heading, "\n## %s\n", d->id);
        snprintf(row, sizeof row, "| [%s](#%s) |", d->id, d->id);
        assert_non_null(strstr(doc, heading));
        assert_non_null(strstr(doc, row));
        /* A phrase: lower case, no full stop (the writers add one). */
        assert_false(d->summary[0] >= 'A' && d->summary[0] <= 'Z' &&
                     !(d->summary[1] >= 'A' && d->summary[1] <= 'Z'));
        assert_true(d->summary[strlen(d->summary) - 1] != '.');
        /* Reasons of some length, naming where they come from. */
        if (strlen(d->why) < 120)
            fail_msg("the why of '%s' is too thin", d->id);
        if (!strstr(d->why, "Engineering Ladders") && !strstr(d->why, "IAPM") &&
            !strstr(d->why, "airfocus") && !strstr(d->why, "What's the Difference?") &&
            !strstr(d->why, "Scrum Guide") && !strstr(d->why, "SAFe") && !strstr(d->why, "RACI") &&
            !strstr(d->why, "Larson") && !strstr(d->why, "hygiene") &&
            !strstr(d->why, "integrity") && !strstr(d->why, "waiver") &&
            !strstr(d->why, "Org-design practice"))
            fail_msg("the why of '%s' names no source", d->id);
        /* Documents are cited by title and publisher, never by the names
         * of the project's source files ("seed 001"). */
        for (const char *w = d->why; (w = strstr(w, "eed")) != NULL; w++)
            if (w > d->why && (w[-1] == 's' || w[-1] == 'S') &&
                (w - 1 == d->why || w[-2] == ' ' || w[-2] == '('))
                fail_msg("the why of '%s' cites a document as a seed", d->id);
        /* An example with a header and at least one row. */
        assert_non_null(strchr(d->example, '\n'));
        assert_non_null(strstr(doc, d->example));
        for (const struct raci_param_def *p = d->params; p->name; p++)
            assert_true(p->doc && *p->doc);
    }
    free(doc);
    raci_ruleset_release(&rs);
}

static void test_values_follow_the_ruleset(void **state)
{
    struct raci_ruleset rs = {0};
    struct raci_diag d = {0};
    const char *yaml = "extends: default\n"
                       "checks:\n"
                       "  team-size: {severity: error, max_team_size: 7}\n"
                       "  pm-owns-strategy: {tasks: [roadmap, kpi]}\n"
                       "  director-owns-people: {fallback: tl}\n";
    char *doc;
    (void)state;

    assert_int_equal(raci_ruleset_load_mem(&rs, yaml, strlen(yaml), "t.yaml", &d), RACI_OK);
    doc = render(&rs);
    assert_non_null(strstr(doc, "| [team-size](#team-size) | error | `max_team_size` = 7 |"));
    assert_non_null(strstr(doc, "Severity: error (registry default: warning)."));
    assert_non_null(strstr(doc, "- `max_team_size` = 7: largest product team (registry "
                                "default 10)\n"));
    assert_non_null(strstr(doc, "| error | `tasks` = Roadmap, KPIs |"));
    assert_non_null(strstr(doc, "`fallback` = tl (Tech Lead) |"));
    free(doc);
    raci_ruleset_release(&rs);

    /* No ruleset: the registry's severities and numbers. */
    doc = render(NULL);
    assert_non_null(strstr(doc, "| [team-size](#team-size) | warning | `max_team_size` = 10 |"));
    assert_non_null(strstr(doc, "`tasks` = (set by the ruleset)"));
    free(doc);
}

/* `raci rules ID` and doc/rules.md give every parameter the same value and
 * the same documentation, and every rule the same severity, under the
 * default ruleset and one that changes them. */
static void check_styles_agree(const struct raci_ruleset *rs)
{
    size_t n;
    const struct raci_rule_def *all = raci_rules_all(&n);
    char *list_text = render_rule(rs, NULL, RACI_RULES_DOC_TEXT);
    char *list_md = render_rule(rs, NULL, RACI_RULES_DOC_MARKDOWN);

    for (size_t i = 0; i < n; i++) {
        const struct raci_rule_def *d = &all[i];
        const struct raci_check *c = raci_ruleset_check(rs, d->id);
        char *text = render_rule(rs, d, RACI_RULES_DOC_TEXT);
        char *md = render_rule(rs, d, RACI_RULES_DOC_MARKDOWN);
        char prefix[128], want[512], tv[512], mv[512], td[512], md_doc[512];

        snprintf(want, sizeof want, "%s (%s, default %s)\n", d->id, raci_severity_name(c->severity),
                 raci_severity_name(d->severity));
        assert_true(strncmp(text, want, strlen(want)) == 0);
        snprintf(want, sizeof want, "Severity: %s", raci_severity_name(c->severity));
        assert_non_null(strstr(md, want));
        snprintf(want, sizeof want, "%-26s %-8s %s\n", d->id, raci_severity_name(c->severity),
                 d->summary);
        assert_non_null(strstr(list_text, want));
        snprintf(want, sizeof want, "| [%s](#%s) | %s | ", d->id, d->id,
                 raci_severity_name(c->severity));
        assert_non_null(strstr(list_md, want));
        assert_non_null(strstr(text, d->why));
        assert_non_null(strstr(md, d->why));
        for (const struct raci_param_def *pd = d->params; pd->name; pd++) {
            const char *line;
            /* Text: "  name = VALUE" and the documentation on the next
             * line; Markdown: "- `name` = VALUE: documentation". */
            snprintf(prefix, sizeof prefix, "\n  %s = ", pd->name);
            assert_true(value_after(text, prefix, NULL, tv, sizeof tv));
            line = strstr(text, prefix) + 1;
            assert_true(value_after(line, "\n      ", NULL, td, sizeof td));
            snprintf(prefix, sizeof prefix, "\n- `%s` = ", pd->name);
            assert_true(value_after(md, prefix, ": ", mv, sizeof mv));
            line = strstr(md, prefix) + strlen(prefix) + strlen(mv);
            assert_true(value_after(line, ": ", NULL, md_doc, sizeof md_doc));
            if (strcmp(tv, mv) != 0)
                fail_msg("%s %s: '%s' in text, '%s' in markdown", d->id, pd->name, tv, mv);
            assert_string_equal(td, md_doc);
            assert_true(strncmp(td, pd->doc, strlen(pd->doc)) == 0);
        }
        free(text);
        free(md);
    }
    free(list_text);
    free(list_md);
}

static void test_styles_agree(void **state)
{
    struct raci_ruleset rs = {0};
    struct raci_diag d = {0};
    const char *yaml = "extends: default\n"
                       "checks:\n"
                       "  team-size: {severity: error, max_team_size: 7}\n"
                       "  pm-owns-strategy: {tasks: [roadmap, kpi]}\n"
                       "  director-owns-people: {fallback: tl}\n"
                       "  idle-person: {severity: off}\n";
    (void)state;

    load_default(&rs);
    check_styles_agree(&rs);
    raci_ruleset_release(&rs);
    assert_int_equal(raci_ruleset_load_mem(&rs, yaml, strlen(yaml), "t.yaml", &d), RACI_OK);
    check_styles_agree(&rs);
    raci_ruleset_release(&rs);
}

/* A task list reads by the tasks' display names in both styles: "KPIs",
 * never the key "kpis". */
static void test_tasks_by_display_name(void **state)
{
    struct raci_ruleset rs = {0};
    const struct raci_rule_def *d = raci_rules_find("pm-owns-strategy");
    char *text, *md;
    (void)state;

    load_default(&rs);
    assert_non_null(d);
    text = render_rule(&rs, d, RACI_RULES_DOC_TEXT);
    md = render_rule(&rs, d, RACI_RULES_DOC_MARKDOWN);
    assert_non_null(strstr(text, "\n  tasks = Market research, Customer feedback, Product vision, "
                                 "Roadmap, KPIs\n"));
    assert_non_null(strstr(md, "\n- `tasks` = Market research, Customer feedback, Product "
                               "vision, Roadmap, KPIs: "));
    assert_null(strstr(text, "kpis"));
    assert_null(strstr(md, "kpis"));
    free(text);
    free(md);
    raci_ruleset_release(&rs);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_committed_doc_is_current),
        cmocka_unit_test(test_every_rule_documented),
        cmocka_unit_test(test_values_follow_the_ruleset),
        cmocka_unit_test(test_styles_agree),
        cmocka_unit_test(test_tasks_by_display_name),
    };
    return cmocka_run_group_tests_name("rules_doc", tests, NULL, NULL);
}
