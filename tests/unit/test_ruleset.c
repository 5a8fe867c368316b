/*
 * test_ruleset.c - the ruleset loader: rules/default.yaml and rules/safe.yaml
 * as shipped, extends, task look-up, and every kind of error with its line
 * and column. Title matching is tested in test_titles.c.
 *
 * Run from the repository root (as `make check-unit` does), or build with
 * -DRACI_SOURCE_DIR='"/path/to/repo"'.
 */
#include "testutil.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "raci/letters.h"
#include "raci/rules.h"
#include "raci/ruleset.h"
#include "raci/ruleset_load.h"
#include "raci/titles.h"

#ifndef RACI_DATADIR
#define RACI_DATADIR "/usr/local/share/raci"
#endif

#define DEFAULT_YAML RACI_SOURCE_DIR "/rules/default.yaml"
#define SAFE_YAML    RACI_SOURCE_DIR "/rules/safe.yaml"
#define DATA         RACI_SOURCE_DIR "/tests/data/rulesets/"

/* ------------------------------------------------------------ helpers -- */

static void load_ok(struct raci_ruleset *rs, const char *path)
{
    struct raci_diag d = {0};
    raci_error err = raci_ruleset_load(rs, path, &d);
    if (err != RACI_OK)
        print_error("%s:%u:%u: %s\n", d.file ? d.file : "?", d.line, d.col,
                    d.message ? d.message : raci_error_string(err));
    assert_int_equal(err, RACI_OK);
    raci_diag_release(&d);
}

static void load_mem_ok(struct raci_ruleset *rs, const char *text)
{
    struct raci_diag d = {0};
    raci_error err = raci_ruleset_load_mem(rs, text, strlen(text), "mem.yaml", &d);
    if (err != RACI_OK)
        print_error("%s:%u:%u: %s\n", d.file ? d.file : "?", d.line, d.col,
                    d.message ? d.message : raci_error_string(err));
    assert_int_equal(err, RACI_OK);
    raci_diag_release(&d);
}

static int role(const struct raci_ruleset *rs, const char *id)
{
    int r = raci_ruleset_role(rs, id);
    if (r < 0)
        fail_msg("no role '%s'", id);
    return r;
}

/* Mask of the roles named by a space-separated list of ids ("po pm"). */
static uint64_t roles_mask(const struct raci_ruleset *rs, const char *ids)
{
    char buf[128], *save = NULL;
    uint64_t m = 0;

    snprintf(buf, sizeof buf, "%s", ids);
    for (char *t = strtok_r(buf, " ", &save); t; t = strtok_r(NULL, " ", &save))
        m |= UINT64_C(1) << role(rs, t);
    return m;
}

static const struct raci_task_def *task(const struct raci_ruleset *rs, const char *name)
{
    int t = raci_ruleset_find_task(rs, name);
    if (t < 0)
        fail_msg("no task '%s'", name);
    return &rs->tasks[t];
}

static unsigned letters(const struct raci_ruleset *rs, const char *task_name, const char *role_id)
{
    return task(rs, task_name)->raci[role(rs, role_id)];
}

static int has_str(char *const *list, size_t n, const char *s)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(list[i], s))
            return 1;
    return 0;
}

static const struct raci_check *check(const struct raci_ruleset *rs, const char *id)
{
    const struct raci_check *c = raci_ruleset_check(rs, id);
    if (!c)
        fail_msg("no check '%s'", id);
    return c;
}

/* The list parameter name of check id, joined with ','. */
static void list_param(const struct raci_ruleset *rs, const char *id, const char *name, char *buf,
                       size_t size)
{
    const struct raci_param *p = raci_ruleset_param(check(rs, id), name);
    size_t n = 0;

    assert_non_null(p);
    assert_int_equal(p->kind, RACI_PARAM_TASKS);
    buf[0] = '\0';
    for (size_t i = 0; i < p->nlist; i++)
        n += (size_t)snprintf(buf + n, size - n, "%s%s", i ? "," : "", p->list[i]);
}

static int ends_with(const char *s, const char *tail)
{
    size_t n = strlen(s), m = strlen(tail);
    return n >= m && !strcmp(s + n - m, tail);
}

static void assert_released(const struct raci_ruleset *rs)
{
    assert_null(rs->roles);
    assert_null(rs->tasks);
    assert_null(rs->checks);
    assert_int_equal(rs->nroles, 0);
    assert_int_equal(rs->nchecks, 0);
}

/* -------------------------------------------------- default.yaml -- */

static void test_default_roles(void **state)
{
    static const char *const ids[] = {"po", "pm", "director", "em", "tl", "tpm", "dev", "sm"};
    static const char *const names[] = {
        "Product Owner", "Product Manager",           "Director",  "Engineering Manager",
        "Tech Lead",     "Technical Program Manager", "Developer", "Scrum Master"};
    struct raci_ruleset rs = {0};
    (void)state;

    load_ok(&rs, DEFAULT_YAML);
    assert_string_equal(rs.file, DEFAULT_YAML);
    assert_string_equal(rs.framework, "scrum");
    assert_int_equal(rs.nroles, 8);
    for (size_t i = 0; i < 8; i++) {
        assert_string_equal(rs.roles[i].id, ids[i]);
        assert_string_equal(rs.roles[i].name, names[i]);
        assert_int_equal(raci_ruleset_role(&rs, ids[i]), (int)i);
    }
    assert_int_equal(raci_ruleset_role(&rs, "PO"), 0);
    assert_int_equal(raci_ruleset_role(&rs, "cto"), -1);

    /* Patterns are stored normalised. */
    const struct raci_role *po = &rs.roles[role(&rs, "po")];
    assert_true(has_str(po->titles, po->ntitles, "product owner"));
    assert_true(has_str(po->titles, po->ntitles, "po"));
    assert_true(has_str(po->titles, po->ntitles, "chief product owner"));
    const struct raci_role *pm = &rs.roles[role(&rs, "pm")];
    assert_true(has_str(pm->titles, pm->ntitles, "group product manager"));
    assert_true(has_str(pm->titles, pm->ntitles, "product lead"));
    assert_false(has_str(pm->titles, pm->ntitles, "pm")); /* ambiguous */
    const struct raci_role *tpm = &rs.roles[role(&rs, "tpm")];
    assert_false(has_str(tpm->titles, tpm->ntitles, "tpm"));

    assert_true(has_str(rs.seniority, rs.nseniority, "sr"));
    assert_true(has_str(rs.seniority, rs.nseniority, "lead"));
    assert_true(has_str(rs.seniority, rs.nseniority, "iii"));
    assert_false(has_str(rs.seniority, rs.nseniority, "group"));

    /* Fallbacks: director -> em, pm -> po; nothing else. */
    const struct raci_role *dir = &rs.roles[role(&rs, "director")];
    assert_int_equal(dir->nfallbacks, 1);
    assert_int_equal(dir->fallbacks[0], role(&rs, "em"));
    assert_int_equal(pm->nfallbacks, 1);
    assert_int_equal(pm->fallbacks[0], role(&rs, "po"));
    assert_int_equal(po->nfallbacks, 0);

    /* Letter aliases. */
    assert_int_equal(rs.naliases, 2);
    assert_string_equal(rs.aliases[0].name, "DRI");
    assert_int_equal(rs.aliases[0].letters, RACI_A | RACI_R);
    assert_string_equal(rs.aliases[1].name, "S");
    assert_int_equal(rs.aliases[1].letters, RACI_R);
    raci_ruleset_release(&rs);
    assert_released(&rs);
    raci_ruleset_release(&rs); /* twice is harmless */
}

