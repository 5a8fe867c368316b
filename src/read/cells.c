/*
 * cells.c - what the cells of a table say, as detection reads them: blank
 * or not, letters or not, a legend of the letters, a header again; and what
 * a column's cells hold, counted.
 */
#include "raci/cells.h"

#include <stdlib.h>
#include <string.h>

#include "raci/array.h"
#include "raci/letters.h"
#include "raci/str.h"

/* Past this many bytes a header is no word of the lists. */
#define WORD_MAX 80

static const char *const letter_words[] = {"responsible", "accountable", "consulted",
                                           "informed",    "support",     NULL};

int raci_cells_blank(const char *s)
{
    for (; *s; s++)
        if (*s != ' ' && *s != '\t' && *s != '\r' && *s != '\n')
            return 0;
    return 1;
}

const char *raci_cells_text(const struct raci_row *row, int c)
{
    return c >= 0 && (uint32_t)c < row->ncells ? row->cells[c].text : "";
}

/* The non-blank cells of row; *only gets the last one's column. */
uint32_t raci_cells_filled(const struct raci_row *row, int *only)
{
    uint32_t n = 0;
    for (uint32_t c = 0; c < row->ncells; c++)
        if (!raci_cells_blank(row->cells[c].text)) {
            n++;
            if (only)
                *only = (int)c;
        }
    return n;
}

/* Is text's matching key one of words? */
int raci_cells_key_in(const char *text, const char *const *words)
{
    char key[RACI_STR_KEY_SIZE(WORD_MAX)];

    if (strlen(text) > WORD_MAX)
        return 0;
    raci_str_key_into(text, key);
    for (size_t i = 0; words[i]; i++)
        if (strcmp(key, words[i]) == 0)
            return 1;
    return 0;
}

int raci_cells_has_word(const char *text, const char *const *words)
{
    char key[RACI_STR_KEY_SIZE(WORD_MAX)];
    char *save = NULL;

    if (strlen(text) > WORD_MAX)
        return 0;
    raci_str_key_into(text, key);
    for (char *w = strtok_r(key, " ", &save); w; w = strtok_r(NULL, " ", &save))
        for (size_t i = 0; words[i]; i++)
            if (strcmp(w, words[i]) == 0)
                return 1;
    return 0;
}

int raci_cells_letters(const char *text, const struct raci_ruleset *rs)
{
    struct raci_letters l;
    return raci_letters_parse(text, rs->aliases, rs->naliases, &l) == RACI_LETTERS_OK;
}

/* ------------------------------------------------------------- legend -- */

/* "R = Responsible", "A: Accountable", "C - Consulted": a short code, a
 * separator, a letter's word. */
static int defines(const char *s)
{
    size_t n = 0;
    char key[RACI_STR_KEY_SIZE(WORD_MAX)];

    while (*s == ' ' || *s == '*')
        s++;
    while (n < 4 && ((s[n] >= 'A' && s[n] <= 'Z') || (s[n] >= 'a' && s[n] <= 'z')))
        n++;
    if (n == 0 || n > 3)
        return 0;
    for (s += n; *s == ' ' || *s == '*'; s++)
        ;
    if (*s == '=' || *s == ':' || *s == '-')
        s++;
    else if (strncmp(s, "\xe2\x80\x93", 3) == 0 || strncmp(s, "\xe2\x80\x94", 3) == 0)
        s += 3;
    else
        return 0;
    if (strlen(s) > WORD_MAX)
        return 0;
    raci_str_key_into(s, key);
    for (size_t i = 0; letter_words[i]; i++)
        if (strncmp(key, letter_words[i], strlen(letter_words[i])) == 0)
            return 1;
    return 0;
}

/* How many of the letters' words a cell's text holds. */
static int letter_word_count(const char *s)
{
    char key[RACI_STR_KEY_SIZE(4 * WORD_MAX)];
    int n = 0;
    size_t len = strlen(s);

    /* A key is at most half as long again as its text: under five bytes
     * hold none of the words, the shortest of which has seven. */
    if (len > 4 * WORD_MAX || len < 5)
        return 0;
    raci_str_key_into(s, key);
    for (size_t i = 0; letter_words[i]; i++)
        n += strstr(key, letter_words[i]) != NULL;
    /* A legend is mostly its words ("R = Responsible, A = Accountable"); a
     * sentence that uses two of them ("is responsible for ... the Support
     * Center") is a note. */
    for (size_t i = 0, words = 0; n && s[i]; i++)
        if (s[i] != ' ' && (i == 0 || s[i - 1] == ' ') && ++words > 4 * (size_t)n)
            return 0;
    return n;
}

/* What a legend asks of one cell's text (LEGEND_*), with the first byte
 * of its key in the low byte: the same for the same text, so a memo keyed
 * by the interned text keeps it. */
