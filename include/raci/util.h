/*
 * util.h - small helpers every module uses: growing arrays, formatted
 * strings and the normalisation that makes names comparable.
 */
#ifndef RACI_UTIL_H
#define RACI_UTIL_H

#include <stdarg.h>
#include <stddef.h>

#include "raci/error.h"

/* Make room for at least `need` elements of `size` bytes in *array, whose
 * capacity is *cap. Grows geometrically. On failure *array is untouched. */
raci_error raci_grow(void *array, size_t *cap, size_t need, size_t size);

/* malloc'd copy of s (NULL for NULL). */
char *raci_strdup(const char *s);

/* malloc'd printf. NULL when out of memory. */
char *raci_asprintf(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;
char *raci_vasprintf(const char *fmt, va_list ap);

/*
 * Write a matching key for s into out (size bytes, always terminated):
 * ASCII letters lower-cased, every run of characters that are not letters or
 * digits turned into one space, no leading or trailing space, markdown
 * emphasis (* `) dropped ('_' separates words, as in "reports_to"). Bytes >= 0x80 (UTF-8) are kept
 * as they are. "  Market-Research! " -> "market research". Returns the key's length.
 */
size_t raci_norm_key(const char *s, char *out, size_t size);

/* Case-insensitive ASCII comparison. */
int raci_strcasecmp(const char *a, const char *b);

/* Number of UTF-8 characters in the first n bytes of s. */
size_t raci_utf8_len(const char *s, size_t n);

#endif
