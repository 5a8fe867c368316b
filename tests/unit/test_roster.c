/*
 * test_roster.c - the roster model: identity, titles and roles, products,
 * canonical tasks, letters, extra columns, reporting lines, wide charts and
 * generation from titles.
 */
#include "testutil.h"

#include "fixture.h"

/* Person p's letters on task t, through the model's view of the pair. */
static unsigned letters(const struct fixture *fx, uint32_t t, uint32_t p)
{
    const struct raci_pair *pair = raci_view_pair(&fx->r, t, p);
    return pair ? pair->letters : 0;
}

static unsigned conditional(const struct fixture *fx, uint32_t t, uint32_t p)
{
    const struct raci_pair *pair = raci_view_pair(&fx->r, t, p);
    return pair ? pair->conditional : 0;
}

static uint64_t role(const struct fixture *fx, const char *id)
{
    int i = raci_ruleset_role(&fx->rs, id);
    assert_true(i >= 0);
    return (uint64_t)1 << i;
}

static void test_identity_and_titles(void **state)
{
    struct fixture fx;
    (void)state;
    fixture_run(&fx, "Name,Job Title,Team,Activity,Letters,Email\n"
                     "Ana Silva,Product Owner,Atlas,Roadmap,C,ana@x.io\n"
                     "ana silva,Product Manager,Atlas,Market research,A/R,ana@x.io\n"
                     "Ana Silva,Developer,Atlas,Sprint backlog,R,ana2@x.io\n"
                     " Bo Chen ,Sr. Product Owner,Atlas,,,\n");
    /* Same email: one person with two titles; another email: another person. */
    assert_int_equal(fx.r.npersons, 3);
    const struct raci_person *ana = &fx.r.persons[0];
    assert_string_equal(ana->name, "Ana Silva");
    assert_string_equal(ana->id, "ana@x.io");
    assert_int_equal(ana->ntitles, 2);
    assert_string_equal(ana->titles[1], "Product Manager");
    assert_int_equal(ana->roles, role(&fx, "po") | role(&fx, "pm"));
    assert_int_equal(ana->loc.line, 2);
    assert_int_equal(ana->loc.col, 1);
    assert_string_equal(fx.r.persons[1].id, "ana2@x.io");
    /* Names are trimmed; seniority words do not hide the role. */
    uint32_t bo = fixture_person(&fx, "Bo Chen");
    assert_int_equal(fx.r.persons[bo].roles, role(&fx, "po"));
    fixture_release(&fx);
}

static void test_tasks_and_letters(void **state)
{
    struct fixture fx;
    (void)state;
    fixture_run(&fx, "person,title,product,task,raci\n"
                     "Ana,Product Manager,Atlas,Competitor analysis,A\n"
                     "Ana,Product Manager,Atlas,market-research!,R\n"
                     "Bo,Developer,Atlas,Market Research,(C)\n"
                     "Bo,Developer,Atlas,Code review,R\n"
                     "Cy,Developer,Atlas,code  review,A\n");
    /* Aliases, case and punctuation: one canonical task. */
    assert_int_equal(fx.r.ntasks, 2);
    uint32_t mr = fixture_task(&fx, "Atlas", "Market research");
    assert_true(fx.r.tasks[mr].def >= 0);
    assert_int_equal(fx.r.tasks[mr].loc.line, 2);
    /* A task the ruleset does not know keeps its first name. */
    uint32_t cr = fixture_task(&fx, "Atlas", "Code review");
    assert_int_equal(fx.r.tasks[cr].def, -1);
    uint32_t ana = fixture_person(&fx, "Ana"), bo = fixture_person(&fx, "Bo");
    assert_int_equal(letters(&fx, mr, ana), RACI_A | RACI_R);
    assert_int_equal(letters(&fx, mr, bo), RACI_C);
    assert_int_equal(conditional(&fx, mr, bo), RACI_C);
    assert_int_equal(letters(&fx, cr, ana), 0);
    assert_int_equal(fx.r.nassigns, 5);
    assert_int_equal(fx.r.assigns[0].loc.col, 47);
    fixture_release(&fx);
}