static void test_default_tasks(void **state)
{
    static const char *const names[] = {"Market research",
                                        "Customer feedback",
                                        "Product vision",
                                        "Roadmap",
                                        "KPIs",
                                        "Customer relationship",
                                        "Go-to-market",
                                        "Budget and schedule",
                                        "Product goal",
                                        "Product backlog",
                                        "User stories",
                                        "Acceptance criteria",
                                        "Sprint review acceptance",
                                        "Requirements clarification",
                                        "Sprint backlog",
                                        "Delivery process",
                                        "Progress reporting",
                                        "Career planning",
                                        "Promotions",
                                        "Coaching",
                                        "People management",
                                        "Architecture"};
    struct raci_ruleset rs = {0};
    (void)state;

    load_ok(&rs, DEFAULT_YAML);
    assert_int_equal(rs.ntasks, 22);
    for (size_t i = 0; i < 22; i++)
        assert_string_equal(rs.tasks[i].name, names[i]);
    assert_string_equal(rs.tasks[6].key, "go to market");

    const struct raci_task_def *mr = task(&rs, "Market research");
    assert_int_equal(mr->naliases, 2);
    assert_string_equal(mr->aliases[0], "market analysis");
    assert_string_equal(mr->aliases[1], "competitor analysis");
    assert_int_equal(letters(&rs, "Market research", "po"), RACI_C);
    assert_int_equal(letters(&rs, "Market research", "pm"), RACI_A | RACI_R);
    assert_int_equal(letters(&rs, "Market research", "director"), RACI_I);
    assert_int_equal(letters(&rs, "Market research", "em"), 0);
    assert_int_equal(letters(&rs, "Market research", "dev"), 0);

    assert_int_equal(letters(&rs, "Product backlog", "po"), RACI_A | RACI_R);
    assert_int_equal(letters(&rs, "Product backlog", "sm"), RACI_C);
    assert_int_equal(letters(&rs, "Sprint backlog", "dev"), RACI_A | RACI_R);
    assert_int_equal(letters(&rs, "Sprint backlog", "po"), RACI_C);
    assert_int_equal(letters(&rs, "Career planning", "director"), RACI_A);
    assert_int_equal(letters(&rs, "Career planning", "em"), RACI_R);
    assert_int_equal(letters(&rs, "Promotions", "director"), RACI_A | RACI_R);
    assert_int_equal(letters(&rs, "Coaching", "tl"), RACI_R);
    assert_int_equal(letters(&rs, "Architecture", "tl"), RACI_A | RACI_R);
    assert_int_equal(letters(&rs, "Architecture", "dev"), RACI_R);
    assert_int_equal(letters(&rs, "Architecture", "po"), RACI_I);

    /* Exactly one A per task in the default table, none for tpm. */
    for (size_t t = 0; t < rs.ntasks; t++) {
        int accountable = 0;
        for (size_t r = 0; r < rs.nroles; r++)
            accountable += (rs.tasks[t].raci[r] & RACI_A) != 0;
        assert_int_equal(accountable, 1);
        assert_int_equal(rs.tasks[t].raci[role(&rs, "tpm")], 0);
    }
    raci_ruleset_release(&rs);
}

static void test_default_checks(void **state)
{
    static const struct {
        const char *id;
        enum raci_severity sev;
        const char *param;
        long value;
    } want[] = {
        {"single-accountable", RACI_SEV_ERROR, NULL, 0},
        {"missing-responsible", RACI_SEV_WARNING, NULL, 0},
        {"too-many-responsible", RACI_SEV_INFO, "max_responsible", 3},
        {"unknown-letter", RACI_SEV_WARNING, NULL, 0},
        {"unknown-vocabulary", RACI_SEV_WARNING, "min_cells", 3},
        {"unknown-vocabulary", RACI_SEV_WARNING, "min_uses", 2},
        {"duplicate-assignment", RACI_SEV_WARNING, NULL, 0},
        {"unknown-title", RACI_SEV_INFO, NULL, 0},
        {"idle-person", RACI_SEV_INFO, NULL, 0},
        {"product-without-po", RACI_SEV_ERROR, NULL, 0},
        {"multiple-po", RACI_SEV_ERROR, "max_po", 1},
        {"po-multiple-products", RACI_SEV_WARNING, "max_products", 1},
        {"pm-owns-strategy", RACI_SEV_ERROR, NULL, 0},
        {"po-owns-backlog", RACI_SEV_ERROR, NULL, 0},
        {"director-owns-people", RACI_SEV_WARNING, NULL, 0},
        {"split-po-pm", RACI_SEV_WARNING, "max_team_size", 10},
        {"scrum-contact-po", RACI_SEV_WARNING, NULL, 0},
        {"pm-span", RACI_SEV_WARNING, "max_pos", 4},
        {"team-size", RACI_SEV_WARNING, "max_team_size", 10},
        {"accountability-overload", RACI_SEV_WARNING, "max_accountable", 12},
        {"single-point-of-failure", RACI_SEV_INFO, "max_sole", 8},
        {"unknown-manager", RACI_SEV_ERROR, NULL, 0},
        {"reporting-cycle", RACI_SEV_ERROR, NULL, 0},
        {"span-of-control", RACI_SEV_WARNING, "max_reports", 8},
    };
    struct raci_ruleset rs = {0};
    size_t nrules;
    const struct raci_rule_def *all = raci_rules_all(&nrules);
    char buf[256];
    (void)state;

    load_ok(&rs, DEFAULT_YAML);
    /* One check per registry rule, in registry order. */
    assert_int_equal(rs.nchecks, nrules);
    for (size_t i = 0; i < nrules; i++)
        assert_ptr_equal(rs.checks[i].def, &all[i]);
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        const struct raci_check *c = check(&rs, want[i].id);
        assert_int_equal(c->severity, want[i].sev);
        if (want[i].param) {
            const struct raci_param *p = raci_ruleset_param(c, want[i].param);
            assert_non_null(p);
            assert_int_equal(p->ival, want[i].value);
            assert_int_equal(raci_ruleset_int(c, want[i].param), want[i].value);
        }
    }
    list_param(&rs, "pm-owns-strategy", "tasks", buf, sizeof buf);
    assert_string_equal(buf, "market research,customer feedback,product vision,roadmap,kpis");
    list_param(&rs, "po-owns-backlog", "tasks", buf, sizeof buf);
    assert_string_equal(
        buf,
        "product backlog,user stories,acceptance criteria,sprint review acceptance,product goal");
    list_param(&rs, "director-owns-people", "tasks", buf, sizeof buf);
    assert_string_equal(buf, "career planning,promotions,coaching,people management");
    assert_string_equal(raci_ruleset_param(check(&rs, "director-owns-people"), "fallback")->sval,
                        "em");
    list_param(&rs, "scrum-contact-po", "tasks", buf, sizeof buf);
    assert_string_equal(buf, "requirements clarification");
    assert_true(raci_ruleset_has(check(&rs, "scrum-contact-po"), "framework", "Scrum"));
    assert_false(raci_ruleset_has(check(&rs, "scrum-contact-po"), "framework", "safe"));
    assert_true(raci_ruleset_has(check(&rs, "pm-owns-strategy"), "tasks", "roadmap"));
    assert_false(raci_ruleset_has(check(&rs, "pm-owns-strategy"), "tasks", "product goal"));

    assert_null(raci_ruleset_check(&rs, "no-such-rule"));
    assert_null(raci_ruleset_param(check(&rs, "team-size"), "max_pos"));
    assert_int_equal(raci_ruleset_int(check(&rs, "team-size"), "no_such_param"), 0);
    raci_ruleset_release(&rs);
}

