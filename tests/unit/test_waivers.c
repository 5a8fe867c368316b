/*
 * test_waivers.c - waivers: how the loader reads them (and refuses broken
 * ones at their line and column), how they merge across extends, and how
 * the engine applies them: a waiver in force hides the findings it covers,
 * matched by product, task (or an alias) and person; an expired one hides
 * nothing and is reported; one that covers nothing is reported as unused.
 *
 * Today's date comes from RACI_TODAY, set here with setenv before each load.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "fixture.h"
#include "raci/ruleset_load.h"
#include "raci/array.h"
#include "raci/date.h"
#include "raci/str.h"

#define HEAD "person,title,product,task,raci,id\n"

/* Two POs on Atlas (multiple-po, at line 2), a PM accountable for the
 * backlog (po-owns-backlog, line 4, person Bo) and two A's on the roadmap
 * of Borealis (single-accountable, line 5; and pm-owns-strategy). */
#define ROSTER                                                                                     \
    HEAD "Ana Silva,Product Owner,Atlas,Product backlog,C,ana@example.com\n"                       \
         "Cy Ode,Product Owner,Atlas,User stories,A/R,cy@example.com\n"                            \
         "Bo Chen,Product Manager,Atlas,Product backlog,A/R,bo@example.com\n"                      \
         "Di Lund,Product Owner,Borealis,Roadmap,A,di@example.com\n"                               \
         "Ed Park,Product Manager,Borealis,Roadmap,A/R,ed@example.com\n"

/* Load "extends: default" plus the waivers given, with today as given, and
 * run the checks over ROSTER. */
static void run(struct fixture *fx, const char *today, const char *waivers)
{
    char *yaml = raci_str_printf("extends: default\nwaivers:\n%s", waivers);
    assert_non_null(yaml);
    assert_int_equal(setenv("RACI_TODAY", today, 1), 0);
    fixture_rules(fx, yaml);
    free(yaml);
    assert_int_equal(fixture_add(fx, "team.csv", ROSTER), RACI_OK);
    fixture_check(fx);
}

/* The findings of ROSTER without waivers, for comparison. */
static void test_baseline_roster(void **state)
{
    struct fixture fx;
    (void)state;
    run(&fx, "2025-01-01", "  []\n");
    assert_int_equal(fixture_count(&fx, "multiple-po"), 1);
    assert_int_equal(fixture_count(&fx, "po-owns-backlog"), 1);
    assert_int_equal(fixture_count(&fx, "single-accountable"), 1);
    assert_int_equal(fixture_count(&fx, "expired-waiver"), 0);
    assert_int_equal(fixture_count(&fx, "unused-waiver"), 0);
    assert_int_equal(fx.rs.nwaivers, 0);
    fixture_release(&fx);
}

/* ------------------------------------------------------------ loading -- */

static void test_parse(void **state)
{
    struct fixture fx;
    (void)state;
    assert_int_equal(setenv("RACI_TODAY", "2025-01-31", 1), 0);
    fixture_rules(&fx, "extends: default\n"
                       "waivers:\n"
                       "  - rule: multiple-po\n"
                       "    product: Atlas\n"
                       "    reason: Cy takes over from Ana in February\n"
                       "    expires: 2025-02-28\n"
                       "  - {rule: idle-person, person: Hana Ito, reason: on leave, "
                       "expires: '2024-02-29'}\n");
    assert_int_equal(fx.rs.nwaivers, 2);
    const struct raci_waiver *w = &fx.rs.waivers[0];
    assert_string_equal(w->rule->id, "multiple-po");
    assert_string_equal(w->product, "Atlas");
    assert_null(w->task);
    assert_null(w->person);
    assert_string_equal(w->reason, "Cy takes over from Ana in February");
    assert_string_equal(w->expires, "2025-02-28");
    assert_string_equal(w->file, "test.yaml");
    assert_int_equal(w->line, 3);
    assert_int_equal(w->col, 5);
    w = &fx.rs.waivers[1];
    assert_string_equal(w->rule->id, "idle-person");
    assert_string_equal(w->person, "Hana Ito");
    assert_string_equal(w->expires, "2024-02-29"); /* a leap day, quoted */
    assert_int_equal(w->line, 7);
    assert_int_equal(w->col, 5);
    assert_string_equal(fx.rs.today, "2025-01-31");
    fixture_release(&fx);
}

