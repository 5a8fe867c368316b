/*
 * test_xlsx.c - the workbook writer: determinism, atomic output, and a
 * hand-built roster read back by tests/xlsx/check_workbook.py.
 */
#include "testutil.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <jansson.h>

#include "fixture.h"
#include "raci/findings.h"
#include "raci/letters.h"
#include "raci/roster.h"
#include "raci/ruleset.h"
#include "raci/strpool.h"
#include "raci/view.h"
#include "raci/array.h"
#include "raci/str.h"
#include "raci/xlsx.h"

#define PYTHON  "/usr/bin/python3"
#define CHECKER RACI_SOURCE_DIR "/tests/xlsx/check_workbook.py"

/* ------------------------------------------------------- the roster -- */

/* Roles of the hand-made ruleset, by index. */
enum { PO, PM, DIRECTOR, DEV, EM };

struct world {
    struct raci_strpool *pool;
    struct raci_ruleset rs;
    struct raci_roster r;
    struct raci_findings fs;
    struct raci_diag diag;
    char dir[64];
    char *long_text; /* 40000 bytes of UTF-8 */
};

static char id_po[] = "po", id_pm[] = "pm", id_dir[] = "director", id_dev[] = "dev", id_em[] = "em";
static char nm_po[] = "Product Owner", nm_pm[] = "Product Manager", nm_dir[] = "Director",
            nm_dev[] = "Developer", nm_em[] = "Engineering Manager";
/* Designated: the struct may grow fields this test does not need. */
static struct raci_role roles[] = {{.id = id_po, .name = nm_po},
                                   {.id = id_pm, .name = nm_pm},
                                   {.id = id_dir, .name = nm_dir},
                                   {.id = id_dev, .name = nm_dev},
                                   {.id = id_em, .name = nm_em}};

static const char *intern(struct world *w, const char *s)
{
    const char *p = raci_strpool_add(w->pool, s);
    assert_non_null(p);
    return p;
}

static struct raci_loc at(struct world *w, uint32_t line, uint32_t col)
{
    struct raci_loc l = {intern(w, "team.csv"), line, col, NULL};
    return l;
}

static uint32_t add_product(struct world *w, const char *name)
{
    struct raci_roster *r = &w->r;
    assert_int_equal(
        raci_array_grow(&r->products, &r->cap_products, r->nproducts + 1, sizeof *r->products),
        RACI_OK);
    r->products[r->nproducts].name = intern(w, name);
    r->products[r->nproducts].loc = at(w, 2, 3);
    return (uint32_t)r->nproducts++;
}

/* titles: separated by '|'. extra: one value per extra column, NULL for none. */
static uint32_t add_person(struct world *w, const char *name, const char *titles, uint64_t roles,
                           const char *manager, const char *extra0, const char *extra1)
{
    struct raci_roster *r = &w->r;
    struct raci_person *p;
    char buf[256];
    assert_int_equal(
        raci_array_grow(&r->persons, &r->cap_persons, r->npersons + 1, sizeof *r->persons),
        RACI_OK);
    p = &r->persons[r->npersons];
    memset(p, 0, sizeof *p);
    p->name = intern(w, name);
    snprintf(buf, sizeof buf, "%.40s@example.org", name);
    p->id = intern(w, buf);
    p->manager = intern(w, manager ? manager : "");
    p->manager_idx = RACI_NONE;
    p->roles = roles;
    p->loc = at(w, (uint32_t)r->npersons + 2, 1);
    p->titles = calloc(4, sizeof *p->titles);
    assert_non_null(p->titles);
    snprintf(buf, sizeof buf, "%s", titles);
    for (char *t = strtok(buf, "|"); t; t = strtok(NULL, "|"))
        p->titles[p->ntitles++] = intern(w, t);
    p->extra = calloc(2, sizeof *p->extra);
    assert_non_null(p->extra);
    p->extra[0] = extra0 ? intern(w, extra0) : NULL;
    p->extra[1] = extra1 ? intern(w, extra1) : NULL;
    return (uint32_t)r->npersons++;
}

static uint32_t add_task(struct world *w, uint32_t product, const char *name)
{
    struct raci_roster *r = &w->r;
    assert_int_equal(raci_array_grow(&r->tasks, &r->cap_tasks, r->ntasks + 1, sizeof *r->tasks),
                     RACI_OK);
    r->tasks[r->ntasks] = (struct raci_task){intern(w, name), product, -1, at(w, 2, 4), NULL, 2};
    return (uint32_t)r->ntasks++;
}

static void add_member(struct world *w, uint32_t person, uint32_t product)
{
    struct raci_roster *r = &w->r;
    assert_int_equal(
        raci_array_grow(&r->members, &r->cap_members, r->nmembers + 1, sizeof *r->members),
        RACI_OK);
    r->members[r->nmembers++] = (struct raci_member){person, product, at(w, 2, 1)};
}

static void add_assign(struct world *w, uint32_t person, uint32_t task, unsigned letters,
                       unsigned conditional, unsigned flags, const char *raw, uint32_t line)
{
    struct raci_roster *r = &w->r;
    assert_int_equal(
        raci_array_grow(&r->assigns, &r->cap_assigns, r->nassigns + 1, sizeof *r->assigns),
        RACI_OK);
    r->assigns[r->nassigns++] =
        (struct raci_assign){person, r->tasks[task].product, task,           letters, conditional,
                             flags,  intern(w, raw),         at(w, line, 5), line,    ""};
}

