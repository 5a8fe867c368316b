/*
 * str.h - text: copies and formatted strings, the matching key of a name,
 * UTF-8 decoding and validation, the one policy for text that must be XML
 * (a workbook, JUnit) or JSON, and a string builder.
 *
 * Every module that looks at the characters of a string does it through
 * here, so that a byte that is not UTF-8 means the same thing to the reader,
 * the model and every writer.
 */
#ifndef RACI_STR_H
#define RACI_STR_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "raci/error.h"

#if defined(__GNUC__)
#define RACI_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define RACI_PRINTF(f, a)
#endif

/* malloc'd copy of s (NULL for NULL, or when out of memory). */
char *raci_str_dup(const char *s);

/* malloc'd printf. NULL when out of memory. */
char *raci_str_printf(const char *fmt, ...) RACI_PRINTF(1, 2);
char *raci_str_vprintf(const char *fmt, va_list ap);

/* Case-insensitive comparison of ASCII letters; other bytes compare as they
 * are. */
int raci_str_casecmp(const char *a, const char *b);

/* ------------------------------------------------------------- keys -- */

/*
 * The matching key of a name: case folded over all of Unicode (fold.h: 'A'
 * and 'a', 'Ł' and 'ł', 'Σ', 'σ' and 'ς' are one), every run of characters
 * that are not letters or digits turned into one space, no leading or
 * trailing space, markdown emphasis (* `) dropped ('_' separates words, as
 * in "reports_to"). Every character at or past U+0080 counts as a letter; a
 * byte that is no UTF-8 is kept as it is. "  Market-Research! " -> "market
 * research", "ŁÓDŹ" -> "łódź".
 *
 * Written into out, which must have room for RACI_STR_KEY_SIZE(strlen(s))
 * bytes: a folded character may be longer than its source in UTF-8 ('Ⱥ', 2
 * bytes, folds to 'ⱥ', 3), never more than half as long again, so a key with
 * that room is never cut. Returns the key's length.
 */
#define RACI_STR_KEY_SIZE(len) ((len) + (len) / 2 + 1)

size_t raci_str_key_into(const char *s, char *out);

/* The same key, malloc'd; NULL when out of memory. */
char *raci_str_key(const char *s);

/* Do a and b have the same key? -1 when out of memory. */
int raci_str_same_key(const char *a, const char *b);

/* ------------------------------------------------------------ UTF-8 -- */

/*
 * Length of the well-formed UTF-8 sequence at s (n bytes there), with its
 * code point in *cp (cp may be NULL); 0 when there is none: overlong forms,
 * surrogates, code points past U+10FFFF and cut-off sequences are refused
 * (Unicode's table 3-7), as every spreadsheet refuses them.
 */
size_t raci_str_decode(const char *s, size_t n, uint32_t *cp);

/* Write code point cp (at most U+10FFFF, no surrogate) as UTF-8 into out (4
 * bytes of room); returns the length. */
size_t raci_str_encode(uint32_t cp, char *out);

/* Offset of the first byte of s[0..n) that is not well-formed UTF-8, or n. */
size_t raci_str_valid(const char *s, size_t n);

/* Number of characters in the first n bytes of s (a byte that is no UTF-8
 * counts as one); stops at a NUL. */
size_t raci_str_chars(const char *s, size_t n);

/* Number of UTF-16 code units in the first n bytes of s, which is how Excel
 * counts a cell's length: two for a character past U+FFFF, one for any
 * other (and for a byte that is no UTF-8); stops at a NUL. */
size_t raci_str_units(const char *s, size_t n);

/* Can XML 1.0 hold code point cp? Not the C0 controls but tab, line feed
 * and carriage return, nor U+FFFE and U+FFFF: the characters raci_str_xml
 * shows as U+FFFD. */
int raci_str_xml_char(uint32_t cp);

/*
 * What a character of an input is when it is no text: decode.h finds the
 * first four, the reader the last, and the model's cell issues say which.
 */
enum raci_str_bad {
    RACI_STR_BAD_BYTE = 1,  /* a byte that is no character in the file's encoding */
    RACI_STR_BAD_SURROGATE, /* three UTF-8 bytes encoding a UTF-16 surrogate (CESU-8) */
    RACI_STR_BAD_UNPAIRED,  /* a UTF-16 surrogate without its other half */
    RACI_STR_BAD_NUL,       /* a NUL character, which no C string holds */
    RACI_STR_BAD_CONTROL    /* a character XML cannot hold (raci_str_xml_char) */
};

/* ------------------------------------------------------ safe output -- */

/*
 * Text that an XML document can hold, the one policy of every XML output
 * (the workbook, JUnit): each byte that is not UTF-8 and each character XML
 * 1.0 forbids (C0 controls but tab, line feed and carriage return; U+FFFE,
 * U+FFFF) becomes U+FFFD, so that nothing is dropped unseen; a carriage
 * return before a line feed is dropped and a lone one becomes a line feed,
 * so that CR LF reads as one line break. The result is cut to max bytes
 * (SIZE_MAX: no limit) at a character boundary; *cut (may be NULL) says
 * whether it was.
 *
 * Returns s itself when it is fine as it is, otherwise a malloc'd copy, also
 * stored in *owned for the caller to free (*owned is NULL otherwise); NULL
 * when out of memory.
 */