/* The whole of a file, malloc'd. */
static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    char *buf;
    long n;

    if (!f)
        fail_msg("cannot open %s", path);
    assert_int_equal(fseek(f, 0, SEEK_END), 0);
    n = ftell(f);
    assert_true(n >= 0);
    rewind(f);
    buf = malloc((size_t)n + 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

/* The comments of the shipped rulesets, which users read (default.yaml
 * documents the format), cite documents by title and publisher: never by
 * the names of the project's source files ("seed 001") or its briefs. */
static void test_shipped_citations(void **state)
{
    static const char *const files[] = {DEFAULT_YAML, SAFE_YAML,
                                        RACI_SOURCE_DIR "/samples/team-rules.yaml"};
    static const char *const names[] = {"Engineering Ladders",
                                        "Product Owner vs. Product Manager: What's the Difference?",
                                        "airfocus", "Product Managers and Product Owners", "IAPM"};
    (void)state;

    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        char *text = slurp(files[i]);
        for (char *p = text; *p; p++)
            *p = (char)tolower((unsigned char)*p);
        if (strstr(text, "seed") || strstr(text, "rules-brief"))
            fail_msg("%s cites a document by a name of the project's own files", files[i]);
        free(text);
    }
    /* default.yaml lists each of the five documents. */
    char *text = slurp(DEFAULT_YAML);
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (!strstr(text, names[i]))
            fail_msg("default.yaml does not cite %s", names[i]);
    free(text);
}

/* --------------------------------------------------------- safe.yaml -- */

static void test_safe(void **state)
{
    struct raci_ruleset rs = {0};
    char buf[256];
    (void)state;

    load_ok(&rs, SAFE_YAML);
    assert_string_equal(rs.file, SAFE_YAML);
    assert_string_equal(rs.framework, "safe");
    assert_int_equal(rs.nroles, 8);
    assert_int_equal(rs.ntasks, 23);
    assert_int_equal(raci_ruleset_int(check(&rs, "po-multiple-products"), "max_products"), 2);
    assert_int_equal(raci_ruleset_int(check(&rs, "pm-span"), "max_pos"), 4);
    assert_true(raci_ruleset_has(check(&rs, "scrum-contact-po"), "framework", "safe"));
    list_param(&rs, "pm-owns-strategy", "tasks", buf, sizeof buf);
    assert_string_equal(
        buf, "market research,customer feedback,product vision,roadmap,kpis,program backlog");
    /* Severities are untouched where safe.yaml says nothing. */
    assert_int_equal(check(&rs, "pm-owns-strategy")->severity, RACI_SEV_ERROR);
    assert_int_equal(check(&rs, "team-size")->severity, RACI_SEV_WARNING);
    assert_int_equal(raci_ruleset_int(check(&rs, "team-size"), "max_team_size"), 10);
    /* The new task, and roles extended rather than replaced. */
    assert_string_equal(task(&rs, "ART backlog")->name, "Program backlog");
    assert_int_equal(letters(&rs, "Program backlog", "pm"), RACI_A | RACI_R);
    assert_int_equal(letters(&rs, "Program backlog", "po"), RACI_C);
    assert_int_equal(letters(&rs, "Market research", "pm"), RACI_A | RACI_R);
    assert_int_equal(raci_titles_match(&rs, "Solution Manager"), roles_mask(&rs, "pm"));
    assert_int_equal(raci_titles_match(&rs, "Product Manager"), roles_mask(&rs, "pm"));
    assert_int_equal(raci_titles_match(&rs, "Scrum Master/Team Coach"), roles_mask(&rs, "sm"));
    assert_int_equal(raci_titles_match(&rs, "Release Train Engineer"), roles_mask(&rs, "sm"));
    assert_string_equal(rs.roles[role(&rs, "pm")].name, "Product Manager");
    raci_ruleset_release(&rs);
}

/* ------------------------------------------------------- task look-up -- */

