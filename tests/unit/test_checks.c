/*
 * test_checks.c - every RACI check with a roster that breaks it and a
 * near-identical one that passes. Each test checks the rule id, severity,
 * subject and the rows named.
 */
#include "testutil.h"

#include <stdlib.h>

#include <stdio.h>

#include "fixture.h"

#define HEAD "person,title,product,task,raci\n"

static void test_single_accountable_two(void **state)
{
    struct fixture fx;
    (void)state;
    fixture_run(&fx, HEAD "Ana Silva,Product Manager,Atlas,Market research,A/R\n"
                          "Cy Ode,Developer,Atlas,Market research,I\n"
                          "Bo Chen,Product Manager,Atlas,Market research,A\n");
    assert_int_equal(fixture_count(&fx, "single-accountable"), 1);
    const struct raci_finding *f = fixture_find(&fx, "single-accountable", 0);
    assert_int_equal(f->severity, RACI_SEV_ERROR);
    assert_string_equal(f->message, "task 'Market research' in product 'Atlas' has 2 accountable "
                                    "people: Ana Silva (line 2), Bo Chen (line 4)");
    assert_string_equal(f->loc.file, "team.csv");
    assert_int_equal(f->loc.line, 2);
    assert_int_equal(f->loc.col, 49); /* the raci cell */
    assert_int_equal(f->nrelated, 1);
    assert_int_equal(f->related[0].line, 4);
    assert_string_equal(fx.r.products[f->product].name, "Atlas");
    assert_string_equal(fx.r.tasks[f->task].name, "Market research");
    assert_int_equal(f->person, RACI_NONE);
    fixture_release(&fx);
}

/* The holders of a letter are named in the order of the rows that give it,
 * each at the first such row, whatever rows a person has before. */
static void test_single_accountable_order(void **state)
{
    struct fixture fx;
    (void)state;
    fixture_run(&fx, HEAD "Ana,Product Manager,Atlas,Roadmap,C\n"
                          "Bo,Product Manager,Atlas,Roadmap,A\n"
                          "Ana,Product Manager,Atlas,Roadmap,A/R\n"
                          "Bo,Product Manager,Atlas,Roadmap,A\n"
                          "Cy,Developer,Atlas,Roadmap,X\n"
                          "Cy,Developer,Atlas,Roadmap,(A)\n");
    assert_int_equal(fixture_count(&fx, "single-accountable"), 1);
    const struct raci_finding *f = fixture_find(&fx, "single-accountable", 0);
    assert_string_equal(f->message, "task 'Roadmap' in product 'Atlas' has 3 accountable people: "
                                    "Bo (line 3), Ana (line 4), Cy (line 7)");
    assert_int_equal(f->loc.line, 3);
    assert_int_equal(f->nrelated, 2);
    assert_int_equal(f->related[0].line, 4);
    assert_int_equal(f->related[1].line, 7);
    fixture_release(&fx);
}

static void test_single_accountable_none(void **state)
{
    struct fixture fx;
    (void)state;
    fixture_run(&fx, HEAD "Ana Silva,Product Owner,Atlas,User stories,R\n"
                          "Bo Chen,Developer,Atlas,User stories,C\n");
    assert_int_equal(fixture_count(&fx, "single-accountable"), 1);
    const struct raci_finding *f = fixture_find(&fx, "single-accountable", 0);
    assert_string_equal(f->message, "task 'User stories' in product 'Atlas' has no accountable "
                                    "person (expected exactly one A)");
    assert_int_equal(f->loc.line, 2);
    assert_int_equal(f->loc.col, 31); /* the task cell */
    /* Every row of the task is involved. */
    assert_int_equal(f->nrelated, 2);
    fixture_release(&fx);
}

static void test_single_accountable_passes(void **state)
{
    struct fixture fx;
    (void)state;
    fixture_run(&fx, HEAD "Ana Silva,Product Manager,Atlas,Market research,A/R\n"
                          "Cy Ode,Developer,Atlas,Market research,I\n"
                          "Bo Chen,Product Manager,Atlas,Market research,C\n");
    assert_int_equal(fixture_count(&fx, "single-accountable"), 0);
    fixture_release(&fx);
}

static void test_single_accountable_per_product(void **state)
{
    struct fixture fx;
    (void)state;
    /* The same task in two products is two tasks; an alias is the same task. */
    fixture_run(&fx, HEAD "Ana,Product Manager,Atlas,Market research,A/R\n"
                          "Bo,Product Manager,Borealis,Market research,A/R\n"
                          "Cy,Product Manager,Atlas,Competitor analysis,A\n");
    assert_int_equal(fixture_count(&fx, "single-accountable"), 1);
    const struct raci_finding *f = fixture_find(&fx, "single-accountable", 0);
    assert_string_equal(fx.r.products[f->product].name, "Atlas");
    assert_int_equal(f->nrelated, 1);
    assert_int_equal(f->related[0].line, 4);
    fixture_release(&fx);
}

static void test_missing_responsible(void **state)
{
    struct fixture fx;
    (void)state;
    fixture_run(&fx, HEAD "Ana,Product Owner,Atlas,User stories,A\n"
                          "Bo,Developer,Atlas,User stories,C\n");
    assert_int_equal(fixture_count(&fx, "missing-responsible"), 1);
    const struct raci_finding *f = fixture_find(&fx, "missing-responsible", 0);
    assert_int_equal(f->severity, RACI_SEV_WARNING);
    assert_string_equal(f->message, "task 'User stories' in product 'Atlas' has nobody responsible "
                                    "(expected at least one R; A/R counts)");
    assert_int_equal(f->loc.line, 2);
    fixture_release(&fx);

    fixture_run(&fx, HEAD "Ana,Product Owner,Atlas,User stories,A\n"
                          "Bo,Developer,Atlas,User stories,R\n");
    assert_int_equal(fixture_count(&fx, "missing-responsible"), 0);
    fixture_release(&fx);
    fixture_run(&fx, HEAD "Ana,Product Owner,Atlas,User stories,A/R\n");
    assert_int_equal(fixture_count(&fx, "missing-responsible"), 0);
    fixture_release(&fx);
}

