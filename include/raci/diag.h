/*
 * diag.h - a diagnostic about one place in an input file: file, line,
 * column, what is wrong and what would be right, and the offending line.
 */
#ifndef RACI_DIAG_H
#define RACI_DIAG_H

#include <stdio.h>

#include "raci/error.h"

/*
 * A diagnostic about one place in an input file. line and col are 1-based;
 * 0 means "not known" (for example an empty file has no line). The struct
 * owns its strings.
 */
struct raci_diag {
    char *file; /* as the user named it ("-" is shown as <stdin>) */
    /* A workbook's sheet, or NULL: line and col are then its row and
     * column, shown as team.xlsx:Atlas!C7 (loc.h). */
    char *sheet;
    unsigned line;
    unsigned col;
    char *message; /* lower case, no full stop: what is wrong, what is right */
    char *source;  /* the offending line's text, or NULL */
    /* Where col is in source when source is a piece of a long line
     * (1-based); 0: at col. */
    unsigned source_col;
};

/* Set every field of d, replacing what it held. file and source are copied
 * (either may be NULL). Returns RACI_ERROR_INPUT, so that callers can write
 * `return raci_diag_set(...)`; RACI_ERROR_NOMEM when copying fails. */
raci_error raci_diag_set(struct raci_diag *d, const char *file, unsigned line, unsigned col,
                         const char *source, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;

/* Say that d's place is on sheet of a workbook (copied; NULL for none),
 * keeping the rest. RACI_OK or RACI_ERROR_NOMEM. */
raci_error raci_diag_set_sheet(struct raci_diag *d, const char *sheet);

/* Print d the way compilers do:
 *   raci: team.csv:12:3: error: unknown column 'x'
 *      12 | Ana,"Product Owner,x
 *         |   ^
 * color: non-zero to use ANSI colours. */
void raci_diag_print(FILE *out, const struct raci_diag *d, int color);

/* Free what d holds and zero it; d itself is not freed. */
void raci_diag_release(struct raci_diag *d);

#endif