struct error_case {
    const char *waivers; /* after "extends: default\nwaivers:\n" (lines 1-2) */
    unsigned line, col;
    const char *message;
};

static void test_parse_errors(void **state)
{
    static const struct error_case cases[] = {
        {"  rule: team-size\n", 3, 3,
         "expected a list of waivers for 'waivers', each {rule, product, task, person, reason, "
         "expires}, got a mapping"},
        {"  - team-size\n", 3, 5,
         "expected a waiver: {rule, product, task, person, reason, expires}, got 'team-size'"},
        {"  - rule: team-size\n    product: Atlas\n    owner: Ana\n", 5, 5,
         "unknown key 'owner' in a waiver (expected rule, product, task, person, reason or "
         "expires)"},
        {"  - rule: team-size\n    product: Atlas\n    product: Borealis\n", 5, 5,
         "duplicate key 'product' (first given at line 4)"},
        {"  - product: Atlas\n    reason: r\n    expires: 2030-01-01\n", 3, 5,
         "waiver without a rule (expected rule: and a rule id such as single-accountable)"},
        {"  - rule: team-sise\n    product: Atlas\n", 3, 11,
         "unknown rule id 'team-sise' (did you mean 'team-size'?)"},
        {"  - rule: no-such-rule-at-all\n    product: Atlas\n", 3, 11,
         "unknown rule id 'no-such-rule-at-all' (run 'raci rules' to list the rule ids)"},
        {"  - rule: [team-size]\n", 3, 11,
         "expected a rule id such as single-accountable, got a list"},
        {"  - rule: expired-waiver\n    product: Atlas\n", 3, 11,
         "a waiver cannot waive 'expired-waiver' (renew the waiver it reports, or remove it)"},
        {"  - rule: team-size\n    reason: r\n    expires: 2030-01-01\n", 3, 5,
         "waiver of 'team-size' names no subject (expected product, task or person; to turn "
         "the rule off everywhere, give it severity off under checks)"},
        {"  - rule: team-size\n    product: ''\n", 4, 14,
         "expected the name of a product as the roster writes it, got an empty value"},
        {"  - rule: team-size\n    product: '--'\n", 4, 14,
         "product '--' has no letters or digits"},
        {"  - rule: idle-person\n    person: {name: Ana}\n", 4, 13,
         "expected the name of a person as the roster writes it, got a mapping"},
        {"  - rule: team-size\n    product: Atlas\n    expires: 2030-01-01\n", 3, 5,
         "waiver of 'team-size' has no reason (expected reason: why the team accepts the "
         "finding for now)"},
        {"  - rule: team-size\n    product: Atlas\n    reason: ''\n", 5, 13,
         "expected a reason, got an empty value"},
        {"  - rule: team-size\n    product: Atlas\n    reason: '   '\n", 5, 13,
         "expected a reason, got an empty value"},
        {"  - rule: team-size\n    product: Atlas\n    reason: r\n", 3, 5,
         "waiver of 'team-size' has no expiry date (expected expires: and a date such as "
         "2025-06-30)"},
        {"  - rule: team-size\n    product: Atlas\n    reason: r\n    expires: 2025-02-29\n", 6, 14,
         "invalid expiry date '2025-02-29' (expected a real date written YYYY-MM-DD, such as "
         "2025-06-30)"},
        {"  - rule: team-size\n    product: Atlas\n    reason: r\n    expires: 2025-13-01\n", 6, 14,
         "invalid expiry date '2025-13-01' (expected a real date written YYYY-MM-DD, such as "
         "2025-06-30)"},
        {"  - rule: team-size\n    product: Atlas\n    reason: r\n    expires: 2025-6-30\n", 6, 14,
         "invalid expiry date '2025-6-30' (expected a real date written YYYY-MM-DD, such as "
         "2025-06-30)"},
        {"  - rule: team-size\n    product: Atlas\n    reason: r\n    expires: next spring\n", 6,
         14,
         "invalid expiry date 'next spring' (expected a real date written YYYY-MM-DD, such as "
         "2025-06-30)"},
        {"  - rule: team-size\n    product: Atlas\n    reason: r\n    expires: [2025-06-30]\n", 6,
         14, "expected an expiry date such as 2025-06-30, got a list"},
        /* The second waiver is the broken one. */
        {"  - {rule: team-size, product: Atlas, reason: r, expires: 2030-01-01}\n"
         "  - {rule: team-size, product: Atlas, reason: r, expire: 2030-01-01}\n",
         4, 50,
         "unknown key 'expire' in a waiver (expected rule, product, task, person, reason or "
         "expires)"},
    };
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const struct error_case *c = &cases[i];
        struct raci_ruleset rs = {0};
        struct raci_diag d = {0};
        char *yaml = raci_str_printf("extends: default\nwaivers:\n%s", c->waivers);
        assert_non_null(yaml);
        raci_error err = raci_ruleset_load_mem(&rs, yaml, strlen(yaml), "bad.yaml", &d);
        if (err != RACI_ERROR_INPUT)
            fail_msg("no error for:\n%s", yaml);
        assert_string_equal(d.file, "bad.yaml");
        if (d.line != c->line || d.col != c->col || strcmp(d.message, c->message) != 0)
            fail_msg("for:\n%s\ngot  %u:%u: %s\nwant %u:%u: %s", yaml, d.line, d.col, d.message,
                     c->line, c->col, c->message);
        assert_non_null(d.source);
        /* Released whole: nothing of the broken waiver is left behind. */
        assert_null(rs.waivers);
        assert_int_equal(rs.nwaivers, 0);
        raci_diag_release(&d);
        free(yaml);
    }
}

