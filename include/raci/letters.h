/*
 * letters.h - the grammar of a RACI cell.
 *
 * The grammar raci_letters_read implements, as published tables write their
 * cells. Matching is case-insensitive throughout; "ws" is space, tab, CR, LF.
 *
 *   cell        = ws* ( empty | letters | letters note-sep note ) ws*
 *   empty       = "" | mark | mark note-sep note
 *   mark        = "-" | "--" | "–" | "—" | "." | "·" | "n/a" | "na" | "n.a."
 *               | "none"                      (not involved: no finding)
 *   letters     = alias | part { sep part }   (an alias may hold separators:
 *                                              "Sign-off" is tried whole first)
 *   part        = token footnote* | "(" letters ")" | "[" letters "]"
 *               | link | footnote-group
 *   token       = run | word | alias
 *   run         = R, A, C, I, each at most once, in any order ("RA", "ci", "IR")
 *   word        = "Responsible" | "Responsibility" | "Responsibilities"
 *               | "Accountable" | "Accountability" | "Consulted" | "Consult"
 *               | "Consulting" | "Informed" | "Inform" | "Informing"
 *   alias       = a name of the ruleset's letters: ("DRI", and "D" in a DCI
 *                 chart whose ruleset maps it)
 *   sep         = "/" | "," | "+" | "&" | ";" | "|" | ws | "and"
 *   link        = "[" letters "]" "(" anything but ")" ")"   markdown: the
 *                                              text counts, the target not
 *   footnote    = "¹" "²" "³" "⁰" "⁴".."⁹" | "†" | "‡" | "^" alnum+
 *                                              right after a token: "C¹", "R^1"
 *   footnote-group = "(" digit+ ")" | "[" digit+ "]"   after some letters:
 *                                              "A[1]", "R (2)"
 *   note-sep    = " - " | " -- " | " – " | " — " | " (" | ":" | ";"
 *   note        = any text, not empty; after " (" a final ")" is dropped
 *
 * Markdown emphasis and code marks (* _ `) are ignored wherever they stand,
 * around a letter ("**A**, *C*", "__R__", "`R`") or the whole cell, and so is
 * a "*" or "**" after a letter ("A*", "R**": a footnote marker). A bracketed
 * part marks its letters conditional ("(C)", "R/[I]"); brackets do not nest.
 *
 * A cell is first read whole as letters; only when that fails is a note
 * looked for: the letters are then the longest start of the cell, of at
 * most 256 bytes, that ends at a note separator and reads whole as letters,
 * and the rest is the note.
 * So a note never comes from text that reads as letters ("A;R" is A/R), and
 * prose stays prose: "Define your requirements", "Owns the budget",
 * "Responsible for hiring" and "A team decision" have no note separator
 * after letters, and are RACI_LETTERS_UNKNOWN.
 *
 *   "I, C"  "RA"  "IR"  "R and A"  "Responsible/Accountable"   letters
 *   "**A**"  "[A](https://example.com/a)"  "A*"  "C¹"  "A[1]"  letters
 *   "R, A (subscriber's infrastructure engineer)"   A/R, note
 *       "subscriber's infrastructure engineer"
 *   "C,I - when there is already an engagement"     C/I, note
 *   "DRI - CSM here is DRI until kick-off"          A/R (default ruleset)
 *   "C: only for large accounts"  "A; see section 3"  letters, note
 *   "-"  "–"  "N/A"  "none"  "·"                   RACI_LETTERS_EMPTY
 *   "x"  "Owns"  "A1"  "Accountable-ish"            RACI_LETTERS_UNKNOWN
 *
 * "x" stays unknown on purpose: some charts use it to mark involvement
 * without saying which, and a ruleset can map it (letters: {x: R}).
 */
#ifndef RACI_LETTERS_H
#define RACI_LETTERS_H

#include <stddef.h>

enum { RACI_R = 1u << 0, RACI_A = 1u << 1, RACI_C = 1u << 2, RACI_I = 1u << 3, RACI_ALL = 0xfu };

struct raci_letter_alias {
    const char *name; /* compared case-insensitively */
    unsigned letters; /* RACI_* mask */
};

struct raci_letters {
    unsigned mask;        /* RACI_* letters present */
    unsigned conditional; /* those of mask that were bracketed */
};

typedef enum raci_letters_status {
    RACI_LETTERS_OK = 0,
    RACI_LETTERS_EMPTY,  /* blank, or a not-involved mark ("-", "N/A", "none") */
    RACI_LETTERS_UNKNOWN /* text that is no letters, word or alias */
} raci_letters_status;

/* Where a cell's note is: text[off .. off + len), trimmed; len 0 for none. */
struct raci_letters_note {
    size_t off;
    size_t len;
};

/*
 * Read text (NULL reads as blank) by the grammar above, with the ruleset's
 * aliases (naliases of them; aliases may be NULL when 0). out gets the
 * letters (none unless RACI_LETTERS_OK); note, when not NULL, the cell's
 * note, which only a RACI_LETTERS_OK cell has.
 */
raci_letters_status raci_letters_read(const char *text, const struct raci_letter_alias *aliases,
                                      size_t naliases, struct raci_letters *out,
                                      struct raci_letters_note *note);

/* raci_letters_read without the note. */
raci_letters_status raci_letters_parse(const char *text, const struct raci_letter_alias *aliases,
                                       size_t naliases, struct raci_letters *out);

/* Parse a letter spec as written in a ruleset ("A/R", "C", "AR"): no aliases,
 * no brackets. Returns the mask, 0 when text is not one. */
unsigned raci_letters_from_spec(const char *text);

/* Write the canonical form of l into buf: letters in the order A, R, C, I,
 * joined by '/', each bracketed if conditional ("A/R", "(C)", "A/(C)").
 * Returns the length; "" for an empty mask. */
size_t raci_letters_format(struct raci_letters l, char *buf, size_t size);

/*
 * The values offered for a cell where a letter is typed (the drop-down of a
 * product sheet), in this order: A, R, C, I, A/R (the combination most
 * charts use), then (R), (C), (I) for a conditional involvement ("(A)" is
 * read, but not offered). Each is a value
 * raci_letters_parse reads and raci_letters_format writes back the same,
 * so a value picked from the list reads back as itself. The list is static;
 * *n gets its length.
 */
const char *const *raci_letters_choices(size_t *n);

#endif
