/*
 * decode.h - the bytes of an input file, as UTF-8 text.
 *
 * Excel and HR systems write UTF-8 with or without a byte order mark,
 * UTF-16 (LE or BE) with one, or Windows-1252. The text is taken by its BOM,
 * else as UTF-8 if all of it is well-formed UTF-8 (strictly: glibc's iconv
 * would let 5- and 6-byte forms and code points past U+10FFFF through, which
 * no spreadsheet accepts), else as Windows-1252. Conversions are iconv's.
 */
#ifndef RACI_DECODE_H
#define RACI_DECODE_H

#include <stddef.h>
#include <stdint.h>

#include "raci/error.h"

/* "Not found", for raci_decoded.bad. */
#define RACI_DECODE_NONE SIZE_MAX

struct raci_decoded {
    char *buf;            /* UTF-8 (except past `bad`), NUL-terminated; malloc'd */
    size_t len;           /* bytes in buf, not counting the terminator */
    size_t bad;           /* offset in buf of the first undecodable input, or RACI_DECODE_NONE */
    size_t bad_in;        /* offset of the same bytes in the input */
    const char *encoding; /* static: "UTF-8", "UTF-8 (BOM)", "UTF-16LE", "UTF-16BE",
                             "WINDOWS-1252" */
};

/*
 * Decode len bytes of in into out (zeroed first). Input that cannot be
 * decoded does not fail the call: it is replaced by U+FFFD in UTF-16 or
 * Windows-1252 text, kept as it is in UTF-8 text that is only partly valid
 * (which is then read as Windows-1252 instead), and its first place is in
 * out->bad for the caller to report. RACI_ERROR_NOMEM, or RACI_ERROR_IO when
 * iconv has no such conversion; out holds nothing to free then.
 */
raci_error raci_decode(const unsigned char *in, size_t len, struct raci_decoded *out);

/* Free what d holds and zero it. */
void raci_decode_release(struct raci_decoded *d);

#endif
