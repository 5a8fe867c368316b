/*
 * report_sarif.c - findings as SARIF 2.1.0, built as a jansson tree.
 */
#include "raci/report_sarif.h"

#include <stdlib.h>
#include <string.h>

#include "raci/json.h"
#include "raci/loc.h"
#include "raci/report_json.h"
#include "raci/str.h"
#include "raci/uri.h"

#define SARIF_SCHEMA          "https://json.schemastore.org/sarif-2.1.0.json"
#define SARIF_FINGERPRINT_KEY "raciEntity/v1"

/* GitHub code scanning rejects an upload with more than 25,000 results in a
 * run, or with more than 1,000 locations in a result (GitHub Docs, "SARIF
 * support for code scanning", and "SARIF results exceed one or more
 * limits"). Its other limits (20 runs a file, 25,000 rules a run, 20 tags
 * a rule) raci never reaches: one run, one tag per rule. */
#define SARIF_MAX_RESULTS 25000
#define SARIF_MAX_RELATED 1000

#ifndef RACI_VERSION
#define RACI_VERSION "0.0.0"
#endif

static const char *sarif_level(enum raci_severity s)
{
    switch (s) {
    case RACI_SEV_ERROR:
        return "error";
    case RACI_SEV_WARNING:
        return "warning";
    default:
        return "note";
    }
}

/* The severity rule d has in force: the ruleset's, else the registry's. */
static enum raci_severity sarif_rule_severity(const struct raci_report *r,
                                              const struct raci_rule_def *d)
{
    const struct raci_check *c = r->rs ? raci_ruleset_check(r->rs, d->id) : NULL;
    return c ? c->severity : d->severity;
}

/* SARIF's messages are sentences: they end in a full stop (the validator's
 * SARIF2001). Ours are linter messages, which do not. */
static json_t *sarif_message(const char *text)
{
    size_t n = strlen(text);
    char *s;
    json_t *o;

    if (n && strchr(".!?", text[n - 1]))
        return json_pack("{s:o}", "text", raci_json_string(text));
    if (!(s = raci_str_printf("%s.", text)))
        return NULL;
    o = json_pack("{s:o}", "text", raci_json_string(s));
    free(s);
    return o;
}

/* The rules in force, in registry order; index[i] is rule i's position in
 * the SARIF rules array, or -1 when it is off. */
static json_t *sarif_rules(const struct raci_report *r, int *index)
{
    size_t n;
    const struct raci_rule_def *all = raci_rules_all(&n);
    json_t *a = json_array();
    int k = 0;

    for (size_t i = 0; a && i < n; i++) {
        const struct raci_rule_def *d = &all[i];
        enum raci_severity sev = sarif_rule_severity(r, d);
        char *help;
        json_t *o = NULL;

        index[i] = -1;
        if (sev == RACI_SEV_OFF)
            continue;
        if ((help = raci_uri_rule_doc(d->id)))
            o = json_pack("{s:s, s:s, s:o, s:o, s:s, s:{s:s}, s:{s:[s]}}", "id", d->id, "name",
                          d->name, "shortDescription", sarif_message(d->summary), "fullDescription",
                          sarif_message(d->why), "helpUri", help, "defaultConfiguration", "level",
                          sarif_level(sev), "properties", "tags", raci_rules_scope_name(d->scope));
        free(help);
        if (raci_json_push(a, o)) {
            json_decref(a);
            return NULL;
        }
        index[i] = k++;
    }
    return a;
}

static json_t *sarif_physical(const struct raci_loc *l)
{
    char *uri = raci_uri_from_path(l->file);
    json_t *o;

    if (!uri)
        return NULL;
    o = json_pack("{s:{s:o}, s:{s:i, s:i}}", "artifactLocation", "uri", raci_json_string(uri),
                  "region", "startLine", (int)l->line, "startColumn", (int)l->col);
    free(uri);
    if (o && l->sheet) {
        /* A workbook's cell: the region is its row and column; the sheet
         * and the A1 reference are said in the property bag. */
        char cell[RACI_LOC_CELL_SIZE], *ref = raci_report_ref(l);
        raci_loc_cell(l->line, l->col, cell);
        if (!ref || raci_json_set(o, "properties",
                                  json_pack("{s:o, s:s, s:o}", "sheet", raci_json_string(l->sheet),
                                            "cell", cell, "reference", raci_json_string(ref)))) {
            json_decref(o);
            o = NULL;
        }
        free(ref);
    }
    return o;
}

/* The entity as a logical location: named by the most specific subject the
 * rule's scope speaks of, fully qualified by the entity key. */