static void test_products_and_members(void **state)
{
    struct fixture fx;
    (void)state;
    fixture_rules(&fx, NULL);
    /* No product column: the file's name is the product. */
    assert_int_equal(fixture_add(&fx, "teams/atlas.csv",
                                 "person,title,task,raci\n"
                                 "Ana,Product Owner,User stories,A/R\n"
                                 "Bo,Developer,,\n"),
                     RACI_OK);
    assert_int_equal(fixture_add(&fx, "borealis.csv",
                                 "person,title,product,task,raci\n"
                                 "Ana,Product Owner,Borealis,User stories,A/R\n"
                                 "Cy,Developer,,User stories,R\n"),
                     RACI_OK);
    fixture_check(&fx);
    /* Product names compare like task names: "borealis" (Cy's row, from the
     * file name) is "Borealis". */
    assert_int_equal(fx.r.nproducts, 2);
    assert_string_equal(fx.r.products[0].name, "atlas");
    assert_string_equal(fx.r.products[1].name, "Borealis");
    assert_int_equal(raci_view_team_size(&fx.r, 0), 2);
    assert_int_equal(raci_view_team_size(&fx.r, 1), 2);
    assert_int_equal(fx.r.nfiles, 2);
    fixture_release(&fx);
}

static void test_extra_columns_and_managers(void **state)
{
    struct fixture fx;
    (void)state;
    fixture_run(&fx, "person,title,product,reports_to,Location,id,Start date\n"
                     "Ana,Director of Product,Atlas,,Lisbon,a1,\n"
                     "Bo,Product Owner,Atlas,Ana,Porto,b1,2024-01-02\n"
                     "Cy,Developer,Atlas,b1,,c1,\n"
                     "Di,Developer,Atlas,Nobody,,d1,\n");
    assert_int_equal(fx.r.nextra, 2);
    assert_string_equal(fx.r.extra_names[0], "Location");
    assert_string_equal(fx.r.extra_names[1], "Start date");
    uint32_t ana = fixture_person(&fx, "Ana"), bo = fixture_person(&fx, "Bo"),
             cy = fixture_person(&fx, "Cy");
    assert_string_equal(fx.r.persons[bo].extra[0], "Porto");
    assert_string_equal(fx.r.persons[bo].extra[1], "2024-01-02");
    assert_null(fx.r.persons[cy].extra[0]);
    /* reports_to by name and by id; unknown stays unresolved. */
    assert_int_equal(fx.r.persons[bo].manager_idx, ana);
    assert_int_equal(fx.r.persons[cy].manager_idx, bo);
    assert_int_equal(fx.r.persons[fixture_person(&fx, "Di")].manager_idx, RACI_NONE);
    assert_string_equal(fx.r.persons[fixture_person(&fx, "Di")].manager, "Nobody");
    assert_int_equal(fx.r.persons[fixture_person(&fx, "Di")].manager_loc.col, 20);
    fixture_release(&fx);
}

/* Extra columns are one column across files when their names match; in
 * one file, a name repeated but for case, or a header left empty, is a
 * column of its own: no value is merged away (issue #8, 10). */
