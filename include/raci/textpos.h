/*
 * textpos.h - where a byte of a text is, as an editor shows it: line and
 * column, both 1-based, columns counted in characters.
 *
 * A line ends at LF, at a CR not followed by LF, and (once) at CR LF. A
 * position only moves forward, so that placing every cell of a file costs
 * one pass over its text in all; a copy of one can go further ahead to
 * place something inside a cell, and be thrown away.
 */
#ifndef RACI_TEXTPOS_H
#define RACI_TEXTPOS_H

#include <stddef.h>
#include <stdint.h>

struct raci_textpos {
    size_t off;        /* offset it stands at */
    size_t line_start; /* offset where its line begins */
    uint32_t line, col;
};

/* The start of a text: offset 0, 1:1. */
void raci_textpos_init(struct raci_textpos *p);

/* Move p forward to offset to of text (NUL-terminated, and at least to
 * bytes long); nothing happens when p is already there or past it. Columns
 * count UTF-8 lead bytes. */
void raci_textpos_advance(struct raci_textpos *p, const char *text, size_t to);

/* The line p is on, fit for display: NULs and bytes that are not UTF-8
 * shown as U+FFFD, and the line cut short tail bytes past p, so that a
 * runaway field does not flood the terminal. len is the text's length.
 * malloc'd; NULL when out of memory. */
char *raci_textpos_line(const struct raci_textpos *p, const char *text, size_t len, size_t tail);

#endif
