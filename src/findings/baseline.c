/*
 * baseline.c - the baseline file: the identities of known findings.
 */
#include "raci/baseline.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "raci/json.h"
#include "raci/outfile.h"
#include "raci/array.h"
#include "raci/str.h"

#define BASELINE_VERSION 1
/* More of one finding than any roster holds; merged counts stop here, so
 * that what is written can always be read back. */
#define BASELINE_MAX_COUNT 1000000000

/* ------------------------------------------------------------- entries -- */

static int entry_cmp2(const char *rule, const char *entity, const struct raci_baseline_entry *e)
{
    int c = strcmp(rule, e->rule);
    return c ? c : strcmp(entity, e->entity);
}

static int entry_cmp(const void *pa, const void *pb)
{
    const struct raci_baseline_entry *a = pa;
    return entry_cmp2(a->rule, a->entity, pb);
}

static void entry_release(struct raci_baseline_entry *e)
{
    free(e->rule);
    free(e->entity);
}

/* Append (rule, entity) with count to v; strings copied. */
static raci_error entry_add(struct raci_baseline_entry **v, size_t *n, size_t *cap,
                            const char *rule, const char *entity, size_t count)
{
    struct raci_baseline_entry *e;

    if (raci_array_grow(v, cap, *n + 1, sizeof(**v)) != RACI_OK)
        return RACI_ERROR_NOMEM;
    e = &(*v)[*n];
    e->rule = raci_str_dup(rule);
    e->entity = raci_str_dup(entity);
    e->count = count;
    if (!e->rule || !e->entity) {
        entry_release(e);
        return RACI_ERROR_NOMEM;
    }
    (*n)++;
    return RACI_OK;
}

/* Sort b and merge equal identities, adding their counts. */
static void baseline_normalise(struct raci_baseline *b)
{
    size_t k = 0;

    if (b->n > 1)
        qsort(b->v, b->n, sizeof(*b->v), entry_cmp);
    for (size_t i = 0; i < b->n; i++) {
        if (k > 0 && entry_cmp(&b->v[i], &b->v[k - 1]) == 0) {
            size_t sum = b->v[k - 1].count + b->v[i].count;
            b->v[k - 1].count = sum > BASELINE_MAX_COUNT ? BASELINE_MAX_COUNT : sum;
            entry_release(&b->v[i]);
            continue;
        }
        b->v[k++] = b->v[i];
    }
    b->n = k;
}

static const struct raci_baseline_entry *baseline_find(const struct raci_baseline *b,
                                                       const char *rule, const char *entity)
{
    size_t lo = 0, hi = b->n;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = entry_cmp2(rule, entity, &b->v[mid]);
        if (c == 0)
            return &b->v[mid];
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

void raci_baseline_release(struct raci_baseline *b)
{
    if (!b)
        return;
    for (size_t i = 0; i < b->n; i++)
        entry_release(&b->v[i]);
    free(b->v);
    memset(b, 0, sizeof(*b));
}

void raci_baseline_diff_release(struct raci_baseline_diff *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->nabsent; i++)
        entry_release(&d->absent[i]);
    free(d->absent);
    free(d->file);
    memset(d, 0, sizeof(*d));
}

raci_error raci_baseline_build(struct raci_baseline *b, const struct raci_findings *fs)
{
    memset(b, 0, sizeof(*b));
    for (size_t i = 0; i < fs->n; i++) {
        const struct raci_finding *f = &fs->v[i];
        if (entry_add(&b->v, &b->n, &b->cap, f->rule, f->entity, 1) != RACI_OK) {
            raci_baseline_release(b);
            return RACI_ERROR_NOMEM;
        }
    }
    baseline_normalise(b);
    return RACI_OK;
}

/* ---------------------------------------------------------------- JSON -- */

static json_t *baseline_to_json(const struct raci_baseline *b)
{
    json_t *doc = json_object(), *list = json_array();

    if (!doc || !list || raci_json_set(doc, "version", json_integer(BASELINE_VERSION)) ||
        raci_json_set(doc, "tool", json_string("raci")) || json_object_set(doc, "findings", list))
        goto fail;
    for (size_t i = 0; i < b->n; i++) {
        const struct raci_baseline_entry *e = &b->v[i];
        json_t *o = json_object();
        if (raci_json_push(list, o) || raci_json_set(o, "rule", raci_json_string(e->rule)) ||
            raci_json_set(o, "entity", raci_json_string(e->entity)) ||
            raci_json_set(o, "count", json_integer((json_int_t)e->count)))
            goto fail;
    }
    json_decref(list);
    return doc;
fail:
    json_decref(list);
    json_decref(doc);
    return NULL;
}

raci_error raci_baseline_dump(const struct raci_baseline *b, FILE *out)
{
    /* Two-space indent: a baseline is kept in git, its diffs should read
     * well. */
    return raci_json_emit(baseline_to_json(b), out, 2);
}

static raci_error dump_cb(FILE *out, const void *ctx)
{
    return raci_baseline_dump(ctx, out);
}

raci_error raci_baseline_save(const struct raci_baseline *b, const char *path)
{
    return raci_outfile_write(path, dump_cb, b);
}

/* A string member of o, or NULL (absent, or not a string). */
static const char *get_string(const json_t *o, const char *key)
{
    return json_string_value(json_object_get(o, key));
}