static void test_extra_columns_kept_apart(void **state)
{
    struct fixture fx;
    (void)state;
    fixture_rules(&fx, NULL);
    assert_int_equal(fixture_add(&fx, "a.csv",
                                 "person,title,Notes,NOTES,,\n"
                                 "Zo\xC3\xAB,Developer,\"a & b\",<c>,'d',\"e\"\"\"\n"),
                     RACI_OK);
    assert_int_equal(fixture_add(&fx, "b.csv",
                                 "person,title,notes,,Location\n"
                                 "\xE6\x9D\x8E\xE5\x9B\x9B,Developer,f,g,h\n"),
                     RACI_OK);
    fixture_check(&fx);
    assert_int_equal(fx.r.nextra, 5);
    assert_string_equal(fx.r.extra_names[0], "Notes");
    assert_string_equal(fx.r.extra_names[1], "NOTES");
    assert_string_equal(fx.r.extra_names[2], "");
    assert_string_equal(fx.r.extra_names[3], "");
    assert_string_equal(fx.r.extra_names[4], "Location");
    const struct raci_person *zoe = &fx.r.persons[0], *li = &fx.r.persons[1];
    assert_string_equal(zoe->extra[0], "a & b");
    assert_string_equal(zoe->extra[1], "<c>");
    assert_string_equal(zoe->extra[2], "'d'");
    assert_string_equal(zoe->extra[3], "e\"");
    /* b.csv's "notes" is a.csv's "Notes"; its empty header the first one. */
    assert_string_equal(li->extra[0], "f");
    assert_null(li->extra[1]);
    assert_string_equal(li->extra[2], "g");
    assert_string_equal(li->extra[4], "h");
    assert_int_equal(fixture_count(&fx, "duplicate-column"), 1);
    fixture_release(&fx);
}

/* What the reader finds in a cell becomes a cell issue of the model, with
 * the cell's person and column. */
static void test_cell_issues(void **state)
{
    struct fixture fx;
    (void)state;
    fixture_run(&fx, "person,title,note\xFFs\n"
                     "\xCE\x91\xCE\xBB\xCE\xAD\xCE\xBE\xCE\xB7\xCF\x82,Developer,5'11\"\n"
                     ",Developer,\"x\xED\xA0\x80\"\n");
    assert_int_equal(fx.r.ncell_issues, 3);
    const struct raci_cell_issue *is = &fx.r.cell_issues[0];
    assert_int_equal(is->problem, RACI_CELL_STRAY_QUOTE);
    assert_int_equal(is->person, 0);
    assert_string_equal(is->column, "note\xEF\xBF\xBDs");
    assert_string_equal(is->label, "C");
    assert_int_equal(is->loc.line, 2);
    assert_int_equal(is->loc.col, 18);
    assert_int_equal(is->at.col, 22);
    assert_int_equal(is->count, 1);
    /* A row that names nobody: no person, the cell still reported. */
    is = &fx.r.cell_issues[1];
    assert_int_equal(is->problem, RACI_CELL_BAD_TEXT);
    assert_int_equal(is->person, RACI_NONE);
    assert_false(is->header);
    assert_int_equal(is->what, RACI_STR_BAD_SURROGATE);
    assert_int_equal(is->at.line, 3);
    assert_int_equal(is->at.col, 14);
    assert_string_equal(is->value, "UTF-8");
    is = &fx.r.cell_issues[2];
    assert_true(is->header);
    assert_int_equal(is->what, RACI_STR_BAD_BYTE);
    assert_int_equal(is->code, 0xFF);
    fixture_release(&fx);
}

/* Issue #8, 10: a person's later value of an extra column was dropped
 * unseen: the first is kept, the first later other value noted. */
static void test_conflicting_values(void **state)
{
    struct fixture fx;
    (void)state;
    fixture_run(&fx, "person,title,product,Start date\n"
                     "Ana,Developer,Atlas,\n"
                     "Ana,Developer,Borealis,2024-01-02\n"
                     "Ana,Developer,Cirrus,2024-01-02\n"
                     "Ana,Developer,Dune,2023-12-01\n"
                     "Ana,Developer,Eon,2022-06-30\n");
    assert_string_equal(fx.r.persons[0].extra[0], "2024-01-02");
    assert_int_equal(fx.r.ncell_issues, 1);
    const struct raci_cell_issue *is = &fx.r.cell_issues[0];
    assert_int_equal(is->problem, RACI_CELL_CONFLICTING_VALUE);
    assert_int_equal(is->loc.line, 5);
    assert_int_equal(is->at.line, 3);
    assert_string_equal(is->first, "2024-01-02");
    assert_string_equal(is->value, "2023-12-01");
    assert_string_equal(is->column, "Start date");
    assert_int_equal(is->count, 2);
    fixture_release(&fx);
}

