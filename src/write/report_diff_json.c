/*
 * report_diff_json.c - a diff as the JSON document of doc/diff-schema.json,
 * built as a jansson tree (report_diff.h).
 */
#include "raci/report_diff.h"

#include "raci/json.h"
#include "raci/letters.h"
#include "raci/report_json.h"

#define DIFF_JSON_VERSION 1

#ifndef RACI_VERSION
#define RACI_VERSION "0.0.0"
#endif

/* Take v into o[key], or fail: every helper returns 0 or -1. */
#define DJ_SET(o, key, v)                                                                          \
    do {                                                                                           \
        if (raci_json_set((o), (key), (v)))                                                        \
            return -1;                                                                             \
    } while (0)

static json_t *dj_str_or_null(const char *s)
{
    return *s ? raci_json_string(s) : json_null();
}

static json_t *dj_rows(const struct raci_diff_report *r)
{
    json_t *a = json_array();

    for (size_t i = 0; a && i < r->rows->n; i++) {
        const struct raci_diff_row *row = &r->rows->v[i];
        json_t *o = json_object();
        if (raci_json_push(a, o) ||
            raci_json_set(o, "product",
                          row->product != RACI_NONE
                              ? raci_json_string(raci_diff_product_name(r->d, row->product))
                              : json_null()) ||
            raci_json_set(o, "subject", raci_json_string(row->subject)) ||
            raci_json_set(o, "kind", json_string(raci_diff_rows_kind(row->kind))) ||
            raci_json_set(o, "before", dj_str_or_null(row->before)) ||
            raci_json_set(o, "after", dj_str_or_null(row->after))) {
            json_decref(a);
            return NULL;
        }
    }
    return a;
}

/* The names holding letter on task t on side. */
static json_t *dj_holders(const struct raci_diff *d, const struct raci_diff_task *t, int side,
                          unsigned letter)
{
    json_t *a = json_array();
    for (size_t i = t->first; a && i < t->first + t->nholders; i++)
        if ((d->holders[i].letters[side] & letter) &&
            raci_json_push(a, raci_json_string(raci_diff_person_name(d, d->holders[i].person)))) {
            json_decref(a);
            return NULL;
        }
    return a;
}

static int dj_task(json_t *o, const struct raci_diff *d, const struct raci_diff_task *t)
{
    static const char *const names[2] = {"accountable", "responsible"};
    static const unsigned letters[2] = {RACI_A, RACI_R};

    DJ_SET(o, "product", raci_json_string(raci_diff_product_name(d, t->product)));
    DJ_SET(o, "task", raci_json_string(raci_diff_task_name(d, t)));
    DJ_SET(o, "status",
           json_string(t->idx[0] == RACI_NONE   ? "added"
                       : t->idx[1] == RACI_NONE ? "removed"
                                                : "changed"));
    for (int k = 0; k < 2; k++) {
        json_t *x = json_object();
        DJ_SET(o, names[k], x);
        DJ_SET(x, "before", dj_holders(d, t, 0, letters[k]));
        DJ_SET(x, "after", dj_holders(d, t, 1, letters[k]));
    }
    return 0;
}

static json_t *dj_tasks(const struct raci_diff *d)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < d->ntasks; i++) {
        json_t *o;
        if (!d->tasks[i].changed)
            continue;
        o = json_object();
        if (raci_json_push(a, o) || dj_task(o, d, &d->tasks[i])) {
            json_decref(a);
            return NULL;
        }
    }
    return a;
}

static json_t *dj_load(const struct raci_diff *d, uint32_t p, int side)
{
    const uint32_t *l = d->people[p].load[side];
    if (d->people[p].idx[side] == RACI_NONE)
        return json_null();
    return json_pack("{s:I, s:I, s:I}", "accountable", (json_int_t)l[RACI_DIFF_LOAD_A],
                     "responsible", (json_int_t)l[RACI_DIFF_LOAD_R], "products",
                     (json_int_t)l[RACI_DIFF_LOAD_PRODUCTS]);
}

static int dj_person(json_t *o, const struct raci_diff *d, uint32_t p)
{
    static const char *const bits[] = {"joined", "left",     "name",    "title",
                                       "role",   "products", "manager", "load"};
    const struct raci_person *x = raci_diff_side_person(d, p, 1);
    json_t *ch = json_array(), *load = json_object();

    if (!x)
        x = raci_diff_side_person(d, p, 0);
    DJ_SET(o, "name", raci_json_string(x->name));
    DJ_SET(o, "id", dj_str_or_null(x->id));
    DJ_SET(o, "changes", ch);
    for (unsigned b = 0; b < sizeof bits / sizeof bits[0]; b++)
        if ((d->people[p].changes & (1u << b)) && raci_json_push(ch, json_string(bits[b])))
            return -1;
    DJ_SET(o, "load", load);
    DJ_SET(load, "before", dj_load(d, p, 0));
    DJ_SET(load, "after", dj_load(d, p, 1));
    return 0;
}