static void test_too_many_responsible(void **state)
{
    struct fixture fx;
    (void)state;
    fixture_run(&fx, HEAD "Ana,Product Owner,Atlas,Release,A\n"
                          "D1,Developer,Atlas,Release,R\n"
                          "D2,Developer,Atlas,Release,R\n"
                          "D3,Developer,Atlas,Release,R\n"
                          "D4,Developer,Atlas,Release,R\n");
    assert_int_equal(fixture_count(&fx, "too-many-responsible"), 1);
    const struct raci_finding *f = fixture_find(&fx, "too-many-responsible", 0);
    assert_int_equal(f->severity, RACI_SEV_INFO);
    assert_string_equal(f->message,
                        "task 'Release' in product 'Atlas' has 4 people responsible (more than "
                        "3): D1 (line 3), D2 (line 4), D3 (line 5), D4 (line 6); consider "
                        "splitting it");
    assert_int_equal(f->loc.line, 3);
    assert_int_equal(f->nrelated, 3);
    fixture_release(&fx);

    fixture_run(&fx, HEAD "Ana,Product Owner,Atlas,Release,A\n"
                          "D1,Developer,Atlas,Release,R\n"
                          "D2,Developer,Atlas,Release,R\n"
                          "D3,Developer,Atlas,Release,R\n"
                          "D4,Developer,Atlas,Release,C\n");
    assert_int_equal(fixture_count(&fx, "too-many-responsible"), 0);
    fixture_release(&fx);
}

static void test_too_many_responsible_names_ten(void **state)
{
    struct fixture fx;
    char csv[2048];
    int len;
    (void)state;
    /* Twelve people responsible: the message names ten and counts the
     * rest; the related rows hold every one. */
    len = snprintf(csv, sizeof csv, HEAD "Ana,Product Owner,Atlas,Release,A\n");
    for (int i = 1; i <= 12; i++)
        len += snprintf(csv + len, sizeof csv - (size_t)len, "D%d,Developer,Atlas,Release,R\n", i);
    fixture_run(&fx, csv);
    const struct raci_finding *f = fixture_find(&fx, "too-many-responsible", 0);
    assert_non_null(f);
    assert_non_null(strstr(f->message, "has 12 people responsible"));
    assert_non_null(strstr(f->message, "D10 (line 12) and 2 more; consider splitting it"));
    assert_null(strstr(f->message, "D11"));
    assert_int_equal(f->nrelated, 11);
    fixture_release(&fx);
}

static void test_unknown_letter(void **state)
{
    struct fixture fx;
    (void)state;
    fixture_run(&fx, HEAD "Ana,Product Owner,Atlas,User stories,A/R\n"
                          "Bo,Developer,Atlas,User stories,X\n"
                          "Cy,Developer,Atlas,User stories,A see note 2\n");
    assert_int_equal(fixture_count(&fx, "unknown-letter"), 2);
    const struct raci_finding *f = fixture_find(&fx, "unknown-letter", 0);
    assert_int_equal(f->severity, RACI_SEV_WARNING);
    assert_int_equal(f->loc.line, 3);
    assert_int_equal(f->loc.col, 33);
    assert_non_null(strstr(f->message, "unknown RACI letter 'X' for Bo on task 'User stories'"));
    assert_non_null(strstr(f->message, "DRI"));
    f = fixture_find(&fx, "unknown-letter", 1);
    assert_int_equal(f->loc.line, 4);
    /* An unreadable cell is not an A: the task still has one. */
    assert_int_equal(fixture_count(&fx, "single-accountable"), 0);
    fixture_release(&fx);

    fixture_run(&fx, HEAD "Ana,Product Owner,Atlas,User stories,A/R\n"
                          "Bo,Developer,Atlas,User stories,DRI\n"
                          "Cy,Developer,Atlas,User stories,(C)\n");
    assert_int_equal(fixture_count(&fx, "unknown-letter"), 0);
    /* DRI is A and R: now two A's. */
    assert_int_equal(fixture_count(&fx, "single-accountable"), 1);
    fixture_release(&fx);
}

/* A chart in verbs of its own: one finding for the file, naming the words
 * most used first; the cells of other text keep their own. */
static void test_unknown_vocabulary(void **state)
{
    struct fixture fx;
    (void)state;
    /* (A column of words before the first of letters would be read as
     * notes: the chart's letters come first.) */
    fixture_run(&fx, "task,Legal,Finance,Engineering\n"
                     "Budget,X,Owns,Helps\n"
                     "Hiring,,**helps**,Owns\n"
                     "Roadmap,,Owns,Execute\n"
                     "Audit,A,OWNS,Helps\n");
    assert_int_equal(fixture_count(&fx, "unknown-vocabulary"), 1);
    const struct raci_finding *f = fixture_find(&fx, "unknown-vocabulary", 0);
    assert_int_equal(f->severity, RACI_SEV_WARNING);
    assert_int_equal(f->loc.line, 2);
    assert_int_equal(f->loc.col, 10);
    assert_int_equal(f->nrelated, 6);
    print_message("%s\n", f->message);
    assert_non_null(strstr(f->message, "7 of the 10 letter cells of this file hold words that are "
                                       "no RACI letters: 'Owns' (4) and 'Helps' (3);"));
    assert_non_null(strstr(f->message, "letters: {Owns: A, Helps: C}"));
    assert_string_equal(f->entity, "file:team.csv");
    /* Execute is used once, X is no word of it: each keeps its finding. */
    assert_int_equal(fixture_count(&fx, "unknown-letter"), 2);
    assert_non_null(strstr(fixture_find(&fx, "unknown-letter", 0)->message, "'X'"));
    assert_non_null(strstr(fixture_find(&fx, "unknown-letter", 1)->message, "'Execute'"));
    fixture_release(&fx);
}

