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