enum {
    LEGEND_BLANK = 1u << 8,   /* blank */
    LEGEND_TITLE = 1u << 9,   /* "Legend...", "Key": a legend's first cell */
    LEGEND_DEFINE = 1u << 10, /* defines a letter, or names two words */
    LEGEND_ONE = 1u << 11,    /* names one of the words, short */
    LEGEND_LETTER = 1u << 12  /* one of R, A, C, I */
};

static uint32_t legend_read(const char *s)
{
    char key[RACI_STR_KEY_SIZE(WORD_MAX)];
    size_t len;
    uint32_t v = 0;
    int words = 0;

    if (raci_cells_blank(s))
        return v | LEGEND_BLANK;
    len = strlen(s);
    if (len <= WORD_MAX) {
        raci_str_key_into(s, key);
        v |= (unsigned char)key[0];
        if (strncmp(key, "legend", 6) == 0 || strcmp(key, "key") == 0 ||
            strncmp(key, "key ", 4) == 0)
            v |= LEGEND_TITLE;
    }
    if (defines(s) || (words = letter_word_count(s)) >= 2)
        return v | LEGEND_DEFINE;
    if (words == 1 && len <= WORD_MAX)
        v |= LEGEND_ONE;
    if (len == 1 && strchr("RACIraci", *s))
        v |= LEGEND_LETTER;
    return v;
}

/* legend_read(s), from memo when it holds s (memo may be NULL). */
static uint32_t legend_of(const char *s, struct raci_map *memo)
{
    uint32_t v = memo ? raci_map_get(memo, (uintptr_t)s, 0) : RACI_MAP_NONE;

    if (v == RACI_MAP_NONE) {
        v = legend_read(s);
        if (memo && raci_map_put(memo, (uintptr_t)s, 0, v) != RACI_OK)
            raci_map_release(memo); /* out of memory: read without */
    }
    return v;
}

int raci_cells_legend_in(const struct raci_row *row, struct raci_map *memo)
{
    const char *prev = NULL;
    uint32_t pv = 0;

    for (uint32_t c = 0; c < row->ncells; c++) {
        const char *s = row->cells[c].text;
        uint32_t v = legend_of(s, memo);
        if (v & LEGEND_BLANK)
            continue;
        if ((!prev && (v & LEGEND_TITLE)) || (v & LEGEND_DEFINE))
            return 1;
        /* "R", then "Responsible": a row of a legend table. */
        if (prev && (pv & LEGEND_LETTER) && (v & LEGEND_ONE) &&
            (char)(v & 0xFF) == (char)(*prev | 0x20))
            return 1;
        prev = s;
        pv = v;
    }
    return 0;
}

int raci_cells_legend(const struct raci_row *row)
{
    return raci_cells_legend_in(row, NULL);
}

/* Does row repeat header, cell for cell but for case? */
int raci_cells_same_row(const struct raci_row *header, const struct raci_row *row)
{
    uint32_t n = header->ncells > row->ncells ? header->ncells : row->ncells, named = 0;

    for (uint32_t c = 0; c < n; c++) {
        const char *a = raci_cells_text(header, (int)c), *b = raci_cells_text(row, (int)c);
        if (raci_cells_blank(a) != raci_cells_blank(b))
            return 0;
        if (!raci_cells_blank(a)) {
            if (raci_str_same_key(a, b) != 1)
                return 0;
            named++;
        }
    }
    return named >= 2;
}

/* What the cells of one column hold, over the data rows. */

int raci_cells_kind(const struct raci_cells_stats *s)
{
    if (s->n == 0)
        return RACI_CELLS_EMPTY;
    return 2 * s->letters >= s->n ? RACI_CELLS_LETTERS : RACI_CELLS_TEXT;
}

/* A value of a column and how often it occurs. */
struct value_run {
    const char *text;
    uint32_t count;
};

static int cmp_run(const void *a, const void *b)
{
    return strcmp(((const struct value_run *)a)->text, ((const struct value_run *)b)->text);
}

/* Count the words and letters of other text, seen times, into s. */
static void count_text(struct raci_cells_stats *s, const char *text, uint32_t seen)
{
    size_t len = strlen(text), words = 0, alpha = 0;

    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)text[i];
        if (ch != ' ' && (i == 0 || text[i - 1] == ' '))
            words++;
        alpha += ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z') || ch >= 0xC0;
    }
    s->chars += (double)len * seen;
    s->words += (double)words * seen;
    s->alpha += (double)alpha * seen;
    s->marks += (words <= 2 && len <= 12) * seen;
}

/* One column being counted: its distinct values (by address: cells are
 * interned, so equal texts mostly share one; a text that is not interned
 * may be two runs, next to each other once sorted by text). */
struct column_count {
    struct raci_map at; /* text address -> its run */
    struct value_run *runs;
    size_t nruns, cap;
    const char *last; /* the value above (blanks skipped), and its run */
    uint32_t lastk;
    int seen; /* a value above */
};