/* Words combined as letters are ("Owns/Execute"), as a published chart
 * writes them (RyKaj/Documentation, Agile/AgileRACIMatrix.md; its label
 * column, "Items", is called Task here). */
static void test_unknown_vocabulary_combined(void **state)
{
    struct fixture fx;
    (void)state;
    fixture_run(&fx, "Task,Tech Lead,Scrum Master,Product Owner\n"
                     "Vision/Mission,N/A,N/A,OWNs\n"
                     "Product Canvas,Helps,Helps,OWNs/Execute\n"
                     "OKRs,Helps,Helps,OWNs/Execute\n"
                     "Roadmap,Owns/Maybe,Helps,C\n");
    assert_int_equal(fixture_count(&fx, "unknown-vocabulary"), 1);
    const struct raci_finding *f = fixture_find(&fx, "unknown-vocabulary", 0);
    print_message("%s\n", f->message);
    assert_non_null(strstr(f->message, "8 of the 10 letter cells of this file hold words that are "
                                       "no RACI letters: 'Helps' (5), 'OWNs' (4) and 'Execute' "
                                       "(2);"));
    assert_non_null(strstr(f->message, "{Helps: C, OWNs: A, Execute: R}"));
    /* Maybe is used once: its cell is no part of the vocabulary. */
    assert_int_equal(fixture_count(&fx, "unknown-letter"), 1);
    assert_non_null(strstr(fixture_find(&fx, "unknown-letter", 0)->message, "'Owns/Maybe'"));
    fixture_release(&fx);
}

/* More than eight words: the most used eight, and how many more; a word
 * with no guess maps to <letters>. */
static void test_unknown_vocabulary_many(void **state)
{
    struct fixture fx;
    struct raci_str csv = RACI_STR_INIT;
    (void)state;
    raci_str_add(&csv, "task,One,Two\n");
    for (int w = 0; w < 10; w++)
        for (int k = 0; k <= w; k++)
            raci_str_addf(&csv, "Task %d %d,Word%d,\n", w, k, w);
    assert_false(csv.failed);
    fixture_run(&fx, raci_str_cstr(&csv));
    assert_int_equal(fixture_count(&fx, "unknown-vocabulary"), 1);
    const struct raci_finding *f = fixture_find(&fx, "unknown-vocabulary", 0);
    print_message("%s\n", f->message);
    assert_non_null(strstr(f->message, "'Word9' (10), 'Word8' (9), "));
    assert_non_null(strstr(f->message, "'Word2' (3) and 1 more;"));
    assert_non_null(strstr(f->message, "{Word9: <letters>, Word8: <letters>,"));
    assert_null(strstr(f->message, "Word1:"));
    assert_int_equal(fixture_count(&fx, "unknown-letter"), 1); /* Word0, used once */
    raci_str_release(&csv);
    fixture_release(&fx);
}

static void test_unknown_vocabulary_passes(void **state)
{
    struct fixture fx;
    (void)state;
    /* A word in two cells of many: no vocabulary, each cell its finding. */
    fixture_run(&fx, "task,Product Owner,Developer\n"
                     "Roadmap,A/R,X\n"
                     "Backlog,A/R,X\n"
                     "Stories,A/R,C\n"
                     "Review,A,R\n");
    assert_int_equal(fixture_count(&fx, "unknown-vocabulary"), 0);
    assert_int_equal(fixture_count(&fx, "unknown-letter"), 2);
    fixture_release(&fx);
    /* Words used once each, and prose: no vocabulary. */
    fixture_run(&fx, "task,Developer,Product Owner\n"
                     "Roadmap,Helps,Owns\n"
                     "Backlog,R,Execute\n"
                     "Stories,C,Define your requirements first\n");
    assert_int_equal(fixture_count(&fx, "unknown-vocabulary"), 0);
    assert_int_equal(fixture_count(&fx, "unknown-letter"), 4);
    fixture_release(&fx);
    /* Two cells of a small table are more than half of it. */
    fixture_run(&fx, "task,Developer,Product Owner\n"
                     "Roadmap,R,Owns\n"
                     "Backlog,,Owns\n");
    assert_int_equal(fixture_count(&fx, "unknown-vocabulary"), 1);
    assert_int_equal(fixture_count(&fx, "unknown-letter"), 0);
    fixture_release(&fx);
}

/* Per file: a word of one file's vocabulary is an unknown letter in
 * another that uses it once. */
static void test_unknown_vocabulary_per_file(void **state)
{
    struct fixture fx;
    (void)state;
    fixture_rules(&fx, NULL);
    assert_int_equal(fixture_add(&fx, "a.csv",
                                 "task,Finance,Legal\n"
                                 "Budget,Owns,Helps\n"
                                 "Audit,Helps,Owns\n"),
                     RACI_OK);
    assert_int_equal(fixture_add(&fx, "b.csv",
                                 "task,Finance,Legal\n"
                                 "Tax,Owns,C\n"
                                 "Payroll,A/R,I\n"),
                     RACI_OK);
    fixture_check(&fx);
    assert_int_equal(fixture_count(&fx, "unknown-vocabulary"), 1);
    assert_string_equal(fixture_find(&fx, "unknown-vocabulary", 0)->loc.file, "a.csv");
    assert_int_equal(fixture_count(&fx, "unknown-letter"), 1);
    assert_string_equal(fixture_find(&fx, "unknown-letter", 0)->loc.file, "b.csv");
    fixture_release(&fx);
}

/* Mapped in the ruleset, the words are letters; turned off, the rule
 * leaves each cell its unknown-letter finding. */