static void test_find_task(void **state)
{
    static const struct {
        const char *name;
        const char *task; /* NULL: none */
    } cases[] = {
        {"Market research", "Market research"},
        {"  Market-Research! ", "Market research"},
        {"MARKET ANALYSIS", "Market research"},
        {"competitor_analysis", "Market research"},
        {"KPIs", "KPIs"},
        {"KPI", "KPIs"},
        {"kpis", "KPIs"},
        {"Success Metrics", "KPIs"},
        {"success metric", "KPIs"},
        {"Go to market", "Go-to-market"},
        {"go-to-market", "Go-to-market"},
        {"Marketing and sales support", "Go-to-market"},
        {"Roadmaps", "Roadmap"},
        {"Promotion", "Promotions"},
        {"1:1s", "People management"},
        {"1:1", "People management"},
        {"Hiring", "People management"},
        {"Prioritisation", "Product backlog"},
        {"Accept increment", "Sprint review acceptance"},
        {"Voice of the customer", "Customer feedback"},
        {"**User stories**", "User stories"},
        {"User story", NULL}, /* one plural step only: "storys" is no task */
        {"Roadmapping", NULL},
        {"s", NULL},
        {"", NULL},
        {"  --  ", NULL},
        {"Market", NULL},
    };
    struct raci_ruleset rs = {0};
    (void)state;

    load_ok(&rs, DEFAULT_YAML);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int t = raci_ruleset_find_task(&rs, cases[i].name);
        if (!cases[i].task) {
            if (t != -1)
                fail_msg("'%s' found task '%s', want none", cases[i].name, rs.tasks[t].name);
        } else if (t < 0 || strcmp(rs.tasks[t].name, cases[i].task) != 0) {
            fail_msg("'%s' found %s, want '%s'", cases[i].name,
                     t < 0 ? "nothing" : rs.tasks[t].name, cases[i].task);
        }
    }
    assert_int_equal(raci_ruleset_find_task(&rs, NULL), -1);
    raci_ruleset_release(&rs);
}

/* ------------------------------------------------------------ extends -- */

static void test_user_extends_default(void **state)
{
    struct raci_ruleset rs = {0}, base = {0};
    (void)state;

    load_ok(&rs, DATA "user.yaml");
    load_ok(&base, DEFAULT_YAML);
    /* What user.yaml changes. */
    assert_int_equal(check(&rs, "team-size")->severity, RACI_SEV_ERROR);
    assert_int_equal(check(&rs, "idle-person")->severity, RACI_SEV_OFF);
    assert_int_equal(raci_ruleset_int(check(&rs, "span-of-control"), "max_reports"), 6);
    assert_int_equal(check(&rs, "span-of-control")->severity, RACI_SEV_WARNING);
    assert_int_equal(raci_titles_match(&rs, "PM"), roles_mask(&rs, "pm"));
    assert_int_equal(raci_titles_match(&base, "PM"), 0);
    assert_int_equal(raci_titles_match(&rs, "Senior PM"), roles_mask(&rs, "pm"));
    assert_int_equal(raci_titles_match(&rs, "Product Manager"), roles_mask(&rs, "pm"));
    assert_string_equal(task(&rs, "OKRs")->name, "KPIs");
    assert_string_equal(task(&rs, "success metrics")->name, "KPIs");
    assert_int_equal(letters(&rs, "KPIs", "em"), 0);
    assert_int_equal(letters(&rs, "KPIs", "tl"), RACI_I);
    assert_int_equal(letters(&rs, "KPIs", "pm"), RACI_A | RACI_R);
    assert_int_equal(rs.naliases, 2);
    assert_string_equal(rs.aliases[1].name, "S");
    assert_int_equal(rs.aliases[1].letters, RACI_C);
    assert_int_equal(rs.aliases[0].letters, RACI_A | RACI_R);
    /* Everything else is the default's. */
    assert_int_equal(rs.ntasks, base.ntasks);
    assert_int_equal(rs.nroles, base.nroles);
    assert_string_equal(rs.framework, "scrum");
    for (size_t i = 0; i < rs.nchecks; i++) {
        const char *id = rs.checks[i].def->id;
        if (!strcmp(id, "team-size") || !strcmp(id, "idle-person") ||
            !strcmp(id, "span-of-control"))
            continue;
        assert_int_equal(rs.checks[i].severity, base.checks[i].severity);
        for (size_t j = 0; j < rs.checks[i].nparams; j++)
            assert_int_equal(rs.checks[i].params[j].ival, base.checks[i].params[j].ival);
    }
    raci_ruleset_release(&base);
    raci_ruleset_release(&rs);
}

static void test_extends_chain_by_path(void **state)
{
    struct raci_ruleset rs = {0};
    (void)state;

    /* team.yaml -> user.yaml (a path beside it) -> default (bundled). */
    load_ok(&rs, DATA "team.yaml");
    assert_string_equal(rs.framework, "kanban");
    assert_int_equal(check(&rs, "span-of-control")->severity, RACI_SEV_INFO);
    assert_int_equal(raci_ruleset_int(check(&rs, "span-of-control"), "max_reports"), 6);
    assert_int_equal(check(&rs, "idle-person")->severity, RACI_SEV_OFF);
    assert_int_equal(check(&rs, "single-accountable")->severity, RACI_SEV_ERROR);
    raci_ruleset_release(&rs);
}

static void test_load_mem_extends(void **state)
{
    struct raci_ruleset rs = {0};
    (void)state;

    load_mem_ok(&rs, "extends: default\n"
                     "roles:\n"
                     "  qa: {name: Quality Engineer, titles: [qa engineer lead, test manager]}\n"
                     "tasks:\n"
                     "  - name: Test strategy\n"
                     "    raci: {qa: A/R, tl: C}\n"
                     "  - name: Market Research\n"
                     "    raci: {po: '-', pm: A, director: R}\n"
                     "fallbacks: {director: [em, tl]}\n"
                     "seniority: [distinguished]\n"
                     "checks:\n"
                     "  director-owns-people: {fallback: tl}\n"
                     "  too-many-responsible: {max_responsible: 0}\n");
    assert_string_equal(rs.file, "mem.yaml");
    assert_int_equal(rs.nroles, 9);
    assert_string_equal(rs.roles[8].id, "qa");
    assert_string_equal(rs.roles[8].name, "Quality Engineer");
    assert_int_equal(raci_titles_match(&rs, "Distinguished Test Manager"), roles_mask(&rs, "qa"));
    assert_int_equal(rs.ntasks, 23);
    assert_int_equal(letters(&rs, "Test strategy", "qa"), RACI_A | RACI_R);
    assert_int_equal(letters(&rs, "Test strategy", "tl"), RACI_C);
    assert_int_equal(letters(&rs, "Market research", "po"), 0);
    assert_int_equal(letters(&rs, "Market research", "pm"), RACI_A);
    assert_int_equal(letters(&rs, "Market research", "director"), RACI_R);
    assert_int_equal(task(&rs, "market research")->naliases, 2);
    const struct raci_role *dir = &rs.roles[role(&rs, "director")];
    assert_int_equal(dir->nfallbacks, 2);
    assert_int_equal(dir->fallbacks[1], role(&rs, "tl"));
    assert_string_equal(raci_ruleset_param(check(&rs, "director-owns-people"), "fallback")->sval,
                        "tl");
    assert_int_equal(raci_ruleset_int(check(&rs, "too-many-responsible"), "max_responsible"), 0);
    raci_ruleset_release(&rs);
}