static raci_error count_cell(struct column_count *cc, struct raci_cells_stats *s, const char *text)
{
    uint32_t k;

    /* A sorted export repeats a value down the rows: the value above is
     * counted again without a lookup. */
    if (cc->last && text == cc->last) {
        cc->runs[cc->lastk].count++;
        s->n++;
        return RACI_OK;
    }
    if (raci_cells_blank(text)) {
        s->gaps += cc->seen;
        return RACI_OK;
    }
    cc->seen = 1;
    s->n++;
    if ((k = raci_map_get(&cc->at, (uintptr_t)text, 0)) == RACI_MAP_NONE) {
        if (raci_array_grow(&cc->runs, &cc->cap, cc->nruns + 1, sizeof(*cc->runs)) ||
            raci_map_put(&cc->at, (uintptr_t)text, 0, (uint32_t)cc->nruns))
            return RACI_ERROR_NOMEM;
        k = (uint32_t)cc->nruns++;
        cc->runs[k] = (struct value_run){text, 0};
    }
    cc->runs[k].count++;
    cc->last = text;
    cc->lastk = k;
    return RACI_OK;
}

/* Each distinct value of cc read once, counted as often as it occurs: the
 * counts are whole numbers, so the sums are the same in any order. */
static void column_finish(struct column_count *cc, struct raci_cells_stats *s,
                          const struct raci_ruleset *rs)
{
    uint32_t other;

    if (cc->nruns)
        qsort(cc->runs, cc->nruns, sizeof(*cc->runs), cmp_run);
    for (size_t i = 0, j; i < cc->nruns; i = j) {
        uint32_t count = cc->runs[i].count;
        for (j = i + 1; j < cc->nruns && strcmp(cc->runs[j].text, cc->runs[i].text) == 0; j++)
            count += cc->runs[j].count;
        s->distinct++;
        if (raci_cells_letters(cc->runs[i].text, rs))
            s->letters += count;
        else
            count_text(s, cc->runs[i].text, count);
    }
    if ((other = s->n - s->letters) > 0) {
        s->chars /= other;
        s->words /= other;
        s->alpha /= other;
    }
}

/* The statistics of the columns over the data rows, the rows read once
 * (each row's cells lie together; a column at a time would walk every row
 * once per column). */
raci_error raci_cells_columns_stats(struct raci_cells_stats *s, const struct raci_row *const *rows,
                                    size_t nrows, uint32_t ncols, const struct raci_ruleset *rs)
{
    struct column_count *cc = calloc(ncols ? ncols : 1, sizeof(*cc));
    raci_error err = RACI_OK;

    if (!cc)
        return RACI_ERROR_NOMEM;
    memset(s, 0, ncols * sizeof(*s));
    for (size_t i = 0; i < nrows && !err; i++)
        for (uint32_t c = 0; c < ncols && !err; c++)
            err = count_cell(&cc[c], &s[c], raci_cells_text(rows[i], (int)c));
    for (uint32_t c = 0; c < ncols; c++) {
        if (!err)
            column_finish(&cc[c], &s[c], rs);
        raci_map_release(&cc[c].at);
        free(cc[c].runs);
    }
    free(cc);
    return err;
}

int raci_cells_product_sheet(const struct raci_table *t)
{
    int last = -1;

    if (!t->nrows || !raci_cells_filled(&t->header, &last) || !t->rows[0].ncells)
        return 0;
    return raci_cells_key_in(t->header.cells[last].text, (const char *const[]){"findings", NULL}) &&
           raci_cells_key_in(t->rows[0].cells[0].text, (const char *const[]){"task", NULL});
}

/* The A's of the cell, 0 or 1 (unreadable cells count none). */
static int cell_a(const struct raci_row *row, uint32_t c, const struct raci_ruleset *rs)
{
    struct raci_letters l;
    return c < row->ncells &&
           raci_letters_parse(row->cells[c].text, rs->aliases, rs->naliases, &l) ==
               RACI_LETTERS_OK &&
           (l.mask & RACI_A);
}

int raci_cells_one_a(const struct raci_row *const *rows, size_t n, const int *marks, uint32_t ncols,
                     const struct raci_ruleset *rs)
{
    size_t down = 0, across = 0, nrows = 0, ncolumns = 0;
    size_t *per_col = calloc(ncols ? ncols : 1, sizeof(*per_col));

    if (!per_col)
        return 0;
    for (size_t i = 0; i < n; i++) {
        size_t as = 0, any = 0;
        for (uint32_t c = 0; c < ncols; c++)
            if (marks[c]) {
                int a = cell_a(rows[i], c, rs);
                as += (size_t)a;
                per_col[c] += (size_t)a;
                any += c < rows[i]->ncells && !raci_cells_blank(rows[i]->cells[c].text);
            }
        nrows += any > 0;
        down += any > 0 && as == 1;
    }
    for (uint32_t c = 0; c < ncols; c++) {
        ncolumns += marks[c] != 0;
        across += marks[c] && per_col[c] == 1;
    }
    free(per_col);
    /* Compare the shares, in quarters: 4 is every task one way, none the other. */
    if (!nrows || !ncolumns)
        return 0;
    return (int)(4 * down / nrows) - (int)(4 * across / ncolumns);
}
