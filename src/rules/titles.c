/*
 * titles.c - which roles of a ruleset a job title names.
 *
 * Matching is whole-pattern on normalised words, never substring: "Product
 * Owner Manager" is no Product Owner. Seniority words may be deleted from a
 * title to reach a pattern, but never added, so "Lead" alone is nothing.
 */
#include "raci/titles.h"

#include <stdlib.h>
#include <string.h>

#include "raci/str.h"

/* Titles of more words are matched only as they are: the table of
 * matches_skipping stays small and on the stack. */
#define MAX_TITLE_WORDS 32

/* The words of a normalised part of a title, pointing into it. */
struct title_words {
    const char *s[MAX_TITLE_WORDS];
    size_t len[MAX_TITLE_WORDS];
    size_t n;
};

/* Split normalised text (single spaces) into words; 0 when there are too
 * many to match by skipping. */
static int split_words(const char *text, size_t len, struct title_words *w)
{
    size_t i = 0;

    w->n = 0;
    while (i < len) {
        size_t j = i;
        while (j < len && text[j] != ' ')
            j++;
        if (w->n == MAX_TITLE_WORDS)
            return 0;
        w->s[w->n] = text + i;
        w->len[w->n] = j - i;
        w->n++;
        i = j + 1;
    }
    return 1;
}

static int same_word(const struct title_words *a, size_t i, const struct title_words *b, size_t j)
{
    return a->len[i] == b->len[j] && !memcmp(a->s[i], b->s[j], a->len[i]);
}

static int is_seniority_word(const struct raci_ruleset *rs, const struct title_words *w, size_t i)
{
    for (size_t k = 0; k < rs->nseniority; k++)
        if (strlen(rs->seniority[k]) == w->len[i] && !memcmp(rs->seniority[k], w->s[i], w->len[i]))
            return 1;
    return 0;
}

/* Can part become pat by deleting seniority words only? ok[i][j]: part's
 * words from i on can become pat's words from j on. */
static int matches_skipping(const struct title_words *part, const unsigned char *senior,
                            const struct title_words *pat)
{
    unsigned char ok[MAX_TITLE_WORDS + 1][MAX_TITLE_WORDS + 1];
    size_t n = part->n, m = pat->n;

    for (size_t i = n + 1; i-- > 0;) {
        for (size_t j = m + 1; j-- > 0;) {
            if (i == n)
                ok[i][j] = j == m;
            else
                ok[i][j] = (senior[i] && ok[i + 1][j]) ||
                           (j < m && same_word(part, i, pat, j) && ok[i + 1][j + 1]);
        }
    }
    return ok[0][0];
}

/* The roles that one normalised part of a title names: patterns equal to
 * it, else the patterns it becomes by dropping seniority words, keeping only
 * those that keep the most words ("Senior Lead Developer" is a Lead
 * Developer, not a Developer). */
static uint64_t match_part(const struct raci_ruleset *rs, const char *part, size_t len)
{
    struct title_words words, pat;
    unsigned char senior[MAX_TITLE_WORDS];
    uint64_t mask = 0;
    size_t best = 0;

    if (len == 0)
        return 0;
    for (size_t r = 0; r < rs->nroles; r++)
        for (size_t k = 0; k < rs->roles[r].ntitles; k++) {
            const char *t = rs->roles[r].titles[k];
            if (strlen(t) == len && !memcmp(t, part, len))
                mask |= UINT64_C(1) << r;
        }
    if (mask || !split_words(part, len, &words))
        return mask;
    for (size_t i = 0; i < words.n; i++)
        senior[i] = (unsigned char)is_seniority_word(rs, &words, i);
    for (size_t r = 0; r < rs->nroles; r++)
        for (size_t k = 0; k < rs->roles[r].ntitles; k++) {
            const char *t = rs->roles[r].titles[k];
            if (!split_words(t, strlen(t), &pat) || pat.n < best || pat.n == 0 ||
                !matches_skipping(&words, senior, &pat))
                continue;
            if (pat.n > best)
                mask = 0;
            best = pat.n;
            mask |= UINT64_C(1) << r;
        }
    return mask;
}

/* A part as it is, or else as a singular: published charts head their
 * columns "Developers" or "Product Owners". */
static uint64_t match_part_or_singular(const struct raci_ruleset *rs, const char *part, size_t len)
{
    uint64_t mask = match_part(rs, part, len);
    if (!mask && len > 1 && part[len - 1] == 's')
        mask = match_part(rs, part, len - 1);
    return mask;
}

/* A normalised part split on the word "and" ("product owner and product
 * manager"): key[start..) is the current piece, key[i..j) the current word. */
static uint64_t match_key_pieces(const struct raci_ruleset *rs, const char *key, size_t klen)
{
    uint64_t mask = 0;
    size_t start = 0;

    for (size_t i = 0; i < klen;) {
        size_t j = i;
        while (j < klen && key[j] != ' ')
            j++;
        if (j - i == 3 && !memcmp(key + i, "and", 3)) {
            if (i > start)
                mask |= match_part_or_singular(rs, key + start, i - 1 - start);
            start = j + 1;
        }
        i = j + 1;
    }
    if (klen > start)
        mask |= match_part_or_singular(rs, key + start, klen - start);
    return mask;
}

static int is_title_separator(char c)
{
    return c && strchr("/,;&+|", c) != NULL;
}

/* title into out (room for strlen(title) + 1) without its bracketed notes,
 * each bracket kept as a space so that the words around it stay apart. */
static void drop_notes(const char *title, char *out)
{
    size_t len = 0, depth = 0;

    for (const char *p = title; *p; p++) {
        if (*p == '(' || *p == '[' || *p == '{') {
            depth++;
            out[len++] = ' ';
        } else if (depth && (*p == ')' || *p == ']' || *p == '}')) {
            depth--;
            out[len++] = ' ';
        } else if (!depth) {
            out[len++] = *p;
        }
    }
    out[len] = '\0';
}

uint64_t raci_titles_match(const struct raci_ruleset *rs, const char *title)
{
    size_t n;
    char *text, *key;
    uint64_t mask = 0;

    if (!rs || !title)
        return 0;
    n = strlen(title);
    if (n >= SIZE_MAX / 2)
        return 0;
    text = malloc(n + 1);
    key = malloc(RACI_STR_KEY_SIZE(n));
    if (!text || !key)
        goto cleanup;
    drop_notes(title, text);
    for (char *part = text; part;) {
        char *end = part, saved;
        while (*end && !is_title_separator(*end))
            end++;
        saved = *end;
        *end = '\0';
        mask |= match_key_pieces(rs, key, raci_str_key_into(part, key));
        part = saved ? end + 1 : NULL;
    }
cleanup:
    free(text);
    free(key);
    return mask;
}

int raci_titles_can_match(const char *pattern, const char *key)
{
    size_t n = strlen(key);

    if (n == 0)
        return 0;
    for (const char *p = pattern; *p; p++)
        if (is_title_separator(*p) || strchr("()[]{}", *p))
            return 0;
    return strcmp(key, "and") != 0 && strncmp(key, "and ", 4) != 0 && !strstr(key, " and ") &&
           !(n >= 4 && !strcmp(key + n - 4, " and"));
}