static void test_date_valid(void **state)
{
    (void)state;
    assert_true(raci_date_valid("2025-06-30"));
    assert_true(raci_date_valid("2024-02-29"));
    assert_true(raci_date_valid("2000-02-29"));
    assert_true(raci_date_valid("0001-01-01"));
    assert_true(raci_date_valid("9999-12-31"));
    assert_false(raci_date_valid("1900-02-29"));
    assert_false(raci_date_valid("2025-02-29"));
    assert_false(raci_date_valid("2025-04-31"));
    assert_false(raci_date_valid("2025-00-10"));
    assert_false(raci_date_valid("2025-01-00"));
    assert_false(raci_date_valid("0000-01-01"));
    assert_false(raci_date_valid("2025-1-01"));
    assert_false(raci_date_valid("2025/01/01"));
    assert_false(raci_date_valid("2025-01-01T00:00"));
    assert_false(raci_date_valid("2025-01-0x"));
    assert_false(raci_date_valid(""));
    assert_false(raci_date_valid(NULL));
}

static void test_today(void **state)
{
    struct raci_ruleset rs = {0};
    struct raci_diag d = {0};
    const char *yaml = "extends: default\n";
    char local[11];
    time_t now;
    struct tm tm;
    (void)state;

    assert_int_equal(setenv("RACI_TODAY", "2031-12-24", 1), 0);
    assert_int_equal(raci_ruleset_load_mem(&rs, yaml, strlen(yaml), "t.yaml", &d), RACI_OK);
    assert_string_equal(rs.today, "2031-12-24");
    raci_ruleset_release(&rs);

    /* Unset (or empty): the local date. */
    assert_int_equal(unsetenv("RACI_TODAY"), 0);
    assert_int_equal(raci_ruleset_load_mem(&rs, yaml, strlen(yaml), "t.yaml", &d), RACI_OK);
    now = time(NULL);
    assert_non_null(localtime_r(&now, &tm));
    assert_int_equal(strftime(local, sizeof local, "%Y-%m-%d", &tm), 10);
    /* (A run across midnight may see the day before.) */
    assert_true(raci_date_valid(rs.today));
    assert_true(strcmp(rs.today, local) <= 0);
    raci_ruleset_release(&rs);
    assert_int_equal(setenv("RACI_TODAY", "", 1), 0);
    assert_int_equal(raci_ruleset_load_mem(&rs, yaml, strlen(yaml), "t.yaml", &d), RACI_OK);
    assert_true(raci_date_valid(rs.today));
    raci_ruleset_release(&rs);

    /* Not a date: an input error with no place in the file. */
    assert_int_equal(setenv("RACI_TODAY", "31/12/2025", 1), 0);
    assert_int_equal(raci_ruleset_load_mem(&rs, yaml, strlen(yaml), "t.yaml", &d),
                     RACI_ERROR_INPUT);
    assert_null(d.file);
    assert_string_equal(d.message, "invalid RACI_TODAY '31/12/2025' (expected a date written "
                                   "YYYY-MM-DD, such as 2025-06-30, or unset it to use today's)");
    assert_int_equal(rs.nchecks, 0);
    raci_diag_release(&d);
}

