/*
 * vocabulary.c - letter cells written in another vocabulary than RACI:
 * finding, per file, the repeated words of its unreadable cells
 * (vocabulary.h gives the criterion).
 */
#include "raci/vocabulary.h"

#include <stdlib.h>
#include <string.h>

#include "raci/str.h"

/* One word of an unreadable cell ("Owns/Helps" holds two). */
struct vocab_cell {
    uint32_t assign;
    uint32_t line, col;
    char key[RACI_VOCABULARY_WORD_MAX + 1];  /* the word in lower case */
    char text[RACI_VOCABULARY_WORD_MAX + 1]; /* as written */
};

/* Most words one cell may combine. */
#define VOCAB_PARTS 4

static int vocab_alnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static int vocab_trimmed(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '*' || c == '_' || c == '`';
}

/* Does a cell combine words at c, as letters combine ("Owns/Helps")? */
static int vocab_sep(char c)
{
    return c == '/' || c == ',' || c == '+' || c == '&' || c == ';' || c == '|';
}

/* The word text[a..b) into c (as written and in lower case): 0 when it is
 * no word a ruleset could name (vocabulary.h). */
static int vocab_word(const char *text, size_t a, size_t b, struct vocab_cell *c)
{
    size_t nwords = 1;

    while (a < b && vocab_trimmed(text[a]))
        a++;
    while (b > a && vocab_trimmed(text[b - 1]))
        b--;
    if (a == b || b - a > RACI_VOCABULARY_WORD_MAX || !vocab_alnum(text[a]))
        return 0;
    for (size_t i = a; i < b; i++) {
        char ch = text[i];
        if (ch == ' ' && text[i - 1] != ' ')
            nwords++;
        else if (!vocab_alnum(ch) && ch != ' ' && ch != '-' && ch != '_')
            return 0;
        c->text[i - a] = ch;
        c->key[i - a] = ch >= 'A' && ch <= 'Z' ? (char)(ch + ('a' - 'A')) : ch;
    }
    c->text[b - a] = c->key[b - a] = '\0';
    return nwords <= 3;
}

/* The words of the unreadable cell of assignment i into cells (room for
 * VOCAB_PARTS): their count, 0 unless every part of the cell is one. */
static size_t vocab_split(const struct raci_roster *r, uint32_t i, struct vocab_cell *cells)
{
    const char *text = r->assigns[i].raw;
    size_t n = 0, a = 0, b;

    for (;; a = b + 1) {
        for (b = a; text[b] && !vocab_sep(text[b]); b++)
            ;
        if (n == VOCAB_PARTS || !vocab_word(text, a, b, &cells[n]))
            return 0;
        cells[n].assign = i;
        cells[n].line = r->assigns[i].loc.line;
        cells[n].col = r->assigns[i].loc.col;
        n++;
        if (!text[b])
            return n;
    }
}

/* Is (la, ca) before (lb, cb) in a file? */
static int vocab_before(uint32_t la, uint32_t ca, uint32_t lb, uint32_t cb)
{
    return la != lb ? la < lb : ca < cb;
}

/* By word, then in file order. */
static int vocab_cell_compare(const void *pa, const void *pb)
{
    const struct vocab_cell *a = pa, *b = pb;
    int c = strcmp(a->key, b->key);
    if (c)
        return c;
    if (a->line != b->line || a->col != b->col)
        return vocab_before(a->line, a->col, b->line, b->col) ? -1 : 1;
    return a->assign < b->assign ? -1 : a->assign > b->assign;
}

/* Most used first, then by first use. */
static int vocab_word_compare(const void *pa, const void *pb)
{
    const struct raci_vocabulary_word *a = pa, *b = pb;
    if (a->uses != b->uses)
        return a->uses > b->uses ? -1 : 1;
    if (a->line != b->line || a->col != b->col)
        return vocab_before(a->line, a->col, b->line, b->col) ? -1 : 1;
    return a->first < b->first ? -1 : a->first > b->first;
}