/* Issue #8, 14: a header of 100,000 columns took 21 seconds, each extra
 * column looked up among all the earlier ones. Now hashed; no time is
 * asserted, but the roster must come out whole. */
static void test_many_extra_columns(void **state)
{
    struct fixture fx;
    struct raci_str csv = RACI_STR_INIT;
    const uint32_t n = 100000;
    (void)state;
    raci_str_add(&csv, "person,title");
    for (uint32_t i = 2; i < n; i++)
        raci_str_addf(&csv, ",x%u", i);
    raci_str_add(&csv, "\nAna,Developer");
    for (uint32_t i = 2; i < n; i++)
        raci_str_addf(&csv, ",%u", i);
    raci_str_addc(&csv, '\n');
    assert_false(csv.failed);
    fixture_run(&fx, csv.s);
    assert_int_equal(fx.r.nextra, n - 2);
    assert_string_equal(fx.r.extra_names[n - 3], "x99999");
    assert_string_equal(fx.r.persons[0].extra[n - 3], "99999");
    assert_int_equal(fx.r.ncell_issues, 0);
    fixture_release(&fx);
    raci_str_release(&csv);
}

static void test_missing_required_column(void **state)
{
    struct fixture fx;
    (void)state;
    fixture_rules(&fx, NULL);
    assert_int_equal(fixture_add(&fx, "team.csv", "person,product,task\nAna,Atlas,Roadmap\n"),
                     RACI_ERROR_INPUT);
    assert_string_equal(fx.diag.file, "team.csv");
    assert_int_equal(fx.diag.line, 1);
    assert_int_equal(fx.diag.col, 1);
    assert_non_null(strstr(fx.diag.message, "the header has no title column"));
    assert_int_equal(fixture_add(&fx, "t2.csv", "who,title\nAna,Developer\n"), RACI_ERROR_INPUT);
    assert_non_null(strstr(fx.diag.message, "no person column"));
    fixture_release(&fx);

    /* An empty product cell on a roster entry puts the person in no
     * product; with a task, the row falls in the file's product. */
    fixture_run(&fx, "person,title,product,task,raci\n"
                     "Ana,Product Owner,Atlas,User stories,A/R\n"
                     "Bo,Developer,,,\n"
                     "Cy,Developer,,Code review,A/R\n");
    assert_int_equal(fx.r.nproducts, 2);
    assert_string_equal(fx.r.products[1].name, "team");
    assert_int_equal(fx.r.nmembers, 2);
    assert_int_equal(fx.r.members[1].person, fixture_person(&fx, "Cy"));
    fixture_release(&fx);
}

static void test_wide_chart(void **state)
{
    struct fixture fx;
    (void)state;
    /* A chart as published: tasks down, roles across, a section heading,
     * combined letters, words, markdown and a note. */
    fixture_run(&fx, "Task,Product Owner,Product Manager,Tech Lead,Notes\n"
                     "Planning,,,,\n"
                     "Market research,C,\"R, A\",,\n"
                     "User stories,**A/R**,I,Consulted,\n"
                     "Release,A,A,R,\n"
                     "Code review,,,A see note 2,\n");
    /* Notes, empty, is a note column: no person. */
    assert_int_equal(fx.r.npersons, 3);
    uint32_t po = fixture_person(&fx, "Product Owner"), pm = fixture_person(&fx, "Product Manager");
    assert_int_equal(fx.r.persons[po].roles, role(&fx, "po"));
    /* The heading names the product of the rows below it. */
    assert_int_equal(fx.r.nproducts, 1);
    assert_string_equal(fx.r.products[0].name, "Planning");
    uint32_t mr = fixture_task(&fx, "Planning", "Market research");
    assert_int_equal(letters(&fx, mr, pm), RACI_A | RACI_R);
    uint32_t us = fixture_task(&fx, "Planning", "User stories");
    assert_int_equal(letters(&fx, us, po), RACI_A | RACI_R);
    /* "Planning" has nothing in any role column: a section heading, no task.
     * Release has two A's; Code review's only letter cannot be read. */
    for (uint32_t i = 0; i < fx.r.ntasks; i++)
        assert_string_not_equal(fx.r.tasks[i].name, "Planning");
    assert_int_equal(fx.r.ntasks, 4);
    assert_int_equal(fixture_count(&fx, "single-accountable"), 2);
    assert_int_equal(fixture_count(&fx, "unknown-letter"), 1);
    const struct raci_finding *f = fixture_find(&fx, "unknown-letter", 0);
    assert_int_equal(f->loc.line, 6);
    assert_int_equal(f->loc.col, 15);
    fixture_release(&fx);
}