static struct raci_finding *add_finding(struct world *w, const char *rule, enum raci_severity sev,
                                        uint32_t product, uint32_t task, uint32_t person,
                                        uint32_t line, const char *message)
{
    struct raci_findings *fs = &w->fs;
    struct raci_finding *f;
    assert_int_equal(raci_array_grow(&fs->v, &fs->cap, fs->n + 1, sizeof *fs->v), RACI_OK);
    f = &fs->v[fs->n++];
    memset(f, 0, sizeof *f);
    f->rule = rule;
    f->severity = sev;
    f->message = raci_str_dup(message);
    assert_non_null(f->message);
    f->loc = line ? at(w, line, 1) : (struct raci_loc){NULL, 0, 0, NULL};
    f->product = product;
    f->task = task;
    f->person = person;
    return f;
}

static void world_init(struct world *w)
{
    memset(w, 0, sizeof *w);
    w->pool = raci_strpool_new();
    assert_non_null(w->pool);
    w->rs.roles = roles;
    w->rs.nroles = sizeof roles / sizeof *roles;
    assert_int_equal(raci_roster_init(&w->r, w->pool, &w->rs), RACI_OK);
    snprintf(w->dir, sizeof w->dir, "/tmp/raci-xlsx-XXXXXX");
    assert_non_null(mkdtemp(w->dir));
}

/* Remove the test's directory and what is in it (it holds only files). */
static void remove_dir(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char path[512];
    if (!d)
        return;
    chmod(dir, 0700);
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        if (remove(path) != 0)
            remove_dir(path);
    }
    closedir(d);
    rmdir(dir);
}

static void world_release(struct world *w)
{
    raci_findings_release(&w->fs);
    raci_roster_release(&w->r);
    raci_strpool_free(w->pool);
    raci_diag_release(&w->diag);
    free(w->long_text);
    /* RACI_TEST_KEEP=1 keeps the workbooks for a look. */
    if (getenv("RACI_TEST_KEEP"))
        fprintf(stderr, "kept %s\n", w->dir);
    else
        remove_dir(w->dir);
}

/*
 * Five products: "Atlas" (letters of every kind, findings on cells, tasks and
 * a person), "R&D: Ops/Infra" (a name Excel refuses; a cell with so many
 * findings that its comment is cut; a message longer than a cell holds),
 * "atlas" (same name but for case; generated letters), "Summary" (clashes
 * with a sheet of ours) and "O'Brien's ''team''" (apostrophes, which links
 * must double). Plus findings about people alone and about the whole roster.
 */