static void test_unknown_vocabulary_mapped_or_off(void **state)
{
    static const char chart[] = "task,Finance,Legal\n"
                                "Budget,Owns,Helps\n"
                                "Audit,Helps,Owns\n";
    struct fixture fx;
    (void)state;
    fixture_rules(&fx, "letters: {Owns: A/R, Helps: C}\n");
    assert_int_equal(fixture_add(&fx, "team.csv", chart), RACI_OK);
    fixture_check(&fx);
    assert_int_equal(fixture_count(&fx, "unknown-vocabulary"), 0);
    assert_int_equal(fixture_count(&fx, "unknown-letter"), 0);
    assert_int_equal(fixture_count(&fx, "single-accountable"), 0);
    fixture_release(&fx);
    fixture_rules(&fx, "checks: {unknown-vocabulary: off}\n");
    assert_int_equal(fixture_add(&fx, "team.csv", chart), RACI_OK);
    fixture_check(&fx);
    assert_int_equal(fixture_count(&fx, "unknown-vocabulary"), 0);
    assert_int_equal(fixture_count(&fx, "unknown-letter"), 4);
    fixture_release(&fx);
    /* Its thresholds are parameters. */
    fixture_rules(&fx, "checks: {unknown-vocabulary: {severity: info, min_cells: 5, min_uses: "
                       "3}}\n");
    assert_int_equal(fixture_add(&fx, "team.csv",
                                 "task,Board,Legal,Finance\n"
                                 "Budget,A,Helps,Owns\nAudit,C,Owns,Helps\nTax,I,R,Owns\n"
                                 "Payroll,I,C,Owns\n"),
                     RACI_OK);
    fixture_check(&fx);
    assert_int_equal(fixture_count(&fx, "unknown-vocabulary"), 0); /* 4 Owns cells: fewer than 5 */
    assert_int_equal(fixture_count(&fx, "unknown-letter"), 6);
    fixture_release(&fx);
}

static void test_duplicate_assignment(void **state)
{
    struct fixture fx;
    (void)state;
    fixture_run(&fx, HEAD "Ana,Product Owner,Atlas,User stories,A/R\n"
                          "Bo,Developer,Atlas,User stories,C\n"
                          "ana,Product Owner,Atlas,user-stories,I\n");
    assert_int_equal(fixture_count(&fx, "duplicate-assignment"), 1);
    const struct raci_finding *f = fixture_find(&fx, "duplicate-assignment", 0);
    assert_int_equal(f->severity, RACI_SEV_WARNING);
    assert_int_equal(f->loc.line, 4);
    assert_int_equal(f->nrelated, 1);
    assert_int_equal(f->related[0].line, 2);
    assert_string_equal(f->message, "Ana is on task 'User stories' in product 'Atlas' more than "
                                    "once (first at line 2); keep one row with all their letters");
    fixture_release(&fx);

    /* Three rows: one finding, at the second, relating the first and third;
     * another person's rows in between change nothing. */
    fixture_run(&fx, HEAD "Ana,Product Owner,Atlas,User stories,A/R\n"
                          "Bo,Developer,Atlas,User stories,C\n"
                          "Ana,Product Owner,Atlas,User stories,I\n"
                          "Bo,Developer,Atlas,User stories,C\n"
                          "Ana,Product Owner,Atlas,User stories,X\n");
    assert_int_equal(fixture_count(&fx, "duplicate-assignment"), 2);
    f = fixture_find(&fx, "duplicate-assignment", 0);
    assert_int_equal(f->loc.line, 4);
    assert_string_equal(fx.r.persons[f->person].name, "Ana");
    assert_int_equal(f->nrelated, 2);
    assert_int_equal(f->related[0].line, 2);
    assert_int_equal(f->related[1].line, 6);
    f = fixture_find(&fx, "duplicate-assignment", 1);
    assert_int_equal(f->loc.line, 5);
    assert_string_equal(fx.r.persons[f->person].name, "Bo");
    assert_int_equal(f->nrelated, 1);
    assert_int_equal(f->related[0].line, 3);
    fixture_release(&fx);

    /* The same person on two tasks, or two products, is no duplicate. */
    fixture_run(&fx, HEAD "Ana,Product Owner,Atlas,User stories,A/R\n"
                          "Ana,Product Owner,Atlas,Acceptance criteria,A/R\n"
                          "Ana,Product Owner,Borealis,User stories,A/R\n");
    assert_int_equal(fixture_count(&fx, "duplicate-assignment"), 0);
    fixture_release(&fx);
}

static void test_unknown_title(void **state)
{
    struct fixture fx;
    (void)state;
    fixture_run(&fx, HEAD "Ana,Product Owner,Atlas,User stories,A/R\n"
                          "Bo,Chief Vibes Officer,Atlas,User stories,I\n");
    assert_int_equal(fixture_count(&fx, "unknown-title"), 1);
    const struct raci_finding *f = fixture_find(&fx, "unknown-title", 0);
    assert_int_equal(f->severity, RACI_SEV_INFO);
    assert_int_equal(f->loc.line, 3);
    assert_int_equal(f->loc.col, 4);
    assert_string_equal(fx.r.persons[f->person].name, "Bo");
    fixture_release(&fx);

    fixture_run(&fx, HEAD "Ana,Product Owner,Atlas,User stories,A/R\n"
                          "Bo,Sr. Software Engineer,Atlas,User stories,I\n");
    assert_int_equal(fixture_count(&fx, "unknown-title"), 0);
    fixture_release(&fx);
}

static void test_idle_person(void **state)
{
    struct fixture fx;
    (void)state;
    fixture_run(&fx, HEAD "Ana,Product Owner,Atlas,User stories,A/R\n"
                          "Bo,Developer,Atlas,,\n"
                          "Cy,Developer,Atlas,User stories,X\n");
    assert_int_equal(fixture_count(&fx, "idle-person"), 2);
    const struct raci_finding *f = fixture_find(&fx, "idle-person", 0);
    assert_int_equal(f->severity, RACI_SEV_INFO);
    assert_int_equal(f->loc.line, 3);
    assert_string_equal(f->message, "Bo (Developer) has no R, A, C or I on any task; give them "
                                    "their part or take them off the roster");
    fixture_release(&fx);

    fixture_run(&fx, HEAD "Ana,Product Owner,Atlas,User stories,A/R\n"
                          "Bo,Developer,Atlas,,\n"
                          "Bo,Developer,Atlas,User stories,C\n");
    assert_int_equal(fixture_count(&fx, "idle-person"), 0);
    fixture_release(&fx);
}

