/*
 * sheetname.c - names that Excel accepts for a worksheet.
 */
#include "raci/sheetname.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "raci/fold.h"
#include "raci/str.h"

/* What Excel refuses in a name, and '#': libxlsxwriter takes what follows a
 * '#' in a link for its anchor, so that a link to 'Team #1'!A1 would lead to
 * a sheet "Team ". */
static int sheetname_forbidden(uint32_t cp)
{
    return cp == '[' || cp == ']' || cp == ':' || cp == '*' || cp == '?' || cp == '/' ||
           cp == '\\' || cp == '#';
}

/* Bytes that code point cp, k bytes of UTF-8, takes in a quoted name. */
static size_t sheetname_quoted(uint32_t cp, size_t k)
{
    return cp == '\'' ? 2 : k;
}

/* Copy the n-byte name into out (size bytes), cut at a character boundary. */
static size_t sheetname_copy(const char *name, size_t n, char *out, size_t size)
{
    if (size == 0)
        return 0;
    if (n > size - 1) {
        n = size - 1;
        while (n > 0 && ((unsigned char)name[n] & 0xC0) == 0x80)
            n--;
    }
    memcpy(out, name, n);
    out[n] = '\0';
    return n;
}

size_t raci_sheetname_safe(const char *name, char *out, size_t size)
{
    char buf[RACI_SHEETNAME_MAX];
    const unsigned char *s = (const unsigned char *)(name ? name : "");
    size_t n = strlen((const char *)s), o = 0, units = 0, quoted = 2;
    int started = 0;

    while (n > 0) {
        uint32_t cp;
        size_t k = raci_str_decode((const char *)s, n, &cp), u;
        if (k == 0) {
            k = 1;
            cp = '_';
        } else if (sheetname_forbidden(cp)) {
            cp = '_';
        } else if (cp < 0x20 || cp == 0xFFFE || cp == 0xFFFF) {
            cp = ' ';
        }
        s += k;
        n -= k;
        /* Excel refuses a name that starts or ends with an apostrophe; spaces
         * there are legal but only confusing. */
        if (!started && (cp == ' ' || cp == '\''))
            continue;
        started = 1;
        u = cp >= 0x10000 ? 2 : 1;
        k = raci_str_encode(cp, buf + o);
        if (units + u > RACI_SHEETNAME_UNITS ||
            quoted + sheetname_quoted(cp, k) > RACI_SHEETNAME_QUOTED_MAX)
            break;
        o += k;
        units += u;
        quoted += sheetname_quoted(cp, k);
    }
    while (o > 0 && (buf[o - 1] == ' ' || buf[o - 1] == '\''))
        o--;
    if (o == 0) {
        memcpy(buf, "Sheet", 5);
        o = 5;
    }
    return sheetname_copy(buf, o, out, size);
}

/* Unicode's simple case folding (fold.h), the comparison without case that
 * Excel makes over all of Unicode; the seam for folding: nothing else here
 * knows about case. Beyond it, İ (U+0130) and ı (U+0131): locale-free
 * folding leaves them alone, Turkish casing pairs them with i and I, and a
 * workbook must open in every Excel, so all four fold together here. At
 * worst a name gets a suffix it did not need. */
uint32_t raci_sheetname_fold(uint32_t cp)
{
    if (cp == 0x130 || cp == 0x131)
        return 'i';
    return raci_fold_char(cp);
}

int raci_sheetname_equal(const char *a, const char *b)
{
    const unsigned char *p = (const unsigned char *)a, *q = (const unsigned char *)b;
    size_t na = strlen(a), nb = strlen(b);

    while (na > 0 && nb > 0) {
        uint32_t ca, cb;
        size_t ka = raci_str_decode((const char *)p, na, &ca),
               kb = raci_str_decode((const char *)q, nb, &cb);
        if (!ka)
            ka = 1, ca = 0x110000u + *p; /* no character: compare the byte */
        if (!kb)
            kb = 1, cb = 0x110000u + *q;
        if (raci_sheetname_fold(ca) != raci_sheetname_fold(cb))
            return 0;
        p += ka, na -= ka;
        q += kb, nb -= kb;
    }
    return na == 0 && nb == 0;
}

static int sheetname_taken(const char *name, const char *const *taken, size_t ntaken)
{
    /* Excel keeps "History" for its change-tracking sheet. */
    if (raci_sheetname_equal(name, "History"))
        return 1;
    for (size_t i = 0; i < ntaken; i++)
        if (taken[i] && raci_sheetname_equal(name, taken[i]))
            return 1;
    return 0;
}

/* How many bytes of the safe name s (n bytes) to keep, in whole characters,
 * so that a suffix of slen ASCII characters still fits in 31 units and in
 * RACI_SHEETNAME_QUOTED_MAX bytes quoted; a space uncovered by the cut goes
 * too. */