static void world_build(struct world *w)
{
    uint32_t atlas, rnd, atlas2, summary, obrien;
    uint32_t ana, bo, cy, dee, eve, finn;
    uint32_t mr, pb, rm, arch, rm2, hire;
    struct raci_finding *f;
    char msg[200];

    world_init(w);
    assert_int_equal(raci_array_grow(&w->r.extra_names, &w->r.cap_extra, 2, sizeof(char *)),
                     RACI_OK);
    w->r.extra_names[0] = intern(w, "Location");
    w->r.extra_names[1] = intern(w, "Start date");
    w->r.nextra = 2;
    /* A value longer than a cell holds: 20000 two-byte characters. */
    w->long_text = malloc(40001);
    assert_non_null(w->long_text);
    for (int i = 0; i < 20000; i++)
        memcpy(w->long_text + 2 * i, "\xc3\xa9", 2);
    w->long_text[40000] = '\0';

    atlas = add_product(w, "Atlas");
    rnd = add_product(w, "R&D: Ops/Infra");
    atlas2 = add_product(w, "atlas");
    summary = add_product(w, "Summary");
    obrien = add_product(w, "O'Brien's ''team''");

    ana = add_person(w, "Ana Silva", "Product Owner", 1u << PO, "Eve Fox", "Lisbon", NULL);
    bo = add_person(w, "Bo Chen", "Product Manager|Product Owner", 1u << PM | 1u << PO, "Eve Fox",
                    "Berlin", "2021-03-01");
    cy = add_person(w, "Cy Diaz", "Developer", 1u << DEV, "Zed Nobody", NULL, NULL);
    dee = add_person(w, "Dee Eng", "Chief Happiness Officer", 0, "", w->long_text, NULL);
    eve = add_person(w, "Eve Fox", "Director of Product", 1u << DIRECTOR, "", NULL, NULL);
    finn = add_person(w, "Finn Gray", "Developer", 1u << DEV, "Eve Fox", NULL, NULL);

    mr = add_task(w, atlas, "Market research");
    pb = add_task(w, atlas, "Product backlog");
    rm = add_task(w, atlas, "Roadmap");
    arch = add_task(w, rnd, "Architecture");
    rm2 = add_task(w, atlas2, "Roadmap");
    hire = add_task(w, obrien, "Hiring");

    add_member(w, ana, atlas);
    add_member(w, bo, atlas);
    add_member(w, cy, atlas);
    add_member(w, cy, rnd);
    add_member(w, dee, rnd);
    add_member(w, ana, atlas2);
    add_member(w, bo, atlas2);
    add_member(w, dee, summary);
    add_member(w, ana, obrien);

    add_assign(w, ana, mr, RACI_A, 0, 0, "A", 2);
    add_assign(w, bo, mr, RACI_A | RACI_R, 0, 0, "A/R", 3);
    add_assign(w, cy, mr, RACI_C, RACI_C, 0, "(C)", 4);
    add_assign(w, ana, pb, RACI_A | RACI_R, 0, 0, "RA", 5);
    add_assign(w, cy, pb, RACI_R, 0, 0, "R", 6);
    add_assign(w, cy, pb, RACI_C, 0, 0, "c", 7);
    add_assign(w, bo, rm, 0, 0, RACI_ASSIGN_UNKNOWN, "X?", 8);
    /* Eve is no member of Atlas, but has a letter there: a column too. */
    add_assign(w, eve, rm, RACI_I, 0, 0, "Informed", 9);
    add_assign(w, cy, arch, RACI_A | RACI_R, 0, 0, "DRI", 10);
    /* Bracketed on one row, plain on another: plain wins. */
    add_assign(w, dee, arch, RACI_C, RACI_C, 0, "(C)", 11);
    add_assign(w, dee, arch, RACI_C, 0, 0, "C", 12);
    add_assign(w, ana, hire, RACI_A, 0, 0, "A", 13);
    add_assign(w, bo, rm2, RACI_A | RACI_R, 0, RACI_ASSIGN_GENERATED, "", 14);
    add_assign(w, ana, rm2, RACI_C, 0, RACI_ASSIGN_GENERATED, "", 15);

    /* Findings, in the order a sorted set would have them. */
    add_finding(w, "reporting-cycle", RACI_SEV_ERROR, RACI_NONE, RACI_NONE, RACI_NONE, 0,
                "reports_to forms a loop: Ana Silva -> Eve Fox -> Ana Silva");
    f = add_finding(w, "single-accountable", RACI_SEV_ERROR, atlas, mr, RACI_NONE, 2,
                    "task 'Market research' in product 'Atlas' has 2 accountable people: "
                    "Ana Silva (line 2), Bo Chen (line 3)");
    f->related = calloc(1, sizeof *f->related);
    assert_non_null(f->related);
    f->related[0] = at(w, 3, 1);
    f->nrelated = 1;
    add_finding(w, "split-po-pm", RACI_SEV_WARNING, atlas, RACI_NONE, bo, 3,
                "Bo Chen is both Product Owner and Product Manager of 'Atlas'");
    add_finding(w, "unknown-manager", RACI_SEV_ERROR, RACI_NONE, RACI_NONE, cy, 4,
                "reports_to 'Zed Nobody' of Cy Diaz names nobody on the roster");
    add_finding(w, "duplicate-assignment", RACI_SEV_WARNING, atlas, pb, cy, 7,
                "Cy Diaz is on task 'Product backlog' of 'Atlas' twice (lines 6 and 7)");
    add_finding(w, "too-many-responsible", RACI_SEV_INFO, atlas, pb, cy, 7,
                "a second finding on the same cell");
    add_finding(w, "unknown-letter", RACI_SEV_WARNING, atlas, rm, bo, 8,
                "unknown RACI letter 'X?' (expected R, A, C or I)");
    add_finding(w, "single-accountable", RACI_SEV_ERROR, atlas, rm, RACI_NONE, 8,
                "task 'Roadmap' in product 'Atlas' has no accountable person");
    add_finding(w, "missing-responsible", RACI_SEV_WARNING, atlas, rm, RACI_NONE, 8,
                "task 'Roadmap' in product 'Atlas' has nobody responsible");
    add_finding(w, "product-without-po", RACI_SEV_ERROR, rnd, RACI_NONE, RACI_NONE, 10,
                "product 'R&D: Ops/Infra' has no Product Owner");
    /* Far more than a comment shows. */
    for (int i = 0; i < 150; i++) {
        snprintf(msg, sizeof msg,
                 "finding number %d about Cy Diaz on task 'Architecture', padded to be long", i);
        add_finding(w, "too-many-responsible", RACI_SEV_INFO, rnd, arch, cy, 10, msg);
    }
    add_finding(w, "unknown-title", RACI_SEV_INFO, rnd, arch, dee, 11, w->long_text);
    add_finding(w, "po-owns-backlog", RACI_SEV_ERROR, obrien, hire, ana, 13,
                "a finding on a sheet whose name has apostrophes");
    add_finding(w, "team-size", RACI_SEV_WARNING, summary, RACI_NONE, RACI_NONE, 16,
                "product 'Summary' is a product, not our sheet");
    add_finding(w, "idle-person", RACI_SEV_INFO, RACI_NONE, RACI_NONE, finn, 20,
                "Finn Gray has no assignment");
}

/* ------------------------------------------------------------ helpers -- */

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf;
    long n;
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    rewind(f);
    buf = malloc((size_t)n + 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    *len = (size_t)n;
    return buf;
}

static void spit(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    assert_int_equal(fclose(f), 0);
}

