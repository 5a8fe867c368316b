/*
 * str.c - copies, keys, UTF-8, safe output text and the string builder.
 */
#include "raci/str.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "raci/array.h"
#include "raci/fold.h"

#define REPLACEMENT     "\xEF\xBF\xBD" /* U+FFFD */
#define REPLACEMENT_LEN 3

char *raci_str_dup(const char *s)
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

char *raci_str_vprintf(const char *fmt, va_list ap)
{
    va_list ap2;
    char buf[512];
    int n;
    char *s;

    /* Most texts (a finding's message) fit the stack: formatted once. */
    va_copy(ap2, ap);
    n = vsnprintf(buf, sizeof buf, fmt, ap2);
    va_end(ap2);
    if (n < 0)
        return NULL;
    s = malloc((size_t)n + 1);
    if (s && (size_t)n < sizeof buf)
        memcpy(s, buf, (size_t)n + 1);
    else if (s)
        vsnprintf(s, (size_t)n + 1, fmt, ap);
    return s;
}

char *raci_str_printf(const char *fmt, ...)
{
    va_list ap;
    char *s;

    va_start(ap, fmt);
    s = raci_str_vprintf(fmt, ap);
    va_end(ap);
    return s;
}

int raci_str_casecmp(const char *a, const char *b)
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

/* ------------------------------------------------------------- keys -- */

static int is_alnum_ascii(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

size_t raci_str_key_into(const char *s, char *out)
{
    size_t n = 0, left = strlen(s);
    int pending_space = 0, raw = 0; /* raw: the last byte written is no UTF-8 */

    /* Each character written stands for one read, at most half as long
     * again (fold.h), and a space for a run of at least one byte: out never
     * needs more than RACI_STR_KEY_SIZE(strlen(s)). */
    for (const char *p = s; left > 0;) {
        unsigned char c = (unsigned char)*p;
        uint32_t cp;
        size_t k;
        if (c < 0x80 && !is_alnum_ascii(c)) {
            /* Markdown emphasis is not part of a name; anything else
             * separates words. Emphasis after a byte that is no UTF-8
             * separates too, so that dropping it never joins bytes into a
             * character the key of the key would read otherwise. */
            pending_space |= (c != '*' && c != '`') || raw;
            p++, left--;
            continue;
        }
        if (pending_space && n > 0)
            out[n++] = ' ';
        pending_space = 0;
        if (c < 0x80) { /* an ASCII letter or digit: folding is lower case */
            out[n++] = (char)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
            raw = 0;
            p++, left--;
            continue;
        }
        k = raci_str_decode(p, left, &cp);
        raw = k == 0;
        if (raw) {
            out[n++] = (char)c; /* no UTF-8: the byte as it is */
            k = 1;
        } else {
            n += raci_str_encode(raci_fold_char(cp), out + n);
        }
        p += k, left -= k;
    }
    out[n] = '\0';
    return n;
}

char *raci_str_key(const char *s)
{
    size_t len = strlen(s);
    char *out = len < SIZE_MAX / 2 ? malloc(RACI_STR_KEY_SIZE(len)) : NULL;
    if (out)
        raci_str_key_into(s, out);
    return out;
}

/* Texts up to this long are compared through keys on the stack. */
#define STR_SHORT 256

int raci_str_same_key(const char *a, const char *b)
{
    char sa[RACI_STR_KEY_SIZE(STR_SHORT)], sb[RACI_STR_KEY_SIZE(STR_SHORT)];
    char *ka, *kb;
    int same;

    if (a == b)
        return 1;
    if (strlen(a) <= STR_SHORT && strlen(b) <= STR_SHORT) {
        raci_str_key_into(a, sa);
        raci_str_key_into(b, sb);
        return strcmp(sa, sb) == 0;
    }
    ka = raci_str_key(a);
    kb = raci_str_key(b);
    same = ka && kb ? strcmp(ka, kb) == 0 : -1;
    free(ka);
    free(kb);
    return same;
}

/* ------------------------------------------------------------ UTF-8 -- */

size_t raci_str_decode(const char *str, size_t n, uint32_t *cp)
{
    const unsigned char *s = (const unsigned char *)str;
    unsigned char lo = 0x80, hi = 0xBF;
    uint32_t c;
    size_t len;

    if (n == 0)
        return 0;
    c = s[0];
    if (c < 0x80) {
        if (cp)
            *cp = c;
        return 1;
    }
    if (c >= 0xC2 && c <= 0xDF)
        len = 2, c &= 0x1F;
    else if (c >= 0xE0 && c <= 0xEF)
        len = 3, c &= 0x0F;
    else if (c >= 0xF0 && c <= 0xF4)
        len = 4, c &= 0x07;
    else
        return 0;
    /* The second byte's range rules out overlong forms, surrogates and
     * code points past U+10FFFF. */
    if (s[0] == 0xE0)
        lo = 0xA0;
    else if (s[0] == 0xED)
        hi = 0x9F;
    else if (s[0] == 0xF0)
        lo = 0x90;
    else if (s[0] == 0xF4)
        hi = 0x8F;
    if (n < len || s[1] < lo || s[1] > hi)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (s[i] & 0x3Fu);
    }
    if (cp)
        *cp = c;
    return len;
}

