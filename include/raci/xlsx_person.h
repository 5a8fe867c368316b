/*
 * xlsx_person.h - the findings about a person that mark the person's row
 * of the Roster sheet (those about no product, such as span-of-control,
 * idle-person or accountability-overload: xlsx_layout.h): the name cell
 * filled with the colour of the worst of them, and a comment holding each
 * as "[rule-id] message", one a line.
 *
 * Internal to the xlsx writer (xlsx.h).
 */
#ifndef RACI_XLSX_PERSON_H
#define RACI_XLSX_PERSON_H

#include <stddef.h>
#include <stdint.h>

struct raci_xlsx_book;

/* The findings on each row of the Roster: those of row k (of the Roster
 * taken whole, its parts one after another: person q's row is q + 1) are
 * finding[off[k] .. off[k + 1]). Zero-initialise it. */
struct raci_xlsx_person {
    uint32_t nrows;
    size_t *off;
    uint32_t *finding;
};

/* Gather the findings that mark a Roster row from b's layout. 0, or -1
 * with the failure recorded in b. */
int raci_xlsx_person_build(struct raci_xlsx_person *pm, struct raci_xlsx_book *b);

void raci_xlsx_person_release(struct raci_xlsx_person *pm);

/* Write name in column 0 of person q's row of the Roster part being
 * written (b->roster): marked, with its comment, when findings mark the
 * row. 0, or -1 with the failure recorded in b. */
int raci_xlsx_person_name(struct raci_xlsx_book *b, const struct raci_xlsx_person *pm, uint32_t q,
                          const char *name);

#endif