/* Files in dir other than keep. */
static int stray_files(const char *dir, const char *keep)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    int n = 0;
    assert_non_null(d);
    while ((e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..") && (!keep || strcmp(e->d_name, keep)))
            n++;
    closedir(d);
    return n;
}

/* The views of the hand-made roster, as raci_roster_finish builds them for
 * a read one; built afresh, since a test may have added to it. */
static void world_views(struct world *w)
{
    raci_view_free(&w->r);
    assert_int_equal(raci_view_build_assigns(&w->r), RACI_OK);
}

static void write_ok(struct world *w, const char *path)
{
    raci_error err;
    world_views(w);
    err = raci_xlsx_write(path, &w->r, &w->rs, &w->fs, &w->diag);
    if (err)
        fail_msg("raci_xlsx_write: %s", w->diag.message ? w->diag.message : "?");
}

static int have_checker(void)
{
    return access(PYTHON, X_OK) == 0 && system(PYTHON " -c 'import openpyxl' >/dev/null 2>&1") == 0;
}

/* Exit status of the checker on workbook (and expected, NULL for none);
 * quiet: its report is not wanted (a failure is what the test expects). */
static int run_checker(const char *workbook, const char *expected, int quiet)
{
    char cmd[1024];
    int st;
    snprintf(cmd, sizeof cmd, "%s %s -q '%s' %s%s%s%s", PYTHON, CHECKER, workbook,
             expected ? "'" : "", expected ? expected : "", expected ? "'" : "",
             quiet ? " >/dev/null" : "");
    st = system(cmd);
    assert_true(st != -1 && WIFEXITED(st));
    return WEXITSTATUS(st);
}

/* Findings in the checker's simple format, by way of jansson. */
static json_t *findings_json(const struct raci_roster *r, const struct raci_findings *fs)
{
    json_t *findings = json_array();
    assert_non_null(findings);
    for (size_t i = 0; i < fs->n; i++) {
        const struct raci_finding *f = &fs->v[i];
        json_t *o = json_pack(
            "{s:s, s:s, s:o, s:o, s:o, s:o}", "rule", f->rule, "severity",
            raci_severity_name(f->severity), "product",
            f->product == RACI_NONE ? json_null() : json_string(r->products[f->product].name),
            "task", f->task == RACI_NONE ? json_null() : json_string(r->tasks[f->task].name),
            "person",
            f->person == RACI_NONE ? json_null() : json_string(r->persons[f->person].name), "line",
            f->loc.line ? json_integer(f->loc.line) : json_null());
        assert_non_null(o);
        json_array_append_new(findings, o);
    }
    return findings;
}

/* cells: {product, task, person, letters} rows, NULL-terminated. */
static json_t *cells_json(const char *const (*cells)[4])
{
    json_t *a = json_array();
    assert_non_null(a);
    for (size_t i = 0; cells[i][0]; i++)
        json_array_append_new(a, json_pack("{s:s, s:s, s:s, s:s}", "product", cells[i][0], "task",
                                           cells[i][1], "person", cells[i][2], "letters",
                                           cells[i][3]));
    return a;
}

/* The drop-down's values, as the letters module lists them. */
static json_t *choices_json(void)
{
    size_t n;
    const char *const *choices = raci_letters_choices(&n);
    json_t *a = json_array();
    assert_non_null(a);
    for (size_t i = 0; i < n; i++)
        json_array_append_new(a, json_string(choices[i]));
    return a;
}

/* What the checker should find in the workbook of world_build. */
static json_t *expected_json(const struct world *w)
{
    json_t *root = json_object();
    static const char *const letters[][4] = {
        {"Atlas", "Market research", "Ana Silva", "A"},
        {"Atlas", "Market research", "Bo Chen", "A/R"},
        {"Atlas", "Market research", "Cy Diaz", "(C)"},
        {"Atlas", "Market research", "Eve Fox", ""},
        {"Atlas", "Product backlog", "Ana Silva", "A/R"},
        {"Atlas", "Product backlog", "Bo Chen", ""},
        {"Atlas", "Product backlog", "Cy Diaz", "R/C"},
        {"Atlas", "Roadmap", "Bo Chen", "X?"},
        {"Atlas", "Roadmap", "Eve Fox", "I"},
        {"R&D: Ops/Infra", "Architecture", "Cy Diaz", "A/R"},
        {"R&D: Ops/Infra", "Architecture", "Dee Eng", "C"},
        {"atlas", "Roadmap", "Bo Chen", "A/R"},
        {"atlas", "Roadmap", "Ana Silva", "C"},
        {"O'Brien's ''team''", "Hiring", "Ana Silva", "A"},
        {NULL, NULL, NULL, NULL},
    };
    assert_non_null(root);
    json_object_set_new(root, "findings", findings_json(&w->r, &w->fs));
    json_object_set_new(root, "cells", cells_json(letters));
    json_object_set_new(root, "summary",
                        json_pack("[{s:s, s:i, s:i, s:s}, {s:s, s:i, s:i}, {s:s, s:i, s:i, s:s}]",
                                  "product", "Atlas", "people", 3, "tasks", 3, "status", "FAIL",
                                  "product", "atlas", "people", 2, "tasks", 1, "product",
                                  "(whole roster)", "errors", 2, "warnings", 0, "status", "FAIL"));
    json_object_set_new(root, "sheets",
                        json_pack("[s,s,s,s,s,s,s,s,s]", "Summary", "Org chart", "Atlas",
                                  "R&D_ Ops_Infra", "atlas (2)", "Summary (2)", "O'Brien's ''team",
                                  "Findings", "Roster"));
    json_object_set_new(root, "dropdown", choices_json());
    /* Tasks per letter, each (task, person) once however many rows: Cy's
     * "R" and "c" on the backlog, Dee's "(C)" and "C" on the architecture. */
    json_object_set_new(root, "roster",
                        json_pack("[{s:s, s:i, s:i, s:i, s:i}, {s:s, s:i, s:i, s:i, s:i},"
                                  " {s:s, s:i, s:i, s:i, s:i}, {s:s, s:i, s:i, s:i, s:i}]",
                                  "person", "Ana Silva", "R", 1, "A", 3, "C", 1, "I", 0, "person",
                                  "Cy Diaz", "R", 2, "A", 1, "C", 2, "I", 0, "person", "Dee Eng",
                                  "R", 0, "A", 0, "C", 1, "I", 0, "person", "Finn Gray", "R", 0,
                                  "A", 0, "C", 0, "I", 0));
    return root;
}

/* -------------------------------------------------------- the writer -- */

static void test_write_and_read_back(void **state)
{
    struct world w;
    char path[128], expected[128];
    json_t *want;
    (void)state;
    world_build(&w);
    snprintf(path, sizeof path, "%s/team-raci.xlsx", w.dir);
    write_ok(&w, path);
    assert_int_equal(stray_files(w.dir, "team-raci.xlsx"), 0);
    if (!have_checker()) {
        world_release(&w);
        skip();
    }
    snprintf(expected, sizeof expected, "%s/expected.json", w.dir);
    want = expected_json(&w);
    assert_int_equal(json_dump_file(want, expected, JSON_INDENT(1)), 0);
    assert_int_equal(run_checker(path, expected, 0), 0);

    /* The checker can fail: a wrong letter, a finding too many, a wrong
     * count are each caught. */
    json_array_append_new(json_object_get(want, "cells"),
                          json_pack("{s:s, s:s, s:s, s:s}", "product", "Atlas", "task", "Roadmap",
                                    "person", "Eve Fox", "letters", "C"));
    assert_int_equal(json_dump_file(want, expected, 0), 0);
    assert_int_equal(run_checker(path, expected, 1), 1);
    json_decref(want);
    want = expected_json(&w);
    json_array_append_new(json_object_get(want, "findings"),
                          json_pack("{s:s, s:s, s:s, s:s, s:n, s:i}", "rule", "missing-responsible",
                                    "severity", "warning", "product", "Atlas", "task",
                                    "Market research", "person", "line", 2));
    assert_int_equal(json_dump_file(want, expected, 0), 0);
    assert_int_equal(run_checker(path, expected, 1), 1);
    json_decref(want);
    world_release(&w);
}

static void test_write_empty(void **state)
{
    struct world w;
    char path[128], expected[128];
    (void)state;
    world_init(&w);
    snprintf(path, sizeof path, "%s/empty.xlsx", w.dir);
    /* No findings at all: NULL stands for an empty set. */
    world_views(&w);
    assert_int_equal(raci_xlsx_write(path, &w.r, NULL, NULL, &w.diag), RACI_OK);
    if (!have_checker()) {
        world_release(&w);
        skip();
    }
    snprintf(expected, sizeof expected, "%s/expected.json", w.dir);
    spit(expected, "{\"findings\": [], \"sheets\": [\"Summary\", \"Findings\", \"Roster\"]}");
    assert_int_equal(run_checker(path, expected, 0), 0);
    world_release(&w);
}

static void test_write_is_deterministic(void **state)
{
    struct world w;
    char a[128], b[128], c[128];
    char *x, *y, *z;
    size_t nx, ny, nz;
    (void)state;
    world_build(&w);
    snprintf(a, sizeof a, "%s/a.xlsx", w.dir);
    snprintf(b, sizeof b, "%s/b.xlsx", w.dir);
    snprintf(c, sizeof c, "%s/c.xlsx", w.dir);
    unsetenv("SOURCE_DATE_EPOCH");
    write_ok(&w, a);
    /* Zip entries carry 2-second times: a clock leaking in would show. */
    sleep(2);
    write_ok(&w, b);
    x = slurp(a, &nx);
    y = slurp(b, &ny);
    assert_non_null(x);
    assert_non_null(y);
    assert_int_equal(nx, ny);
    assert_memory_equal(x, y, nx);
    /* SOURCE_DATE_EPOCH is honoured: another date, other bytes. */
    setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
    write_ok(&w, c);
    unsetenv("SOURCE_DATE_EPOCH");
    z = slurp(c, &nz);
    assert_non_null(z);
    assert_true(nz != nx || memcmp(x, z, nx) != 0);
    free(x);
    free(y);
    free(z);
    world_release(&w);
}

/* A failed write leaves the previous file as it was and no temporary file. */
static void assert_untouched(struct world *w, const char *path, const char *name)
{
    size_t n;
    char *text = slurp(path, &n);
    assert_non_null(text);
    assert_int_equal(n, strlen("previous"));
    assert_memory_equal(text, "previous", n);
    free(text);
    assert_int_equal(stray_files(w->dir, name), 0);
}

static void test_write_fails_whole(void **state)
{
    struct world w;
    char path[128], missing[160];
    (void)state;
    world_build(&w);

    /* A directory that does not exist: a clear error, nothing written. */
    snprintf(missing, sizeof missing, "%s/no/such/dir/x.xlsx", w.dir);
    world_views(&w);
    assert_int_equal(raci_xlsx_write(missing, &w.r, &w.rs, &w.fs, &w.diag), RACI_ERROR_OUTPUT);
    assert_string_equal(w.diag.file, missing);
    assert_int_equal(w.diag.line, 0);
    assert_non_null(strstr(w.diag.message, "unable to write workbook '"));
    assert_non_null(strstr(w.diag.message, "No such file or directory"));
    assert_int_equal(stray_files(w.dir, NULL), 0);

    /* The target is a directory: the rename fails, the directory stays. */
    snprintf(path, sizeof path, "%s/out.xlsx", w.dir);
    assert_int_equal(mkdir(path, 0755), 0);
    world_views(&w);
    assert_int_equal(raci_xlsx_write(path, &w.r, &w.rs, &w.fs, &w.diag), RACI_ERROR_OUTPUT);
    assert_non_null(strstr(w.diag.message, "out.xlsx"));
    assert_int_equal(stray_files(w.dir, "out.xlsx"), 0);
    assert_int_equal(rmdir(path), 0);

    /* A directory we may not write to (root may write anywhere). */
    spit(path, "previous");
    if (geteuid() != 0) {
        assert_int_equal(chmod(w.dir, 0555), 0);
        world_views(&w);
        assert_int_equal(raci_xlsx_write(path, &w.r, &w.rs, &w.fs, &w.diag), RACI_ERROR_OUTPUT);
        assert_non_null(strstr(w.diag.message, "Permission denied"));
        assert_int_equal(chmod(w.dir, 0700), 0);
        assert_untouched(&w, path, "out.xlsx");
    }

    /* A workbook that fails half-way, while libxlsxwriter writes it (here
     * the limit on a file's size is reached), is dropped: the previous file
     * stays, the temporary one goes. */
    {
        struct rlimit old, small;
        void (*handler)(int) = signal(SIGXFSZ, SIG_IGN);        /* EFBIG, not a signal */
        int saved = dup(2), null = open("/dev/null", O_WRONLY); /* libxlsxwriter's own cries */
        raci_error err;
        assert_true(saved >= 0 && null >= 0);
        world_views(&w);
        assert_int_equal(getrlimit(RLIMIT_FSIZE, &old), 0);
        small = old;
        small.rlim_cur = 4096;
        fflush(stderr);
        dup2(null, 2);
        assert_int_equal(setrlimit(RLIMIT_FSIZE, &small), 0);
        err = raci_xlsx_write(path, &w.r, &w.rs, &w.fs, &w.diag);
        assert_int_equal(setrlimit(RLIMIT_FSIZE, &old), 0);
        dup2(saved, 2);
        close(saved);
        close(null);
        signal(SIGXFSZ, handler);
        assert_non_null(strstr(w.diag.message, "libxlsxwriter"));
        assert_int_equal(err, RACI_ERROR_OUTPUT);
        assert_non_null(strstr(w.diag.message, "unable to write workbook '"));
        assert_untouched(&w, path, "out.xlsx");
    }

    /* More extra columns than the Roster sheet holds: the layout refuses
     * them before any file is touched, and says why. */
    {
        for (uint32_t i = 0; i < 16375; i++) {
            char name[16];
            uint32_t col;
            snprintf(name, sizeof name, "Note %u", i);
            assert_int_equal(
                raci_roster_extra_column(&w.r, raci_strpool_add(w.pool, name), 1, &col), RACI_OK);
        }
        world_views(&w);
        assert_int_equal(raci_xlsx_write(path, &w.r, &w.rs, &w.fs, &w.diag), RACI_ERROR_OUTPUT);
        assert_non_null(strstr(w.diag.message, "extra columns, more than the Roster sheet holds"));
        assert_untouched(&w, path, "out.xlsx");
    }
    world_release(&w);
}

static void test_write_keeps_mode(void **state)
{
    struct world w;
    char path[128];
    struct stat st;
    mode_t old;
    (void)state;
    world_build(&w);
    snprintf(path, sizeof path, "%s/mode.xlsx", w.dir);
    /* A new file gets what the umask allows, not mkstemp's 0600. */
    old = umask(022);
    write_ok(&w, path);
    umask(old);
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0644);
    /* A file replaced keeps its mode. */
    assert_int_equal(chmod(path, 0640), 0);
    write_ok(&w, path);
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0640);
    world_release(&w);
}

