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

/* Titles of more words are matched only as they are. */
#define MAX_TITLE_WORDS 32

/* A title is read word by word along every way that still begins a
 * pattern; one that could be read more ways at once is matched only as it
 * is (a ruleset of patterns made to be read so many ways is no one's). */
#define MAX_READINGS 256

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

/* Is word i of w a seniority word of rs? */
static int is_seniority_word(const struct raci_ruleset *rs, const struct title_words *w, size_t i)
{
    return raci_keyset_get(&rs->seniority_words, w->s[i], w->len[i], NULL);
}

/* The roles whose patterns equal text[0..len). */
static uint64_t pattern_roles(const struct raci_ruleset *rs, const char *text, size_t len)
{
    uint64_t mask = 0;

    return raci_keyset_get(&rs->title_roles, text, len, &mask) ? mask : 0;
}

/* A way of reading the first words of a title with seniority words dropped:
 * a prefix of one or more patterns (the ruleset's own copy of it, so that
 * two ways that read alike are one), and its number of words. */
struct reading {
    const char *text; /* NULL: nothing read yet */
    size_t len;
    size_t words;
};

/* Add r to ways[0..*n) unless it is there; 0 when there are too many. */
static int add_reading(struct reading *ways, size_t *n, struct reading r)
{
    for (size_t i = 0; i < *n; i++)
        if (ways[i].text == r.text && ways[i].len == r.len)
            return 1;
    if (*n == MAX_READINGS)
        return 0;
    ways[(*n)++] = r;
    return 1;
}

/* The readings after word i of part, from those before it (ways, n): each
 * goes on with the word when that still begins a pattern, and a seniority
 * word may also be dropped. buf has room for part. 0 when there are too many
 * readings to follow. */
static int read_word(const struct raci_ruleset *rs, const struct title_words *part, size_t i,
                     const struct reading *ways, size_t n, struct reading *next, size_t *nnext,
                     char *buf)
{
    int senior = is_seniority_word(rs, part, i);

    *nnext = 0;
    for (size_t k = 0; k < n; k++) {
        struct reading r = ways[k];
        size_t len = 0;
        if (r.len) {
            memcpy(buf, r.text, r.len);
            buf[r.len] = ' ';
            len = r.len + 1;
        }
        memcpy(buf + len, part->s[i], part->len[i]);
        len += part->len[i];
        r.text = raci_keyset_key(&rs->title_prefixes, buf, len);
        if (r.text && !add_reading(next, nnext, (struct reading){r.text, len, r.words + 1}))
            return 0;
        if (senior && !add_reading(next, nnext, ways[k]))
            return 0;
    }
    return 1;
}

/* The roles that one normalised part of a title names: patterns equal to
 * it, else the patterns it becomes by dropping seniority words, keeping only
 * those that keep the most words ("Senior Lead Developer" is a Lead
 * Developer, not a Developer). The part is read word by word, following
 * every way of reading it that still begins a pattern, so that the cost
 * depends on the title, not on the number of patterns. */
static uint64_t match_part(const struct raci_ruleset *rs, const char *part, size_t len)
{
    struct title_words words;
    struct reading *block, *ways, *next;
    size_t n = 1, best = 0;
    uint64_t mask = pattern_roles(rs, part, len);
    char *buf;
    int ok = 1;

    if (mask || len == 0 || !split_words(part, len, &words))
        return mask;
    block = malloc(2 * MAX_READINGS * sizeof(*block));
    buf = malloc(len + 1);
    if (!block || !buf)
        goto cleanup;
    ways = block;
    next = block + MAX_READINGS;
    ways[0] = (struct reading){NULL, 0, 0};
    for (size_t i = 0; i < words.n && n && ok; i++) {
        struct reading *t = ways;
        ok = read_word(rs, &words, i, ways, n, next, &n, buf);
        ways = next;
        next = t;
    }
    for (size_t k = 0; ok && k < n; k++) {
        uint64_t m = ways[k].len ? pattern_roles(rs, ways[k].text, ways[k].len) : 0;
        if (!m || ways[k].words < best)
            continue;
        if (ways[k].words > best)
            mask = 0;
        best = ways[k].words;
        mask |= m;
    }
cleanup:
    free(block);
    free(buf);
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