static void test_malformed_row(void **state)
{
    struct fixture fx;
    (void)state;
    fixture_run(&fx, HEAD "Ana,Product Owner,Atlas,User stories,A/R\n"
                          "Bo,Developer,Atlas\n"
                          ",Developer,Atlas,User stories,C\n"
                          "Cy,,Atlas,User stories,C\n"
                          "Di,Developer,Atlas,User stories,I,extra\n");
    assert_int_equal(fixture_count(&fx, "malformed-row"), 4);
    const struct raci_finding *f = fixture_find(&fx, "malformed-row", 0);
    assert_int_equal(f->loc.line, 3);
    assert_string_equal(
        f->message, "row has 3 fields but the header has 5 (the missing ones are read as empty)");
    f = fixture_find(&fx, "malformed-row", 1);
    assert_int_equal(f->loc.line, 4);
    assert_non_null(strstr(f->message, "row has no person"));
    f = fixture_find(&fx, "malformed-row", 2);
    assert_int_equal(f->loc.line, 5);
    assert_int_equal(f->loc.col, 4);
    assert_non_null(strstr(f->message, "Cy has no title"));
    f = fixture_find(&fx, "malformed-row", 3);
    assert_int_equal(f->loc.line, 6);
    assert_non_null(strstr(f->message, "the extra ones are ignored"));
    /* The audit went on: Bo, Cy and Di are on the roster. */
    assert_int_equal(fx.r.npersons, 4);
    fixture_release(&fx);

    fixture_run(&fx, HEAD "Ana,Product Owner,Atlas,User stories,A/R\n"
                          "Bo,Developer,Atlas,,\n");
    assert_int_equal(fixture_count(&fx, "malformed-row"), 0);
    fixture_release(&fx);
}

/* ------------------------------------------------------ cells as read -- */

#define FFFD  "\xEF\xBF\xBD"
#define NAMES "person,title,product,notes\n"

/* Issue #8, 7: a UTF-8 file with a few bad bytes keeps its good text, and
 * each cell with a bad byte is a finding at it, naming the byte and its
 * column; names in other scripts stay as they are. */
static void test_bad_text(void **state)
{
    struct fixture fx;
    (void)state;
    fixture_run(&fx, NAMES "Jos\xC3\xA9 Garc\xC3\xAD"
                           "a,Product Owner,M\xC3\xBCnchen,\"5'11\"\" & <tall>\"\n"
                           "\xD0\x98\xD0\xB2\xD0\xB0\xD0\xBD \xD0\x9F\xD0\xB5\xD1\x82\xD1\x80"
                           "\xD0\xBE\xD0\xB2,Developer,M\xC3\xBCnchen,caf\xE9 \xE9t\xE9\n"
                           "\xE7\x8E\x8B\xE8\x8A\xB3,Developer,M\xC3\xBCnchen,\xF0\x9F\x9A\x80 \x07"
                           "bell\n");
    assert_string_equal(fx.r.products[0].name, "M\xC3\xBCnchen");
    assert_string_equal(fx.r.persons[0].name, "Jos\xC3\xA9 Garc\xC3\xAD"
                                              "a");
    assert_int_equal(fixture_count(&fx, "bad-text"), 2);
    const struct raci_finding *f = fixture_find(&fx, "bad-text", 0);
    assert_int_equal(f->severity, RACI_SEV_WARNING);
    assert_int_equal(f->loc.line, 3);
    assert_int_equal(f->loc.col, 31);
    assert_string_equal(f->message,
                        "cell 'notes' of \xD0\x98\xD0\xB2\xD0\xB0\xD0\xBD \xD0\x9F\xD0\xB5\xD1\x82"
                        "\xD1\x80\xD0\xBE\xD0\xB2 holds byte 0xE9 at column 34, which is no UTF-8 "
                        "text (and 2 more such characters); it reads as U+FFFD, the replacement "
                        "character, in the roster, the workbook and every report: write the "
                        "character again and save the roster as UTF-8");
    /* The entity is the name's key: case folded, over all of Unicode. */
    assert_string_equal(f->entity, "cell:notes/person:\xD0\xB8\xD0\xB2\xD0\xB0\xD0\xBD "
                                   "\xD0\xBF\xD0\xB5\xD1\x82\xD1\x80\xD0\xBE\xD0\xB2");
    assert_string_equal(fx.r.persons[f->person].extra[0], "caf" FFFD " " FFFD "t" FFFD);
    /* A control character is kept in the data, and said so. */
    f = fixture_find(&fx, "bad-text", 1);
    assert_int_equal(f->loc.line, 4);
    assert_string_equal(f->message,
                        "cell 'notes' of \xE7\x8E\x8B\xE8\x8A\xB3 holds control character U+0007 "
                        "at column 24; the data keeps it, but the workbook and the XML reports "
                        "show U+FFFD there: remove it from the roster");
    assert_string_equal(fx.r.persons[f->person].extra[0], "\xF0\x9F\x9A\x80 \x07"
                                                          "bell");
    fixture_release(&fx);

    /* The same names, every byte text: nothing to say. */
    fixture_run(&fx, NAMES "Jos\xC3\xA9,Product Owner,M\xC3\xBCnchen,caf\xC3\xA9\n");
    assert_int_equal(fixture_count(&fx, "bad-text"), 0);
    fixture_release(&fx);
}

/* A header cell and a row that names nobody, in a Windows-1252 file with a
 * byte it leaves undefined, and a NUL. */
