/*
 * baseline.c - the baseline file: the identities of known findings.
 */
#include "raci/baseline.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "raci/json.h"
#include "raci/outfile.h"
#include "raci/array.h"
#include "raci/str.h"

#define BASELINE_VERSION 1
/* The most a baseline may be: one entry per finding, some 100 bytes each,
 * so room for more than half a million findings. Larger is not a baseline
 * (or not one this raci can use), and reading stops there. */
#define BASELINE_MAX_BYTES ((size_t)64 << 20)
static const char baseline_too_big[] =
    "it is larger than 64 MiB, the most a baseline may be (is it the file --write-baseline "
    "wrote?)";
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

/* ---------------------------------------------------------- positions -- */

/*
 * jansson gives a position for a syntax error only. For a document that
 * parses but is no baseline, the value at fault is found again in the text
 * by a scanner that knows just enough JSON to step over values: the text
 * has been accepted by jansson, so it is well-formed, and strings are the
 * only thing to take care of (a bracket or quote inside one).
 */
#define BASELINE_NOWHERE ((size_t)-1)

static size_t jpos_space(const char *t, size_t n, size_t i)
{
    while (i < n && (t[i] == ' ' || t[i] == '\t' || t[i] == '\r' || t[i] == '\n'))
        i++;
    return i;
}

/* Past the string whose opening quote is at i. */
static size_t jpos_string_end(const char *t, size_t n, size_t i)
{
    for (i++; i < n && t[i] != '"'; i++)
        if (t[i] == '\\')
            i++;
    return i < n ? i + 1 : n;
}

/* Past the value that starts at i. */
static size_t jpos_value_end(const char *t, size_t n, size_t i)
{
    size_t depth = 0;

    if (i < n && t[i] == '"')
        return jpos_string_end(t, n, i);
    if (i < n && t[i] != '{' && t[i] != '[') {
        while (i < n && !strchr(",}] \t\r\n", t[i]))
            i++;
        return i;
    }
    while (i < n) {
        if (t[i] == '"') {
            i = jpos_string_end(t, n, i);
            continue;
        }
        if (t[i] == '{' || t[i] == '[')
            depth++;
        else if ((t[i] == '}' || t[i] == ']') && --depth == 0)
            return i + 1;
        i++;
    }
    return n;
}

/* Is the string token tok (quotes included) the key? Escapes are decoded
 * by jansson itself. */
static int jpos_key_is(const char *tok, size_t len, const char *key)
{
    json_t *s;
    int is;

    if (!memchr(tok, '\\', len))
        return len == strlen(key) + 2 && memcmp(tok + 1, key, len - 2) == 0;
    s = json_loadb(tok, len, JSON_DECODE_ANY, NULL);
    is = json_is_string(s) && strcmp(json_string_value(s), key) == 0;
    json_decref(s);
    return is;
}

/* Where the value of member key of the object at i starts; NOWHERE when it
 * has none. */
static size_t jpos_member(const char *t, size_t n, size_t i, const char *key)
{
    i = jpos_space(t, n, i + 1);
    while (i < n && t[i] == '"') {
        size_t end = jpos_string_end(t, n, i);
        size_t v = jpos_space(t, n, jpos_space(t, n, end) + 1); /* past the ':' */
        if (jpos_key_is(t + i, end - i, key))
            return v;
        i = jpos_space(t, n, jpos_value_end(t, n, v));
        if (i < n && t[i] == ',')
            i = jpos_space(t, n, i + 1);
    }
    return BASELINE_NOWHERE;
}

/* Where element index of the array at i starts; NOWHERE past its end. */
static size_t jpos_element(const char *t, size_t n, size_t i, size_t index)
{
    i = jpos_space(t, n, i + 1);
    for (size_t k = 0; i < n && t[i] != ']'; k++) {
        if (k == index)
            return i;
        i = jpos_space(t, n, jpos_value_end(t, n, i));
        if (i < n && t[i] == ',')
            i = jpos_space(t, n, i + 1);
    }
    return BASELINE_NOWHERE;
}