/* A base file with one waiver, a file extending it by path with another:
 * the base's come first, each with its own file and line. */
static void test_merge_extends(void **state)
{
    char dir[] = "/tmp/raci-waivers.XXXXXX", base[64], user[64];
    struct raci_ruleset rs = {0};
    struct raci_diag d = {0};
    FILE *f;
    (void)state;

    assert_non_null(mkdtemp(dir));
    snprintf(base, sizeof base, "%s/base.yaml", dir);
    snprintf(user, sizeof user, "%s/user.yaml", dir);
    assert_non_null(f = fopen(base, "w"));
    fputs("extends: default\n"
          "checks:\n"
          "  team-size: {max_team_size: 7}\n"
          "waivers:\n"
          "  - rule: team-size\n"
          "    product: Atlas\n"
          "    reason: splits in March\n"
          "    expires: 2025-03-31\n",
          f);
    assert_int_equal(fclose(f), 0);
    assert_non_null(f = fopen(user, "w"));
    fputs("# the team's own\n"
          "extends: base.yaml\n"
          "waivers:\n"
          "\n"
          "  - rule: multiple-po\n"
          "    product: Atlas\n"
          "    reason: hand-over\n"
          "    expires: 2025-02-28\n",
          f);
    assert_int_equal(fclose(f), 0);

    assert_int_equal(setenv("RACI_TODAY", "2025-01-01", 1), 0);
    if (raci_ruleset_load(&rs, user, &d) != RACI_OK)
        fail_msg("%s:%u:%u: %s", d.file, d.line, d.col, d.message);
    assert_int_equal(rs.nwaivers, 2);
    assert_string_equal(rs.waivers[0].rule->id, "team-size");
    assert_string_equal(rs.waivers[0].file, base);
    assert_int_equal(rs.waivers[0].line, 5);
    assert_string_equal(rs.waivers[1].rule->id, "multiple-po");
    assert_string_equal(rs.waivers[1].file, user);
    assert_int_equal(rs.waivers[1].line, 5);
    assert_int_equal(rs.waivers[1].col, 5);
    assert_int_equal(raci_ruleset_int(raci_ruleset_check(&rs, "team-size"), "max_team_size"), 7);
    raci_ruleset_release(&rs);
    raci_diag_release(&d);
    assert_int_equal(unlink(user), 0);
    assert_int_equal(unlink(base), 0);
    assert_int_equal(rmdir(dir), 0);
}

/* ----------------------------------------------------------- matching -- */