/* Issue #8, 10: a role column with letters and no header was dropped with
 * its letters; it is a person named after its column now. One with no
 * letters is still nothing. */
static void test_wide_unnamed_column(void **state)
{
    struct fixture fx;
    (void)state;
    fixture_run(&fx, "Task,Product Owner,, ,\n"
                     "User stories,A,R,,\n"
                     "Roadmap,C,(I),,\n");
    assert_int_equal(fx.r.npersons, 2);
    uint32_t who = fixture_person(&fx, "(column C)");
    uint32_t us = fixture_task(&fx, "team", "User stories");
    uint32_t rm = fixture_task(&fx, "team", "Roadmap");
    assert_int_equal(letters(&fx, us, who), RACI_R);
    assert_int_equal(conditional(&fx, rm, who), RACI_I);
    assert_int_equal(fx.r.ncell_issues, 1);
    assert_int_equal(fx.r.cell_issues[0].problem, RACI_CELL_UNNAMED_COLUMN);
    assert_int_equal(fx.r.cell_issues[0].loc.col, 20);
    fixture_release(&fx);

    /* A chart whose only role column is unnamed is still a chart. */
    fixture_run(&fx, "Task,\nRoadmap,A/R\n");
    assert_int_equal(fx.r.npersons, 1);
    assert_string_equal(fx.r.persons[0].name, "(column B)");
    fixture_release(&fx);
}

static void test_wide_chart_per_product(void **state)
{
    struct fixture fx;
    (void)state;
    /* With a product column, a role column is each product's own person. */
    fixture_run(&fx, "Product,Task,Product Owner,Developers\n"
                     "Atlas,User stories,A/R,C\n"
                     "Beacon,User stories,A,R\n");
    assert_int_equal(fx.r.npersons, 4);
    assert_int_equal(fixture_count(&fx, "po-multiple-products"), 0);
    assert_int_equal(fixture_count(&fx, "product-without-po"), 0);
    assert_int_equal(fx.r.persons[1].roles, role(&fx, "dev"));
    assert_int_equal(raci_view_team_size(&fx.r, 0), 2);
    assert_int_equal(raci_view_team_size(&fx.r, 1), 2);
    fixture_release(&fx);
}

