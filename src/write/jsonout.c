/*
 * jsonout.c - jansson helpers for the JSON-based writers.
 */
#include "raci/jsonout.h"

#include <stdlib.h>
#include <string.h>

/* Length of the valid UTF-8 sequence at s (1-4), or 0 when s[0] starts none. */
static size_t utf8_seq(const unsigned char *s)
{
    size_t n;
    unsigned min;
    unsigned cp;

    if (s[0] < 0x80)
        return 1;
    if ((s[0] & 0xE0) == 0xC0)
        n = 2, min = 0x80, cp = s[0] & 0x1F;
    else if ((s[0] & 0xF0) == 0xE0)
        n = 3, min = 0x800, cp = s[0] & 0x0F;
    else if ((s[0] & 0xF8) == 0xF0)
        n = 4, min = 0x10000, cp = s[0] & 0x07;
    else
        return 0;
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return n;
}

json_t *raci_json_string(const char *s)
{
    json_t *j;
    char *fixed, *o;
    size_t len;

    if (!s)
        return json_null();
    if ((j = json_string(s)) != NULL)
        return j;
    /* jansson refused it: not UTF-8. Replace each stray byte. */
    len = strlen(s);
    if (!(fixed = malloc(len * 3 + 1)))
        return NULL;
    o = fixed;
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        size_t n = utf8_seq(p);
        if (n == 0) {
            memcpy(o, "\xEF\xBF\xBD", 3);
            o += 3;
            p++;
            continue;
        }
        memcpy(o, p, n);
        o += n;
        p += n;
    }
    *o = '\0';
    j = json_string(fixed);
    free(fixed);
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
