/*
 * json.h - jansson helpers shared by the JSON-based writers (json, sarif,
 * gitlab) and the baseline file. Only those include this header, and so
 * jansson.
 */
#ifndef RACI_JSON_H
#define RACI_JSON_H

#include <jansson.h>
#include <stdio.h>

#include "raci/error.h"

/*
 * A JSON string of s, or null when s is NULL. Text that is not valid UTF-8
 * (a name cut in the middle of a character by a fixed-size key) has each
 * bad byte replaced by U+FFFD, since JSON cannot carry it. NULL only when
 * out of memory.
 */
json_t *raci_json_string(const char *s);

/* Append v to array a, taking v's reference (even on failure). Non-zero on
 * failure, including v == NULL. */
int raci_json_push(json_t *a, json_t *v);

/* Set o[key] = v, taking v's reference; non-zero on failure or v == NULL. */
int raci_json_set(json_t *o, const char *key, json_t *v);

/*
 * Write doc to out (indent: spaces, 0 for one line) and a newline, then
 * drop the reference to doc. RACI_ERROR_NOMEM when doc is NULL,
 * RACI_ERROR_OUTPUT when writing fails.
 */
raci_error raci_json_emit(json_t *doc, FILE *out, int indent);

#endif