/* The real pipeline: a CSV read, modelled and checked, then written. */
static void test_write_from_csv(void **state)
{
    struct fixture fx;
    char dir[] = "/tmp/raci-xlsx-XXXXXX", path[64], expected[64];
    static const char *const letters[][4] = {
        {"Atlas", "Market research", "Ana Silva", "A"},
        {"Atlas", "Market research", "Bo Chen", "A/R"},
        {"Atlas", "Product backlog", "Ana Silva", "A/R"},
        {"Atlas", "Product backlog", "Cy Diaz", "(C)"},
        {"Atlas", "Roadmap", "Cy Diaz", "X"},
        {"Atlas", "Roadmap", "Ana Silva", ""},
        {NULL, NULL, NULL, NULL},
    };
    json_t *want;
    (void)state;
    fixture_run(&fx, "person,title,product,task,raci\n"
                     "Ana Silva,Product Owner,Atlas,Market research,A\n"
                     "Bo Chen,Product Manager,Atlas,Market research,A/R\n"
                     "Ana Silva,Product Owner,Atlas,Product backlog,RA\n"
                     "Cy Diaz,Developer,Atlas,Product backlog,(c)\n"
                     "Cy Diaz,Developer,Atlas,Roadmap,X\n"
                     "Dee Eng,Chief Happiness Officer,Zenith,,\n");
    assert_true(fx.fs.n > 0);
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/team.xlsx", dir);
    snprintf(expected, sizeof expected, "%s/expected.json", dir);
    assert_int_equal(raci_xlsx_write(path, &fx.r, &fx.rs, &fx.fs, &fx.diag), RACI_OK);
    if (have_checker()) {
        want = json_object();
        json_object_set_new(want, "findings", findings_json(&fx.r, &fx.fs));
        json_object_set_new(want, "cells", cells_json(letters));
        assert_int_equal(json_dump_file(want, expected, 0), 0);
        json_decref(want);
        assert_int_equal(run_checker(path, expected, 0), 0);
    }
    remove_dir(dir);
    fixture_release(&fx);
}

