/*
 * letters.h - the grammar of a RACI cell.
 *
 * Accepted, in any case and with spaces around the parts:
 *   R  A  C  I                        single letters
 *   A/R  RA  R,A  R, A  A+R  R & A    combinations (separators / , + & ; or none)
 *   Responsible Accountable Consulted Informed (and Responsibility,
 *   Accountability, Consult, Inform, Informed...)  full words
 *   DRI  S  ...                       aliases given by the ruleset
 *   (C)  [C]                          bracketed: a conditional involvement
 *   **A**  `R`                        markdown emphasis around any of these
 * Anything else is RACI_LETTERS_UNKNOWN, and the caller reports the cell.
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
    RACI_LETTERS_EMPTY,  /* blank cell, or only "-" / "–" placeholders */
    RACI_LETTERS_UNKNOWN /* text that is no letter, word or alias */
} raci_letters_status;

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
