/*
 * report_gitlab.c - findings as a GitLab Code Quality report, built as a
 * jansson tree.
 */
#include "raci/report_gitlab.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "raci/json.h"
#include "raci/str.h"

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

/* 64-bit FNV-1a, as raci_findings_fingerprint hashes. */
static uint64_t gitlab_fnv1a(uint64_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211u;
    }
    return h;
}

/* A finding and its place in the report, to count repeats by. */
struct gitlab_slot {
    const struct raci_finding *f;
    size_t at;
};

static int gitlab_slot_cmp(const void *pa, const void *pb)
{
    const struct gitlab_slot *a = pa, *b = pb;
    int c = strcmp(a->f->rule, b->f->rule);

    if (!c)
        c = strcmp(a->f->entity, b->f->entity);
    return c ? c : (a->at > b->at) - (a->at < b->at);
}

/* repeat[i]: how many findings before the i-th in the report have its rule
 * and entity. n log n. NULL when out of memory. */
static size_t *gitlab_repeats(const struct raci_selection *fs)
{
    struct gitlab_slot *slots = calloc(fs->n ? fs->n : 1, sizeof(*slots));
    size_t *repeat = calloc(fs->n ? fs->n : 1, sizeof(*repeat));

    if (!slots || !repeat) {
        free(slots);
        free(repeat);
        return NULL;
    }
    for (size_t i = 0; i < fs->n; i++)
        slots[i] = (struct gitlab_slot){fs->v[i], i};
    qsort(slots, fs->n, sizeof(*slots), gitlab_slot_cmp);
    for (size_t i = 1; i < fs->n; i++)
        if (strcmp(slots[i].f->rule, slots[i - 1].f->rule) == 0 &&
            strcmp(slots[i].f->entity, slots[i - 1].f->entity) == 0)
            repeat[slots[i].at] = repeat[slots[i - 1].at] + 1;
    free(slots);
    return repeat;
}

/* The fingerprint of a finding that is the repeat-th of its identity in
 * the report: raci's own for the first, else a hash of it, the file and
 * the repeat, so that each is GitLab's one issue. */
static void gitlab_fingerprint(const struct raci_finding *f, size_t repeat,
                               char out[RACI_FINGERPRINT_SIZE])
{
    const char *file = raci_report_file(&f->loc);
    char n[24];
    uint64_t h = 14695981039346656037u;

    raci_findings_fingerprint(f, out);
    if (repeat == 0)
        return;
    snprintf(n, sizeof n, "%zu", repeat);
    h = gitlab_fnv1a(h, out, strlen(out) + 1);
    h = gitlab_fnv1a(h, file, strlen(file) + 1);
    h = gitlab_fnv1a(h, n, strlen(n));
    snprintf(out, RACI_FINGERPRINT_SIZE, "%016llx", (unsigned long long)h);
}

raci_error raci_report_gitlab(FILE *out, const struct raci_report *r)
{
    size_t *repeat = gitlab_repeats(r->findings);
    json_t *doc = repeat ? json_array() : NULL;

    for (size_t i = 0; doc && i < r->findings->n; i++) {
        const struct raci_finding *f = r->findings->v[i];
        char fp[RACI_FINGERPRINT_SIZE];
        char *path = gitlab_path(raci_report_file(&f->loc));
        /* A workbook's cell is said before the message: GitLab has lines. */
        char *ref = raci_report_ref(&f->loc);
        char *text = ref ? raci_str_printf("%s: %s", ref, f->message) : NULL;
        json_t *o = NULL;

        gitlab_fingerprint(f, repeat[i], fp);
        if (path && (!f->loc.sheet || text))
            o = json_pack("{s:o, s:s, s:s, s:s, s:{s:o, s:{s:i}}}", "description",
                          raci_json_string(text ? text : f->message), "check_name", f->rule,
                          "fingerprint", fp, "severity", gitlab_severity(f->severity), "location",
                          "path", raci_json_string(path), "lines", "begin", (int)f->loc.line);
        free(path);
        free(ref);
        free(text);
        if (raci_json_push(doc, o)) {
            json_decref(doc);
            doc = NULL;
        }
    }
    free(repeat);
    return raci_json_emit(doc, out, 2);
}