static void test_standalone_ruleset(void **state)
{
    struct raci_ruleset rs = {0};
    (void)state;

    /* Without extends nothing comes from default.yaml: registry severities
     * and whole-number defaults only. */
    load_mem_ok(&rs, "version: 1\n"
                     "roles:\n"
                     "  lead: {titles: [boss]}\n"
                     "checks:\n"
                     "  team-size: {max_team_size: 5}\n"
                     "  unknown-title: off\n");
    assert_int_equal(rs.nroles, 1);
    assert_string_equal(rs.roles[0].name, "lead"); /* defaults to the id */
    assert_int_equal(rs.ntasks, 0);
    assert_null(rs.framework);
    assert_int_equal(raci_ruleset_int(check(&rs, "team-size"), "max_team_size"), 5);
    assert_int_equal(raci_ruleset_int(check(&rs, "span-of-control"), "max_reports"), 8);
    assert_int_equal(check(&rs, "unknown-title")->severity, RACI_SEV_OFF);
    assert_int_equal(check(&rs, "multiple-po")->severity, RACI_SEV_ERROR);
    assert_int_equal(raci_ruleset_param(check(&rs, "pm-owns-strategy"), "tasks")->nlist, 0);
    assert_null(raci_ruleset_param(check(&rs, "director-owns-people"), "fallback")->sval);
    raci_ruleset_release(&rs);
}

/* ------------------------------------------------------------- errors -- */

struct error_case {
    const char *yaml;
    unsigned line, col;
    const char *message; /* the whole message */
};

static void expect_error(const struct error_case *c)
{
    struct raci_ruleset rs = {0};
    struct raci_diag d = {0};
    raci_error err = raci_ruleset_load_mem(&rs, c->yaml, strlen(c->yaml), "bad.yaml", &d);

    if (err != RACI_ERROR_INPUT)
        fail_msg("no error for:\n%s", c->yaml);
    assert_string_equal(d.file, "bad.yaml");
    if (d.line != c->line || d.col != c->col || strcmp(d.message, c->message) != 0)
        fail_msg("for:\n%s\ngot  %u:%u: %s\nwant %u:%u: %s", c->yaml, d.line, d.col, d.message,
                 c->line, c->col, c->message);
    assert_non_null(d.source);
    assert_released(&rs);
    raci_diag_release(&d);
}