static json_t *sarif_logical(const struct raci_report *r, const struct raci_finding *f,
                             const struct raci_rule_def *d)
{
    const char *name = NULL, *kind = d ? raci_rules_scope_name(d->scope) : "entity";

    if (strcmp(kind, "product") == 0)
        name = raci_report_product(r, f);
    else if (strcmp(kind, "task") == 0)
        name = raci_report_task(r, f);
    else if (strcmp(kind, "file") == 0)
        name = f->loc.file;
    if (!name)
        name = raci_report_person(r, f);
    if (!name)
        name = raci_report_task(r, f);
    if (!name)
        name = raci_report_product(r, f);
    if (!name)
        name = f->entity;
    return json_pack("[{s:o, s:o, s:s}]", "name", raci_json_string(name), "fullyQualifiedName",
                     raci_json_string(f->entity), "kind", kind);
}

/* The other rows, as relatedLocations: the first SARIF_MAX_RELATED, and
 * how many more in the result's properties; *cut is set when some were
 * left out. 0 on success. */
static int sarif_related(json_t *result, const struct raci_finding *f, int *cut)
{
    json_t *rel = json_array();
    size_t n = 0, omitted = 0;

    if (raci_json_set(result, "relatedLocations", rel))
        return -1;
    for (size_t i = 0; i < f->nrelated; i++) {
        const struct raci_loc *l = &f->related[i];
        if (!l->file)
            continue;
        if (n == SARIF_MAX_RELATED) {
            omitted++;
            continue;
        }
        n++;
        if (raci_json_push(rel, json_pack("{s:i, s:o, s:{s:s}}", "id", (int)i + 1,
                                          "physicalLocation", sarif_physical(l), "message", "text",
                                          "Another row involved.")))
            return -1;
    }
    if (!omitted)
        return 0;
    *cut = 1;
    return raci_json_set(result, "properties",
                         json_pack("{s:I}", "relatedLocationsOmitted", (json_int_t)omitted));
}

static json_t *sarif_result(const struct raci_report *r, const struct raci_finding *f,
                            const int *index, int *related_cut)
{
    size_t nrules;
    const struct raci_rule_def *all = raci_rules_all(&nrules);
    const struct raci_rule_def *d = raci_rules_find(f->rule);
    char fp[RACI_FINGERPRINT_SIZE];
    json_t *o = json_object(), *loc = json_object();

    raci_findings_fingerprint(f, fp);
    if (!o || raci_json_set(o, "ruleId", raci_json_string(f->rule)))
        goto fail;
    if (d && index[d - all] >= 0 && raci_json_set(o, "ruleIndex", json_integer(index[d - all])))
        goto fail;
    if (raci_json_set(o, "level", json_string(sarif_level(f->severity))) ||
        raci_json_set(o, "message", sarif_message(f->message)))
        goto fail;
    if (!loc || (f->loc.file && raci_json_set(loc, "physicalLocation", sarif_physical(&f->loc))) ||
        raci_json_set(loc, "logicalLocations", sarif_logical(r, f, d)) ||
        raci_json_set(o, "locations", json_pack("[O]", loc)))
        goto fail;
    if (f->nrelated && sarif_related(o, f, related_cut))
        goto fail;
    if (raci_json_set(o, "partialFingerprints", json_pack("{s:s}", SARIF_FINGERPRINT_KEY, fp)))
        goto fail;
    if (r->baseline && raci_json_set(o, "baselineState", json_string("new")))
        goto fail;
    json_decref(loc);
    return o;

fail:
    json_decref(loc);
    json_decref(o);
    return NULL;
}

/* The run's property bag, made when first asked for. */
static json_t *sarif_run_properties(json_t *run)
{
    json_t *props = json_object_get(run, "properties");

    if (props || raci_json_set(run, "properties", json_object()))
        return props;
    return json_object_get(run, "properties");
}

/* The baseline applied, as the run's properties; 0 on success. */
static int sarif_baseline(json_t *run, const struct raci_baseline_diff *d)
{
    json_t *props = sarif_run_properties(run);

    return !props || raci_json_set(props, "baselineFile", raci_json_string(d->file)) ||
           raci_json_set(props, "baselineKnown", json_integer((json_int_t)d->known)) ||
           raci_json_set(props, "baselineAbsent", raci_report_json_absent(d, "ruleId"));
}

/* Which results fit in a run: all of every severity above sev, the first
 * keep of sev, none below; sev is RACI_SEV_OFF when all fit. */
struct sarif_cut {
    enum raci_severity sev;
    size_t keep, kept;
    size_t count[RACI_SEV_ERROR + 1]; /* findings of each severity */
    size_t omitted[RACI_SEV_ERROR + 1];
};

/* The most severe first: errors, then warnings, then notes, as many as fit
 * in SARIF_MAX_RESULTS; in the order of the findings within a severity. */
