/*
 * textpos.c - line and column of a place in a text.
 */
#include "raci/textpos.h"

#include <stdlib.h>
#include <string.h>

#include "raci/str.h"

/* What a byte that is no text becomes in a line shown. */
#define REPLACEMENT     "\xEF\xBF\xBD"
#define REPLACEMENT_LEN 3

void raci_textpos_init(struct raci_textpos *p)
{
    memset(p, 0, sizeof(*p));
    p->line = p->col = 1;
}

void raci_textpos_advance(struct raci_textpos *p, const char *text, size_t to)
{
    const unsigned char *s = (const unsigned char *)text;

    for (; p->off < to; p->off++) {
        unsigned char b = s[p->off];
        if (b >= 0x20 && b < 0x80) {
            p->col++; /* printable ASCII: a character, no line break */
            continue;
        }
        /* s[to] is at worst the terminator, so looking one byte ahead is
         * safe. */
        if (b == '\n' || (b == '\r' && s[p->off + 1] != '\n')) {
            p->line++;
            p->col = 1;
            p->line_start = p->off + 1;
        } else if ((b & 0xC0) != 0x80) {
            p->col++;
        }
    }
}

char *raci_textpos_line(const struct raci_textpos *p, const char *text, size_t len, size_t tail)
{
    const unsigned char *s = (const unsigned char *)text + p->line_start;
    size_t head = p->off - p->line_start, limit = head + tail, n = 0, k;
    char *out, *o;

    while (p->line_start + n < len && s[n] != '\r' && s[n] != '\n' && n < limit)
        n++;
    /* s[n] is at worst the terminator, so it can always be looked at. */
    while (n > head && (s[n] & 0xC0) == 0x80)
        n--;
    out = malloc(n * REPLACEMENT_LEN + 1);
    if (!out)
        return NULL;
    o = out;
    for (size_t i = 0; i < n; i += k) {
        k = s[i] ? raci_str_decode((const char *)s + i, n - i, NULL) : 0;
        if (k) {
            memcpy(o, s + i, k);
            o += k;
        } else {
            memcpy(o, REPLACEMENT, REPLACEMENT_LEN);
            o += REPLACEMENT_LEN;
            k = 1;
        }
    }
    *o = '\0';
    return out;
}