static void test_bad_text_header_and_nul(void **state)
{
    struct fixture fx;
    (void)state;
    fixture_run(&fx, "person,title,product,no\x81tes\n"
                     ",Developer,Atlas,x\n"
                     "Jos\xE9,Product Owner,Atlas,a\n"
                     "Bo,Developer,Atlas,a\n"
                     "Cy,Developer,Atlas,a\n");
    assert_int_equal(fixture_count(&fx, "bad-text"), 1);
    const struct raci_finding *f = fixture_find(&fx, "bad-text", 0);
    assert_int_equal(f->loc.line, 1);
    assert_int_equal(f->loc.col, 22);
    assert_string_equal(f->message,
                        "header cell 'no" FFFD "tes' holds byte 0x81 at column 24, which is no "
                        "Windows-1252 text; it reads as U+FFFD, the replacement character, in the "
                        "roster, the workbook and every report: write the character again and "
                        "save the roster as UTF-8");
    assert_string_equal(f->entity, "header:no" FFFD "tes");
    assert_string_equal(fx.r.persons[0].name, "Jos\xC3\xA9");
    fixture_release(&fx);
}

/* Issue #8, 12: 5'11" and 27" monitor are read as written, and said. */
static void test_stray_quote(void **state)
{
    struct fixture fx;
    (void)state;
    fixture_run(&fx, NAMES "Ana,Product Owner,Atlas,5'11\"\n"
                           "Bo,Developer,Atlas,27\" monitor & \"dock\"\n");
    assert_int_equal(fixture_count(&fx, "stray-quote"), 2);
    const struct raci_finding *f = fixture_find(&fx, "stray-quote", 0);
    assert_int_equal(f->loc.line, 2);
    assert_int_equal(f->loc.col, 25);
    assert_string_equal(f->message,
                        "cell 'notes' of Ana has a quote in an unquoted field, at column 29; it "
                        "is read as a quote, as most CSV readers do: to be sure, put the whole "
                        "field in quotes and write each quote in it as two (\"\")");
    assert_string_equal(fx.r.persons[0].extra[0], "5'11\"");
    f = fixture_find(&fx, "stray-quote", 1);
    assert_non_null(strstr(f->message, "has 3 quotes in an unquoted field, the first at column "
                                       "22; they are read as quotes"));
    assert_string_equal(fx.r.persons[1].extra[0], "27\" monitor & \"dock\"");
    fixture_release(&fx);

    fixture_run(&fx, NAMES "Ana,Product Owner,Atlas,\"5'11\"\"\"\n");
    assert_int_equal(fixture_count(&fx, "stray-quote"), 0);
    assert_string_equal(fx.r.persons[0].extra[0], "5'11\"");
    fixture_release(&fx);
}

/* Issue #8, 11: a cell over Excel's 32767 UTF-16 units is a finding that
 * says where the workbook cuts it; the data keeps it whole. */
static void test_long_cell(void **state)
{
    struct fixture fx;
    struct raci_str csv = RACI_STR_INIT;
    (void)state;
    raci_str_add(&csv, NAMES "Ana,Product Owner,Atlas,");
    for (int i = 0; i < 32760; i++)
        raci_str_addc(&csv, 'x');
    for (int i = 0; i < 10; i++)
        raci_str_add(&csv, "\xF0\x9F\x98\x80");
    raci_str_add(&csv, "\nBo,Developer,Atlas,");
    for (int i = 0; i < 20000; i++)
        raci_str_add(&csv, "\xE6\x9D\xB1");
    raci_str_addc(&csv, '\n');
    assert_false(csv.failed);
    fixture_run(&fx, csv.s);
    assert_int_equal(fixture_count(&fx, "long-cell"), 1);
    const struct raci_finding *f = fixture_find(&fx, "long-cell", 0);
    assert_int_equal(f->loc.line, 2);
    assert_string_equal(
        f->message, "cell 'notes' of Ana is 32770 characters long (32780 as Excel counts "
                    "them, in UTF-16 units); a workbook cell holds 32767, so the workbook "
                    "shows its first 32763 characters and an ellipsis, and the reports keep the "
                    "rest: shorten it, or keep the text elsewhere and give its link");
    assert_int_equal(strlen(fx.r.persons[0].extra[0]), 32760 + 40);
    fixture_release(&fx);
    raci_str_release(&csv);
}

/* Issue #8, 10: a second person/title pair, and columns whose names
 * differ only in case, are kept apart and said so at their header cells. */
static void test_duplicate_column(void **state)
{
    struct fixture fx;
    (void)state;
    fixture_run(&fx, "person,title,product,Notes,NOTES,name,Title\n"
                     "Ana,Product Owner,Atlas,on leave,back in May,Bo,Developer\n");
    assert_int_equal(fixture_count(&fx, "duplicate-column"), 3);
    const struct raci_finding *f = fixture_find(&fx, "duplicate-column", 0);
    assert_int_equal(f->loc.line, 1);
    assert_int_equal(f->loc.col, 28);
    assert_string_equal(f->message,
                        "column E ('NOTES') has the name of column D ('Notes') but for case or "
                        "punctuation: both are kept, as separate columns of the Roster sheet; "
                        "give each column a name of its own");
    assert_string_equal(f->entity, "header:notes");
    f = fixture_find(&fx, "duplicate-column", 1);
    assert_string_equal(f->message,
                        "column F ('name') names the person column again (column A is it): raci "
                        "reads it from column A, and column F as an extra column of the Roster "
                        "sheet; give each column a name of its own");
    f = fixture_find(&fx, "duplicate-column", 2);
    assert_non_null(strstr(f->message, "column G ('Title') names the title column again"));
    /* Every value is kept. */
    assert_int_equal(fx.r.nextra, 4);
    assert_string_equal(fx.r.persons[0].extra[0], "on leave");
    assert_string_equal(fx.r.persons[0].extra[1], "back in May");
    assert_string_equal(fx.r.persons[0].extra[2], "Bo");
    assert_string_equal(fx.r.persons[0].extra[3], "Developer");
    assert_int_equal(fx.r.npersons, 1);
    fixture_release(&fx);

    fixture_run(&fx, "person,title,product,Notes,Notes 2\n"
                     "Ana,Product Owner,Atlas,on leave,back in May\n");
    assert_int_equal(fixture_count(&fx, "duplicate-column"), 0);
    fixture_release(&fx);
}