static void test_generate_from_titles(void **state)
{
    struct fixture fx;
    (void)state;
    fixture_run(&fx, "person,title,product\n"
                     "Ana,Product Owner,Atlas\n"
                     "Bo,Product Manager,Atlas\n"
                     "Cy,Software Engineer,Atlas\n");
    uint32_t mr = fixture_task(&fx, "Atlas", "Market research");
    uint32_t pb = fixture_task(&fx, "Atlas", "Product backlog");
    uint32_t ana = fixture_person(&fx, "Ana"), bo = fixture_person(&fx, "Bo");
    assert_int_equal(letters(&fx, mr, bo), RACI_A | RACI_R);
    assert_int_equal(letters(&fx, mr, ana), RACI_C);
    assert_int_equal(letters(&fx, pb, ana), RACI_A | RACI_R);
    for (size_t i = 0; i < fx.r.nassigns; i++)
        assert_true(fx.r.assigns[i].flags & RACI_ASSIGN_GENERATED);
    fixture_release(&fx);

    /* Several developers: one A. No PM: strategy falls to the PO. No
     * Director: people tasks fall to the Engineering Manager. */
    fixture_run(&fx, "person,title,product\n"
                     "Ana,Product Owner,Atlas\n"
                     "Eve,Engineering Manager,Atlas\n"
                     "Cy,Software Engineer,Atlas\n"
                     "Di,Developer,Atlas\n"
                     "Tom,Tech Lead,Atlas\n");
    uint32_t sb = fixture_task(&fx, "Atlas", "Sprint backlog");
    uint32_t cy = fixture_person(&fx, "Cy"), di = fixture_person(&fx, "Di"),
             eve = fixture_person(&fx, "Eve");
    ana = fixture_person(&fx, "Ana");
    assert_int_equal(letters(&fx, sb, cy), RACI_A | RACI_R);
    assert_int_equal(letters(&fx, sb, di), RACI_R);
    mr = fixture_task(&fx, "Atlas", "Market research");
    assert_int_equal(letters(&fx, mr, ana), RACI_A | RACI_R);
    uint32_t cp = fixture_task(&fx, "Atlas", "Career planning");
    assert_int_equal(letters(&fx, cp, eve), RACI_A | RACI_R);
    assert_int_equal(fixture_count(&fx, "single-accountable"), 0);
    fixture_release(&fx);

    /* A product that gives tasks keeps its own letters only. */
    fixture_run(&fx, "person,title,product,task,raci\n"
                     "Ana,Product Owner,Atlas,Roadmap,A/R\n"
                     "Bo,Product Manager,Atlas,,\n");
    assert_int_equal(fx.r.ntasks, 1);
    assert_int_equal(fx.r.nassigns, 1);
    assert_int_equal(fx.r.assigns[0].flags, 0);
    fixture_release(&fx);
}

/* The note after a cell's letters is kept with the assignment, trimmed;
 * the letters count. */
static void test_cell_notes(void **state)
{
    struct fixture fx;
    (void)state;
    fixture_run(&fx, "Task,Customer,Provider\n"
                     "Patching,\"R, A (subscriber's infrastructure engineer)\",C\n"
                     "Backups,I,\"A/R -  nightly \"\n"
                     "Audit,-,Owns the budget\n");
    assert_int_equal(fx.r.nassigns, 5);
    const char *want[] = {"subscriber's infrastructure engineer", "", "", "nightly", ""};
    unsigned flags[] = {0, 0, 0, 0, RACI_ASSIGN_UNKNOWN};
    for (size_t i = 0; i < fx.r.nassigns; i++) {
        print_message("assignment %zu: '%s'\n", i, fx.r.assigns[i].raw);
        assert_non_null(fx.r.assigns[i].note);
        assert_string_equal(fx.r.assigns[i].note, want[i]);
        assert_int_equal(fx.r.assigns[i].flags & RACI_ASSIGN_UNKNOWN, flags[i]);
    }
    assert_int_equal(fx.r.assigns[0].letters, RACI_R | RACI_A);
    /* The cell as written stays the raw text. */
    assert_string_equal(fx.r.assigns[0].raw, "R, A (subscriber's infrastructure engineer)");
    assert_int_equal(fixture_count(&fx, "single-accountable"), 1); /* Audit */
    fixture_release(&fx);
}

/* Quoted cells keep their spaces in the table; the roster trims them, so
 * that a padded cell names the same person, product and task as a bare one,
 * and a cell of letters read once is read alike on every row after. */