const char *raci_str_xml(const char *s, size_t max, char **owned, int *cut);

/* Text that a workbook's cell or comment shows as it is: spreadsheets read
 * "_xHHHH_" (four hex digits) in a cell's text as the character U+HHHH (the
 * Office Open XML string type, ST_Xstring), so the underscore of each such
 * run is written as its own escape, "_x005F_", and "Ana_x0041_" stays
 * "Ana_x0041_" rather than becoming "AnaA". Returns s or a malloc'd copy;
 * *owned, when not NULL on entry, is what s came from: it is freed when a
 * copy replaces it. NULL when out of memory (*owned freed). */
const char *raci_str_xstring(const char *s, char **owned);

/* The UTF-16 unit of the escape "_xHHHH_" that s (n bytes there) starts
 * with, as a spreadsheet reads it (either case of x and of the digits), or
 * -1 when s starts none: what the workbook reader turns back into text. */
long raci_str_xstring_unit(const char *s, size_t n);

/* Text that JSON can hold: each byte that is not UTF-8 becomes U+FFFD (JSON
 * escapes control characters itself). Returns s or a malloc'd copy in
 * *owned, as raci_str_xml. */
const char *raci_str_utf8(const char *s, char **owned);

/* ------------------------------------------------------- for a terminal -- */

/*
 * Roster text reaches terminals, CI logs and editors through the text and
 * markdown formats, and a name is anything a spreadsheet cell holds: a line
 * break in it would forge a finding's line (one that CI problem matchers
 * take for real), an escape sequence would retitle or clear the terminal.
 * So every piece of roster text these formats and diagnostics print
 * (messages, which embed names; file names; baseline entries; a
 * diagnostic's source line) goes through here, and these characters are
 * shown as C-style escapes instead:
 *
 *   - C0 controls: \n, \r, \t, else \xHH (ESC is \x1b); DEL is \x7f;
 *   - C1 controls U+0080..U+009F as \u0085 (U+009B is a CSI to some
 *     terminals), the line and paragraph separators U+2028 and U+2029, and
 *     the bidirectional overrides and isolates U+202A..U+202E and
 *     U+2066..U+2069 (which reorder what a line seems to say) as \u2028;
 *   - a byte that is not part of well-formed UTF-8 as \xHH.
 *
 * A backslash stays as it is (Windows paths), so the escapes are for
 * reading, not for undoing. Every other character, letters of any script
 * and emoji included, is printed as it is.
 */

/* Room for the longest escape, "\u2028", and its NUL. */
#define RACI_STR_ESCAPE_SIZE 8

/* The length in bytes of the character at s (NUL-terminated, not empty):
 * 1 for ASCII and for a byte that is no UTF-8. When it is one of those
 * above, its escape is written into esc; else esc is "". */
size_t raci_str_escape(const char *s, char esc[RACI_STR_ESCAPE_SIZE]);

/* Write s to out with each of those characters escaped. */
void raci_str_fputs_escaped(FILE *out, const char *s);

/* Write s to out with each of those characters but tab shown as U+FFFD,
 * one column each: for a source line under which a caret points at a
 * column (a tab stays, so that the caret's line can repeat it). */
void raci_str_fputs_visible(FILE *out, const char *s);

/* ---------------------------------------------------------- builder -- */

/*
 * A growing string. Zero-initialise it (RACI_STR_INIT); after an allocation
 * fails it stays failed, ignoring what is added, so that a caller can add
 * many pieces and check once.
 */
struct raci_str {
    char *s; /* NUL-terminated once anything was added; NULL before */
    size_t len, cap;
    int failed;
};

#define RACI_STR_INIT                                                                              \
    {                                                                                              \
        NULL, 0, 0, 0                                                                              \
    }

void raci_str_addn(struct raci_str *b, const char *s, size_t n);
void raci_str_add(struct raci_str *b, const char *s);
void raci_str_addc(struct raci_str *b, char c);
void raci_str_addf(struct raci_str *b, const char *fmt, ...) RACI_PRINTF(2, 3);

/* Append s's matching key (raci_str_key_into). */
void raci_str_addkey(struct raci_str *b, const char *s);

/* The text so far ("" when nothing was added). */
const char *raci_str_cstr(const struct raci_str *b);

/* Empty it, keeping its memory (and clearing a failure). */
void raci_str_reset(struct raci_str *b);

/* The text as a malloc'd string, which the caller owns; b is left empty.
 * NULL when b failed or out of memory. */
char *raci_str_take(struct raci_str *b);

/* Free what b holds and zero it. */
void raci_str_release(struct raci_str *b);

#endif