static void sarif_cut_init(struct sarif_cut *c, const struct raci_selection *fs)
{
    size_t room = SARIF_MAX_RESULTS;

    memset(c, 0, sizeof(*c));
    for (size_t i = 0; i < fs->n; i++)
        c->count[fs->v[i]->severity]++;
    for (int s = RACI_SEV_ERROR; s > RACI_SEV_OFF; s--) {
        if (c->count[s] > room) {
            c->sev = (enum raci_severity)s;
            c->keep = room;
            break;
        }
        room -= c->count[s];
    }
}

static int sarif_cut_keeps(struct sarif_cut *c, const struct raci_finding *f)
{
    if (c->sev == RACI_SEV_OFF || f->severity > c->sev ||
        (f->severity == c->sev && c->kept < c->keep)) {
        c->kept += f->severity == c->sev;
        return 1;
    }
    c->omitted[f->severity]++;
    return 0;
}

/* A run-level notification of what was left out, and the count in the
 * run's properties; 0 on success. */
static int sarif_notify(json_t *run, const struct sarif_cut *c, int related_cut)
{
    size_t total =
        c->omitted[RACI_SEV_ERROR] + c->omitted[RACI_SEV_WARNING] + c->omitted[RACI_SEV_INFO];
    json_t *notes = json_array(), *props;
    char *text = NULL;

    if (!notes || raci_json_set(run, "invocations",
                                json_pack("[{s:b, s:O}]", "executionSuccessful", 1,
                                          "toolExecutionNotifications", notes))) {
        json_decref(notes);
        return -1;
    }
    json_decref(notes); /* the run's now; still filled in below */
    if (total) {
        text = raci_str_printf(
            "%zu results were left out: GitHub code scanning takes at most %d in a run, and "
            "the most severe are kept (%zu errors, %zu warnings and %zu notes left out); "
            "--format json writes every finding.",
            total, SARIF_MAX_RESULTS, c->omitted[RACI_SEV_ERROR], c->omitted[RACI_SEV_WARNING],
            c->omitted[RACI_SEV_INFO]);
        if (!text || raci_json_push(notes, json_pack("{s:s, s:{s:s}, s:{s:s}}", "level", "warning",
                                                     "message", "text", text, "descriptor", "id",
                                                     "results-left-out")))
            goto fail;
        free(text);
        text = NULL;
        if (!(props = sarif_run_properties(run)) ||
            raci_json_set(props, "resultsOmitted", json_integer((json_int_t)total)))
            return -1;
    }
    if (related_cut) {
        text = raci_str_printf("Some results involve more rows than GitHub code scanning takes; "
                               "each lists the first %d as related locations, and its "
                               "properties say how many more (relatedLocationsOmitted).",
                               SARIF_MAX_RELATED);
        if (!text || raci_json_push(notes, json_pack("{s:s, s:{s:s}, s:{s:s}}", "level", "warning",
                                                     "message", "text", text, "descriptor", "id",
                                                     "related-locations-left-out")))
            goto fail;
        free(text);
    }
    return 0;
fail:
    free(text);
    return -1;
}

raci_error raci_report_sarif(FILE *out, const struct raci_report *r)
{
    size_t nrules;
    int *index, related_cut = 0;
    struct sarif_cut cut;
    json_t *doc = NULL, *run = NULL, *results = NULL, *rules = NULL;

    raci_rules_all(&nrules);
    if (!(index = calloc(nrules, sizeof(*index))))
        return RACI_ERROR_NOMEM;
    if (!(rules = sarif_rules(r, index)) || !(results = json_array()))
        goto fail;
    sarif_cut_init(&cut, r->findings);
    for (size_t i = 0; i < r->findings->n; i++)
        if (sarif_cut_keeps(&cut, r->findings->v[i]) &&
            raci_json_push(results, sarif_result(r, r->findings->v[i], index, &related_cut)))
            goto fail;
    run = json_pack("{s:{s:{s:s, s:s, s:s, s:s, s:O}}, s:s, s:O}", "tool", "driver", "name", "raci",
                    "version", RACI_VERSION, "semanticVersion", RACI_VERSION, "informationUri",
                    RACI_HOME_URL, "rules", rules, "columnKind", "unicodeCodePoints", "results",
                    results);
    if (!run || (r->baseline && sarif_baseline(run, r->baseline)) ||
        ((cut.sev != RACI_SEV_OFF || related_cut) && sarif_notify(run, &cut, related_cut)))
        goto fail;
    doc = json_pack("{s:s, s:s, s:[O]}", "$schema", SARIF_SCHEMA, "version", "2.1.0", "runs", run);

fail: /* and done: doc is NULL on failure */
    free(index);
    json_decref(run);
    json_decref(results);
    json_decref(rules);
    return raci_json_emit(doc, out, 2);
}
