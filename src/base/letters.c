/*
 * letters.c - reading and writing the letters of a RACI cell.
 *
 * A cell is split into tokens at separators (/ , + & ; | whitespace and the
 * word "and"); a bracketed group is read the same way and marks its letters
 * conditional. Each token must be a run of the letters R A C I ("RA"), a
 * full word ("Accountable"), or an alias from the ruleset ("DRI").
 */
#include "raci/letters.h"

#include <string.h>

#include "raci/array.h"
#include "raci/str.h"

#define MAX_TOKEN 64
/* Most bytes of letters before a note (letters.h). */
#define MAX_NOTED 256
#define ALNUM     "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

struct word {
    const char *text;
    unsigned letters;
};

/* Full words, and the nouns and verbs people write instead of them. */
static const struct word words[] = {
    {"responsible", RACI_R}, {"responsibility", RACI_R}, {"responsibilities", RACI_R},
    {"accountable", RACI_A}, {"accountability", RACI_A}, {"consulted", RACI_C},
    {"consult", RACI_C},     {"consulting", RACI_C},     {"informed", RACI_I},
    {"inform", RACI_I},      {"informing", RACI_I},
};

static int is_sep(unsigned char c)
{
    return c == '/' || c == ',' || c == '+' || c == '&' || c == ';' || c == '|' || c == ' ' ||
           c == '\t' || c == '\r' || c == '\n';
}

static int is_markup(unsigned char c)
{
    return c == '*' || c == '_' || c == '`';
}

static unsigned letter_bit(char c)
{
    switch (c) {
    case 'R':
    case 'r':
        return RACI_R;
    case 'A':
    case 'a':
        return RACI_A;
    case 'C':
    case 'c':
        return RACI_C;
    case 'I':
    case 'i':
        return RACI_I;
    default:
        return 0;
    }
}

/* Letters of one token (no separators, no brackets), 0 if it is none. */
static unsigned token_letters(const char *tok, const struct raci_letter_alias *aliases,
                              size_t naliases)
{
    unsigned mask = 0;
    size_t n = strlen(tok);

    for (size_t i = 0; i < naliases; i++)
        if (raci_str_casecmp(tok, aliases[i].name) == 0)
            return aliases[i].letters;
    for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
        if (raci_str_casecmp(tok, words[i].text) == 0)
            return words[i].letters;
    /* A run of letters such as "RA" or "ar": each at most once. */
    if (n == 0 || n > 4)
        return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned b = letter_bit(tok[i]);
        if (!b || (mask & b))
            return 0;
        mask |= b;
    }
    return mask;
}

/* The length of the footnote mark that ends tok[0..n), 0 if none: a
 * superscript digit, a dagger, or "^" and letters or digits. */
static size_t footnote_tail(const char *tok, size_t n)
{
    static const char *const marks[] = {"\xc2\xb9",     "\xc2\xb2",     "\xc2\xb3",
                                        "\xe2\x81\xb0", "\xe2\x81\xb4", "\xe2\x81\xb5",
                                        "\xe2\x81\xb6", "\xe2\x81\xb7", "\xe2\x81\xb8",
                                        "\xe2\x81\xb9", "\xe2\x80\xa0", "\xe2\x80\xa1"};
    size_t k = n;

    for (size_t i = 0; i < sizeof(marks) / sizeof(marks[0]); i++) {
        size_t m = strlen(marks[i]);
        if (n >= m && memcmp(tok + n - m, marks[i], m) == 0)
            return m;
    }
    while (k > 0 && strchr(ALNUM, tok[k - 1]))
        k--;
    return k > 0 && k < n && tok[k - 1] == '^' ? n - k + 1 : 0;
}

/* Is text[0..len) a footnote group's inside: digits only? */
static int all_digits(const char *text, size_t len)
{
    size_t i = 0;
    while (i < len && text[i] >= '0' && text[i] <= '9')
        i++;
    return len > 0 && i == len;
}

static int parse_span(const char *text, size_t len, int conditional,
                      const struct raci_letter_alias *aliases, size_t naliases,
                      struct raci_letters *out);

/* The bracketed part at text[0] ('(' or '['), of text[0..len): a group of
 * conditional letters, a markdown link ("[A](url)": its text counts) or a
 * footnote ("(1)", "[2]"). Returns its length, 0 when it is none of these. */
static size_t parse_group(const char *text, size_t len, int conditional,
                          const struct raci_letter_alias *aliases, size_t naliases,
                          struct raci_letters *out)
{
    char close = text[0] == '(' ? ')' : ']';
    const char *end = memchr(text + 1, close, len - 1);
    size_t inner, used;
    struct raci_letters sub = {0, 0};
    int link;