/* What is at fault: the document (key NULL), the value of its member key,
 * element index of that array (index >= 0), or that element's member. */
struct baseline_fault {
    const char *key;
    long index;
    const char *member;
};

/* The offset of the fault in the text, or of the nearest value around it
 * that is there. */
static size_t baseline_fault_at(const char *t, size_t n, struct baseline_fault f)
{
    size_t doc = jpos_space(t, n, 0), v, e, m;

    if (!f.key || doc >= n || t[doc] != '{' ||
        (v = jpos_member(t, n, doc, f.key)) == BASELINE_NOWHERE)
        return doc;
    if (f.index < 0 || t[v] != '[' ||
        (e = jpos_element(t, n, v, (size_t)f.index)) == BASELINE_NOWHERE)
        return v;
    if (!f.member || t[e] != '{' || (m = jpos_member(t, n, e, f.member)) == BASELINE_NOWHERE)
        return e;
    return m;
}

/* Set diag at the fault's line and column (characters, 1-based), with its
 * line of text; returns RACI_ERROR_INPUT (or NOMEM). */
static raci_error baseline_fail(const char *t, size_t n, const char *display,
                                struct raci_diag *diag, struct baseline_fault f, const char *fmt,
                                ...) RACI_PRINTF(6, 7);

static raci_error baseline_fail(const char *t, size_t n, const char *display,
                                struct raci_diag *diag, struct baseline_fault f, const char *fmt,
                                ...)
{
    size_t at = baseline_fault_at(t, n, f), ls = 0, le;
    unsigned line = 1;
    char *msg, *src;
    va_list ap;
    raci_error err;

    for (size_t i = 0; i < at && i < n; i++)
        if (t[i] == '\n') {
            line++;
            ls = i + 1;
        }
    for (le = ls; le < n && t[le] != '\n' && t[le] != '\r'; le++)
        ;
    va_start(ap, fmt);
    msg = raci_str_vprintf(fmt, ap);
    va_end(ap);
    src = raci_str_printf("%.*s", (int)(le - ls), t + ls);
    if (!msg || !src)
        err = RACI_ERROR_NOMEM;
    else
        err = raci_diag_set(diag, display, at < n ? line : 0,
                            at < n ? (unsigned)raci_str_chars(t + ls, at - ls) + 1 : 0, src, "%s",
                            msg);
    free(msg);
    free(src);
    return err;
}

/* ---------------------------------------------------------- reading -- */

/* A string member of o, or NULL (absent, or not a string). */
static const char *get_string(const json_t *o, const char *key)
{
    return json_string_value(json_object_get(o, key));
}

#define NOT_A_BASELINE                                                                             \
    "not a raci baseline (expected an object with \"tool\": \"raci\" and a \"findings\" array, "   \
    "as --write-baseline writes)"

/* The document's fault, when it is no baseline of this version: its
 * member at fault, or the document itself. 0 when it is one. */
static int baseline_doc_fault(const json_t *doc, struct baseline_fault *f, const char **why)
{
    const json_t *tool = json_object_get(doc, "tool"), *list = json_object_get(doc, "findings");
    const json_t *ver = json_object_get(doc, "version");

    *f = (struct baseline_fault){NULL, -1, NULL};
    *why = NOT_A_BASELINE;
    if (!json_is_object(doc) || !tool || !list)
        return 1;
    f->key = "tool";
    if (!json_is_string(tool) || strcmp(json_string_value(tool), "raci") != 0)
        return 1;
    f->key = "findings";
    if (!json_is_array(list))
        return 1;
    f->key = ver ? "version" : NULL;
    *why = NULL;
    return !json_is_integer(ver) || json_integer_value(ver) != BASELINE_VERSION;
}

/* Entry i's member at fault (NULL: the entry itself), or 0 when it is
 * fine. */
