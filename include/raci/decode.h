/*
 * decode.h - the bytes of an input file, as UTF-8 text.
 *
 * Excel and HR systems write UTF-8 with or without a byte order mark,
 * UTF-16 (LE or BE) with one, or Windows-1252. The text is taken by its BOM;
 * else as UTF-8 when it is UTF-8 but for a few bad bytes; else as
 * Windows-1252. Conversions from UTF-16 and Windows-1252 are iconv's; UTF-8
 * is checked strictly (glibc's iconv would let 5- and 6-byte forms and code
 * points past U+10FFFF through, which no spreadsheet accepts).
 *
 * UTF-8 or Windows-1252, without a BOM: a Windows-1252 text almost never
 * holds a well-formed UTF-8 sequence of two or more bytes (that takes a
 * letter such as 'Ã' or 'ß' followed by just the right symbols), while every
 * accented letter in it is a byte that is no UTF-8. So a text is read as
 * UTF-8 when it has no bad byte, or when its well-formed multi-byte
 * sequences (encoded surrogates among them: CESU-8 is UTF-8 gone wrong) are
 * at least as many as its bad bytes; as Windows-1252 otherwise, and always
 * when it has no multi-byte sequence at all. One stray byte in a UTF-8 file
 * is then one bad character, not a file of mojibake.
 *
 * Input that is no text does not fail the call: each bad character becomes
 * U+FFFD in the text, and out->bads lists them in order, for the caller to
 * report where they are. A bad character is: a byte that is no UTF-8 (or no
 * Windows-1252 character: 0x81, 0x8D, 0x8F, 0x90, 0x9D); three bytes that
 * encode a UTF-16 surrogate in UTF-8 (ED A0 80 to ED BF BF, as CESU-8 and
 * Java's modified UTF-8 write); an unpaired surrogate in UTF-16; a UTF-16
 * character cut off by the end of the file; or a NUL, in any encoding, since
 * the text is a C string. The list has the control characters too that XML
 * cannot hold (raci_str_xml_char): they stay in the text as they are.
 */
#ifndef RACI_DECODE_H
#define RACI_DECODE_H

#include <stddef.h>
#include <stdint.h>

#include "raci/error.h"
#include "raci/str.h"

/* One character of the input that is no text: a bad one, now U+FFFD in the
 * text, or a control character, kept. */
struct raci_decode_bad {
    size_t at;     /* offset in the text of the U+FFFD that stands for it, or of the control */
    size_t in;     /* offset in the input of its first byte */
    uint32_t code; /* BYTE, SURROGATE: its bytes as one number (0xE9; 0xEDA080);
                      UNPAIRED: the UTF-16 unit; CONTROL: the code point; NUL: 0 */
    enum raci_str_bad what;
    int cut; /* UTF-16 only: a character cut off by the end of the file */
};

struct raci_decoded {
    char *buf;                    /* UTF-8, NUL-terminated; malloc'd */
    size_t len;                   /* bytes in buf, not counting the terminator */
    struct raci_decode_bad *bads; /* malloc'd, in order; NULL when none */
    size_t nbads;
    const char *encoding; /* static: "UTF-8", "UTF-8 (BOM)", "UTF-16LE", "UTF-16BE",
                             "WINDOWS-1252" */
};

/*
 * Decode len bytes of in into out (zeroed first). RACI_ERROR_NOMEM, or
 * RACI_ERROR_IO when iconv has no such conversion; out holds nothing to
 * free then.
 */
raci_error raci_decode(const unsigned char *in, size_t len, struct raci_decoded *out);

/*
 * Same, from in, a malloc'd buffer with room for len + 1 bytes, which the
 * call takes: when the text is the input as it is, or the input without its
 * UTF-8 byte order mark, or with a few characters replaced by as many bytes
 * (an encoded surrogate becomes U+FFFD, 3 bytes for 3), the text is written
 * over in and out->buf is in, so that a large file is held once; otherwise
 * in is freed as soon as it is decoded. Either way the caller no longer owns
 * in, on any return (out holds nothing to free on an error).
 */
raci_error raci_decode_take(unsigned char *in, size_t len, struct raci_decoded *out);

/* Free what d holds and zero it. */
void raci_decode_release(struct raci_decoded *d);

#endif