static void test_errors(void **state)
{
    static const struct error_case cases[] = {
        /* unknown keys */
        {"version: 1\nrols: {}\n", 2, 1,
         "unknown key 'rols' (expected version, extends, framework, seniority, roles, letters, "
         "tasks, fallbacks, checks or waivers)"},
        {"checks:\n  team-size: {severty: error}\n", 2, 15,
         "unknown key 'severty' in check 'team-size' (expected severity or max_team_size)"},
        {"checks:\n  single-accountable:\n    max: 2\n", 3, 5,
         "unknown key 'max' in check 'single-accountable' (expected severity)"},
        {"roles:\n  po: {name: PO, title: [po]}\n", 2, 18,
         "unknown key 'title' in role 'po' (expected name or titles)"},
        {"tasks:\n  - name: Roadmap\n    alias: [plan]\n", 3, 5,
         "unknown key 'alias' in task 'Roadmap' (expected name, aliases or raci)"},
        /* unknown rule ids */
        {"checks:\n  team-sise: off\n", 2, 3,
         "unknown rule id 'team-sise' (did you mean 'team-size'?)"},
        {"checks:\n  frobnicate: off\n", 2, 3,
         "unknown rule id 'frobnicate' (run 'raci rules' to list the rule ids)"},
        /* wrong types and values */
        {"checks:\n  team-size: {max_team_size: ten}\n", 2, 30,
         "expected a whole number for 'max_team_size' in check 'team-size', got 'ten'"},
        {"checks:\n  team-size:\n    max_team_size: -1\n", 3, 20,
         "'max_team_size' in check 'team-size' must not be negative, got -1"},
        {"checks:\n  pm-span: {max_pos: '4'}\n", 2, 22,
         "expected a whole number for 'max_pos' in check 'pm-span', got the quoted text '4' "
         "(write the number without quotes)"},
        {"checks:\n  pm-span: {max_pos: [4]}\n", 2, 22,
         "expected a whole number for 'max_pos' in check 'pm-span', got a list"},
        {"checks:\n  pm-span: {max_pos: 99999999}\n", 2, 22,
         "'max_pos' in check 'pm-span' is too large: 99999999 (at most 1000000)"},
        {"checks:\n  pm-owns-strategy: {tasks: roadmap}\n", 2, 29,
         "expected a list for 'tasks' in check 'pm-owns-strategy', such as [a, b], got "
         "'roadmap'"},
        {"roles: [po, pm]\n", 1, 8,
         "expected a mapping of role ids to {name, titles} for 'roles', got a list"},
        {"roles:\n  po: {titles: product owner}\n", 2, 16,
         "expected a list of titles such as [product owner], got 'product owner'"},
        {"roles:\n  Product-Owner: {}\n", 2, 3,
         "invalid role id 'Product-Owner' (expected a short lower-case word such as po or em)"},
        {"tasks: {name: x}\n", 1, 8,
         "expected a list of tasks for 'tasks', each {name, aliases, raci}, got a mapping"},
        {"tasks:\n  - raci: {}\n", 2, 5,
         "task without a name (expected name: and the task's name)"},
        {"version: 2\n", 1, 10, "unsupported ruleset version '2' (expected 1)"},
        /* A quoted 1 is text, not the version number: said so. */
        {"version: \"1\"\n", 1, 10,
         "ruleset version must be the number 1, not the text \"1\" (write version: 1, without "
         "quotes)"},
        {"version: '1'\n", 1, 10,
         "ruleset version must be the number 1, not the text '1' (write version: 1, without "
         "quotes)"},
        {"version: |\n  1\n", 1, 10,
         "ruleset version must be the number 1, not a block of text (write version: 1)"},
        {"version: \"2\"\n", 1, 10, "unsupported ruleset version \"2\" (expected 1)"},
        {"framework: [scrum]\n", 1, 12,
         "expected a framework name such as scrum, safe or none, got a list"},
        {"checks: {team-size: off, team-size: info}\n", 1, 26,
         "duplicate key 'team-size' (first given at line 1)"},
        /* unknown parameters and severities */
        {"checks:\n  pm-span: {max_po: 3}\n", 2, 13,
         "unknown key 'max_po' in check 'pm-span' (expected severity or max_pos)"},
        {"checks:\n  pm-span: {severity: fatal}\n", 2, 23,
         "invalid severity 'fatal' for check 'pm-span' (expected error, warning, info or off)"},
        {"checks:\n  pm-span: loud\n", 2, 12,
         "invalid severity 'loud' for check 'pm-span' (expected error, warning, info or off)"},
        /* references to roles and tasks */
        {"extends: default\ntasks:\n  - name: Roadmap\n    raci: {directr: A}\n", 4, 12,
         "unknown role 'directr' in the raci of task 'Roadmap' (did you mean 'director'?)"},
        {"roles: {po: {}, pm: {}}\ntasks:\n  - name: Roadmap\n    raci: {cto: A}\n", 4, 12,
         "unknown role 'cto' in the raci of task 'Roadmap' (expected po or pm)"},
        {"extends: default\nchecks:\n  pm-owns-strategy:\n    tasks: [roadmap, roadmapz]\n", 4, 22,
         "unknown task 'roadmapz' in parameter 'tasks' of check 'pm-owns-strategy' (did you "
         "mean 'roadmap'?)"},
        {"extends: default\nchecks:\n  director-owns-people: {fallback: cto}\n", 3, 36,
         "unknown role 'cto' in parameter 'fallback' of check 'director-owns-people' (expected "
         "po, pm, director, em, tl, tpm, dev or sm)"},
        {"extends: default\nfallbacks:\n  director: [director]\n", 3, 14,
         "role 'director' cannot be its own fallback"},
        {"extends: default\ntasks:\n  - name: Planning\n    aliases: [roadmap]\n", 4, 15,
         "alias 'roadmap' of task 'Planning' already names task 'Roadmap'"},
        {"tasks:\n  - name: Roadmap\n  - name: roadmap\n", 3, 11,
         "task 'roadmap' is already defined at line 2"},
        {"roles:\n  po: {titles: [R&D manager]}\n", 2, 17,
         "title pattern 'R&D manager' can never match (titles are split on / , ; & + | and the "
         "word 'and', and bracketed notes are dropped)"},
        {"seniority: [very senior]\n", 1, 13,
         "seniority word 'very senior' must be one word such as senior or sr"},
        /* letter specs */
        {"extends: default\ntasks:\n  - name: Roadmap\n    raci: {po: X}\n", 4, 16,
         "invalid letters 'X' for role 'po' in the raci of task 'Roadmap' (expected R, A, C, I "
         "or a combination such as A/R; - for none)"},
        {"extends: default\ntasks:\n  - name: Roadmap\n    raci: {po: '(C)'}\n", 4, 16,
         "invalid letters '(C)' for role 'po' in the raci of task 'Roadmap' (expected R, A, C, "
         "I or a combination such as A/R; - for none)"},
        {"letters:\n  DRI: Z\n", 2, 8,
         "invalid letters 'Z' for alias 'DRI' (expected R, A, C, I or a combination such as "
         "A/R)"},
        {"letters:\n  RA: C\n", 2, 3, "letter alias 'RA' would hide the letters it spells"},
        /* extends */
        {"extends: no-such-ruleset\n", 1, 10,
         "cannot find ruleset 'no-such-ruleset' (looked for no-such-ruleset.yaml in "
         "$RACI_RULES_DIR, beside raci, ./rules and " RACI_DATADIR "/rules)"},
        {"extends: ../../etc/passwd\n", 1, 10,
         "a ruleset that is not a file can only extend a bundled ruleset by name, such as "
         "'extends: default'"},
        /* The version is checked before a base is looked for, wherever it is
         * written. */
        {"extends: no-such-ruleset\nversion: 2\n", 2, 10,
         "unsupported ruleset version '2' (expected 1)"},
        {"extends: [default]\n", 1, 10,
         "expected the name or path of a ruleset, such as default, got a list"},
        /* letter aliases */
        {"letters:\n  D.R.I: A\n", 2, 3,
         "invalid letter alias 'D.R.I' (expected a word of letters and digits such as DRI)"},
        {"letters: [DRI]\n", 1, 10,
         "expected a mapping of letter aliases to letters for 'letters', such as DRI: A/R, got "
         "a list"},
        /* other sections' types */
        {"seniority: senior\n", 1, 12, "expected a list of seniority words, got 'senior'"},
        {"fallbacks: [em]\n", 1, 12,
         "expected a mapping of role ids to lists of role ids for 'fallbacks', such as "
         "director: [em], got a list"},
        {"checks: [team-size]\n", 1, 9,
         "expected a mapping of rule ids to {severity, parameters} for 'checks', got a list"},
        {"waivers: {rule: team-size}\n", 1, 10,
         "expected a list of waivers for 'waivers', each {rule, product, task, person, reason, "
         "expires}, got a mapping"},
        /* YAML syntax */
        {"checks:\n  team-size: {severity: error\n  pm-span: off\n", 3, 10,
         "invalid YAML: did not find expected ',' or '}' while parsing a flow mapping (at line "
         "2, column 14)"},
        {"checks:\n  team-size: \"error\n", 2, 14,
         "invalid YAML: found unexpected end of stream while scanning a quoted scalar that starts "
         "here (the file ends first)"},
        {"roles:\n  po:\n\tname: x\n", 3, 1,
         "invalid YAML: found character that cannot start any token while scanning for the next "
         "token (at line 3, column 1)"},
        {"a: b\n---\nc: d\n", 3, 1, "a ruleset is one YAML document; remove this second one"},
    };
    (void)state;

    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        expect_error(&cases[i]);
}

static void test_syntax_error_file(void **state)
{
    struct raci_ruleset rs = {0};
    struct raci_diag d = {0};
    (void)state;

    assert_int_equal(raci_ruleset_load(&rs, DATA "bad-syntax.yaml", &d), RACI_ERROR_INPUT);
    assert_string_equal(d.file, DATA "bad-syntax.yaml");
    assert_int_equal(d.line, 4);
    assert_int_equal(d.col, 10);
    assert_string_equal(d.source, "  pm-span: {max_pos: 4}");
    assert_non_null(strstr(d.message, "invalid YAML: did not find expected ',' or '}'"));
    raci_diag_release(&d);
    assert_released(&rs);

    /* A broken base is reported in the base, not in the extending file (its
     * path joined to the extending file's directory, and tidied). */
    assert_int_equal(raci_ruleset_load(&rs, DATA "bad-base.yaml", &d), RACI_ERROR_INPUT);
    assert_true(ends_with(d.file, "tests/data/rulesets/bad-syntax.yaml"));
    assert_null(strstr(d.file, "/./"));
    assert_int_equal(d.line, 4);
    assert_int_equal(d.col, 10);
    raci_diag_release(&d);
    assert_released(&rs);
}

