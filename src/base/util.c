/*
 * util.c - growing arrays, formatted strings, name normalisation.
 */
#include "raci/util.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

raci_error raci_grow(void *array, size_t *cap, size_t need, size_t size)
{
    void **p = array;
    size_t n;
    void *q;

    if (need <= *cap)
        return RACI_OK;
    n = *cap ? *cap : 8;
    while (n < need) {
        if (n > SIZE_MAX / 2)
            return RACI_ERROR_NOMEM;
        n *= 2;
    }
    if (n > SIZE_MAX / size)
        return RACI_ERROR_NOMEM;
    q = realloc(*p, n * size);
    if (!q)
        return RACI_ERROR_NOMEM;
    /* New slots start zeroed, so that half-built elements are safe to free. */
    memset((char *)q + *cap * size, 0, (n - *cap) * size);
    *p = q;
    *cap = n;
    return RACI_OK;
}

char *raci_strdup(const char *s)
{
    size_t n;
    char *d;

    if (!s)
        return NULL;
    n = strlen(s) + 1;
    d = malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

char *raci_vasprintf(const char *fmt, va_list ap)
{
    va_list ap2;
    int n;
    char *s;

    va_copy(ap2, ap);
    n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0)
        return NULL;
    s = malloc((size_t)n + 1);
    if (s)
        vsnprintf(s, (size_t)n + 1, fmt, ap);
    return s;
}

char *raci_asprintf(const char *fmt, ...)
{
    va_list ap;
    char *s;

    va_start(ap, fmt);
    s = raci_vasprintf(fmt, ap);
    va_end(ap);
    return s;
}

static int is_alnum_ascii(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

size_t raci_norm_key(const char *s, char *out, size_t size)
{
    size_t n = 0;
    int pending_space = 0;

    if (!size)
        return 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        unsigned char c = *p;
        if (c == '*' || c == '`')
            continue; /* markdown emphasis is not part of a name */
        if (is_alnum_ascii(c) || c >= 0x80) {
            if (pending_space && n > 0 && n + 1 < size)
                out[n++] = ' ';
            pending_space = 0;
            if (n + 1 < size)
                out[n++] = (char)((c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c);
        } else {
            pending_space = 1;
        }
    }
    out[n] = '\0';
    return n;
}

int raci_strcasecmp(const char *a, const char *b)
{
    for (;; a++, b++) {
        int ca = (unsigned char)*a, cb = (unsigned char)*b;
        if (ca >= 'A' && ca <= 'Z')
            ca += 'a' - 'A';
        if (cb >= 'A' && cb <= 'Z')
            cb += 'a' - 'A';
        if (ca != cb || !ca)
            return ca - cb;
    }
}

size_t raci_utf8_len(const char *s, size_t n)
{
    size_t chars = 0;
    for (size_t i = 0; i < n && s[i]; i++)
        if (((unsigned char)s[i] & 0xc0) != 0x80)
            chars++;
    return chars;
}
