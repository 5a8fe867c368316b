/*
 * decode.c - byte order marks, strict UTF-8 with its bad bytes marked, and
 * iconv for the rest.
 */
#include "raci/decode.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "raci/array.h"

/* What a bad character becomes. */
#define REPLACEMENT     "\xEF\xBF\xBD"
#define REPLACEMENT_LEN 3

/* What a UTF-8 text holds, counted before it is copied. */
struct utf8_census {
    size_t multi;      /* well-formed sequences of two or more bytes */
    size_t surrogates; /* encoded surrogates (ED A0..BF 80..BF) */
    size_t bad;        /* other bytes that are no UTF-8 */
    size_t nuls;
    size_t controls; /* characters XML cannot hold, NUL aside */
};

/* Are the n bytes at s a UTF-16 surrogate encoded as UTF-8? */
static int is_encoded_surrogate(const unsigned char *s, size_t n)
{
    return n >= 3 && s[0] == 0xED && s[1] >= 0xA0 && s[1] <= 0xBF && (s[2] & 0xC0) == 0x80;
}

/* The code point of the control character at s (n bytes there) that XML
 * cannot hold, NUL aside; 0 for any other. */
static uint32_t control_at(const unsigned char *s, size_t n)
{
    if (s[0] && s[0] < 0x20 && !raci_str_xml_char(s[0]))
        return s[0];
    if (n >= 3 && s[0] == 0xEF && s[1] == 0xBF && (s[2] == 0xBE || s[2] == 0xBF))
        return s[2] == 0xBE ? 0xFFFEu : 0xFFFFu;
    return 0;
}

/* Are the 8 bytes at s all printable ASCII (0x20 to 0x7F)? A byte under
 * 0x20 borrows into its top bit when 0x20 is taken from it, and a byte
 * from 0x80 up has it set already. */
static int printable8(const unsigned char *s)
{
    const uint64_t ones = 0x0101010101010101u, tops = 0x8080808080808080u;
    uint64_t x;

    memcpy(&x, s, sizeof(x));
    return ((x | ((x - 0x20 * ones) & ~x)) & tops) == 0;
}

static void utf8_count(const unsigned char *s, size_t n, struct utf8_census *c)
{
    memset(c, 0, sizeof(*c));
    for (size_t i = 0; i < n;) {
        size_t k;
        if (n - i >= 8 && printable8(s + i)) {
            i += 8; /* nothing to count */
        } else if (s[i] < 0x80) {
            c->nuls += s[i] == 0;
            c->controls += s[i] < 0x20 && control_at(s + i, n - i);
            i++;
        } else if ((k = raci_str_decode((const char *)s + i, n - i, NULL))) {
            c->controls += s[i] == 0xEF && control_at(s + i, n - i);
            c->multi++;
            i += k;
        } else if (is_encoded_surrogate(s + i, n - i)) {
            c->surrogates++;
            i += 3;
        } else {
            c->bad++;
            i++;
        }
    }
}

/* List the character at offset at of the text (in of the input). */
static void list(struct raci_decoded *out, size_t at, size_t in, enum raci_str_bad what,
                 uint32_t code)
{
    out->bads[out->nbads++] = (struct raci_decode_bad){at, in, code, what, 0};
}

/* The n bytes at s, past a BOM of skip bytes, as UTF-8 into out->buf
 * (room for n + 2 * (c->bad + c->nuls) + 1 bytes): each bad character (c
 * counted them) becomes U+FFFD, and is listed with each control character.
 * out->buf may be the input itself, from its first byte on (the BOM's
 * place), when no character grows (c->bad + c->nuls == 0): the text is then
 * written at or before where it is read, so memmove copies. */
static raci_error utf8_copy(const unsigned char *s, size_t n, size_t skip,
                            const struct utf8_census *c, struct raci_decoded *out)
{
    size_t nbads = c->surrogates + c->bad + c->nuls + c->controls, o = 0;

    if (nbads && !(out->bads = malloc(nbads * sizeof(*out->bads))))
        return RACI_ERROR_NOMEM;
    if (!nbads) {
        if (n && out->buf != (const char *)s)
            memmove(out->buf, s, n);
        o = n;
    }
    for (size_t i = 0, k; nbads && i < n; i += k) {
        uint32_t cp = control_at(s + i, n - i);
        k = s[i] ? raci_str_decode((const char *)s + i, n - i, NULL) : 0;
        if (k) {
            if (cp)
                list(out, o, skip + i, RACI_STR_BAD_CONTROL, cp);
            memmove(out->buf + o, s + i, k);
            o += k;
            continue;
        }
        if (!s[i])
            list(out, o, skip + i, RACI_STR_BAD_NUL, 0), k = 1;
        else if (is_encoded_surrogate(s + i, n - i))
            list(out, o, skip + i, RACI_STR_BAD_SURROGATE,
                 (uint32_t)s[i] << 16 | (uint32_t)s[i + 1] << 8 | s[i + 2]),
                k = 3;
        else
            list(out, o, skip + i, RACI_STR_BAD_BYTE, s[i]), k = 1;
        memcpy(out->buf + o, REPLACEMENT, REPLACEMENT_LEN);
        o += REPLACEMENT_LEN;
    }
    out->buf[o] = '\0';
    out->len = o;
    return RACI_OK;
}

