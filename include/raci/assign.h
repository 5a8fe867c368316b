/*
 * assign.h - a cell of letters ("A/R", "C", "r?", an alias of the ruleset's)
 * read into an assignment of the roster (roster.h).
 */
#ifndef RACI_ASSIGN_H
#define RACI_ASSIGN_H

#include <stdint.h>

#include "raci/error.h"
#include "raci/loc.h"
#include "raci/roster.h"

/* Read text, the letters of person on task of product, into an assignment
 * at loc (row_line: the line of its row). An empty cell is none; letters
 * raci does not know are an assignment flagged RACI_ASSIGN_UNKNOWN; a note
 * after the letters ("A (until June)") is kept on it. text must be
 * interned in r's pool: a text read once without a note is remembered by
 * its address (r->letters_read). RACI_OK or RACI_ERROR_NOMEM. */
raci_error raci_assign_cell(struct raci_roster *r, uint32_t person, uint32_t product, uint32_t task,
                            const char *text, struct raci_loc loc, uint32_t row_line);

#endif