    if (!end)
        return 0;
    inner = (size_t)(end - (text + 1));
    used = inner + 2;
    if (all_digits(text + 1, inner))
        return out->mask ? used : 0; /* a footnote follows letters */
    link = close == ']' && used < len && text[used] == '(' && memchr(text + used, ')', len - used);
    if (conditional && !link) /* nested */
        return 0;
    if (parse_span(text + 1, inner, !link || conditional, aliases, naliases, &sub) != 0 ||
        !sub.mask)
        return 0;
    if (link)
        used += (size_t)((const char *)memchr(text + used, ')', len - used) - (text + used)) + 1;
    out->mask |= sub.mask;
    out->conditional |= sub.conditional;
    return used;
}

/* Parse text[0..len) into out; conditional marks bracketed content. Returns
 * 0 when every token was understood. */
static int parse_span(const char *text, size_t len, int conditional,
                      const struct raci_letter_alias *aliases, size_t naliases,
                      struct raci_letters *out)
{
    size_t i = 0;

    while (i < len) {
        unsigned char c = (unsigned char)text[i];
        if (is_sep(c) || is_markup(c)) {
            i++;
            continue;
        }
        if (c == '(' || c == '[') {
            size_t used = parse_group(text + i, len - i, conditional, aliases, naliases, out);
            if (!used)
                return -1;
            i += used;
            continue;
        }
        char tok[MAX_TOKEN];
        size_t n = 0, tail;
        while (i < len && !is_sep((unsigned char)text[i]) && text[i] != '(' && text[i] != '[') {
            if (!is_markup((unsigned char)text[i])) {
                if (n + 1 >= sizeof tok)
                    return -1;
                tok[n++] = text[i];
            }
            i++;
        }
        while (n > 0 && (tail = footnote_tail(tok, n)) > 0 && tail < n)
            n -= tail;
        tok[n] = '\0';
        if (n == 0)
            continue;
        if (raci_str_casecmp(tok, "and") == 0)
            continue;
        unsigned m = token_letters(tok, aliases, naliases);
        if (!m)
            return -1;
        out->mask |= m;
        if (conditional)
            out->conditional |= m;
    }
    return 0;
}

/* ASCII lower case of c. */
static int lower_ascii(char c)
{
    return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

/* Is s[0..len) the text of word, ASCII case aside? */
static int same_text(const char *word, const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && word[i] && lower_ascii(word[i]) == lower_ascii(s[i]))
        i++;
    return i == len && !word[i];
}

/* Not-involved marks people put in a cell. */
static int is_placeholder(const char *s, size_t len)
{
    static const char *const marks[] = {"-",   "--", "\xe2\x80\x93", "\xe2\x80\x94", ".",
                                        "n/a", "na", "n.a.",         "none",         "\xc2\xb7"};
    for (size_t i = 0; i < sizeof(marks) / sizeof(marks[0]); i++)
        if (strlen(marks[i]) == len && same_text(marks[i], s, len))
            return 1;
    return 0;
}

/* Trim separators and markup from both ends of text[*a..*b). */
static void trim_span(const char *text, size_t *a, size_t *b)
{
    while (*a < *b && (is_sep((unsigned char)text[*a]) || is_markup((unsigned char)text[*a])))
        (*a)++;
    while (*b > *a &&
           (is_sep((unsigned char)text[*b - 1]) || is_markup((unsigned char)text[*b - 1])))
        (*b)--;
}

/* Read text[a..b) whole: a not-involved mark (RACI_LETTERS_EMPTY, also
 * when a == b), an alias written whole, or letters. */
static raci_letters_status read_whole(const char *text, size_t a, size_t b,
                                      const struct raci_letter_alias *aliases, size_t naliases,
                                      struct raci_letters *out)
{
    trim_span(text, &a, &b);
    out->mask = out->conditional = 0;
    if (a == b)
        return RACI_LETTERS_EMPTY;
    /* An alias may contain separators ("Sign-off"), so try it whole; it
     * wins over a mark ("NA" may be some team's word). */
    for (size_t i = 0; i < naliases; i++)
        if (same_text(aliases[i].name, text + a, b - a)) {
            out->mask = aliases[i].letters;
            return RACI_LETTERS_OK;
        }
    if (is_placeholder(text + a, b - a))
        return RACI_LETTERS_EMPTY;
    if (parse_span(text + a, b - a, 0, aliases, naliases, out) == 0 && out->mask)
        return RACI_LETTERS_OK;
    out->mask = out->conditional = 0;
    return RACI_LETTERS_UNKNOWN;
}