/* Record the bad character iconv refused at ip (left bytes of input to
 * go), which goes to offset at of the text. */
static raci_error iconv_bad(struct raci_decoded *out, size_t *cap, const unsigned char *in,
                            const char *ip, size_t left, size_t unit, int be, size_t at)
{
    const unsigned char *u = (const unsigned char *)ip;
    struct raci_decode_bad *bad;

    if (raci_array_grow(&out->bads, cap, out->nbads + 1, sizeof(*out->bads)))
        return RACI_ERROR_NOMEM;
    bad = &out->bads[out->nbads++];
    bad->at = at;
    bad->in = (size_t)(u - in);
    bad->cut = 0;
    if (unit == 1) {
        bad->what = RACI_STR_BAD_BYTE;
        bad->code = u[0];
        return RACI_OK;
    }
    bad->what = RACI_STR_BAD_UNPAIRED;
    bad->code = left < 2 ? 0 : be ? (uint32_t)u[0] << 8 | u[1] : (uint32_t)u[1] << 8 | u[0];
    /* An odd byte at the end, or a first half with no room for a second. */
    bad->cut = left < 2 || (left < 4 && bad->code >= 0xD800 && bad->code <= 0xDBFF);
    return RACI_OK;
}

/*
 * Convert len bytes of in from the encoding `from` to UTF-8 with iconv. Input
 * that iconv rejects (an undefined byte, an unpaired surrogate, a character
 * cut off at the end) becomes U+FFFD, unit bytes at a time, and is listed.
 */
static raci_error decode_iconv(const unsigned char *in, size_t len, size_t skip, const char *from,
                               const char *alias, size_t unit, struct raci_decoded *out)
{
    iconv_t cd = iconv_open("UTF-8", from);
    /* iconv() takes char ** for its input, which it only reads. */
    char *ip = (char *)(in + skip), *op, *buf;
    size_t inleft = len - skip, cap = inleft + inleft / 2 + 16, outleft, bcap = 0;
    raci_error err = RACI_OK;

    if (cd == (iconv_t)-1 && alias)
        cd = iconv_open("UTF-8", alias);
    if (cd == (iconv_t)-1)
        return RACI_ERROR_IO;
    buf = malloc(cap + 1);
    if (!buf) {
        err = RACI_ERROR_NOMEM;
        goto cleanup;
    }
    op = buf;
    outleft = cap;
    while (inleft > 0) {
        if (iconv(cd, &ip, &inleft, &op, &outleft) != (size_t)-1)
            break;
        /* Grow when iconv runs out of room, or when there is no room left
         * for the replacement of the input it just refused. */
        if (errno == E2BIG || ((errno == EILSEQ || errno == EINVAL) && outleft < REPLACEMENT_LEN)) {
            size_t used = (size_t)(op - buf);
            char *grown = realloc(buf, cap * 2 + 1);
            if (!grown) {
                err = RACI_ERROR_NOMEM;
                goto cleanup;
            }
            buf = grown;
            cap *= 2;
            op = buf + used;
            outleft = cap - used;
            continue;
        }
        if (errno != EILSEQ && errno != EINVAL) {
            err = RACI_ERROR_IO;
            goto cleanup;
        }
        if ((err = iconv_bad(out, &bcap, in, ip, inleft, unit, strcmp(from, "UTF-16BE") == 0,
                             (size_t)(op - buf))))
            goto cleanup;
        memcpy(op, REPLACEMENT, REPLACEMENT_LEN);
        op += REPLACEMENT_LEN;
        outleft -= REPLACEMENT_LEN;
        size_t step = inleft < unit ? inleft : unit;
        ip += step;
        inleft -= step;
    }
    *op = '\0';
    out->buf = buf;
    out->len = (size_t)(op - buf);
    out->encoding = from;
    buf = NULL;
cleanup:
    free(buf);
    iconv_close(cd);
    return err;
}

/*
 * After iconv: the NULs it let through become U+FFFD, and they and the
 * control characters join the list of what iconv refused, in order: one
 * pass that copies the text and merges the two. unit: bytes of input per
 * UTF-16 unit of text (1 for Windows-1252, whose characters are all in the
 * BMP; 2 for UTF-16). A character's offset in the input is counted from the
 * one listed before it.
 */
