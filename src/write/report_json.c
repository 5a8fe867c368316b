/*
 * report_json.c - the JSON-based writers: raci's own JSON document, SARIF
 * 2.1.0 and GitLab Code Quality. Every document is built as a jansson tree
 * and dumped by jansson, which does all the escaping.
 */
#include <stdlib.h>
#include <string.h>

#include "raci/jsonout.h"
#include "raci/report.h"
#include "raci/array.h"
#include "raci/str.h"

#define JSON_VERSION          1
#define SARIF_SCHEMA          "https://json.schemastore.org/sarif-2.1.0.json"
#define SARIF_FINGERPRINT_KEY "raciEntity/v1"

#ifndef RACI_VERSION
#define RACI_VERSION "0.0.0"
#endif

/* ------------------------------------------------------------- helpers -- */

static const char *product_name(const struct raci_report *r, const struct raci_finding *f)
{
    if (!r->roster || f->product == RACI_NONE || f->product >= r->roster->nproducts)
        return NULL;
    return r->roster->products[f->product].name;
}

static const char *task_name(const struct raci_report *r, const struct raci_finding *f)
{
    if (!r->roster || f->task == RACI_NONE || f->task >= r->roster->ntasks)
        return NULL;
    return r->roster->tasks[f->task].name;
}

static const char *person_name(const struct raci_report *r, const struct raci_finding *f)
{
    if (!r->roster || f->person == RACI_NONE || f->person >= r->roster->npersons)
        return NULL;
    return r->roster->persons[f->person].name;
}

/* The severity rule `id` has in force: the ruleset's, else the registry's. */
static enum raci_severity rule_severity(const struct raci_report *r, const struct raci_rule_def *d)
{
    const struct raci_check *c = r->rs ? raci_ruleset_check(r->rs, d->id) : NULL;
    return c ? c->severity : d->severity;
}

/* Counts of fs by severity, as the "summary" object wants them. */
static json_t *summary_counts(const struct raci_findings *fs)
{
    return json_pack("{s:I, s:I, s:I, s:I}", "total", (json_int_t)fs->n, "error",
                     (json_int_t)raci_findings_count(fs, RACI_SEV_ERROR), "warning",
                     (json_int_t)raci_findings_count(fs, RACI_SEV_WARNING), "info",
                     (json_int_t)raci_findings_count(fs, RACI_SEV_INFO));
}

static json_t *files_array(const struct raci_report *r)
{
    json_t *a = json_array();
    for (size_t i = 0; a && r->roster && i < r->roster->nfiles; i++)
        if (raci_json_push(a, raci_json_string(r->roster->files[i]))) {
            json_decref(a);
            return NULL;
        }
    return a;
}

/* ---------------------------------------------------------------- json -- */

static json_t *json_loc(const struct raci_loc *l)
{
    json_t *o = json_object();
    if (raci_json_set(o, "file", raci_json_string(l->file)) ||
        raci_json_set(o, "line", json_integer(l->line)) ||
        raci_json_set(o, "column", json_integer(l->col))) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static json_t *json_finding(const struct raci_report *r, const struct raci_finding *f)
{
    char fp[RACI_FINGERPRINT_SIZE];
    json_t *o = json_object(), *rel = json_array(), *subj = json_object();

    raci_findings_fingerprint(f, fp);
    /* The containers go into o first, so that o's one reference frees all. */
    if (!o || !rel || !subj)
        goto fail;
    if (raci_json_set(o, "rule", raci_json_string(f->rule)) ||
        raci_json_set(o, "severity", json_string(raci_severity_name(f->severity))) ||
        raci_json_set(o, "message", raci_json_string(f->message)) ||
        raci_json_set(o, "location", json_loc(&f->loc)) || json_object_set(o, "related", rel) ||
        json_object_set(o, "subject", subj) ||
        raci_json_set(o, "entity", raci_json_string(f->entity)) ||
        raci_json_set(o, "fingerprint", json_string(fp)))
        goto fail;
    for (size_t i = 0; i < f->nrelated; i++)
        if (raci_json_push(rel, json_loc(&f->related[i])))
            goto fail;
    if (raci_json_set(subj, "product", raci_json_string(product_name(r, f))) ||
        raci_json_set(subj, "task", raci_json_string(task_name(r, f))) ||
        raci_json_set(subj, "person", raci_json_string(person_name(r, f))))
        goto fail;
    json_decref(rel);
    json_decref(subj);
    return o;

fail:
    json_decref(rel);
    json_decref(subj);
    json_decref(o);
    return NULL;
}

static json_t *absent_array(const struct raci_baseline_diff *d, const char *rule_key)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < d->nabsent; i++) {
        const struct raci_baseline_entry *e = &d->absent[i];
        json_t *o = json_object();
        if (raci_json_push(a, o) || raci_json_set(o, rule_key, raci_json_string(e->rule)) ||
            raci_json_set(o, "entity", raci_json_string(e->entity)) ||
            raci_json_set(o, "count", json_integer((json_int_t)e->count))) {
            json_decref(a);
            return NULL;
        }
    }
    return a;
}

