/*
 * fuzz_pipeline.c - libFuzzer harness for the whole pipeline, as one run of
 * raci would take it: the bytes of a roster are read, shaped into the
 * model, finished, checked, half their findings known through a baseline,
 * and then written in every report format and as a workbook.
 *
 * The parser harnesses prove the parsers; this one proves what comes after
 * them, where a name or a shape that parses can still break the model, a
 * check or a writer. Beyond "no crash, no leak, no sanitizer report", each
 * output must be what its readers accept:
 *  - json, sarif and gitlab parse as JSON (jansson);
 *  - junit is well-formed XML (libxml2);
 *  - every finding has a rule, a message and an entity, and its related
 *    rows are in file order;
 *  - the workbook, when written, is a file that starts like a zip archive,
 *    and a failed write leaves nothing at its path;
 *  - each export (export.h) reads back, and exported again is the same
 *    bytes.
 * A broken promise abort()s, so that libFuzzer keeps the input.
 *
 * The ruleset is loaded once (rules/default.yaml, or rules/safe.yaml for
 * inputs of odd length, so that both rulesets' checks run); the harness
 * runs from the repository root, as tests/fuzz/run.sh starts it.
 */
#include <jansson.h>
#include <libxml/parser.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "raci/baseline.h"
#include "raci/checks.h"
#include "raci/error.h"
#include "raci/export.h"
#include "raci/findings.h"
#include "raci/format.h"
#include "raci/policy.h"
#include "raci/reader.h"
#include "raci/roster.h"
#include "raci/ruleset.h"
#include "raci/ruleset_load.h"
#include "raci/selection.h"
#include "raci/shape.h"
#include "raci/strpool.h"
#include "raci/xlsx.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

static struct raci_ruleset rulesets[2];
static char workbook[64];

static void load_or_die(struct raci_ruleset *rs, const char *path)
{
    struct raci_diag d = {0};
    if (raci_ruleset_load(rs, path, &d) != RACI_OK) {
        fprintf(stderr, "fuzz_pipeline: cannot load %s: %s\n", path, d.message ? d.message : "?");
        abort();
    }
    raci_diag_release(&d);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    /* In memory where the machine has it: a workbook is synced to disk when
     * it is committed, and on tmpfs that costs nothing. */
    static char shm[] = "/dev/shm/raci-fuzz-XXXXXX", tmp[] = "/tmp/raci-fuzz-XXXXXX";
    const char *dir;
    (void)argc;
    (void)argv;
    /* Waivers are judged against a fixed day, so that a run is repeatable. */
    setenv("RACI_TODAY", "2026-06-30", 1);
    load_or_die(&rulesets[0], "rules/default.yaml");
    load_or_die(&rulesets[1], "rules/safe.yaml");
    if (!(dir = mkdtemp(shm)) && !(dir = mkdtemp(tmp)))
        abort();
    snprintf(workbook, sizeof workbook, "%s/out.xlsx", dir);
    xmlInitParser();
    return 0;
}

/* What every finding promises, whatever the input. */
static void check_findings(const struct raci_findings *fs)
{
    for (size_t i = 0; i < fs->n; i++) {
        const struct raci_finding *f = &fs->v[i];
        if (!f->rule || !f->message || !f->entity || !*f->entity)
            abort();
        for (size_t k = 1; k < f->nrelated; k++) {
            const struct raci_loc *a = &f->related[k - 1], *b = &f->related[k];
            if (a->file == b->file &&
                (a->line > b->line || (a->line == b->line && a->col >= b->col)))
                abort();
        }
    }
}

/* Write r in format f into memory and check that its readers accept it. */
static void write_format(const struct raci_format *f, const struct raci_report *r)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    raci_error err;

    if (!out)
        return;
    err = raci_format_write(f, out, r);
    fclose(out);
    if (err == RACI_OK) {
        if (!strcmp(f->name, "json") || !strcmp(f->name, "sarif") || !strcmp(f->name, "gitlab")) {
            json_error_t jerr;
            json_t *doc = json_loadb(buf, len, 0, &jerr);
            if (!doc) {
                fprintf(stderr, "%s output is not JSON: %s\n", f->name, jerr.text);
                abort();
            }
            json_decref(doc);
        } else if (!strcmp(f->name, "junit") || !strcmp(f->name, "svg")) {
            xmlDocPtr doc = xmlReadMemory(buf, (int)len, f->name, NULL, XML_PARSE_NONET);
            if (!doc) {
                fprintf(stderr, "%s output is not XML\n", f->name);
                abort();
            }
            xmlFreeDoc(doc);
        }
    } else if (err != RACI_ERROR_NOMEM) {
        abort();
    }
    free(buf);
}

static void write_workbook(const struct raci_roster *r, const struct raci_ruleset *rs,
                           const struct raci_findings *fs)
{
    struct raci_diag d = {0};
    raci_error err = raci_xlsx_write(workbook, r, rs, fs, &d);
    FILE *in = fopen(workbook, "rb");
    char magic[4] = {0};

    if (err == RACI_OK) {
        if (!in || fread(magic, 1, 4, in) != 4 || memcmp(magic, "PK\3\4", 4) != 0)
            abort();
    } else if (in || !d.message) {
        /* A failed write leaves nothing behind, and says why. */
        abort();
    }
    if (in)
        fclose(in);
    unlink(workbook);
    raci_diag_release(&d);
}