static raci_error mark_text(struct raci_decoded *d, size_t skip, size_t unit)
{
    const unsigned char *t = (const unsigned char *)d->buf;
    size_t nuls = 0, more = 0, o = 0, j = 0, in_at = skip, from = 0;
    struct raci_decoded m = *d;

    for (size_t i = 0; i < d->len; i++)
        if (t[i] < 0x20 || t[i] == 0xEF) {
            nuls += !t[i];
            more += !t[i] || control_at(t + i, d->len - i);
        }
    if (!more)
        return RACI_OK;
    m.buf = malloc(d->len + 2 * nuls + 1);
    m.bads = malloc((d->nbads + more) * sizeof(*m.bads));
    m.nbads = 0;
    if (!m.buf || !m.bads) {
        free(m.buf);
        free(m.bads);
        return RACI_ERROR_NOMEM;
    }
    for (size_t i = 0; i < d->len; i++) {
        uint32_t cp = t[i] ? control_at(t + i, d->len - i) : 0;
        if (j < d->nbads && d->bads[j].at == i) {
            in_at = d->bads[j].in;
            from = i;
            m.bads[m.nbads] = d->bads[j++];
            m.bads[m.nbads++].at = o;
        }
        if (t[i] && !cp) {
            m.buf[o++] = (char)t[i];
            continue;
        }
        in_at += unit * raci_str_units(d->buf + from, i - from);
        from = i;
        if (cp) {
            list(&m, o, in_at, RACI_STR_BAD_CONTROL, cp);
            m.buf[o++] = (char)t[i];
            continue;
        }
        list(&m, o, in_at, RACI_STR_BAD_NUL, 0);
        in_at += unit;
        from = i + 1;
        memcpy(m.buf + o, REPLACEMENT, REPLACEMENT_LEN);
        o += REPLACEMENT_LEN;
    }
    m.buf[o] = '\0';
    m.len = o;
    free(d->buf);
    free(d->bads);
    *d = m;
    return RACI_OK;
}

static raci_error decode_with(const unsigned char *in, size_t len, size_t skip, const char *from,
                              const char *alias, size_t unit, struct raci_decoded *out)
{
    raci_error err = decode_iconv(in, len, skip, from, alias, unit, out);
    if (!err)
        err = mark_text(out, skip, unit);
    if (err)
        raci_decode_release(out);
    return err;
}

/* By its byte order mark, else as UTF-8 when it is mostly UTF-8 (decode.h
 * says what that is), else as Windows-1252 (what Excel writes for "CSV" on
 * Windows). own: in itself, when the text may be written over it (it has
 * room for len + 1 bytes), else NULL; *taken says whether out->buf is it. */
static raci_error decode_any(const unsigned char *in, size_t len, unsigned char *own,
                             struct raci_decoded *out, int *taken)
{
    struct utf8_census c;
    size_t bom = 0;
    raci_error err;

    memset(out, 0, sizeof(*out));
    *taken = 0;
    if (len >= 2 && in[0] == 0xFF && in[1] == 0xFE)
        return decode_with(in, len, 2, "UTF-16LE", NULL, 2, out);
    if (len >= 2 && in[0] == 0xFE && in[1] == 0xFF)
        return decode_with(in, len, 2, "UTF-16BE", NULL, 2, out);
    if (len >= 3 && in[0] == 0xEF && in[1] == 0xBB && in[2] == 0xBF)
        bom = 3;
    utf8_count(in + bom, len - bom, &c);
    if (!bom && c.bad && c.multi + c.surrogates < c.bad)
        return decode_with(in, len, 0, "WINDOWS-1252", "CP1252", 1, out);
    out->encoding = bom ? "UTF-8 (BOM)" : "UTF-8";
    /* No character grows: the text fits where the input is. */
    *taken = own && c.bad + c.nuls == 0;
    out->buf = *taken ? (char *)own : malloc(len - bom + 2 * (c.bad + c.nuls) + 1);
    err = out->buf ? utf8_copy(in + bom, len - bom, bom, &c, out) : RACI_ERROR_NOMEM;
    if (err) {
        if (*taken)
            out->buf = NULL; /* the caller's, still */
        *taken = 0;
        raci_decode_release(out);
    }
    return err;
}

raci_error raci_decode(const unsigned char *in, size_t len, struct raci_decoded *out)
{
    int taken;
    return decode_any(in, len, NULL, out, &taken);
}

raci_error raci_decode_take(unsigned char *in, size_t len, struct raci_decoded *out)
{
    int taken;
    raci_error err = decode_any(in, len, in, out, &taken);

    if (!taken)
        free(in);
    return err;
}

void raci_decode_release(struct raci_decoded *d)
{
    free(d->buf);
    free(d->bads);
    memset(d, 0, sizeof(*d));
}