/* A value picked from the drop-down reads back as itself when the workbook
 * is audited again: each choice is letters in their canonical form. */
static void test_dropdown_choices(void **state)
{
    size_t n;
    const char *const *choices = raci_letters_choices(&n);
    (void)state;
    assert_int_equal(n, 8);
    assert_string_equal(choices[0], "A");
    assert_string_equal(choices[4], "A/R");
    assert_string_equal(choices[7], "(I)");
    for (size_t i = 0; i < n; i++) {
        struct raci_letters l;
        char back[32];
        assert_int_equal(raci_letters_parse(choices[i], NULL, 0, &l), RACI_LETTERS_OK);
        raci_letters_format(l, back, sizeof back);
        assert_string_equal(back, choices[i]);
        for (size_t j = 0; j < i; j++)
            assert_true(strcmp(choices[i], choices[j]) != 0);
    }
}

/* Rows "C" and "(C)" for one person and task: the roster's view makes it a
 * firm C, and the workbook shows "C", whichever row comes first; only
 * letters bracketed on every row stay conditional. Roster counts the pair
 * once. */
static void test_write_firm_over_conditional(void **state)
{
    struct fixture fx;
    char dir[] = "/tmp/raci-xlsx-XXXXXX", path[64], expected[64];
    static const char *const letters[][4] = {
        {"Atlas", "Roadmap", "Ana Silva", "A"},
        {"Atlas", "Roadmap", "Cy Diaz", "C"},
        {"Atlas", "Roadmap", "Bo Chen", "C"},
        {"Atlas", "Roadmap", "Dee Eng", "(I)"},
        {NULL, NULL, NULL, NULL},
    };
    const struct raci_pair *pair;
    json_t *want;
    (void)state;
    fixture_run(&fx, "person,title,product,task,raci\n"
                     "Ana Silva,Product Owner,Atlas,Roadmap,A\n"
                     "Cy Diaz,Developer,Atlas,Roadmap,C\n"
                     "Cy Diaz,Developer,Atlas,Roadmap,(C)\n"
                     "Bo Chen,Product Manager,Atlas,Roadmap,(C)\n"
                     "Bo Chen,Product Manager,Atlas,Roadmap,C\n"
                     "Dee Eng,Developer,Atlas,Roadmap,(I)\n"
                     "Dee Eng,Developer,Atlas,Roadmap,[I]\n");
    assert_int_equal(fx.r.ntasks, 1);
    assert_string_equal(fx.r.persons[1].name, "Cy Diaz");
    pair = raci_view_pair(&fx.r, 0, 1);
    assert_non_null(pair);
    assert_int_equal(pair->letters, RACI_C);
    assert_int_equal(pair->conditional, 0);

    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/team.xlsx", dir);
    snprintf(expected, sizeof expected, "%s/expected.json", dir);
    assert_int_equal(raci_xlsx_write(path, &fx.r, &fx.rs, &fx.fs, &fx.diag), RACI_OK);
    if (have_checker()) {
        want = json_object();
        json_object_set_new(want, "cells", cells_json(letters));
        json_object_set_new(want, "roster",
                            json_pack("[{s:s, s:i}, {s:s, s:i}]", "person", "Cy Diaz", "C", 1,
                                      "person", "Dee Eng", "I", 1));
        assert_int_equal(json_dump_file(want, expected, 0), 0);
        assert_int_equal(run_checker(path, expected, 0), 0);
        /* And the checker sees a bracket where there is none. */
        json_array_append_new(json_object_get(want, "cells"),
                              json_pack("{s:s, s:s, s:s, s:s}", "product", "Atlas", "task",
                                        "Roadmap", "person", "Cy Diaz", "letters", "(C)"));
        assert_int_equal(json_dump_file(want, expected, 0), 0);
        assert_int_equal(run_checker(path, expected, 1), 1);
        json_decref(want);
    }
    remove_dir(dir);
    fixture_release(&fx);
}