typedef raci_error (*export_fn)(FILE *out, const struct raci_roster *r);

/* What fn writes of r, malloc'd (*len bytes), or NULL when out of memory. */
static char *export_mem(export_fn fn, const struct raci_roster *r, size_t *len)
{
    char *buf = NULL;
    FILE *out = open_memstream(&buf, len);
    raci_error err;

    if (!out)
        return NULL;
    err = fn(out, r);
    if (fclose(out) != 0 || err == RACI_ERROR_NOMEM) {
        free(buf);
        return NULL;
    }
    if (err)
        abort(); /* writing to memory fails only for want of it */
    return buf;
}

/* The export of r by fn, read back and exported again: the same bytes. */
static void check_export(export_fn fn, const struct raci_roster *r, const struct raci_ruleset *rs)
{
    size_t len = 0, len2 = 0;
    char *first = export_mem(fn, r, &len), *second = NULL;
    struct raci_strpool *pool = raci_strpool_new();
    struct raci_roster again;
    struct raci_table t = {0};
    struct raci_diag d = {0};
    raci_error err;

    if (!first || !pool || !len || raci_roster_init(&again, pool, rs) != RACI_OK) {
        free(first);
        raci_strpool_free(pool);
        return;
    }
    err = raci_reader_read_mem(&t, first, len, "export.csv", pool, &d);
    if (err == RACI_OK)
        err = raci_shape_add(&again, &t, &d);
    if (err == RACI_OK)
        err = raci_roster_finish(&again);
    if (err == RACI_ERROR_INPUT)
        abort(); /* an export raci cannot read */
    if (err == RACI_OK && (second = export_mem(fn, &again, &len2)) &&
        (len != len2 || memcmp(first, second, len) != 0))
        abort(); /* not a fixed point */
    free(first);
    free(second);
    raci_reader_release(&t);
    raci_roster_release(&again);
    raci_diag_release(&d);
    raci_strpool_free(pool);
}

/* The outputs, with the findings of odd index known through a baseline. */
static void write_outputs(const struct raci_roster *r, const struct raci_ruleset *rs,
                          struct raci_findings *fs)
{
    struct raci_findings half = {0};
    struct raci_baseline b = {0};
    struct raci_baseline_diff diff = {0};
    struct raci_selection reported = {0};
    struct raci_policy policy = RACI_POLICY_INIT;
    struct raci_report report = {0};
    size_t n;
    const struct raci_format *all = raci_format_all(&n);

    /* A baseline of every other finding: shallow copies, only read. */
    half.v = calloc(fs->n + 1, sizeof(*half.v));
    for (size_t i = 1; half.v && i < fs->n; i += 2)
        half.v[half.n++] = fs->v[i];
    if (half.v && raci_baseline_build(&b, &half) == RACI_OK &&
        raci_baseline_apply(&b, "fuzz.baseline.json", fs, &diff) == RACI_OK &&
        raci_selection_reported(&reported, fs) == RACI_OK) {
        report.findings = &reported;
        report.roster = r;
        report.rs = rs;
        report.baseline = &diff;
        report.failed = raci_policy_fails(&policy, &reported);
        report.fail_on = policy.fail_on;
        /* The PNG is the SVG's graph drawn again by Graphviz's own
         * renderer: the SVG stands for both, and the golden cases run the
         * PNG under ASan and valgrind. */
        for (size_t i = 0; i < n; i++)
            if (strcmp(all[i].name, "png") != 0)
                write_format(&all[i], &report);
        write_workbook(r, rs, fs);
    }
    free(half.v);
    raci_selection_release(&reported);
    raci_baseline_diff_release(&diff);
    raci_baseline_release(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const struct raci_ruleset *rs = &rulesets[size & 1];
    struct raci_strpool *pool = raci_strpool_new();
    struct raci_roster r;
    struct raci_table t = {0};
    struct raci_findings fs = {0};
    struct raci_diag d = {0};
    raci_error err;

    if (!pool || raci_roster_init(&r, pool, rs) != RACI_OK) {
        raci_strpool_free(pool);
        return 0;
    }
    /* As the command line reads a file: the bytes taken over by the
     * reader, and the table's cells given back as the roster is built. */
    char *own = malloc(size + 1);
    if (!own) {
        raci_roster_release(&r);
        raci_strpool_free(pool);
        return 0;
    }
    memcpy(own, data, size);
    err = raci_reader_read_owned(&t, own, size, "fuzz.csv", pool, &d);
    if (err == RACI_OK)
        err = raci_shape_add_taking(&r, &t, RACI_INPUT_AUTO, &d);
    raci_reader_release(&t);
    if (err == RACI_ERROR_INPUT && !d.message)
        abort(); /* an input error always says where and what */
    if (err == RACI_OK && (err = raci_roster_finish(&r)) == RACI_OK &&
        (err = raci_checks_run(&r, rs, &fs)) == RACI_OK) {
        check_findings(&fs);
        write_outputs(&r, rs, &fs);
        check_export(raci_export_roster, &r, rs);
        check_export(raci_export_matrix, &r, rs);
    }
    if (err != RACI_OK && err != RACI_ERROR_INPUT && err != RACI_ERROR_NOMEM)
        abort();
    raci_findings_release(&fs);
    raci_roster_release(&r);
    raci_diag_release(&d);
    raci_strpool_free(pool);
    return 0;
}
