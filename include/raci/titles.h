/*
 * titles.h - which roles of a ruleset a job title names.
 *
 * A roster writes titles as people write them: "Sr. Product Owner",
 * "Product Owner / Product Manager", "Developers", "Agile Coach
 * [contractor]". A ruleset gives each role title patterns and a list of
 * seniority words (ruleset.h); this module decides which patterns a title
 * reaches, and which patterns could never be reached.
 */
#ifndef RACI_TITLES_H
#define RACI_TITLES_H

#include <stdint.h>

#include "raci/ruleset.h"

/*
 * The roles a job title names, as a mask of role indexes of rs (bit r for
 * rs->roles[r]).
 *
 * Bracketed notes ("(interim)", "[contractor]", "{acting}") are dropped; the
 * title is split on '/', ',', ';', '&', '+', '|' and the word "and"; each part
 * is normalised (raci_str_key: case, punctuation and markdown emphasis do not
 * matter) and matched whole against every role's patterns, first as it is,
 * then by deleting seniority words anywhere in it: of the patterns reached
 * that way, those with the most words win ("Sr. Product Owner" -> po, "Lead
 * Developer" stays tl, "Senior Lead Developer" is tl, not dev). The result is
 * the union over the parts ("Product Owner / Product Manager" -> po|pm). A
 * part that matches nothing is tried once more without a final 's'
 * ("Developers" -> dev). A part of more than 32 words, or of more than 8
 * seniority words, is only matched as it is. The cost of a title does not
 * grow with the number of patterns: they are looked up (ruleset.h).
 *
 * 0 when no part names a role, when rs or title is NULL, or when out of
 * memory.
 */
uint64_t raci_titles_match(const struct raci_ruleset *rs, const char *title);

/*
 * Can a role's title pattern ever be matched? pattern is as the ruleset
 * writes it, key its raci_str_key form. Not when key is empty, nor when
 * pattern holds a character titles are split on or that brackets a note
 * (/ , ; & + | ( ) [ ] { }), nor when key holds the word "and": every title
 * loses those before it is matched. The loader refuses such patterns.
 */
int raci_titles_can_match(const char *pattern, const char *key);

#endif