static int baseline_entry_fault(const json_t *o, const char **member)
{
    const json_t *rule = json_object_get(o, "rule"), *entity = json_object_get(o, "entity");
    const json_t *count = json_object_get(o, "count");
    json_int_t c = count ? json_integer_value(count) : 1;

    *member = NULL;
    if (!json_is_object(o) || !rule || !entity)
        return 1;
    *member = !json_is_string(rule) ? "rule" : !json_is_string(entity) ? "entity" : "count";
    return !json_is_string(rule) || !json_is_string(entity) ||
           (count && (!json_is_integer(count) || c < 1 || c > BASELINE_MAX_COUNT));
}

static raci_error baseline_from_json(struct raci_baseline *b, const json_t *doc, const char *text,
                                     size_t len, const char *display, struct raci_diag *diag)
{
    struct baseline_fault f;
    const char *why, *member;
    size_t i;
    const json_t *o;

    if (baseline_doc_fault(doc, &f, &why)) {
        if (why)
            return baseline_fail(text, len, display, diag, f, "%s", why);
        return baseline_fail(text, len, display, diag, f,
                             "unsupported baseline version (expected \"version\": %d; write it "
                             "again with this raci's --write-baseline)",
                             BASELINE_VERSION);
    }
    json_array_foreach(json_object_get(doc, "findings"), i, o)
    {
        if (baseline_entry_fault(o, &member))
            return baseline_fail(text, len, display, diag,
                                 (struct baseline_fault){"findings", (long)i, member},
                                 "entry %zu of \"findings\" is malformed (expected \"rule\" and "
                                 "\"entity\" strings and \"count\" a positive integer)",
                                 i + 1);
        if (entry_add(&b->v, &b->n, &b->cap, get_string(o, "rule"), get_string(o, "entity"),
                      json_object_get(o, "count")
                          ? (size_t)json_integer_value(json_object_get(o, "count"))
                          : 1) != RACI_OK)
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
    err = baseline_from_json(b, doc, text, len, display, diag);
    json_decref(doc);
    if (err)
        raci_baseline_release(b);
    return err;
}

/* Why the file open as in cannot be a baseline (a device, a directory, a
 * file too big), in words; NULL when it may be read. */
static const char *baseline_refusal(FILE *in)
{
    struct stat st;

    if (fstat(fileno(in), &st) != 0)
        return NULL; /* reading will say */
    if (S_ISDIR(st.st_mode))
        return "it is a directory (a baseline is the JSON file --write-baseline writes)";
    if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) || S_ISSOCK(st.st_mode))
        return "it is a device, not a file (a baseline is the JSON file --write-baseline writes)";
    if (S_ISREG(st.st_mode) && st.st_size > (off_t)BASELINE_MAX_BYTES)
        return baseline_too_big;
    return NULL;
}

raci_error raci_baseline_load(struct raci_baseline *b, const char *path, struct raci_diag *diag)
{
    FILE *in = fopen(path, "rb");
    const char *why;
    char *text = NULL;
    size_t len = 0, cap = 0;
    raci_error err;

    memset(b, 0, sizeof(*b));
    if (!in)
        return RACI_ERROR_IO;
    if ((why = baseline_refusal(in))) {
        /* A file too large is located at its start, like any file's. */
        int whole_file = why == baseline_too_big;
        fclose(in);
        return raci_diag_set(diag, path, whole_file, whole_file, NULL,
                             "unable to read baseline: %s", why);
    }
    /* Read at most one byte more than a baseline may hold: a pipe that
     * never ends stops there. */
    for (;;) {
        size_t want, got;
        if (raci_array_grow(&text, &cap, len + 65536 + 1, 1) != RACI_OK) {
            fclose(in);
            free(text);
            return RACI_ERROR_NOMEM;
        }
        want = cap - 1 - len;
        if (want > BASELINE_MAX_BYTES + 1 - len)
            want = BASELINE_MAX_BYTES + 1 - len;
        got = fread(text + len, 1, want, in);
        len += got;
        if (got < want || len > BASELINE_MAX_BYTES)
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
    if (len > BASELINE_MAX_BYTES) {
        free(text);
        return raci_diag_set(diag, path, 1, 1, NULL, "unable to read baseline: %s",
                             baseline_too_big);
    }
    text[len] = '\0';
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