static void test_match_product(void **state)
{
    struct fixture fx;
    (void)state;
    /* Case and punctuation do not matter. */
    run(&fx, "2025-01-01",
        "  - {rule: multiple-po, product: ' ATLAS! ', reason: hand-over, expires: 2025-02-28}\n");
    assert_int_equal(fixture_count(&fx, "multiple-po"), 0);
    assert_int_equal(fixture_count(&fx, "po-owns-backlog"), 1);
    assert_int_equal(fixture_count(&fx, "single-accountable"), 1);
    assert_int_equal(fixture_count(&fx, "unused-waiver"), 0);
    assert_int_equal(fixture_count(&fx, "expired-waiver"), 0);
    fixture_release(&fx);

    /* Another product: nothing covered, and the waiver is unused. */
    run(&fx, "2025-01-01",
        "  - {rule: multiple-po, product: Borealis, reason: hand-over, expires: 2025-02-28}\n");
    assert_int_equal(fixture_count(&fx, "multiple-po"), 1);
    assert_int_equal(fixture_count(&fx, "unused-waiver"), 1);
    fixture_release(&fx);
}

static void test_match_task(void **state)
{
    struct fixture fx;
    (void)state;
    /* The task by its canonical name... */
    run(&fx, "2025-01-01",
        "  - {rule: single-accountable, task: roadmap, reason: r, expires: 2025-02-28}\n");
    assert_int_equal(fixture_count(&fx, "single-accountable"), 0);
    assert_int_equal(fixture_count(&fx, "unused-waiver"), 0);
    fixture_release(&fx);

    /* ... or an alias of it (the roster says "Product backlog", the
     * waiver one of its aliases), with the product too. */
    run(&fx, "2025-01-01",
        "  - rule: po-owns-backlog\n"
        "    product: atlas\n"
        "    task: Prioritisation\n"
        "    reason: Bo orders the backlog while Ana is away\n"
        "    expires: 2025-01-01\n");
    assert_int_equal(fixture_count(&fx, "po-owns-backlog"), 0);
    assert_int_equal(fixture_count(&fx, "unused-waiver"), 0);
    assert_int_equal(fixture_count(&fx, "expired-waiver"), 0); /* holds through its last day */
    fixture_release(&fx);

    /* Every field given must match: the right task in the wrong product. */
    run(&fx, "2025-01-01",
        "  - {rule: single-accountable, product: Atlas, task: Roadmap, reason: r, "
        "expires: 2025-02-28}\n");
    assert_int_equal(fixture_count(&fx, "single-accountable"), 1);
    assert_int_equal(fixture_count(&fx, "unused-waiver"), 1);
    fixture_release(&fx);
}

static void test_match_task_not_canonical(void **state)
{
    struct fixture fx;
    (void)state;
    /* A task the ruleset does not know is compared by name. */
    assert_int_equal(setenv("RACI_TODAY", "2025-01-01", 1), 0);
    fixture_rules(&fx, "extends: default\n"
                       "waivers:\n"
                       "  - {rule: single-accountable, task: 'release-notes', reason: r, "
                       "expires: 2025-02-28}\n");
    assert_int_equal(fixture_add(&fx, "team.csv",
                                 HEAD "Ana,Product Owner,Atlas,Release notes,R,\n"
                                      "Bo,Developer,Atlas,Release notes,R,\n"),
                     RACI_OK);
    fixture_check(&fx);
    assert_int_equal(fixture_count(&fx, "single-accountable"), 0);
    assert_int_equal(fixture_count(&fx, "unused-waiver"), 0);
    fixture_release(&fx);
}

static void test_match_person(void **state)
{
    struct fixture fx;
    (void)state;
    /* By name, written differently... */
    run(&fx, "2025-01-01",
        "  - {rule: po-owns-backlog, person: 'bo  CHEN', reason: r, expires: 2025-02-28}\n");
    assert_int_equal(fixture_count(&fx, "po-owns-backlog"), 0);
    assert_int_equal(fixture_count(&fx, "unused-waiver"), 0);
    fixture_release(&fx);

    /* ... or by the roster's id. */
    run(&fx, "2025-01-01",
        "  - {rule: po-owns-backlog, person: bo@example.com, reason: r, expires: 2025-02-28}\n");
    assert_int_equal(fixture_count(&fx, "po-owns-backlog"), 0);
    fixture_release(&fx);

    /* A finding about no person (single-accountable is about a task) is
     * never covered by a waiver that names one. */
    run(&fx, "2025-01-01",
        "  - {rule: single-accountable, person: Di Lund, reason: r, expires: 2025-02-28}\n");
    assert_int_equal(fixture_count(&fx, "single-accountable"), 1);
    assert_int_equal(fixture_count(&fx, "unused-waiver"), 1);
    fixture_release(&fx);

    /* Another person: not covered. */
    run(&fx, "2025-01-01",
        "  - {rule: po-owns-backlog, person: Ana Silva, reason: r, expires: 2025-02-28}\n");
    assert_int_equal(fixture_count(&fx, "po-owns-backlog"), 1);
    assert_int_equal(fixture_count(&fx, "unused-waiver"), 1);
    fixture_release(&fx);
}

