/*
 * decode.c - byte order marks, strict UTF-8, and iconv for the rest.
 */
#include "raci/decode.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "raci/str.h"

/* What undecodable input becomes. */
#define REPLACEMENT     "\xEF\xBF\xBD"
#define REPLACEMENT_LEN 3

/* The input as it is, past a BOM of bom bytes, if it is UTF-8. */
static raci_error decode_utf8(const unsigned char *in, size_t len, size_t bom, const char *encoding,
                              struct raci_decoded *out)
{
    size_t n = len - bom, valid = raci_str_valid((const char *)in + bom, n);

    out->buf = malloc(n + 1);
    if (!out->buf)
        return RACI_ERROR_NOMEM;
    if (n)
        memcpy(out->buf, in + bom, n);
    out->buf[n] = '\0';
    out->len = n;
    out->bad = valid < n ? valid : RACI_DECODE_NONE;
    out->bad_in = valid + bom;
    out->encoding = encoding;
    return RACI_OK;
}

/*
 * Convert len bytes of in from the encoding `from` to UTF-8 with iconv. Input
 * that iconv rejects (an undefined byte, an unpaired surrogate, a character
 * cut off at the end) is replaced by U+FFFD, unit bytes at a time, and the
 * first such place is recorded in out->bad: the caller reports it, and the
 * replaced text is what the diagnostic shows.
 */
static raci_error decode_iconv(const unsigned char *in, size_t len, size_t skip, const char *from,
                               const char *alias, size_t unit, struct raci_decoded *out)
{
    iconv_t cd = iconv_open("UTF-8", from);
    /* iconv() takes char ** for its input, which it only reads. */
    char *ip = (char *)(in + skip), *op, *buf;
    size_t inleft = len - skip, cap = inleft + inleft / 2 + 16, outleft;
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
    out->bad = RACI_DECODE_NONE;
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
        if (out->bad == RACI_DECODE_NONE) {
            out->bad = (size_t)(op - buf);
            out->bad_in = (size_t)(ip - (const char *)in);
        }
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

/* By its byte order mark, else as UTF-8 if it is valid UTF-8, else as
 * Windows-1252 (what Excel writes for "CSV" on Windows). */
raci_error raci_decode(const unsigned char *in, size_t len, struct raci_decoded *out)
{
    raci_error err;

    memset(out, 0, sizeof(*out));
    if (len >= 3 && in[0] == 0xEF && in[1] == 0xBB && in[2] == 0xBF)
        return decode_utf8(in, len, 3, "UTF-8 (BOM)", out);
    if (len >= 2 && in[0] == 0xFF && in[1] == 0xFE)
        return decode_iconv(in, len, 2, "UTF-16LE", NULL, 2, out);
    if (len >= 2 && in[0] == 0xFE && in[1] == 0xFF)
        return decode_iconv(in, len, 2, "UTF-16BE", NULL, 2, out);
    err = decode_utf8(in, len, 0, "UTF-8", out);
    if (err || out->bad == RACI_DECODE_NONE)
        return err;
    free(out->buf);
    memset(out, 0, sizeof(*out));
    return decode_iconv(in, len, 0, "WINDOWS-1252", "CP1252", 1, out);
}

void raci_decode_release(struct raci_decoded *d)
{
    free(d->buf);
    memset(d, 0, sizeof(*d));
}