/* Issue #8, 10: a person's later value of an extra column was dropped
 * unseen; now the Roster sheet's value is named, and where the other is. */
static void test_conflicting_value(void **state)
{
    struct fixture fx;
    (void)state;
    fixture_rules(&fx, NULL);
    assert_int_equal(fixture_add(&fx, "a.csv",
                                 "person,title,product,Location\n"
                                 "\xC5\x81ucja,Product Owner,Atlas,Gda\xC5\x84sk\n"
                                 "\xC5\x81ucja,Product Owner,Borealis,\n"
                                 "\xC5\x81ucja,Product Owner,Cirrus,\"O'Brien & <Co>\"\n"
                                 "\xC5\x81ucja,Product Owner,Dune,Gda\xC5\x84sk\n"),
                     RACI_OK);
    assert_int_equal(fixture_add(&fx, "b.csv",
                                 "person,title,product,location\n"
                                 "\xC5\x81ucja,Product Owner,Atlas,Krak\xC3\xB3w\n"),
                     RACI_OK);
    fixture_check(&fx);
    assert_int_equal(fixture_count(&fx, "conflicting-value"), 1);
    const struct raci_finding *f = fixture_find(&fx, "conflicting-value", 0);
    assert_string_equal(f->loc.file, "a.csv");
    assert_int_equal(f->loc.line, 4);
    assert_int_equal(f->loc.col, 28);
    assert_string_equal(f->message,
                        "\xC5\x81ucja has 'O'Brien & <Co>' in column 'Location' here, but "
                        "'Gda\xC5\x84sk' on line 2 (and 1 more row with another value); the "
                        "Roster sheet shows the first: keep one value per person");
    /* (How a key folds a name's case is the key's business: only its form here.) */
    assert_true(strncmp(f->entity, "cell:location/person:", 21) == 0);
    assert_int_equal(fx.r.nextra, 1);
    assert_string_equal(fx.r.persons[0].extra[0], "Gda\xC5\x84sk");
    fixture_release(&fx);

    /* A long value, or one over several lines, is quoted in part, on one
     * line. */
    fixture_run(&fx, "person,title,product,Notes\n"
                     "Ana,Product Owner,Atlas,\"Owns the quarterly\r\ncustomer survey, and runs "
                     "it with \xE2\x80\x9CResearch\xE2\x80\x9D\"\n"
                     "Ana,Product Owner,Borealis,short\n");
    assert_string_equal(
        fixture_find(&fx, "conflicting-value", 0)->message,
        "Ana has 'short' in column 'Notes' here, but 'Owns the quarterly\\ncustomer "
        "survey, and ...' on line 2; the Roster sheet shows the first: keep "
        "one value per person");
    fixture_release(&fx);

    fixture_run(&fx, "person,title,product,Location\n"
                     "Ana,Product Owner,Atlas,Lisbon\n"
                     "Ana,Product Owner,Borealis,\n"
                     "Ana,Product Owner,Cirrus,Lisbon\n");
    assert_int_equal(fixture_count(&fx, "conflicting-value"), 0);
    fixture_release(&fx);
}

/* Issue #8, 10: a wide chart's column of letters with an empty header was
 * dropped; now it is a person named after its letters. */
static void test_unnamed_column(void **state)
{
    struct fixture fx;
    (void)state;
    fixture_run(&fx,
                "task,\xCE\xA5\xCF\x80\xCE\xB5\xCF\x8D\xCE\xB8\xCF\x85\xCE\xBD\xCE\xBF\xCF\x82,,"
                "Developer,Developer,\n"
                "Roadmap,C,A/R,R,I,\n"
                "Backlog,,C,,R,\n");
    assert_int_equal(fixture_count(&fx, "unnamed-column"), 1);
    const struct raci_finding *f = fixture_find(&fx, "unnamed-column", 0);
    assert_int_equal(f->loc.line, 1);
    assert_string_equal(f->message,
                        "column C has letters but no header: it is read as a person named "
                        "'(column C)'; write the role or the person's name in its header");
    assert_string_equal(f->entity, "header:column c");
    uint32_t who = fixture_person(&fx, "(column C)");
    assert_int_equal(fx.r.persons[who].ntitles, 0);
    assert_int_equal(fx.r.ntasks, 2);
    /* The two Developer columns are two people, and say so; the empty last
     * column, with no letters, is nothing. */
    assert_int_equal(fixture_count(&fx, "duplicate-column"), 1);
    f = fixture_find(&fx, "duplicate-column", 0);
    assert_string_equal(f->message,
                        "column E ('Developer') has the name of column D ('Developer'): each is "
                        "read as a person of its own; give each column a name of its own");
    assert_int_equal(fx.r.npersons, 4);
    assert_int_equal(fixture_count(&fx, "duplicate-assignment"), 0);
    fixture_release(&fx);
}

static void test_severity_and_off(void **state)
{
    struct fixture fx;
    (void)state;
    /* A ruleset that extends the default, turns a check off and changes a
     * severity and a threshold. */
    fixture_rules(&fx, "extends: default\n"
                       "checks:\n"
                       "  idle-person: {severity: off}\n"
                       "  missing-responsible: {severity: error}\n"
                       "  too-many-responsible: {max_responsible: 1}\n");
    assert_int_equal(fixture_add(&fx, "team.csv",
                                 HEAD "Ana,Product Owner,Atlas,User stories,A\n"
                                      "Bo,Developer,Atlas,,\n"
                                      "Cy,Developer,Atlas,Sprint backlog,A/R\n"
                                      "Di,Developer,Atlas,Sprint backlog,R\n"),
                     RACI_OK);
    fixture_check(&fx);
    assert_int_equal(fixture_count(&fx, "idle-person"), 0);
    assert_int_equal(fixture_count(&fx, "missing-responsible"), 1);
    assert_int_equal(fixture_find(&fx, "missing-responsible", 0)->severity, RACI_SEV_ERROR);
    assert_int_equal(fixture_count(&fx, "too-many-responsible"), 1);
    fixture_release(&fx);
}