static raci_error baseline_from_json(struct raci_baseline *b, const json_t *doc,
                                     const char *display, struct raci_diag *diag)
{
    const json_t *list = json_object_get(doc, "findings");
    const json_t *ver = json_object_get(doc, "version");
    const char *tool = get_string(doc, "tool");
    size_t i;
    const json_t *o;

    if (!json_is_object(doc) || !tool || strcmp(tool, "raci") != 0 || !json_is_array(list))
        return raci_diag_set(diag, display, 0, 0, NULL,
                             "not a raci baseline (expected an object with \"tool\": \"raci\" "
                             "and a \"findings\" array, as --write-baseline writes)");
    if (!json_is_integer(ver) || json_integer_value(ver) != BASELINE_VERSION)
        return raci_diag_set(diag, display, 0, 0, NULL,
                             "unsupported baseline version (expected \"version\": %d; write it "
                             "again with this raci's --write-baseline)",
                             BASELINE_VERSION);
    json_array_foreach(list, i, o)
    {
        const char *rule = get_string(o, "rule"), *entity = get_string(o, "entity");
        const json_t *count = json_object_get(o, "count");
        json_int_t c = count ? json_integer_value(count) : 1;

        if (!json_is_object(o) || !rule || !entity || (count && !json_is_integer(count)) || c < 1 ||
            c > BASELINE_MAX_COUNT)
            return raci_diag_set(diag, display, 0, 0, NULL,
                                 "entry %zu of \"findings\" is malformed (expected \"rule\" and "
                                 "\"entity\" strings and \"count\" a positive integer)",
                                 i + 1);
        if (entry_add(&b->v, &b->n, &b->cap, rule, entity, (size_t)c) != RACI_OK)
            return RACI_ERROR_NOMEM;
    }
    baseline_normalise(b);
    return RACI_OK;
}

raci_error raci_baseline_load_mem(struct raci_baseline *b, const char *text, size_t len,
                                  const char *display, struct raci_diag *diag)
{
    json_error_t jerr;
    json_t *doc;
    raci_error err;

    memset(b, 0, sizeof(*b));
    doc = json_loadb(text, len, JSON_REJECT_DUPLICATES, &jerr);
    if (!doc)
        return raci_diag_set(diag, display, jerr.line > 0 ? (unsigned)jerr.line : 0,
                             jerr.column > 0 ? (unsigned)jerr.column : 0, NULL,
                             "malformed baseline: %s", jerr.text);
    err = baseline_from_json(b, doc, display, diag);
    json_decref(doc);
    if (err)
        raci_baseline_release(b);
    return err;
}

raci_error raci_baseline_load(struct raci_baseline *b, const char *path, struct raci_diag *diag)
{
    FILE *in = fopen(path, "rb");
    char *text = NULL;
    size_t len = 0, cap = 0;
    raci_error err;

    memset(b, 0, sizeof(*b));
    if (!in)
        return RACI_ERROR_IO;
    for (;;) {
        if (raci_array_grow(&text, &cap, len + 65536, 1) != RACI_OK) {
            fclose(in);
            free(text);
            return RACI_ERROR_NOMEM;
        }
        size_t want = cap - len, got = fread(text + len, 1, want, in);
        len += got;
        if (got < want)
            break;
    }
    if (ferror(in)) {
        int saved = errno;
        fclose(in);
        free(text);
        errno = saved;
        return RACI_ERROR_IO;
    }
    fclose(in);
    err = raci_baseline_load_mem(b, text, len, path, diag);
    free(text);
    return err;
}

/* --------------------------------------------------------------- apply -- */

raci_error raci_baseline_apply(const struct raci_baseline *b, const char *file,
                               struct raci_findings *fs, struct raci_baseline_diff *diff)
{
    size_t *used = calloc(b->n ? b->n : 1, sizeof(*used));
    size_t cap = 0;

    memset(diff, 0, sizeof(*diff));
    if (!used || (file && !(diff->file = raci_str_dup(file)))) {
        free(used);
        raci_baseline_diff_release(diff);
        return RACI_ERROR_NOMEM;
    }
    for (size_t i = 0; i < fs->n; i++) {
        struct raci_finding *f = &fs->v[i];
        const struct raci_baseline_entry *e = baseline_find(b, f->rule, f->entity);
        /* As many of one identity as the baseline counts, the first ones:
         * a second A on a task the baseline knows once is new. */
        f->known = e && used[e - b->v] < e->count;
        if (f->known) {
            used[e - b->v]++;
            diff->known++;
        }
    }
    for (size_t i = 0; i < b->n; i++) {
        const struct raci_baseline_entry *e = &b->v[i];
        if (used[i] < e->count && entry_add(&diff->absent, &diff->nabsent, &cap, e->rule, e->entity,
                                            e->count - used[i]) != RACI_OK) {
            free(used);
            raci_baseline_diff_release(diff);
            return RACI_ERROR_NOMEM;
        }
    }
    free(used);
    return RACI_OK;
}

size_t raci_baseline_diff_gone(const struct raci_baseline_diff *d)
{
    size_t gone = 0;
    for (size_t i = 0; i < d->nabsent; i++)
        gone += d->absent[i].count;
    return gone;
}