static int vocab_same_file(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

/* Does the file of vocabulary v have one, by the criterion of vocabulary.h? */
static int vocab_enough(const struct raci_vocabulary *v, long min_cells)
{
    return v->nwords &&
           (v->ncells >= (size_t)min_cells || (v->ncells >= 2 && 2 * v->ncells > v->nletters));
}

/* The end of the group of cells[i]'s word in cells[0..n). */
static size_t vocab_group(const struct vocab_cell *cells, size_t i, size_t n)
{
    size_t j = i;
    while (j < n && strcmp(cells[j].key, cells[i].key) == 0)
        j++;
    return j;
}

/* Mark in uses the cells whose every word is one of v: a cell starts
 * marked, and a word used fewer than min_uses times unmarks its own. Counts
 * them into v->ncells and finds the first. */
static void vocab_mark(const struct raci_roster *r, const struct vocab_cell *cells, size_t n,
                       long min_uses, struct raci_vocabulary *v, unsigned char *uses)
{
    for (size_t i = 0; i < n; i++)
        uses[cells[i].assign] = 1;
    for (size_t i = 0, j; i < n; i = j) {
        j = vocab_group(cells, i, n);
        for (size_t k = i; (long)(j - i) < min_uses && k < j; k++)
            uses[cells[k].assign] = 0;
    }
    for (size_t i = 0; i < n; i++) {
        const struct raci_assign *a = &r->assigns[cells[i].assign];
        if (uses[cells[i].assign] != 1)
            continue;
        uses[cells[i].assign] = 2; /* counted */
        v->ncells++;
        if (v->first == RACI_NONE ||
            vocab_before(a->loc.line, a->loc.col, r->assigns[v->first].loc.line,
                         r->assigns[v->first].loc.col))
            v->first = cells[i].assign;
    }
    for (size_t i = 0; i < n; i++)
        uses[cells[i].assign] = uses[cells[i].assign] != 0;
}

/* The vocabulary of file from the words cells[0..n) of its cells, sorted
 * by vocab_cell_compare: added to vs when the file has one, its cells
 * marked in vs->uses. */
static raci_error vocab_file(const struct raci_roster *r, const char *file,
                             const struct vocab_cell *cells, size_t n, long min_cells,
                             long min_uses, struct raci_vocabularies *vs)
{
    struct raci_vocabulary v = {file, RACI_NONE, 0, 0, NULL, 0}, *slot = NULL;
    int enough;

    for (size_t i = 0; i < r->nassigns; i++)
        if (!(r->assigns[i].flags & RACI_ASSIGN_GENERATED) &&
            vocab_same_file(r->assigns[i].loc.file, file))
            v.nletters++;
    if (!(v.words = malloc(n * sizeof(*v.words))))
        return RACI_ERROR_NOMEM;
    for (size_t i = 0, j; i < n; i = j) {
        j = vocab_group(cells, i, n);
        if ((long)(j - i) < min_uses)
            continue;
        struct raci_vocabulary_word *w = &v.words[v.nwords++];
        memcpy(w->text, cells[i].text, sizeof(w->text));
        w->uses = j - i;
        w->first = cells[i].assign;
        w->line = cells[i].line;
        w->col = cells[i].col;
    }
    vocab_mark(r, cells, n, min_uses, &v, vs->uses);
    enough = vocab_enough(&v, min_cells);
    if (!enough || !(slot = realloc(vs->v, (vs->n + 1) * sizeof(*vs->v)))) {
        for (size_t i = 0; i < n; i++)
            vs->uses[cells[i].assign] = 0;
        free(v.words);
        return enough ? RACI_ERROR_NOMEM : RACI_OK;
    }
    qsort(v.words, v.nwords, sizeof(*v.words), vocab_word_compare);
    vs->v = slot;
    vs->v[vs->n++] = v;
    return RACI_OK;
}

/* The words of file's unreadable cells into cells; their count. */
static size_t vocab_cells(const struct raci_roster *r, const char *file, struct vocab_cell *cells)
{
    size_t n = 0;

    for (uint32_t i = 0; i < r->nassigns; i++) {
        const struct raci_assign *a = &r->assigns[i];
        if ((a->flags & RACI_ASSIGN_UNKNOWN) && a->raw && vocab_same_file(a->loc.file, file))
            n += vocab_split(r, i, cells + n);
    }
    return n;
}

raci_error raci_vocabulary_find(const struct raci_roster *r, long min_cells, long min_uses,
                                struct raci_vocabularies *out)
{
    size_t room = 1, nfiles = 0;
    struct vocab_cell *cells;
    const char **files;
    raci_error err = RACI_OK;

    /* Room for the unreadable cells only: most rosters have few. */
    for (uint32_t i = 0; i < r->nassigns; i++)
        room += (r->assigns[i].flags & RACI_ASSIGN_UNKNOWN) != 0;
    cells = malloc(room * VOCAB_PARTS * sizeof(*cells));
    files = malloc(room * sizeof(*files));
    out->v = NULL;
    out->n = 0;
    out->uses = calloc(r->nassigns ? r->nassigns : 1, 1);
    if (!cells || !files || !out->uses)
        err = RACI_ERROR_NOMEM;
    /* Each file once, at its first unreadable cell. */
    for (uint32_t i = 0; i < r->nassigns && !err; i++) {
        const char *file = r->assigns[i].loc.file;
        size_t n, k;
        if (!(r->assigns[i].flags & RACI_ASSIGN_UNKNOWN))
            continue;
        for (k = 0; k < nfiles && !vocab_same_file(files[k], file); k++)
            ;
        if (k < nfiles)
            continue;
        files[nfiles++] = file;
        if (!(n = vocab_cells(r, file, cells)))
            continue;
        qsort(cells, n, sizeof(*cells), vocab_cell_compare);
        err = vocab_file(r, file, cells, n, min_cells, min_uses, out);
    }
    free(files);
    free(cells);
    return err;
}

raci_error raci_vocabulary_of_run(struct raci_engine *e, struct raci_vocabularies *out)
{
    const struct raci_check *chk = raci_ruleset_check(e->rs, "unknown-vocabulary");

    out->v = NULL;
    out->n = 0;
    out->uses = NULL;
    if (!chk || chk->severity == RACI_SEV_OFF)
        return RACI_OK;
    return raci_vocabulary_find(e->r, raci_ruleset_int(chk, "min_cells"),
                                raci_ruleset_int(chk, "min_uses"), out);
}

/* The message of vocabulary v into m. */
static void vocab_message(const struct raci_vocabulary *v, struct raci_str *m)
{
    size_t named = v->nwords < RACI_VOCABULARY_NAMED ? v->nwords : RACI_VOCABULARY_NAMED;

    raci_str_addf(m,
                  "%zu of the %zu letter cells of this file hold words that are no RACI letters: ",
                  v->ncells, v->nletters);
    for (size_t i = 0; i < named; i++)
        raci_str_addf(m, "%s'%s' (%zu)",
                      i == 0               ? ""
                      : i + 1 == v->nwords ? " and "
                                           : ", ",
                      v->words[i].text, v->words[i].uses);
    if (named < v->nwords)
        raci_str_addf(m, " and %zu more", v->nwords - named);
    raci_str_add(m, "; if they stand for letters, map each to the letters it means in the "
                    "ruleset, such as letters: {");
    for (size_t i = 0; i < named; i++) {
        const char *guess = raci_vocabulary_guess(v->words[i].text);
        raci_str_addf(m, "%s%s: %s", i ? ", " : "", v->words[i].text, guess ? guess : "<letters>");
    }
    raci_str_add(m, "}");
}

raci_error raci_vocabulary_report(struct raci_engine *e, const struct raci_check *chk)
{
    const struct raci_roster *r = e->r;
    struct raci_vocabularies vs;
    raci_error err = raci_vocabulary_find(r, raci_ruleset_int(chk, "min_cells"),
                                          raci_ruleset_int(chk, "min_uses"), &vs);

    for (size_t i = 0; i < vs.n && !err; i++) {
        const struct raci_vocabulary *v = &vs.v[i];
        const struct raci_assign *a = &r->assigns[v->first];
        struct raci_str m = RACI_STR_INIT;
        char *entity = raci_str_printf("file:%s", v->file ? v->file : "");
        struct raci_finding *f = NULL;
        vocab_message(v, &m);
        if (entity && !m.failed)
            f = raci_findings_add(e->out, chk->def->id, chk->severity, a->loc, a->product, a->task,
                                  a->person, entity, "%s", raci_str_cstr(&m));
        err = f ? RACI_OK : RACI_ERROR_NOMEM;
        for (size_t k = 0; k < r->nassigns && !err; k++)
            if (vs.uses[k] && k != v->first && vocab_same_file(r->assigns[k].loc.file, v->file))
                err = raci_findings_relate(f, r->assigns[k].loc);
        raci_str_release(&m);
        free(entity);
    }
    raci_vocabulary_release(&vs);
    return err;
}

const char *raci_vocabulary_guess(const char *word)
{
    static const struct {
        const char *word, *letters;
    } guesses[] = {
        {"owns", "A"},          {"owner", "A"},      {"approves", "A"},    {"approve", "A"},
        {"approver", "A"},      {"decides", "A"},    {"decider", "A"},     {"sign-off", "A"},
        {"signs off", "A"},     {"sign off", "A"},   {"execute", "R"},     {"executes", "R"},
        {"does", "R"},          {"performs", "R"},   {"delivers", "R"},    {"drives", "R"},
        {"driver", "R"},        {"implements", "R"}, {"builds", "R"},      {"leads", "R"},
        {"helps", "C"},         {"supports", "C"},   {"support", "C"},     {"reviews", "C"},
        {"reviewer", "C"},      {"advises", "C"},    {"contributes", "C"}, {"contributor", "C"},
        {"assists", "C"},       {"input", "C"},      {"notified", "I"},    {"fyi", "I"},
        {"kept informed", "I"}, {"receives", "I"},
    };
    for (size_t i = 0; i < sizeof(guesses) / sizeof(guesses[0]); i++)
        if (raci_str_casecmp(word, guesses[i].word) == 0)
            return guesses[i].letters;
    return NULL;
}

void raci_vocabulary_release(struct raci_vocabularies *vs)
{
    for (size_t i = 0; i < vs->n; i++)
        free(vs->v[i].words);
    free(vs->v);
    free(vs->uses);
    vs->v = NULL;
    vs->uses = NULL;
    vs->n = 0;
}
