/*
 * sheetname.c - names that Excel accepts for a worksheet.
 */
#include "raci/sheetname.h"

#include <stdio.h>
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