size_t raci_str_encode(uint32_t cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

size_t raci_str_valid(const char *s, size_t n)
{
    size_t i = 0;

    while (i < n) {
        size_t k;
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        if (!(k = raci_str_decode(s + i, n - i, NULL)))
            return i;
        i += k;
    }
    return n;
}

size_t raci_str_chars(const char *s, size_t n)
{
    size_t chars = 0;

    for (size_t i = 0; i < n && s[i];) {
        size_t k = raci_str_decode(s + i, n - i, NULL);
        i += k ? k : 1;
        chars++;
    }
    return chars;
}

size_t raci_str_units(const char *s, size_t n)
{
    size_t units = 0;

    for (size_t i = 0; i < n && s[i];) {
        uint32_t cp = 0;
        size_t k = raci_str_decode(s + i, n - i, &cp);
        i += k ? k : 1;
        units += k && cp > 0xFFFF ? 2 : 1;
    }
    return units;
}

int raci_str_xml_char(uint32_t cp)
{
    if (cp < 0x20)
        return cp == '\t' || cp == '\n' || cp == '\r';
    return cp != 0xFFFE && cp != 0xFFFF;
}

/* ------------------------------------------------------ safe output -- */

/* Characters XML 1.0 can hold (tab, line feed and carriage return among the
 * controls). */
static int xml_char_ok(uint32_t cp)
{
    return raci_str_xml_char(cp);
}

/*
 * The piece of output for the character at s[i] (n bytes left): *piece and
 * *plen, and the bytes it consumes (returned). xml: apply the XML policy too.
 */
static size_t clean_piece(const char *s, size_t n, int xml, const char **piece, size_t *plen)
{
    uint32_t cp;
    size_t k = raci_str_decode(s, n, &cp);

    if (!k) {
        *piece = REPLACEMENT;
        *plen = REPLACEMENT_LEN;
        return 1;
    }
    *piece = s;
    *plen = k;
    if (!xml)
        return k;
    if (cp == '\r') {
        /* CR LF is one break (the LF stays); a lone CR becomes one. */
        *piece = "\n";
        *plen = n > 1 && s[1] == '\n' ? 0 : 1;
    } else if (!xml_char_ok(cp)) {
        *piece = REPLACEMENT;
        *plen = REPLACEMENT_LEN;
    }
    return k;
}

static const char *clean(const char *s, size_t max, int xml, char **owned, int *cut)
{
    size_t len = strlen(s), i, o = 0;
    char *out;

    *owned = NULL;
    if (cut)
        *cut = 0;
    if (len <= max) {
        for (i = 0; i < len;) {
            const char *piece;
            size_t plen, k = clean_piece(s + i, len - i, xml, &piece, &plen);
            if (piece != s + i || plen != k)
                break;
            i += k;
        }
        if (i == len)
            return s;
    }
    /* A replacement is at most three bytes for one. */
    if (len > (SIZE_MAX - 1) / REPLACEMENT_LEN || !(out = malloc(len * REPLACEMENT_LEN + 1)))
        return NULL;
    for (i = 0; i < len;) {
        const char *piece;
        size_t plen, k = clean_piece(s + i, len - i, xml, &piece, &plen);
        if (o + plen > max) {
            if (cut)
                *cut = 1;
            break;
        }
        memcpy(out + o, piece, plen);
        o += plen;
        i += k;
    }
    out[o] = '\0';
    *owned = out;
    return out;
}

const char *raci_str_xml(const char *s, size_t max, char **owned, int *cut)
{
    return clean(s, max, 1, owned, cut);
}

static int hex_digit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

long raci_str_xstring_unit(const char *s, size_t n)
{
    long unit = 0;

    if (n < 7 || s[0] != '_' || (s[1] != 'x' && s[1] != 'X') || s[6] != '_')
        return -1;
    for (int k = 2; k < 6; k++) {
        int d = hex_digit(s[k]);
        if (d < 0)
            return -1;
        unit = unit * 16 + d;
    }
    return unit;
}

const char *raci_str_xstring(const char *s, char **owned)
{
    struct raci_str b = RACI_STR_INIT;
    size_t n = strlen(s), i = 0, from = 0;

    while (i < n && raci_str_xstring_unit(s + i, n - i) < 0)
        i++;
    if (i == n)
        return s;
    for (; i < n; i++)
        if (raci_str_xstring_unit(s + i, n - i) >= 0) {
            raci_str_addn(&b, s + from, i - from);
            raci_str_add(&b, "_x005F");
            from = i;
        }
    raci_str_addn(&b, s + from, n - from);
    free(*owned);
    *owned = b.failed ? NULL : b.s;
    if (b.failed)
        raci_str_release(&b);
    return *owned;
}

const char *raci_str_utf8(const char *s, char **owned)
{
    return clean(s, SIZE_MAX, 0, owned, NULL);
}

/* ------------------------------------------------------- for a terminal -- */

/* A character a terminal or a log viewer acts on, or one that reorders or
 * breaks a line, beyond ASCII's controls. */
static int terminal_control(uint32_t cp)
{
    return (cp >= 0x80 && cp <= 0x9f) || cp == 0x2028 || cp == 0x2029 ||
           (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

size_t raci_str_escape(const char *s, char esc[RACI_STR_ESCAPE_SIZE])
{
    unsigned char c = (unsigned char)*s;
    uint32_t cp;
    size_t n;

    esc[0] = '\0';
    if (c == '\n' || c == '\r' || c == '\t') {
        snprintf(esc, RACI_STR_ESCAPE_SIZE, "\\%c", c == '\n' ? 'n' : c == '\r' ? 'r' : 't');
        return 1;
    }
    if (c < 0x20 || c == 0x7f) {
        snprintf(esc, RACI_STR_ESCAPE_SIZE, "\\x%02x", c);
        return 1;
    }
    if (c < 0x80)
        return 1;
    /* At most 4 bytes are looked at: strnlen stops at a NUL before. */
    if (!(n = raci_str_decode(s, strnlen(s, 4), &cp))) {
        snprintf(esc, RACI_STR_ESCAPE_SIZE, "\\x%02x", c);
        return 1;
    }
    if (terminal_control(cp))
        snprintf(esc, RACI_STR_ESCAPE_SIZE, "\\u%04x", (unsigned)cp);
    return n;
}

void raci_str_fputs_escaped(FILE *out, const char *s)
{
    char esc[RACI_STR_ESCAPE_SIZE];
    const char *run = s; /* what needs no escape, not yet written */

    while (*s) {
        size_t n = raci_str_escape(s, esc);
        if (!esc[0]) {
            s += n;
            continue;
        }
        fwrite(run, 1, (size_t)(s - run), out);
        fputs(esc, out);
        run = s += n;
    }
    fwrite(run, 1, (size_t)(s - run), out);
}

void raci_str_fputs_visible(FILE *out, const char *s)
{
    char esc[RACI_STR_ESCAPE_SIZE];
    const char *run = s;

    while (*s) {
        size_t n = raci_str_escape(s, esc);
        if (!esc[0] || *s == '\t') {
            s += n;
            continue;
        }
        fwrite(run, 1, (size_t)(s - run), out);
        fputs(REPLACEMENT, out);
        run = s += n;
    }
    fwrite(run, 1, (size_t)(s - run), out);
}

/* ---------------------------------------------------------- builder -- */

/* Room for n more bytes and a terminator; 0 on success. */
static int reserve(struct raci_str *b, size_t n)
{
    if (b->failed)
        return -1;
    if (n > SIZE_MAX - b->len - 1 || raci_array_grow(&b->s, &b->cap, b->len + n + 1, 1)) {
        b->failed = 1;
        return -1;
    }
    return 0;
}

void raci_str_addn(struct raci_str *b, const char *s, size_t n)
{
    if (reserve(b, n))
        return;
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void raci_str_add(struct raci_str *b, const char *s)
{
    raci_str_addn(b, s, strlen(s));
}

void raci_str_addc(struct raci_str *b, char c)
{
    raci_str_addn(b, &c, 1);
}

void raci_str_addf(struct raci_str *b, const char *fmt, ...)
{
    va_list ap, ap2;
    int n;

    if (b->failed)
        return;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0) {
        b->failed = 1;
    } else if (!reserve(b, (size_t)n)) {
        vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
        b->len += (size_t)n;
    }
    va_end(ap);
}

void raci_str_addkey(struct raci_str *b, const char *s)
{
    size_t len = strlen(s);

    if (len >= SIZE_MAX / 2) {
        b->failed = 1;
        return;
    }
    if (reserve(b, RACI_STR_KEY_SIZE(len) - 1))
        return;
    b->len += raci_str_key_into(s, b->s + b->len);
}

const char *raci_str_cstr(const struct raci_str *b)
{
    return b->s ? b->s : "";
}

void raci_str_reset(struct raci_str *b)
{
    b->len = 0;
    b->failed = 0;
    if (b->s)
        b->s[0] = '\0';
}

char *raci_str_take(struct raci_str *b)
{
    char *s = b->failed ? NULL : b->s ? b->s : raci_str_dup("");

    if (b->failed)
        free(b->s);
    b->s = NULL;
    b->len = b->cap = 0;
    b->failed = 0;
    return s;
}

void raci_str_release(struct raci_str *b)
{
    free(b->s);
    b->s = NULL;
    b->len = b->cap = 0;
    b->failed = 0;
}