static void test_one_finding_two_waivers(void **state)
{
    struct fixture fx;
    (void)state;
    /* Both cover the finding: neither is unused. */
    run(&fx, "2025-01-01",
        "  - {rule: multiple-po, product: Atlas, reason: r, expires: 2025-02-28}\n"
        "  - {rule: multiple-po, product: atlas, reason: same, expires: 2025-03-31}\n");
    assert_int_equal(fixture_count(&fx, "multiple-po"), 0);
    assert_int_equal(fixture_count(&fx, "unused-waiver"), 0);
    fixture_release(&fx);
}

/* ------------------------------------------------------------- expiry -- */

static void test_expired(void **state)
{
    struct fixture fx;
    (void)state;
    run(&fx, "2025-03-01",
        "  - rule: single-accountable\n"
        "    product: Borealis\n"
        "    task: Roadmap\n"
        "    reason: Ed takes the roadmap over in February\n"
        "    expires: 2025-02-28\n");
    /* The finding is back... */
    assert_int_equal(fixture_count(&fx, "single-accountable"), 1);
    /* ... and the waiver is reported where it is written. */
    assert_int_equal(fixture_count(&fx, "expired-waiver"), 1);
    assert_int_equal(fixture_count(&fx, "unused-waiver"), 0);
    const struct raci_finding *f = fixture_find(&fx, "expired-waiver", 0);
    assert_int_equal(f->severity, RACI_SEV_WARNING);
    assert_string_equal(f->loc.file, "test.yaml");
    assert_ptr_equal(f->loc.file, fx.rs.waivers[0].file);
    assert_int_equal(f->loc.line, 3);
    assert_int_equal(f->loc.col, 5);
    assert_int_equal(f->product, RACI_NONE);
    assert_int_equal(f->task, RACI_NONE);
    assert_int_equal(f->person, RACI_NONE);
    assert_string_equal(f->message,
                        "waiver of 'single-accountable' for product 'Borealis', task 'Roadmap' "
                        "expired on 2025-02-28 (reason: Ed takes the roadmap over in February); "
                        "the finding it covered is reported again: fix it, or renew the waiver "
                        "with a new date");
    assert_string_equal(f->entity, "waiver:single-accountable/product:borealis/task:roadmap");
    /* The row of the finding that is back. */
    assert_int_equal(f->nrelated, 1);
    assert_string_equal(f->related[0].file, "team.csv");
    assert_int_equal(f->related[0].line, 5);
    /* Sorted with the rest: test.yaml after team.csv. */
    assert_ptr_equal(f, &fx.fs.v[fx.fs.n - 1]);
    fixture_release(&fx);
}

static void test_expired_covering_nothing(void **state)
{
    struct fixture fx;
    (void)state;
    run(&fx, "2026-01-01",
        "  - {rule: team-size, product: Atlas, person: Ana Silva, reason: big, "
        "expires: 2025-12-31}\n");
    assert_int_equal(fixture_count(&fx, "expired-waiver"), 1);
    assert_int_equal(fixture_count(&fx, "unused-waiver"), 0);
    const struct raci_finding *f = fixture_find(&fx, "expired-waiver", 0);
    assert_string_equal(f->message, "waiver of 'team-size' for product 'Atlas', person 'Ana Silva' "
                                    "expired on 2025-12-31 (reason: big); it covers no finding "
                                    "now: remove it");
    assert_int_equal(f->nrelated, 0);
    fixture_release(&fx);
}