static json_t *json_baseline(const struct raci_baseline_diff *d)
{
    json_t *o;

    if (!d)
        return json_null();
    o = json_object();
    if (raci_json_set(o, "file", raci_json_string(d->file)) ||
        raci_json_set(o, "known", json_integer((json_int_t)d->known)) ||
        raci_json_set(o, "absent", absent_array(d, "rule"))) {
        json_decref(o);
        return NULL;
    }
    return o;
}

raci_error raci_report_json(FILE *out, const struct raci_report *r)
{
    json_t *doc = json_object(), *summary = summary_counts(r->fs), *list = json_array();

    if (!doc || raci_json_set(doc, "version", json_integer(JSON_VERSION)) ||
        raci_json_set(doc, "tool",
                      json_pack("{s:s, s:s}", "name", "raci", "version", RACI_VERSION)))
        goto fail;
    if (!summary || raci_json_set(summary, "failed", json_boolean(r->failed)) ||
        raci_json_set(summary, "files", files_array(r)) || json_object_set(doc, "summary", summary))
        goto fail;
    for (size_t i = 0; list && i < r->fs->n; i++)
        if (raci_json_push(list, json_finding(r, &r->fs->v[i])))
            goto fail;
    if (!list || json_object_set(doc, "findings", list) ||
        raci_json_set(doc, "baseline", json_baseline(r->baseline)))
        goto fail;
    json_decref(summary);
    json_decref(list);
    return raci_json_emit(doc, out, 2);

fail:
    json_decref(summary);
    json_decref(list);
    json_decref(doc);
    return RACI_ERROR_NOMEM;
}

/* --------------------------------------------------------------- sarif -- */

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
        enum raci_severity sev = rule_severity(r, d);
        char *help = raci_str_printf(RACI_HOME_URL "/blob/main/doc/rules.md#%s", d->id);
        json_t *o = NULL;

        index[i] = -1;
        if (sev == RACI_SEV_OFF) {
            free(help);
            continue;
        }
        if (help)
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
    char *uri = raci_report_uri(l->file);
    json_t *o;

    if (!uri)
        return NULL;
    o = json_pack("{s:{s:o}, s:{s:i, s:i}}", "artifactLocation", "uri", raci_json_string(uri),
                  "region", "startLine", (int)l->line, "startColumn", (int)l->col);
    free(uri);
    return o;
}

/* The entity as a logical location: named by the most specific subject the
 * rule's scope speaks of, fully qualified by the entity key. */
static json_t *sarif_logical(const struct raci_report *r, const struct raci_finding *f,
                             const struct raci_rule_def *d)
{
    const char *name = NULL, *kind = d ? raci_rules_scope_name(d->scope) : "entity";

    if (strcmp(kind, "product") == 0)
        name = product_name(r, f);
    else if (strcmp(kind, "task") == 0)
        name = task_name(r, f);
    if (!name)
        name = person_name(r, f);
    if (!name)
        name = task_name(r, f);
    if (!name)
        name = product_name(r, f);
    if (!name)
        name = f->entity;
    return json_pack("[{s:o, s:o, s:s}]", "name", raci_json_string(name), "fullyQualifiedName",
                     raci_json_string(f->entity), "kind", kind);
}