/* The length of the note separator at text[i] (of text[0..end)), 0 if none. */
static size_t note_sep(const char *text, size_t i, size_t end)
{
    static const char *const seps[] = {" - ", " -- ", " \xe2\x80\x93 ", " \xe2\x80\x94 ", " (",
                                       ":",   ";"};
    /* Every separator starts with one of these: most places are none. */
    if (text[i] != ' ' && text[i] != ':' && text[i] != ';')
        return 0;
    for (size_t k = 0; k < sizeof(seps) / sizeof(seps[0]); k++) {
        size_t m = strlen(seps[k]);
        if (end - i >= m && memcmp(text + i, seps[k], m) == 0)
            return m;
    }
    return 0;
}

/* Is c a space? */
static int is_cell_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* The letters and note of a cell that does not read whole as letters: the
 * longest start of it that ends at a note separator and reads whole (the
 * grammar of letters.h); *note gets the rest, trimmed. */
static raci_letters_status read_noted(const char *text, size_t start, size_t end,
                                      const struct raci_letter_alias *aliases, size_t naliases,
                                      struct raci_letters *out, struct raci_letters_note *note)
{
    /* Bounded, so that a long cell costs no more than a short one. */
    size_t last = end - start > MAX_NOTED ? start + MAX_NOTED : end;

    for (size_t i = last; i-- > start;) {
        size_t m = note_sep(text, i, end), a, b = end;
        raci_letters_status st;
        if (!m || i == start ||
            (st = read_whole(text, start, i, aliases, naliases, out)) == RACI_LETTERS_UNKNOWN)
            continue;
        a = i + m;
        /* The whole cell in markup: its closing marks are no part of the note. */
        if (is_markup((unsigned char)text[start]))
            while (b > a && is_markup((unsigned char)text[b - 1]))
                b--;
        if (text[i + m - 1] == '(' && b > a && text[b - 1] == ')')
            b--;
        while (a < b && is_cell_space(text[a]))
            a++;
        while (b > a && is_cell_space(text[b - 1]))
            b--;
        if (a == b)
            continue;
        if (note && st == RACI_LETTERS_OK)
            *note = (struct raci_letters_note){a, b - a};
        return st;
    }
    out->mask = out->conditional = 0;
    return RACI_LETTERS_UNKNOWN;
}

raci_letters_status raci_letters_read(const char *text, const struct raci_letter_alias *aliases,
                                      size_t naliases, struct raci_letters *out,
                                      struct raci_letters_note *note)
{
    size_t start = 0, end;
    raci_letters_status st;

    out->mask = 0;
    out->conditional = 0;
    if (note)
        *note = (struct raci_letters_note){0, 0};
    if (!text)
        return RACI_LETTERS_EMPTY;
    end = strlen(text);
    while (start < end && is_cell_space(text[start]))
        start++;
    while (end > start && is_cell_space(text[end - 1]))
        end--;
    st = read_whole(text, start, end, aliases, naliases, out);
    if (st != RACI_LETTERS_UNKNOWN)
        return st;
    return read_noted(text, start, end, aliases, naliases, out, note);
}

raci_letters_status raci_letters_parse(const char *text, const struct raci_letter_alias *aliases,
                                       size_t naliases, struct raci_letters *out)
{
    return raci_letters_read(text, aliases, naliases, out, NULL);
}

unsigned raci_letters_from_spec(const char *text)
{
    struct raci_letters l = {0, 0};
    if (!text)
        return 0;
    /* Brackets and aliases are not part of a spec. */
    if (strpbrk(text, "()[]"))
        return 0;
    if (parse_span(text, strlen(text), 0, NULL, 0, &l) != 0)
        return 0;
    return l.mask;
}

size_t raci_letters_format(struct raci_letters l, char *buf, size_t size)
{
    static const struct {
        unsigned bit;
        char c;
    } order[] = {{RACI_A, 'A'}, {RACI_R, 'R'}, {RACI_C, 'C'}, {RACI_I, 'I'}};
    char tmp[32];
    size_t n = 0;

    for (size_t i = 0; i < 4; i++) {
        if (!(l.mask & order[i].bit))
            continue;
        if (n)
            tmp[n++] = '/';
        if (l.conditional & order[i].bit) {
            tmp[n++] = '(';
            tmp[n++] = order[i].c;
            tmp[n++] = ')';
        } else {
            tmp[n++] = order[i].c;
        }
    }
    tmp[n] = '\0';
    if (size) {
        size_t k = n < size - 1 ? n : size - 1;
        memcpy(buf, tmp, k);
        buf[k] = '\0';
    }
    return n;
}

/* The drop-down's values, in canonical form (the unit test for the
 * workbook checks that each one reads back as itself). */
static const char *const letters_choices[] = {"A", "R", "C", "I", "A/R", "(R)", "(C)", "(I)"};

const char *const *raci_letters_choices(size_t *n)
{
    *n = sizeof(letters_choices) / sizeof(letters_choices[0]);
    return letters_choices;
}
