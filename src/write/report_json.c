/*
 * report_json.c - findings as raci's JSON document, built as a jansson tree
 * and dumped by jansson, which does all the escaping.
 */
#include "raci/report_json.h"

#include "raci/json.h"
#include "raci/loc.h"

#define JSON_VERSION 1

#ifndef RACI_VERSION
#define RACI_VERSION "0.0.0"
#endif

json_t *raci_report_json_absent(const struct raci_baseline_diff *d, const char *rule_key)
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

/* Counts of the findings by severity, as the "summary" object wants them. */
static json_t *summary_counts(const struct raci_selection *fs)
{
    return json_pack("{s:I, s:I, s:I, s:I}", "total", (json_int_t)fs->n, "error",
                     (json_int_t)raci_selection_count(fs, RACI_SEV_ERROR), "warning",
                     (json_int_t)raci_selection_count(fs, RACI_SEV_WARNING), "info",
                     (json_int_t)raci_selection_count(fs, RACI_SEV_INFO));
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

static json_t *json_loc(const struct raci_loc *l)
{
    json_t *o = json_object();
    if (raci_json_set(o, "file", raci_json_string(l->file)) ||
        raci_json_set(o, "line", json_integer(l->line)) ||
        raci_json_set(o, "column", json_integer(l->col))) {
        json_decref(o);
        return NULL;
    }
    /* A workbook's: line and column are the row and column; null in a
     * text file (every key is always present). */
    char cell[RACI_LOC_CELL_SIZE];
    raci_loc_cell(l->line, l->col, cell);
    if (raci_json_set(o, "sheet", raci_json_string(l->sheet)) ||
        raci_json_set(o, "cell", l->sheet ? raci_json_string(cell) : json_null())) {
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
    if (raci_json_set(subj, "product", raci_json_string(raci_report_product(r, f))) ||
        raci_json_set(subj, "task", raci_json_string(raci_report_task(r, f))) ||
        raci_json_set(subj, "person", raci_json_string(raci_report_person(r, f))))
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

static json_t *json_baseline(const struct raci_baseline_diff *d)
{
    json_t *o;

    if (!d)
        return json_null();
    o = json_object();
    if (raci_json_set(o, "file", raci_json_string(d->file)) ||
        raci_json_set(o, "known", json_integer((json_int_t)d->known)) ||
        raci_json_set(o, "absent", raci_report_json_absent(d, "rule"))) {
        json_decref(o);
        return NULL;
    }
    return o;
}

raci_error raci_report_json(FILE *out, const struct raci_report *r)
{
    const struct raci_selection *fs = r->findings;
    json_t *doc = json_object(), *summary = summary_counts(fs), *list = json_array();

    if (!doc || raci_json_set(doc, "version", json_integer(JSON_VERSION)) ||
        raci_json_set(doc, "tool",
                      json_pack("{s:s, s:s}", "name", "raci", "version", RACI_VERSION)))
        goto fail;
    if (!summary || raci_json_set(summary, "failed", json_boolean(r->failed)) ||
        raci_json_set(summary, "files", files_array(r)) || json_object_set(doc, "summary", summary))
        goto fail;
    for (size_t i = 0; list && i < fs->n; i++)
        if (raci_json_push(list, json_finding(r, fs->v[i])))
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

json_t *raci_report_json_finding(const struct raci_report *r, const struct raci_finding *f)
{
    return json_finding(r, f);
}
