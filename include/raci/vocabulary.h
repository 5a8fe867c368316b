/*
 * vocabulary.h - letter cells written in another vocabulary than RACI.
 *
 * Some charts put words in their letter cells that are no letters at all
 * ("Owns", "Execute", "Helps", "Approves"). Each such cell is unreadable,
 * but reporting every one of them buries the one thing to say: the table
 * speaks another vocabulary, which a ruleset's letters: section can map.
 *
 * The criterion, per file (the unknown-vocabulary rule of rules.def):
 *  - the words of an unreadable letter cell (RACI_ASSIGN_UNKNOWN) are its
 *    parts between the separators letters combine with (/ , + & ; |: a
 *    cell "Owns/Helps" holds two), each trimmed of spaces and markdown
 *    marks (* _ `), when every part is one a ruleset could name as a
 *    letter alias: one to three words of ASCII letters and digits (joined
 *    by spaces, '-' or '_'), at most RACI_VOCABULARY_WORD_MAX bytes,
 *    starting with a letter or digit; at most four parts; words are
 *    compared without ASCII case;
 *  - a word of the vocabulary is one that at least min_uses cells of the
 *    file hold; a cell of the vocabulary is one whose every word is;
 *  - the file has a vocabulary when its cells number at least min_cells,
 *    or at least two and more than half of the file's letter cells that
 *    are not empty.
 * Cells with other unreadable text (a word used once, prose, a note with no
 * letters before it) are no part of it.
 */
#ifndef RACI_VOCABULARY_H
#define RACI_VOCABULARY_H

#include <stddef.h>
#include <stdint.h>

#include "raci/checks.h"
#include "raci/error.h"
#include "raci/roster.h"

#define RACI_VOCABULARY_WORD_MAX 32

struct raci_vocabulary_word {
    char text[RACI_VOCABULARY_WORD_MAX + 1]; /* as first written, trimmed */
    size_t uses;                             /* cells of the file holding it */
    uint32_t first;                          /* its first cell (an assignment) */
    uint32_t line, col;                      /* where that cell is */
};

/* One file's vocabulary. */
struct raci_vocabulary {
    const char *file;                   /* the roster's interned name */
    uint32_t first;                     /* the first cell holding a word (an assignment) */
    size_t ncells;                      /* cells holding its words */
    size_t nletters;                    /* the file's letter cells that are not empty */
    struct raci_vocabulary_word *words; /* most used first, then by first use */
    size_t nwords;
};

struct raci_vocabularies {
    struct raci_vocabulary *v; /* in the order of the files' first cells */
    size_t n;
    unsigned char *uses; /* per assignment of the roster: 1 when it holds a word of one */
};

/* Find the vocabularies of r's files by the criterion above; out is
 * filled (release it with raci_vocabulary_release, also on failure). */
raci_error raci_vocabulary_find(const struct raci_roster *r, long min_cells, long min_uses,
                                struct raci_vocabularies *out);

/* The vocabularies the unknown-vocabulary check reports in run e, with its
 * parameters: none (out empty) when the ruleset turns it off. */
raci_error raci_vocabulary_of_run(struct raci_engine *e, struct raci_vocabularies *out);

/* The unknown-vocabulary check: one finding per vocabulary, at its first
 * cell, naming the words (most used first, at most
 * RACI_VOCABULARY_NAMED of them) and showing how to map them in a
 * ruleset's letters:; every cell holding a word is related. */
raci_error raci_vocabulary_report(struct raci_engine *e, const struct raci_check *chk);

#define RACI_VOCABULARY_NAMED 8

/* A guess at the letters word stands for ("Owns": "A", "Helps": "C"), from a
 * short list of the verbs charts use; NULL when there is none. */
const char *raci_vocabulary_guess(const char *word);

void raci_vocabulary_release(struct raci_vocabularies *vs);

#endif
