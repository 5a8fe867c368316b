/*
 * words.h - the words a header uses for each kind of column of a matrix,
 * as matching keys (raci_str_key), each list NULL-ended: the shapes
 * (detect.c) recognise a table's columns by them.
 */
#ifndef RACI_WORDS_H
#define RACI_WORDS_H

/* a grouping column: area, phase, stage ... (and the product column's aliases) */
extern const char *const raci_words_group[];
/* the product column (columns.h's aliases): it groups whatever its values */
extern const char *const raci_words_product[];
/* a description or notes column */
extern const char *const raci_words_note[];
/* the tasks' column */
extern const char *const raci_words_task[];
/* roles or people down the side (a transposed matrix) */
extern const char *const raci_words_people[];

#endif