static void test_sorted(void **state)
{
    struct fixture fx;
    (void)state;
    fixture_run(&fx, HEAD "Ana,Product Owner,Atlas,User stories,X\n"
                          "Bo,Nobody Knows,Atlas,Roadmap,A\n"
                          "Cy,Developer,Atlas,User stories,A\n");
    for (size_t i = 1; i < fx.fs.n; i++) {
        const struct raci_finding *a = &fx.fs.v[i - 1], *b = &fx.fs.v[i];
        assert_true(a->loc.line < b->loc.line ||
                    (a->loc.line == b->loc.line &&
                     (a->loc.col < b->loc.col ||
                      (a->loc.col == b->loc.col && strcmp(a->rule, b->rule) <= 0))));
    }
    fixture_release(&fx);
}

static void test_team_size_own_limit(void **state)
{
    struct fixture fx;
    (void)state;
    /* With the default limit the message cites the Scrum Guide's ten; with
     * a ruleset's own limit it does not (a team of nine is within ten). */
    fixture_rules(&fx, "extends: default\nchecks: {team-size: {max_team_size: 7}}\n");
    assert_int_equal(fixture_add(&fx, "team.csv",
                                 "person,title,product\nA,Product Owner,Atlas\nB,Developer,Atlas\n"
                                 "C,Developer,Atlas\nD,Developer,Atlas\nE,Developer,Atlas\n"
                                 "F,Developer,Atlas\nG,Developer,Atlas\nH,Developer,Atlas\n"
                                 "I,Developer,Atlas\n"),
                     RACI_OK);
    fixture_check(&fx);
    assert_int_equal(fixture_count(&fx, "team-size"), 1);
    assert_string_equal(fixture_find(&fx, "team-size", 0)->message,
                        "product 'Atlas' has a team of 9 people (more than 7); split it into teams "
                        "that share one Product Goal, backlog and PO");
    fixture_release(&fx);
}

/*
 * An example as the roster it stands for: rules.def writes what a text
 * cannot show in angle brackets, <byte 0xE9> for that byte and <32768 times
 * x> for that many x; everything else is as it is. A line end is added.
 */
static char *example_roster(const char *example)
{
    struct raci_str b = RACI_STR_INIT;
    const char *s = example;

    while (*s) {
        unsigned byte, times;
        char c;
        int used = 0;
        if (*s == '<' && sscanf(s, "<byte 0x%2x>%n", &byte, &used) == 1 && used) {
            raci_str_addc(&b, (char)byte);
        } else if (*s == '<' && sscanf(s, "<%u times %c>%n", &times, &c, &used) == 2 && used) {
            while (times--)
                raci_str_addc(&b, c);
        } else {
            raci_str_addc(&b, *s);
            used = 1;
        }
        s += used;
    }
    raci_str_addc(&b, '\n');
    assert_false(b.failed);
    return raci_str_take(&b);
}

static void test_example_roster(void **state)
{
    char *csv;
    (void)state;
    csv = example_roster("a<byte 0xE9>b,<3 times x>,<other>");
    assert_string_equal(csv, "a\xE9"
                             "b,xxx,<other>\n");
    free(csv);
}

/* The registry's example of each roster rule is a roster that breaks it:
 * `raci rules ID` and doc/rules.md show it, so it must be true. (The
 * waiver rules' examples are rulesets; test_waivers.c runs them.) */
static void test_registry_examples(void **state)
{
    size_t n;
    const struct raci_rule_def *all = raci_rules_all(&n);
    int bad = 0;
    (void)state;
    for (size_t i = 0; i < n; i++) {
        struct fixture fx;
        char *csv;
        if (all[i].scope == RACI_SCOPE_WAIVER)
            continue;
        csv = example_roster(all[i].example);
        fixture_rules(&fx, NULL);
        assert_int_equal(fixture_add(&fx, "example.csv", csv), RACI_OK);
        fixture_check(&fx);
        if (fixture_count(&fx, all[i].id) == 0) {
            print_error("the example of '%s' does not break it:\n%s", all[i].id, csv);
            bad = 1;
        }
        free(csv);
        fixture_release(&fx);
    }
    assert_false(bad);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_single_accountable_two),
        cmocka_unit_test(test_single_accountable_order),
        cmocka_unit_test(test_single_accountable_none),
        cmocka_unit_test(test_single_accountable_passes),
        cmocka_unit_test(test_single_accountable_per_product),
        cmocka_unit_test(test_missing_responsible),
        cmocka_unit_test(test_too_many_responsible),
        cmocka_unit_test(test_too_many_responsible_names_ten),
        cmocka_unit_test(test_unknown_letter),
        cmocka_unit_test(test_unknown_vocabulary),
        cmocka_unit_test(test_unknown_vocabulary_combined),
        cmocka_unit_test(test_unknown_vocabulary_many),
        cmocka_unit_test(test_unknown_vocabulary_passes),
        cmocka_unit_test(test_unknown_vocabulary_per_file),
        cmocka_unit_test(test_unknown_vocabulary_mapped_or_off),
        cmocka_unit_test(test_duplicate_assignment),
        cmocka_unit_test(test_unknown_title),
        cmocka_unit_test(test_idle_person),
        cmocka_unit_test(test_malformed_row),
        cmocka_unit_test(test_bad_text),
        cmocka_unit_test(test_bad_text_header_and_nul),
        cmocka_unit_test(test_stray_quote),
        cmocka_unit_test(test_long_cell),
        cmocka_unit_test(test_duplicate_column),
        cmocka_unit_test(test_conflicting_value),
        cmocka_unit_test(test_unnamed_column),
        cmocka_unit_test(test_severity_and_off),
        cmocka_unit_test(test_sorted),
        cmocka_unit_test(test_team_size_own_limit),
        cmocka_unit_test(test_example_roster),
        cmocka_unit_test(test_registry_examples),
    };
    return cmocka_run_group_tests_name("checks", tests, NULL, NULL);
}
