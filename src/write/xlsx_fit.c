/*
 * xlsx_fit.c - the room a text takes in a cell (xlsx_fit.h).
 */
#include "raci/xlsx_fit.h"

#include <stdint.h>
#include <string.h>

#include "raci/str.h"

/* A cell's margins, in column units: about 5 pixels of a 7-pixel digit. */
#define FIT_PAD 0.8

/* Is cp drawn two columns wide (East Asian wide and full-width forms,
 * emoji)? */
static int fit_wide(uint32_t cp)
{
    return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
           (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
           (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1FAFF) ||
           (cp >= 0x20000 && cp <= 0x3FFFD);
}

/* The widest a byte of UTF-8 is drawn, in digits: an ASCII character is at
 * most 1.5 (m, w), any other at least two bytes for at most two digits, a
 * byte that is no UTF-8 1.1. */
#define FIT_BYTE_MAX 1.5

/* How wide ASCII characters are drawn: narrow (i, l, '.', ' '), wide (m,
 * w, '@'), capitals, small letters, the rest (digits among them); and each
 * kind's width in digits of the default font. */
enum { FIT_NARROW, FIT_WIDE, FIT_UPPER, FIT_LOWER, FIT_OTHER, FIT_NKINDS };
static const double fit_kind_width[FIT_NKINDS] = {0.55, FIT_BYTE_MAX, 1.15, 0.92, 1.0};

/* The kind of each ASCII character, by its code, as a digit (the kinds'
 * order above): every cell of every sheet is measured, so a look-up rather
 * than a search of a list of narrow ones. */
static const char fit_kinds[128 + 1] =
    "44444444444444444444444444444444"  /* controls */
    "00444440004404044444444444004444"  /*  !"#$%&'()*+,-./0123456789:;<=>? */
    "12222222202221222222222122204044"  /* @ABCDEFGHIJKLMNOPQRSTUVWXYZ[\]^_ */
    "43333303300301333303033133340444"; /* `abcdefghijklmnopqrstuvwxyz{|}~, DEL */

/* The kind of ASCII character c. */
static int fit_ascii_kind(uint32_t c)
{
    return fit_kinds[c & 0x7F] - '0';
}

/* A font size, and each kind of ASCII character's width at it in digits of
 * the default font (as fit_next computes any character's). */
struct fit_font {
    double pt;
    double ascii[FIT_NKINDS];
};

static struct fit_font fit_font_at(double pt)
{
    struct fit_font f;

    f.pt = pt;
    for (int k = 0; k < FIT_NKINDS; k++)
        f.ascii[k] = fit_kind_width[k] * pt / RACI_XLSX_FIT_PT;
    return f;
}

/* The width of cp in digits of the default font. */
static double fit_char(uint32_t cp)
{
    if (cp < 0x80)
        return fit_kind_width[fit_ascii_kind(cp)];
    /* Combining marks, zero-width joiners and spaces, variation selectors:
     * drawn on the character before, or not at all. */
    if ((cp >= 0x300 && cp <= 0x36F) || (cp >= 0x200B && cp <= 0x200F) ||
        (cp >= 0xFE00 && cp <= 0xFE0F))
        return 0;
    return fit_wide(cp) ? 2.0 : 1.1;
}

/* fit_next of a character that is no ASCII. */
static double fit_next_other(const char *s, size_t n, size_t *i, uint32_t *cp,
                             const struct fit_font *f)
{
    size_t k = raci_str_decode(s + *i, n - *i, cp);

    if (k == 0) {
        k = 1;
        *cp = 0xFFFD;
    }
    *i += k;
    return fit_char(*cp) * f->pt / RACI_XLSX_FIT_PT;
}

/* The next character of s at *i (n bytes): its width, in digits in font
 * f; *cp gets it. A byte that is no UTF-8 counts as one character. */
static inline double fit_next(const char *s, size_t n, size_t *i, uint32_t *cp,
                              const struct fit_font *f)
{
    if ((unsigned char)s[*i] < 0x80) { /* most text: no decoding */
        *cp = (unsigned char)s[(*i)++];
        return f->ascii[fit_ascii_kind(*cp)];
    }
    return fit_next_other(s, n, i, cp, f);
}

double raci_xlsx_fit_text_width(const char *s, double pt)
{
    size_t n = s ? strlen(s) : 0, i = 0;
    double w = 0, widest = 0;
    uint32_t cp;
    struct fit_font f;

    if (n == 0)
        return 0;
    f = fit_font_at(pt);
    while (i < n) {
        double c = fit_next(s, n, &i, &cp, &f);
        if (cp == '\n')
            w = 0;
        else
            w += c;
        if (w > widest)
            widest = w;
    }
    return widest;
}

/* Wrapping: the width of the line so far, the words' lines. */
struct fit_wrap {
    double room, line;
    size_t lines;
};

/* Put a word w digits wide (and the space before it, sp) on the lines. A
 * word wider than a line is broken over as many as it takes. */
static void fit_word(struct fit_wrap *f, double w, double sp)
{
    if (w <= 0)
        return;
    if (f->line > 0 && f->line + sp + w <= f->room) {
        f->line += sp + w;
        return;
    }
    if (f->line > 0)
        f->lines++;
    while (w > f->room) {
        f->lines++;
        w -= f->room;
    }
    f->line = w;
}

size_t raci_xlsx_fit_lines(const char *s, double width, double pt)
{
    size_t n = s ? strlen(s) : 0, i = 0;
    double word = 0, sp = 0;
    struct fit_wrap f = {0, 0, 1};
    uint32_t cp;
    struct fit_font font;

    f.room = width - FIT_PAD;
    if (f.room < 1)
        f.room = 1;
    /* Text that would fit on one line were every byte the widest character
     * takes one line: most cells, measured no further. The bound is kept a
     * little short of the room, so that no rounding of the sum below could
     * tell otherwise. */
    if ((double)n * FIT_BYTE_MAX * pt / RACI_XLSX_FIT_PT <= f.room * (1 - 1e-9) &&
        (n == 0 || !memchr(s, '\n', n)))
        return 1;
    font = fit_font_at(pt);
    while (i < n) {
        double c = fit_next(s, n, &i, &cp, &font);
        if (cp == '\n' || cp == ' ' || cp == '\t') {
            fit_word(&f, word, sp);
            sp = word > 0 ? c : sp + c;
            word = 0;
            if (cp == '\n') {
                f.lines++;
                f.line = 0;
                sp = 0;
            }
            continue;
        }
        word += c;
        /* A line breaks after a hyphen or slash too. */
        if (cp == '-' || cp == '/') {
            fit_word(&f, word, sp);
            sp = 0;
            word = 0;
        }
    }
    fit_word(&f, word, sp);
    return f.lines;
}

double raci_xlsx_fit_height(size_t nlines, double pt)
{
    /* Calibri 11 takes 15 points a line; LibreOffice's Carlito a little
     * more, so a line is given 16, and a bigger font as much more. */
    double h = (double)(nlines ? nlines : 1) * (pt * 16.0 / RACI_XLSX_FIT_PT) + 1;

    return h > RACI_XLSX_FIT_MAX_HEIGHT ? RACI_XLSX_FIT_MAX_HEIGHT : h;
}

double raci_xlsx_fit_cell_height(const char *s, double width, double pt)
{
    return raci_xlsx_fit_height(raci_xlsx_fit_lines(s, width, pt), pt);
}

double raci_xlsx_fit_column(double content, double min, double cap)
{
    double w = content + FIT_PAD + 1;

    return w < min ? min : w > cap ? cap : w;
}