/* n copies of s, malloc'd, with tail after them. */
static char *repeat(const char *s, size_t n, const char *tail)
{
    size_t k = strlen(s), m = strlen(tail);
    char *out = malloc(n * k + m + 1);
    assert_non_null(out);
    for (size_t i = 0; i < n; i++)
        memcpy(out + i * k, s, k);
    memcpy(out + n * k, tail, m + 1);
    return out;
}

/* A cell holds 32767 characters as Excel counts them, in UTF-16 units, not
 * bytes: 32767 Cyrillic letters (65534 bytes) or 20000 CJK characters are
 * kept whole; past the limit a cell gets its first 32766 units and an
 * ellipsis, and an emoji (two units) is never split. */
static void test_cell_units(void **state)
{
    struct world w;
    char path[128], expected[128];
    char *cyr_max = repeat("\xd0\x96", 32767, ""), *cyr_over = repeat("\xd0\x96", 32768, "");
    char *cyr_cut = repeat("\xd0\x96", 32766, "\xe2\x80\xa6"),
         *cjk = repeat("\xe6\xbc\xa2", 20000, "");
    char *emoji_over = repeat("\xf0\x9f\x98\x80", 16384, "");
    char *emoji_cut = repeat("\xf0\x9f\x98\x80", 16383, "\xe2\x80\xa6");
    char *emoji_max = repeat("\xf0\x9f\x98\x80", 16383, "x");
    uint32_t atlas, q;
    json_t *want;
    (void)state;
    world_init(&w);
    assert_int_equal(raci_array_grow(&w.r.extra_names, &w.r.cap_extra, 2, sizeof(char *)), RACI_OK);
    w.r.extra_names[0] = intern(&w, "Lieu & <Ort>");
    w.r.extra_names[1] = intern(&w, "\xce\x91\xce\xb8\xce\xae\xce\xbd\xce\xb1 'x'");
    w.r.nextra = 2;
    atlas = add_product(&w, "\xd0\x90\xd1\x82\xd0\xbb\xd0\xb0\xd1\x81");
    add_member(
        &w, add_person(&w, "\xd0\x90\xd0\xbd\xd0\xb0", "Product Owner", 1u << PO, "", cyr_max, cjk),
        atlas);
    add_member(
        &w, add_person(&w, "\xe6\x9d\x8e & <Li>", "Developer", 1u << DEV, "", cyr_over, emoji_over),
        atlas);
    add_member(
        &w,
        add_person(&w, "\xf0\x9f\x9a\x80 'Rocket'", "Developer", 1u << DEV, "", emoji_max, NULL),
        atlas);
    /* A title longer than a cell, alone, then with another after it. */
    q = add_person(&w, "\xce\x96\xcf\x89\xce\xae", "x", 0, "", NULL, NULL);
    w.r.persons[q].titles[0] = cyr_over;
    q = add_person(&w, "\xce\x9d\xce\xaf\xce\xba\xce\xbf\xcf\x82", "x|B & <b>", 0, "", NULL, NULL);
    w.r.persons[q].titles[0] = cyr_over;
    snprintf(path, sizeof path, "%s/units.xlsx", w.dir);
    write_ok(&w, path);
    if (have_checker()) {
        snprintf(expected, sizeof expected, "%s/expected.json", w.dir);
        want = json_pack("{s:{s:[{s:s, s:s, s:s}, {s:s, s:s, s:s}, {s:s, s:s, s:s}]}}", "rows",
                         "Roster", "Name", "\xd0\x90\xd0\xbd\xd0\xb0", "Lieu & <Ort>", cyr_max,
                         "\xce\x91\xce\xb8\xce\xae\xce\xbd\xce\xb1 'x'", cjk, "Name",
                         "\xe6\x9d\x8e & <Li>", "Lieu & <Ort>", cyr_cut,
                         "\xce\x91\xce\xb8\xce\xae\xce\xbd\xce\xb1 'x'", emoji_cut, "Name",
                         "\xf0\x9f\x9a\x80 'Rocket'", "Lieu & <Ort>", emoji_max,
                         "\xce\x91\xce\xb8\xce\xae\xce\xbd\xce\xb1 'x'", "");
        assert_non_null(want);
        json_object_set_new(
            want, "lists",
            json_pack("[{s:s, s:s, s:s, s:[s], s:s}, {s:s, s:s, s:s, s:[s, s], s:s}]", "sheet",
                      "Roster", "row", "\xce\x96\xcf\x89\xce\xae", "column", "Titles", "items",
                      cyr_over, "noun", "title", "sheet", "Roster", "row",
                      "\xce\x9d\xce\xaf\xce\xba\xce\xbf\xcf\x82", "column", "Titles", "items",
                      cyr_over, "B & <b>", "noun", "title"));
        assert_int_equal(json_dump_file(want, expected, 0), 0);
        assert_int_equal(run_checker(path, expected, 0), 0);
        json_decref(want);
    }
    free(cyr_max), free(cyr_over), free(cyr_cut), free(cjk);
    free(emoji_over), free(emoji_cut), free(emoji_max);
    world_release(&w);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_write_and_read_back),
        cmocka_unit_test(test_write_empty),
        cmocka_unit_test(test_write_is_deterministic),
        cmocka_unit_test(test_write_fails_whole),
        cmocka_unit_test(test_write_keeps_mode),
        cmocka_unit_test(test_write_from_csv),
        cmocka_unit_test(test_dropdown_choices),
        cmocka_unit_test(test_write_firm_over_conditional),
        cmocka_unit_test(test_cell_units),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