static json_t *sarif_result(const struct raci_report *r, const struct raci_finding *f,
                            const int *index)
{
    size_t nrules;
    const struct raci_rule_def *all = raci_rules_all(&nrules);
    const struct raci_rule_def *d = raci_rules_find(f->rule);
    char fp[RACI_FINGERPRINT_SIZE];
    json_t *o = json_object(), *loc = json_object(), *rel;

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
    if (f->nrelated) {
        rel = json_array();
        if (raci_json_set(o, "relatedLocations", rel))
            goto fail;
        for (size_t i = 0; i < f->nrelated; i++) {
            const struct raci_loc *l = &f->related[i];
            if (!l->file)
                continue;
            if (raci_json_push(rel, json_pack("{s:i, s:o, s:{s:s}}", "id", (int)i + 1,
                                              "physicalLocation", sarif_physical(l), "message",
                                              "text", "Another row involved.")))
                goto fail;
        }
    }
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

raci_error raci_report_sarif(FILE *out, const struct raci_report *r)
{
    size_t nrules;
    int *index;
    json_t *doc = NULL, *run = NULL, *results = NULL, *rules = NULL;

    raci_rules_all(&nrules);
    if (!(index = calloc(nrules, sizeof(*index))))
        return RACI_ERROR_NOMEM;
    if (!(rules = sarif_rules(r, index)) || !(results = json_array()))
        goto fail;
    for (size_t i = 0; i < r->fs->n; i++)
        if (raci_json_push(results, sarif_result(r, &r->fs->v[i], index)))
            goto fail;
    run = json_pack("{s:{s:{s:s, s:s, s:s, s:s, s:O}}, s:s, s:O}", "tool", "driver", "name", "raci",
                    "version", RACI_VERSION, "semanticVersion", RACI_VERSION, "informationUri",
                    RACI_HOME_URL, "rules", rules, "columnKind", "unicodeCodePoints", "results",
                    results);
    if (!run)
        goto fail;
    if (r->baseline) {
        const struct raci_baseline_diff *d = r->baseline;
        json_t *props = json_object();
        if (raci_json_set(run, "properties", props) ||
            raci_json_set(props, "baselineFile", raci_json_string(d->file)) ||
            raci_json_set(props, "baselineKnown", json_integer((json_int_t)d->known)) ||
            raci_json_set(props, "baselineAbsent", absent_array(d, "ruleId")))
            goto fail;
    }
    doc = json_pack("{s:s, s:s, s:[O]}", "$schema", SARIF_SCHEMA, "version", "2.1.0", "runs", run);

fail: /* and done: doc is NULL on failure */
    free(index);
    json_decref(run);
    json_decref(results);
    json_decref(rules);
    return raci_json_emit(doc, out, 2);
}

/* -------------------------------------------------------------- gitlab -- */

/* GitLab's Code Quality severities: info, minor, major, critical, blocker.
 * As ESLint's GitLab formatters do, an error is major, a warning minor. */
static const char *gitlab_severity(enum raci_severity s)
{
    switch (s) {
    case RACI_SEV_ERROR:
        return "major";
    case RACI_SEV_WARNING:
        return "minor";
    default:
        return "info";
    }
}

/* A path relative to the repository, as GitLab matches it against the
 * merge request's diff: forward slashes, no leading "./". */
static char *gitlab_path(const char *file)
{
    char *p;

    while (file[0] == '.' && (file[1] == '/' || file[1] == '\\'))
        file += 2;
    if (!(p = raci_str_dup(file)))
        return NULL;
    for (char *c = p; *c; c++)
        if (*c == '\\')
            *c = '/';
    return p;
}

raci_error raci_report_gitlab(FILE *out, const struct raci_report *r)
{
    json_t *doc = json_array();

    for (size_t i = 0; doc && i < r->fs->n; i++) {
        const struct raci_finding *f = &r->fs->v[i];
        char fp[RACI_FINGERPRINT_SIZE];
        char *path = gitlab_path(f->loc.file ? f->loc.file : "-");
        json_t *o = NULL;

        raci_findings_fingerprint(f, fp);
        if (path)
            o = json_pack("{s:o, s:s, s:s, s:s, s:{s:o, s:{s:i}}}", "description",
                          raci_json_string(f->message), "check_name", f->rule, "fingerprint", fp,
                          "severity", gitlab_severity(f->severity), "location", "path",
                          raci_json_string(path), "lines", "begin", (int)f->loc.line);
        free(path);
        if (raci_json_push(doc, o)) {
            json_decref(doc);
            doc = NULL;
        }
    }
    return raci_json_emit(doc, out, 2);
}