static void test_extends_cycle(void **state)
{
    struct raci_ruleset rs = {0};
    struct raci_diag d = {0};
    (void)state;

    assert_int_equal(raci_ruleset_load(&rs, DATA "cycle-a.yaml", &d), RACI_ERROR_INPUT);
    assert_true(ends_with(d.file, "tests/data/rulesets/cycle-b.yaml"));
    assert_int_equal(d.line, 2);
    assert_int_equal(d.col, 10);
    assert_string_equal(d.source, "extends: ./cycle-a.yaml");
    assert_non_null(strstr(d.message, "makes a cycle"));
    raci_diag_release(&d);
    assert_released(&rs);
}

static void test_missing_file(void **state)
{
    struct raci_ruleset rs = {0};
    struct raci_diag d = {0};
    (void)state;

    errno = 0;
    assert_int_equal(raci_ruleset_load(&rs, DATA "no-such-file.yaml", &d), RACI_ERROR_IO);
    assert_int_equal(errno, ENOENT);
    assert_string_equal(d.file, DATA "no-such-file.yaml");
    assert_int_equal(d.line, 0);
    assert_non_null(strstr(d.message, "cannot read ruleset"));
    assert_non_null(strstr(d.message, "No such file or directory"));
    raci_diag_release(&d);
    assert_released(&rs);

    /* A path in extends that does not exist: IO, at the extends value. */
    assert_int_equal(raci_ruleset_load(&rs, DATA "missing-base.yaml", &d), RACI_ERROR_IO);
    assert_string_equal(d.file, DATA "missing-base.yaml");
    assert_int_equal(d.line, 2);
    assert_int_equal(d.col, 10);
    assert_non_null(strstr(d.message, "no-such-base.yaml"));
    raci_diag_release(&d);
    assert_released(&rs);
}

static void test_empty_and_odd_input(void **state)
{
    struct raci_ruleset rs = {0};
    struct raci_diag d = {0};
    (void)state;

    assert_int_equal(raci_ruleset_load_mem(&rs, "", 0, "empty.yaml", &d), RACI_ERROR_INPUT);
    assert_non_null(strstr(d.message, "empty ruleset"));
    assert_int_equal(raci_ruleset_load_mem(&rs, NULL, 0, NULL, &d), RACI_ERROR_INPUT);
    assert_string_equal(d.file, "<ruleset>");
    /* Not NUL-terminated: only len bytes are read. */
    assert_int_equal(raci_ruleset_load_mem(&rs, "version: 1\nxyz", 11, "n.yaml", &d), RACI_OK);
    raci_ruleset_release(&rs);
    /* A NUL inside a value, and bytes that are not UTF-8. */
    assert_int_equal(raci_ruleset_load_mem(&rs, "framework: \"a\\0b\"\n", 18, "z.yaml", &d),
                     RACI_ERROR_INPUT);
    assert_int_equal(d.line, 1);
    assert_int_equal(d.col, 12);
    assert_int_equal(raci_ruleset_load_mem(&rs, "version: 1\nframework: \xff\n", 23, "u.yaml", &d),
                     RACI_ERROR_INPUT);
    assert_int_equal(d.line, 2);
    assert_int_equal(d.col, 12);
    assert_non_null(strstr(d.message, "invalid YAML"));
    raci_diag_release(&d);
    assert_released(&rs);
}

static void test_locate(void **state)
{
    char *p;
    (void)state;

    p = raci_ruleset_locate("default");
    assert_non_null(p);
    assert_non_null(strstr(p, "default.yaml"));
    free(p);
    assert_null(raci_ruleset_locate("no-such-ruleset"));
    assert_null(raci_ruleset_locate("user"));
    /* $RACI_RULES_DIR comes first. */
    setenv("RACI_RULES_DIR", RACI_SOURCE_DIR "/tests/data/rulesets", 1);
    p = raci_ruleset_locate("user");
    assert_non_null(p);
    assert_string_equal(p, RACI_SOURCE_DIR "/tests/data/rulesets/user.yaml");
    free(p);
    setenv("RACI_RULES_DIR", RACI_SOURCE_DIR "/rules", 1);
    assert_null(raci_ruleset_locate("../rules/default"));
    assert_null(raci_ruleset_locate(""));
    assert_null(raci_ruleset_locate(NULL));
}

static void test_too_many_roles(void **state)
{
    struct raci_ruleset rs = {0};
    struct raci_diag d = {0};
    char yaml[4096];
    size_t n = (size_t)snprintf(yaml, sizeof yaml, "roles:\n");
    (void)state;

    for (int i = 0; i < RACI_MAX_ROLES; i++)
        n += (size_t)snprintf(yaml + n, sizeof yaml - n, "  r%d: {}\n", i);
    load_mem_ok(&rs, yaml);
    assert_int_equal(rs.nroles, RACI_MAX_ROLES);
    raci_ruleset_release(&rs);
    snprintf(yaml + n, sizeof yaml - n, "  one-more: {}\n");
    assert_int_equal(raci_ruleset_load_mem(&rs, yaml, strlen(yaml), "mem.yaml", &d),
                     RACI_ERROR_INPUT);
    assert_int_equal(d.line, RACI_MAX_ROLES + 2);
    assert_int_equal(d.col, 3);
    assert_string_equal(d.message, "too many roles (at most 64)");
    assert_released(&rs);
    raci_diag_release(&d);
}

/* ----------------------------------------------------------- building -- */