static void test_trimmed_cells_and_letters(void **state)
{
    struct fixture fx;
    (void)state;
    fixture_run(&fx, "person,title,product,task,raci\n"
                     "\" Zoë Ørsted \",Product Owner,\" P&G \",Roadmap,A/R\n"
                     "Zoë Ørsted,Product Owner,P&G,\"Sprint backlog \",A/R\n"
                     "李雷,Developer,P&G,Roadmap,\"C (until June)\"\n"
                     "李雷,Developer,P&G,Sprint backlog,zz\n");
    assert_int_equal(fx.r.npersons, 2);
    assert_int_equal(fx.r.nproducts, 1);
    assert_string_equal(fx.r.products[0].name, "P&G");
    uint32_t zoe = fixture_person(&fx, "Zoë Ørsted"), li = fixture_person(&fx, "李雷");
    uint32_t road = fixture_task(&fx, "P&G", "Roadmap");
    uint32_t backlog = fixture_task(&fx, "P&G", "Sprint backlog");
    assert_int_equal(letters(&fx, road, zoe), RACI_A | RACI_R);
    assert_int_equal(letters(&fx, backlog, zoe), RACI_A | RACI_R);
    assert_int_equal(letters(&fx, road, li), RACI_C);
    /* Letters raci does not know are kept, flagged, with no letter. */
    assert_int_equal(letters(&fx, backlog, li), 0);
    fixture_release(&fx);
}

/* A long roster added by raci_shape_add_taking, whose rows' cells are
 * given back as they are read, makes the same roster as one added with
 * the table kept: 30,000 rows of 5 cells (three blocks, the middle one
 * given back), a ragged row, a stray
 * quote and a name in another script late in the file, all still found. */
static void test_taking_rows_as_read(void **state)
{
    struct fixture kept, taken;
    struct raci_str csv = {0};
    struct raci_table t = {0};
    const char *names[] = {"Ana Silva", "Zoë Ørsted", "李雷", "Nomvula Dlamini", "O'Brien & Co"};
    (void)state;
    raci_str_add(&csv, "person,title,product,task,raci\n");
    for (int i = 0; i < 30000; i++)
        raci_str_addf(&csv, "%s %d,%s,P&G %d,Task %d,%s\n", names[i % 5], i / 8,
                      i % 8 ? "Developer" : "Product Owner", i / 40, i % 40, i % 8 ? "R" : "A/R");
    raci_str_add(&csv, "Late 5'11\" Person,Developer,P&G 1,Task 1,R\nRagged,Developer\n");
    fixture_rules(&kept, NULL);
    assert_int_equal(fixture_add(&kept, "big.csv", raci_str_cstr(&csv)), RACI_OK);
    fixture_check(&kept);
    fixture_rules(&taken, NULL);
    assert_int_equal(
        raci_reader_read_mem(&t, raci_str_cstr(&csv), csv.len, "big.csv", taken.pool, &taken.diag),
        RACI_OK);
    assert_int_equal(raci_shape_add_taking(&taken.r, &t, RACI_INPUT_AUTO, &taken.diag), RACI_OK);
    assert_int_equal(t.nblocks, 3);
    assert_null(t.blocks[1]);
    assert_non_null(t.blocks[0]); /* the header's */
    raci_reader_release(&t);
    fixture_check(&taken);
    assert_int_equal(taken.r.npersons, kept.r.npersons);
    assert_int_equal(taken.r.nproducts, kept.r.nproducts);
    assert_int_equal(taken.r.ntasks, kept.r.ntasks);
    assert_int_equal(taken.r.nassigns, kept.r.nassigns);
    assert_int_equal(taken.r.nassigns, 30001);
    assert_int_equal(taken.r.nissues, kept.r.nissues);
    assert_int_equal(taken.r.ncell_issues, kept.r.ncell_issues);
    assert_true(taken.r.ncell_issues >= 1); /* the stray quote */
    assert_int_equal(taken.fs.n, kept.fs.n);
    for (size_t i = 0; i < taken.fs.n; i++) {
        assert_string_equal(taken.fs.v[i].rule, kept.fs.v[i].rule);
        assert_string_equal(taken.fs.v[i].message, kept.fs.v[i].message);
        assert_int_equal(taken.fs.v[i].loc.line, kept.fs.v[i].loc.line);
    }
    assert_string_equal(taken.r.persons[fixture_person(&taken, "Late 5'11\" Person")].name,
                        "Late 5'11\" Person");
    raci_str_release(&csv);
    fixture_release(&kept);
    fixture_release(&taken);
}

