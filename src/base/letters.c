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
            char close = c == '(' ? ')' : ']';
            const char *end = memchr(text + i + 1, close, len - i - 1);
            if (!end || conditional) /* unbalanced, or nested */
                return -1;
            size_t inner = (size_t)(end - (text + i + 1));
            struct raci_letters sub = {0, 0};
            if (parse_span(text + i + 1, inner, 1, aliases, naliases, &sub) != 0 || !sub.mask)
                return -1;
            out->mask |= sub.mask;
            out->conditional |= sub.conditional;
            i += inner + 2;
            continue;
        }
        char tok[MAX_TOKEN];
        size_t n = 0;
        while (i < len && !is_sep((unsigned char)text[i]) && text[i] != '(' && text[i] != '[') {
            if (!is_markup((unsigned char)text[i])) {
                if (n + 1 >= sizeof tok)
                    return -1;
                tok[n++] = text[i];
            }
            i++;
        }
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

/* Placeholders people put in an empty cell. */
static int is_placeholder(const char *s, size_t len)
{
    static const char *const marks[] = {"-",   "--", "\xe2\x80\x93", "\xe2\x80\x94", ".",
                                        "n/a", "na"};
    for (size_t i = 0; i < sizeof(marks) / sizeof(marks[0]); i++)
        if (strlen(marks[i]) == len && raci_str_casecmp(marks[i], s) == 0)
            return 1;
    return 0;
}

raci_letters_status raci_letters_parse(const char *text, const struct raci_letter_alias *aliases,
                                       size_t naliases, struct raci_letters *out)
{
    size_t start = 0, end;
    char trimmed[MAX_TOKEN];

    out->mask = 0;
    out->conditional = 0;
    if (!text)
        return RACI_LETTERS_EMPTY;
    end = strlen(text);
    while (start < end &&
           (is_sep((unsigned char)text[start]) || is_markup((unsigned char)text[start])))
        start++;
    while (end > start &&
           (is_sep((unsigned char)text[end - 1]) || is_markup((unsigned char)text[end - 1])))
        end--;
    if (start == end)
        return RACI_LETTERS_EMPTY;
    if (end - start < sizeof trimmed) {
        memcpy(trimmed, text + start, end - start);
        trimmed[end - start] = '\0';
        if (is_placeholder(trimmed, end - start))
            return RACI_LETTERS_EMPTY;
        /* An alias may contain separators ("Sign-off"), so try it whole. */
        for (size_t i = 0; i < naliases; i++)
            if (raci_str_casecmp(trimmed, aliases[i].name) == 0) {
                out->mask = aliases[i].letters;
                return RACI_LETTERS_OK;
            }
    }
    if (parse_span(text + start, end - start, 0, aliases, naliases, out) != 0 || !out->mask) {
        out->mask = 0;
        out->conditional = 0;
        return RACI_LETTERS_UNKNOWN;
    }
    return RACI_LETTERS_OK;
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