static void test_build(void **state)
{
    struct raci_ruleset rs = {0};
    char name[] = "Market research";
    int r = -1, again = -1;
    (void)state;

    assert_int_equal(raci_ruleset_init_checks(&rs), RACI_OK);
    assert_int_equal(raci_ruleset_int(raci_ruleset_check(&rs, "team-size"), "max_team_size"), 10);

    /* Roles: found by id (any case), else added and named by their id. */
    assert_int_equal(raci_ruleset_add_role(&rs, "po", &r), RACI_OK);
    assert_int_equal(r, 0);
    assert_string_equal(rs.roles[0].name, "po");
    assert_int_equal(raci_ruleset_add_role(&rs, "pm", &r), RACI_OK);
    assert_int_equal(raci_ruleset_add_role(&rs, "PO", &again), RACI_OK);
    assert_int_equal(again, 0);
    assert_int_equal(rs.nroles, 2);
    for (int i = 2; i < RACI_MAX_ROLES; i++) {
        char id[16];
        snprintf(id, sizeof id, "r%d", i);
        assert_int_equal(raci_ruleset_add_role(&rs, id, &r), RACI_OK);
        assert_int_equal(r, i);
    }
    assert_int_equal(raci_ruleset_add_role(&rs, "full", &r), RACI_ERROR_INPUT);
    assert_int_equal(rs.nroles, RACI_MAX_ROLES);
    assert_int_equal(raci_ruleset_add_role(&rs, "pm", &r), RACI_OK); /* still found */
    assert_int_equal(r, 1);

    /* String lists hold copies, without repeats. */
    assert_int_equal(raci_ruleset_add_seniority(&rs, "senior"), RACI_OK);
    assert_int_equal(raci_ruleset_add_seniority(&rs, "sr"), RACI_OK);
    assert_int_equal(raci_ruleset_add_seniority(&rs, "senior"), RACI_OK);
    assert_int_equal(rs.nseniority, 2);
    assert_string_equal(rs.seniority[1], "sr");
    /* A title pattern once per role, however many roles have it. */
    assert_int_equal(raci_ruleset_add_title(&rs, 0, "product owner"), RACI_OK);
    assert_int_equal(raci_ruleset_add_title(&rs, 1, "product owner"), RACI_OK);
    assert_int_equal(raci_ruleset_add_title(&rs, 0, "product owner"), RACI_OK);
    assert_int_equal(raci_ruleset_add_title(&rs, 0, "po"), RACI_OK);
    assert_int_equal(rs.roles[0].ntitles, 2);
    assert_int_equal(rs.roles[1].ntitles, 1);
    {
        struct raci_keyset seen = {NULL, 0, 0};
        char **list = NULL;
        size_t n = 0;
        assert_int_equal(raci_ruleset_list_add(&list, &n, &seen, "a"), RACI_OK);
        assert_int_equal(raci_ruleset_list_add(&list, &n, &seen, "b"), RACI_OK);
        assert_int_equal(raci_ruleset_list_add(&list, &n, &seen, "a"), RACI_OK);
        assert_int_equal(n, 2);
        raci_keyset_release(&seen);
        raci_ruleset_list_clear(&list, &n);
    }

    /* Tasks: keyed by their name; found by key or alias, exactly. */
    assert_int_equal(raci_ruleset_add_task(&rs, name), RACI_OK);
    name[0] = 'X'; /* copied */
    assert_string_equal(rs.tasks[0].name, "Market research");
    assert_string_equal(rs.tasks[0].key, "market research");
    assert_int_equal(rs.tasks[0].raci[RACI_MAX_ROLES - 1], 0);
    assert_int_equal(raci_ruleset_add_alias(&rs, 0, "mr"), RACI_OK);
    assert_int_equal(raci_ruleset_add_alias(&rs, 0, "mr"), RACI_OK);
    assert_int_equal(rs.tasks[0].naliases, 1);
    assert_int_equal(raci_ruleset_task_key(&rs, "market research"), 0);
    assert_int_equal(raci_ruleset_task_key(&rs, "mr"), 0);
    assert_int_equal(raci_ruleset_task_key(&rs, "Market research"), -1);
    assert_int_equal(raci_ruleset_task_key(&rs, "market researchs"), -1);
    assert_int_equal(raci_ruleset_find_task(&rs, "MRs"), 0);

    /* Letter aliases: one per name, whatever its case. */
    assert_int_equal(raci_ruleset_set_alias(&rs, "DRI", RACI_A), RACI_OK);
    assert_int_equal(raci_ruleset_set_alias(&rs, "dri", RACI_A | RACI_R), RACI_OK);
    assert_int_equal(rs.naliases, 1);
    assert_string_equal(rs.aliases[0].name, "DRI");
    assert_int_equal(rs.aliases[0].letters, RACI_A | RACI_R);

    /* Waivers are zeroed for the caller to fill in. */
    struct raci_waiver *w = raci_ruleset_add_waiver(&rs);
    assert_non_null(w);
    assert_null(w->product);
    assert_int_equal(rs.nwaivers, 1);
    w->reason = strdup("because");

    raci_ruleset_list_clear(&rs.seniority, &rs.nseniority);
    assert_null(rs.seniority);
    assert_int_equal(rs.nseniority, 0);
    raci_ruleset_release(&rs);
    assert_released(&rs);
}

static void test_names(void **state)
{
    char *p;
    (void)state;

    assert_true(raci_ruleset_valid_id("po"));
    assert_true(raci_ruleset_valid_id("a-b_9"));
    assert_true(raci_ruleset_valid_id("abcdefghijklmnopqrstuvwxyzabcdef")); /* 32 */
    assert_false(raci_ruleset_valid_id("abcdefghijklmnopqrstuvwxyzabcdefg"));
    assert_false(raci_ruleset_valid_id(""));
    assert_false(raci_ruleset_valid_id("PO"));
    assert_false(raci_ruleset_valid_id("9lives"));
    assert_false(raci_ruleset_valid_id("-x"));
    assert_false(raci_ruleset_valid_id("a b"));

    assert_true(raci_ruleset_is_bundled("default"));
    assert_true(raci_ruleset_is_bundled("My_Rules-2"));
    assert_false(raci_ruleset_is_bundled(""));
    assert_false(raci_ruleset_is_bundled("a.yaml"));
    assert_false(raci_ruleset_is_bundled("../default"));
    assert_false(raci_ruleset_is_bundled("a/b"));

    p = raci_ruleset_locate_in(RACI_SOURCE_DIR "/tests/data/rulesets", "user");
    assert_non_null(p);
    assert_string_equal(p, RACI_SOURCE_DIR "/tests/data/rulesets/user.yaml");
    free(p);
    assert_null(raci_ruleset_locate_in(RACI_SOURCE_DIR "/tests/data/rulesets", "default"));
    assert_null(raci_ruleset_locate_in(RACI_SOURCE_DIR "/tests/data", "rulesets/user"));
    assert_null(raci_ruleset_locate_in(NULL, "user"));
}

int main(void)
{
    /* `extends: default` finds the source tree's rules from any directory. */
    setenv("RACI_RULES_DIR", RACI_SOURCE_DIR "/rules", 1);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_default_roles),
        cmocka_unit_test(test_default_tasks),
        cmocka_unit_test(test_default_checks),
        cmocka_unit_test(test_shipped_citations),
        cmocka_unit_test(test_safe),
        cmocka_unit_test(test_find_task),
        cmocka_unit_test(test_user_extends_default),
        cmocka_unit_test(test_extends_chain_by_path),
        cmocka_unit_test(test_load_mem_extends),
        cmocka_unit_test(test_standalone_ruleset),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_syntax_error_file),
        cmocka_unit_test(test_extends_cycle),
        cmocka_unit_test(test_missing_file),
        cmocka_unit_test(test_empty_and_odd_input),
        cmocka_unit_test(test_locate),
        cmocka_unit_test(test_too_many_roles),
        cmocka_unit_test(test_build),
        cmocka_unit_test(test_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