/* Titles kept in the person while they hold one, in arrays of their own
 * from the second: every title and its cell read back right, after the
 * array of people has moved (doubling from 8 to 128) and been cut to its
 * count by raci_roster_finish. */
static void test_titles_as_people_move(void **state)
{
    struct fixture fx;
    struct raci_str csv = RACI_STR_INIT;
    char name[32], title[32];
    (void)state;
    raci_str_add(&csv, "person,title,product,task,raci\n");
    for (int i = 0; i < 100; i++)
        raci_str_addf(&csv, "P%03d,Dev %03d,Atlas,Roadmap,R\n", i, i);
    for (int i = 0; i < 100; i += 3)
        raci_str_addf(&csv, "P%03d,Lead %03d,Atlas,Roadmap,R\nP%03d,Chief %03d,Atlas,Roadmap,R\n",
                      i, i, i, i);
    assert_false(csv.failed);
    fixture_run(&fx, raci_str_cstr(&csv));
    assert_int_equal(fx.r.npersons, 100);
    for (int i = 0; i < 100; i++) {
        snprintf(name, sizeof name, "P%03d", i);
        const struct raci_person *p = &fx.r.persons[fixture_person(&fx, name)];
        uint32_t many = i % 3 == 0;
        assert_int_equal(p->ntitles, many ? 3 : 1);
        snprintf(title, sizeof title, "Dev %03d", i);
        assert_string_equal(p->titles[0], title);
        assert_int_equal(p->title_locs[0].line, i + 2);
        assert_int_equal(p->title_locs[0].col, 6);
        assert_int_equal(p->title_loc.line, i + 2);
        if (!many) {
            assert_ptr_equal(p->titles, &p->title);
            assert_ptr_equal(p->title_locs, &p->title_loc);
            continue;
        }
        snprintf(title, sizeof title, "Lead %03d", i);
        assert_string_equal(p->titles[1], title);
        assert_int_equal(p->title_locs[1].line, 102 + 2 * (i / 3));
        assert_int_equal(raci_roster_title_loc(&fx.r, fixture_person(&fx, name), title).line,
                         102 + 2 * (i / 3));
        snprintf(title, sizeof title, "Chief %03d", i);
        assert_string_equal(p->titles[2], title);
        assert_int_equal(p->title_locs[2].line, 103 + 2 * (i / 3));
    }
    raci_str_release(&csv);
    fixture_release(&fx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_identity_and_titles),
        cmocka_unit_test(test_tasks_and_letters),
        cmocka_unit_test(test_products_and_members),
        cmocka_unit_test(test_extra_columns_and_managers),
        cmocka_unit_test(test_extra_columns_kept_apart),
        cmocka_unit_test(test_cell_issues),
        cmocka_unit_test(test_conflicting_values),
        cmocka_unit_test(test_many_extra_columns),
        cmocka_unit_test(test_missing_required_column),
        cmocka_unit_test(test_wide_chart),
        cmocka_unit_test(test_wide_unnamed_column),
        cmocka_unit_test(test_wide_chart_per_product),
        cmocka_unit_test(test_generate_from_titles),
        cmocka_unit_test(test_cell_notes),
        cmocka_unit_test(test_trimmed_cells_and_letters),
        cmocka_unit_test(test_taking_rows_as_read),
        cmocka_unit_test(test_titles_as_people_move),
    };
    return cmocka_run_group_tests_name("roster", tests, NULL, NULL);
}