static size_t sheetname_keep(const char *s, size_t n, size_t slen)
{
    size_t keep = 0, units = 0, quoted = 2;

    while (keep < n) {
        uint32_t cp = 0;
        size_t k = raci_str_decode(s + keep, n - keep, &cp);
        size_t u = cp >= 0x10000 ? 2 : 1;
        if (k == 0) /* cannot happen: safe names are valid UTF-8 */
            k = 1;
        if (units + u + slen > RACI_SHEETNAME_UNITS ||
            quoted + sheetname_quoted(cp, k) + slen > RACI_SHEETNAME_QUOTED_MAX)
            break;
        keep += k;
        units += u;
        quoted += sheetname_quoted(cp, k);
    }
    while (keep > 0 && s[keep - 1] == ' ')
        keep--;
    return keep;
}

size_t raci_sheetname_unique(const char *name, const char *const *taken, size_t ntaken, char *out,
                             size_t size)
{
    char safe[RACI_SHEETNAME_MAX], cand[RACI_SHEETNAME_MAX];
    size_t n = raci_sheetname_safe(name, safe, sizeof safe);

    if (!sheetname_taken(safe, taken, ntaken))
        return sheetname_copy(safe, n, out, size);
    /* At most ntaken + 1 suffixes are tried before one is free. */
    for (unsigned long k = 2;; k++) {
        char suffix[32];
        int slen = snprintf(suffix, sizeof suffix, " (%lu)", k);
        size_t keep = sheetname_keep(safe, n, (size_t)slen);
        memcpy(cand, safe, keep);
        memcpy(cand + keep, suffix, (size_t)slen + 1);
        if (!sheetname_taken(cand, taken, ntaken))
            return sheetname_copy(cand, keep + (size_t)slen, out, size);
    }
}

/* ----------------------------------------------------------------- set -- */

/* FNV-1a over the folded characters of name, as raci_sheetname_equal sees
 * them: names equal to it hash the same. */
static uint64_t sheetname_hash(const char *name)
{
    const unsigned char *p = (const unsigned char *)name;
    size_t n = strlen(name);
    uint64_t h = 0xCBF29CE484222325u;

    while (n > 0) {
        uint32_t cp;
        size_t k = raci_str_decode((const char *)p, n, &cp);
        if (!k)
            k = 1, cp = 0x110000u + *p;
        cp = raci_sheetname_fold(cp);
        for (int i = 0; i < 4; i++) {
            h ^= (cp >> (8 * i)) & 0xFF;
            h *= 0x100000001B3u;
        }
        p += k, n -= k;
    }
    return h;
}

int raci_sheetname_set_has(const struct raci_sheetname_set *s, const char *name)
{
    uintptr_t h = (uintptr_t)sheetname_hash(name);
    uint32_t i;

    if (raci_sheetname_equal(name, "History"))
        return 1;
    for (uint32_t probe = 0; (i = raci_map_get(&s->index, h, probe)) != RACI_MAP_NONE; probe++)
        if (raci_sheetname_equal(name, s->names[i]))
            return 1;
    return 0;
}

raci_error raci_sheetname_set_add(struct raci_sheetname_set *s, const char *name)
{
    uintptr_t h = (uintptr_t)sheetname_hash(name);
    uint32_t probe = 0;

    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 16;
        const char **v = realloc(s->names, cap * sizeof(*v));
        if (!v)
            return RACI_ERROR_NOMEM;
        s->names = v;
        s->cap = cap;
    }
    while (raci_map_get(&s->index, h, probe) != RACI_MAP_NONE)
        probe++;
    if (raci_map_put(&s->index, h, probe, (uint32_t)s->n))
        return RACI_ERROR_NOMEM;
    s->names[s->n++] = name;
    return RACI_OK;
}

raci_error raci_sheetname_set_unique(struct raci_sheetname_set *s, const char *name, char *out,
                                     size_t size)
{
    char safe[RACI_SHEETNAME_MAX], cand[RACI_SHEETNAME_MAX];
    size_t n = raci_sheetname_safe(name, safe, sizeof safe);
    uintptr_t h;
    uint32_t last;
    unsigned long k;

    if (!raci_sheetname_set_has(s, safe)) {
        sheetname_copy(safe, n, out, size);
        return raci_sheetname_set_add(s, out);
    }
    /* Every suffix up to the last one this name got is taken (names are
     * never removed), so the search starts after it. */
    h = (uintptr_t)sheetname_hash(safe);
    last = raci_map_get(&s->next, h, 0);
    for (k = last == RACI_MAP_NONE ? 2 : (unsigned long)last + 1;; k++) {
        char suffix[32];
        int slen = snprintf(suffix, sizeof suffix, " (%lu)", k);
        size_t keep = sheetname_keep(safe, n, (size_t)slen);
        memcpy(cand, safe, keep);
        memcpy(cand + keep, suffix, (size_t)slen + 1);
        if (!raci_sheetname_set_has(s, cand)) {
            sheetname_copy(cand, keep + (size_t)slen, out, size);
            break;
        }
    }
    if (k < RACI_MAP_NONE && raci_map_put(&s->next, h, 0, (uint32_t)k))
        return RACI_ERROR_NOMEM;
    return raci_sheetname_set_add(s, out);
}

void raci_sheetname_set_release(struct raci_sheetname_set *s)
{
    raci_map_release(&s->index);
    raci_map_release(&s->next);
    free(s->names);
    memset(s, 0, sizeof(*s));
}