static void test_unused(void **state)
{
    struct fixture fx;
    (void)state;
    run(&fx, "2025-01-01",
        "  - {rule: team-size, product: Atlas, reason: about to grow, expires: 2025-06-30}\n");
    assert_int_equal(fixture_count(&fx, "unused-waiver"), 1);
    const struct raci_finding *f = fixture_find(&fx, "unused-waiver", 0);
    assert_int_equal(f->severity, RACI_SEV_INFO);
    assert_string_equal(f->loc.file, "test.yaml");
    assert_int_equal(f->loc.line, 3);
    assert_string_equal(f->message,
                        "waiver of 'team-size' for product 'Atlas' (until 2025-06-30) matches no "
                        "finding: the problem it covered is gone; remove the waiver");
    assert_string_equal(f->entity, "waiver:team-size/product:atlas");
    fixture_release(&fx);

    /* A subject that is not on the roster at all: most likely a typo. */
    run(&fx, "2025-01-01",
        "  - {rule: multiple-po, product: Atlas, reason: r, expires: 2025-06-30}\n"
        "  - {rule: po-owns-backlog, product: Atlas, task: Backlog grooming, reason: r, "
        "expires: 2025-06-30}\n"
        "  - {rule: po-owns-backlog, task: Product backlog, person: Bo Chenn, reason: r, "
        "expires: 2025-06-30}\n"
        "  - {rule: single-accountable, product: Atlantis, task: Roadmap, reason: r, "
        "expires: 2025-06-30}\n");
    assert_int_equal(fixture_count(&fx, "unused-waiver"), 3);
    assert_string_equal(fixture_find(&fx, "unused-waiver", 0)->message,
                        "waiver of 'po-owns-backlog' for product 'Atlas', task 'Backlog grooming' "
                        "(until 2025-06-30) matches no finding: there is no task 'Backlog "
                        "grooming' on the roster; correct the name, or remove the waiver");
    assert_string_equal(fixture_find(&fx, "unused-waiver", 1)->message,
                        "waiver of 'po-owns-backlog' for task 'Product backlog', person 'Bo Chenn' "
                        "(until 2025-06-30) matches no finding: there is no person 'Bo Chenn' on "
                        "the roster; correct the name, or remove the waiver");
    assert_string_equal(fixture_find(&fx, "unused-waiver", 2)->message,
                        "waiver of 'single-accountable' for product 'Atlantis', task 'Roadmap' "
                        "(until 2025-06-30) matches no finding: there is no product 'Atlantis' on "
                        "the roster; correct the name, or remove the waiver");
    assert_int_equal(fixture_count(&fx, "multiple-po"), 0);
    fixture_release(&fx);

    /* A waiver of a rule that is off covers nothing either. */
    assert_int_equal(setenv("RACI_TODAY", "2025-01-01", 1), 0);
    fixture_rules(&fx, "extends: default\n"
                       "checks: {multiple-po: off}\n"
                       "waivers:\n"
                       "  - {rule: multiple-po, product: Atlas, reason: r, expires: 2025-06-30}\n");
    assert_int_equal(fixture_add(&fx, "team.csv", ROSTER), RACI_OK);
    fixture_check(&fx);
    assert_int_equal(fixture_count(&fx, "multiple-po"), 0);
    assert_string_equal(fixture_find(&fx, "unused-waiver", 0)->message,
                        "waiver of 'multiple-po' for product 'Atlas' (until 2025-06-30) has "
                        "nothing to cover: 'multiple-po' is off in this ruleset; remove the "
                        "waiver");
    fixture_release(&fx);
}

