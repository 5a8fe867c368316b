/*
 * json.c - jansson helpers for the JSON-based writers and the baseline.
 */
#include "raci/json.h"

#include <stdlib.h>
#include <string.h>

#include "raci/str.h"

json_t *raci_json_string(const char *s)
{
    char *owned;
    const char *text;
    json_t *j;

    if (!s)
        return json_null();
    /* JSON cannot carry bytes that are not UTF-8: they become U+FFFD. */
    if (!(text = raci_str_utf8(s, &owned)))
        return NULL;
    j = json_string(text);
    free(owned);
    return j;
}

int raci_json_push(json_t *a, json_t *v)
{
    return v ? json_array_append_new(a, v) : -1;
}

int raci_json_set(json_t *o, const char *key, json_t *v)
{
    return v ? json_object_set_new(o, key, v) : -1;
}

json_t *raci_json_absent(const struct raci_baseline_diff *d, const char *rule_key)
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

raci_error raci_json_emit(json_t *doc, FILE *out, int indent)
{
    int rc;

    if (!doc)
        return RACI_ERROR_NOMEM;
    rc = json_dumpf(doc, out, (indent ? JSON_INDENT(indent) : JSON_COMPACT) | JSON_PRESERVE_ORDER);
    json_decref(doc);
    if (rc != 0 || fputc('\n', out) == EOF || ferror(out))
        return RACI_ERROR_OUTPUT;
    return RACI_OK;
}