static json_t *dj_people(const struct raci_diff *d)
{
    json_t *a = json_array();
    for (uint32_t p = 0; a && p < d->npeople; p++) {
        json_t *o;
        if (!d->people[p].changes)
            continue;
        o = json_object();
        if (raci_json_push(a, o) || dj_person(o, d, p)) {
            json_decref(a);
            return NULL;
        }
    }
    return a;
}

static json_t *dj_shape(const struct raci_diff_shape *s)
{
    return json_pack("{s:I, s:I, s:I, s:I, s:{s:I, s:f, s:I, s:I, s:I}, s:I, s:{s:I, s:f, s:I}}",
                     "people", (json_int_t)s->people, "products", (json_int_t)s->products, "tasks",
                     (json_int_t)s->tasks, "managers", (json_int_t)s->managers, "span_of_control",
                     "min", (json_int_t)s->span_min, "median", s->span_median, "max",
                     (json_int_t)s->span_max, "limit", (json_int_t)s->span_limit, "over_limit",
                     (json_int_t)s->over_span, "reporting_depth", (json_int_t)s->depth,
                     "people_per_product", "min", (json_int_t)s->team_min, "median", s->team_median,
                     "max", (json_int_t)s->team_max);
}

static json_t *dj_findings(const struct raci_diff_report *r, const struct raci_selection *fs,
                           int side)
{
    struct raci_report rep = {0};
    json_t *a = json_array();

    rep.findings = fs;
    rep.roster = r->d->r[side];
    for (size_t i = 0; a && i < fs->n; i++)
        if (raci_json_push(a, raci_report_json_finding(&rep, fs->v[i]))) {
            json_decref(a);
            return NULL;
        }
    return a;
}

static int dj_doc(json_t *doc, const struct raci_diff_report *r)
{
    const struct raci_diff *d = r->d;
    json_t *x;

    DJ_SET(doc, "version", json_integer(DIFF_JSON_VERSION));
    DJ_SET(doc, "tool", json_pack("{s:s, s:s}", "name", "raci", "version", RACI_VERSION));
    DJ_SET(doc, "before", raci_json_string(r->files[0]));
    DJ_SET(doc, "after", raci_json_string(r->files[1]));
    DJ_SET(doc, "failed", json_boolean(r->findings_failed || r->churn_failed));
    DJ_SET(doc, "fail_on",
           json_string(r->fail_on == RACI_SEV_OFF ? "never" : raci_severity_name(r->fail_on)));
    DJ_SET(doc, "changed", json_boolean(r->rows->n > 0));
    DJ_SET(doc, "changes", dj_rows(r));
    DJ_SET(doc, "tasks", dj_tasks(d));
    DJ_SET(doc, "people", dj_people(d));
    DJ_SET(doc, "shape", x = json_object());
    DJ_SET(x, "before", dj_shape(&d->shape[0]));
    DJ_SET(x, "after", dj_shape(&d->shape[1]));
    DJ_SET(doc, "findings", x = json_object());
    DJ_SET(x, "new", dj_findings(r, &d->added, 1));
    DJ_SET(x, "resolved", dj_findings(r, &d->resolved, 0));
    DJ_SET(x, "persisting", json_integer((json_int_t)d->persisting));
    DJ_SET(doc, "churn", x = json_object());
    DJ_SET(x, "percent", json_real(raci_diff_churn(d)));
    DJ_SET(x, "added", json_integer((json_int_t)d->ar_added));
    DJ_SET(x, "removed", json_integer((json_int_t)d->ar_removed));
    DJ_SET(x, "before", json_integer((json_int_t)d->ar[0]));
    DJ_SET(x, "after", json_integer((json_int_t)d->ar[1]));
    DJ_SET(x, "limit", r->max_churn >= 0 ? json_real(r->max_churn) : json_null());
    DJ_SET(x, "exceeded", json_boolean(r->churn_failed));
    return 0;
}

raci_error raci_report_diff_json(FILE *out, const struct raci_diff_report *r)
{
    json_t *doc = json_object();

    if (!doc || dj_doc(doc, r)) {
        json_decref(doc);
        return RACI_ERROR_NOMEM;
    }
    return raci_json_emit(doc, out, 2);
}