static void test_waiver_rules_severity(void **state)
{
    struct fixture fx;
    (void)state;
    /* The waiver rules are checks like the others: their severity can be
     * changed or turned off. */
    assert_int_equal(setenv("RACI_TODAY", "2025-06-01", 1), 0);
    fixture_rules(&fx, "extends: default\n"
                       "checks: {expired-waiver: error, unused-waiver: off}\n"
                       "waivers:\n"
                       "  - {rule: multiple-po, product: Atlas, reason: r, expires: 2025-05-31}\n"
                       "  - {rule: team-size, product: Atlas, reason: r, expires: 2025-06-30}\n");
    assert_int_equal(fixture_add(&fx, "team.csv", ROSTER), RACI_OK);
    fixture_check(&fx);
    assert_int_equal(fixture_count(&fx, "multiple-po"), 1);
    assert_int_equal(fixture_count(&fx, "expired-waiver"), 1);
    assert_int_equal(fixture_find(&fx, "expired-waiver", 0)->severity, RACI_SEV_ERROR);
    assert_int_equal(fixture_count(&fx, "unused-waiver"), 0);
    fixture_release(&fx);

    assert_int_equal(setenv("RACI_TODAY", "2025-06-01", 1), 0);
    fixture_rules(&fx, "extends: default\n"
                       "checks: {expired-waiver: off}\n"
                       "waivers:\n"
                       "  - {rule: multiple-po, product: Atlas, reason: r, expires: 2025-05-31}\n");
    assert_int_equal(fixture_add(&fx, "team.csv", ROSTER), RACI_OK);
    fixture_check(&fx);
    /* Off hides the report, not the finding: an expired waiver covers
     * nothing. */
    assert_int_equal(fixture_count(&fx, "multiple-po"), 1);
    assert_int_equal(fixture_count(&fx, "expired-waiver"), 0);
    fixture_release(&fx);
}

/* The registry's example of each waiver rule is a ruleset excerpt that
 * breaks it: every rule of scope "waiver" is run, so a new one is covered
 * without a line here. (test_checks.c runs the roster rules' examples.) */
static void test_registry_examples(void **state)
{
    /* Atlas has eleven people: team-size fires, and nothing else names
     * Atlas as a product with more than one PO. */
    static const char roster[] = "person,title,product\n"
                                 "Ana,Product Owner,Atlas\nBo,Scrum Master,Atlas\n"
                                 "Cy,Developer,Atlas\nDi,Developer,Atlas\nEd,Developer,Atlas\n"
                                 "Flo,Developer,Atlas\nGus,Developer,Atlas\nHal,Developer,Atlas\n"
                                 "Ivy,Developer,Atlas\nJo,Developer,Atlas\nKai,Developer,Atlas\n";
    size_t n, ran = 0;
    const struct raci_rule_def *all = raci_rules_all(&n);
    (void)state;
    assert_int_equal(setenv("RACI_TODAY", "2025-01-01", 1), 0);
    for (size_t i = 0; i < n; i++) {
        struct fixture fx;
        char *yaml;
        if (all[i].scope != RACI_SCOPE_WAIVER)
            continue;
        yaml = raci_str_printf("extends: default\n%s\n", all[i].example);
        assert_non_null(yaml);
        fixture_rules(&fx, yaml);
        assert_int_equal(fixture_add(&fx, "example.csv", roster), RACI_OK);
        fixture_check(&fx);
        if (fixture_count(&fx, all[i].id) != 1)
            fail_msg("the example of '%s' does not break it:\n%s", all[i].id, yaml);
        free(yaml);
        fixture_release(&fx);
        ran++;
    }
    /* expired-waiver and unused-waiver at least. */
    assert_true(ran >= 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_baseline_roster),
        cmocka_unit_test(test_parse),
        cmocka_unit_test(test_parse_errors),
        cmocka_unit_test(test_date_valid),
        cmocka_unit_test(test_today),
        cmocka_unit_test(test_merge_extends),
        cmocka_unit_test(test_match_product),
        cmocka_unit_test(test_match_task),
        cmocka_unit_test(test_match_task_not_canonical),
        cmocka_unit_test(test_match_person),
        cmocka_unit_test(test_one_finding_two_waivers),
        cmocka_unit_test(test_expired),
        cmocka_unit_test(test_expired_covering_nothing),
        cmocka_unit_test(test_unused),
        cmocka_unit_test(test_waiver_rules_severity),
        cmocka_unit_test(test_registry_examples),
    };
    return cmocka_run_group_tests_name("waivers", tests, NULL, NULL);
}
