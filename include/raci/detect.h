/*
 * detect.h - which shape a table is in, found from its header and its cells.
 *
 * A table (reader.h) comes in one of the shapes that RACI data is kept in:
 *  - the long roster of PRODUCT.md: person and title columns by name; a
 *    header that names a person column with a task column, or a raci
 *    column, is meant as one too (shape.c then says what it lacks);
 *  - a matrix: tasks down the side, roles or people across, letters in the
 *    cells. The label column (the tasks) may have any header or none: it is
 *    the column of text that is no letters with columns of letters to its
 *    right. A column left of it named area, phase, stage, section,
 *    category, group or workstream, or whose values repeat or are blank
 *    below a value (merged cells, exported), groups the tasks; a column
 *    named description, notes, comments, details or deliverable, or one of
 *    long prose with no letters, is a note of each task; every other column
 *    right of the label column is a role;
 *  - a transposed matrix: roles or people down the side, tasks across. Told
 *    from a matrix by the first header cell (`Role`, `Stakeholder`, `Name`,
 *    `Person`, `Team member`...; `Task`, `Activity`... say a matrix), by the
 *    section headings and grouping columns that only matrices have, by which
 *    side the ruleset's titles and tasks are found on, by the length of the
 *    text on each side, and by which side is longer;
 *  - raci's own product sheet saved as CSV (row 1 ends in "Findings", row 2
 *    starts with "Task"): recognised so that no other shape claims it.
 *
 * The header is the first row with two cells or more that is no legend:
 * rows above it are headings, the first of which names the product of what
 * follows. A table none of whose shapes fits is RACI_DETECT_NONE. When the
 * choice was a close call (two columns that could be the tasks, or an
 * orientation that the cells barely decide), unsure is set and why says
 * what was chosen and how to state it.
 */
#ifndef RACI_DETECT_H
#define RACI_DETECT_H

#include <stdint.h>

#include "raci/error.h"
#include "raci/reader.h"
#include "raci/ruleset.h"
#include "raci/strpool.h"

/* What --input states about a table's shape. */
enum raci_detect_input {
    RACI_INPUT_AUTO,   /* detect it */
    RACI_INPUT_ROSTER, /* the long roster of PRODUCT.md */
    RACI_INPUT_MATRIX  /* a matrix, in either orientation */
};

enum raci_detect_shape {
    RACI_DETECT_NONE,
    RACI_DETECT_ROSTER,
    RACI_DETECT_MATRIX,
    RACI_DETECT_TRANSPOSED,
    RACI_DETECT_PRODUCT_SHEET
};

/* What a column of a matrix is (raci_detect.col). */
enum raci_detect_column {
    RACI_DETECT_SKIP = 0, /* nothing: no header, no letters */
    RACI_DETECT_LABEL,    /* the tasks (transposed: the people or roles) */
    RACI_DETECT_GROUP,    /* the product of each task */
    RACI_DETECT_NOTE,     /* a note of each task (transposed: kept nowhere) */
    RACI_DETECT_ROLE,     /* a role or person (transposed: a task) */
    RACI_DETECT_TITLE     /* transposed: the title of each row's person */
};

/* How a row of a matrix reads (raci_detect_row). */
enum raci_detect_row {
    RACI_ROW_DATA,    /* a task (transposed: a person) */
    RACI_ROW_BLANK,   /* no text at all */
    RACI_ROW_HEADING, /* one cell of text, no letters: a section's name */
    RACI_ROW_LEGEND,  /* what the letters mean */
    RACI_ROW_HEADER   /* the header again: another table's */
};

struct raci_detect {
    enum raci_detect_shape shape;
    uint32_t header;     /* the header row: 0 is t->header, k is t->rows[k - 1] */
    int label;           /* MATRIX, TRANSPOSED: the label column */
    int group;           /* MATRIX: the grouping column, or -1 */
    int title;           /* TRANSPOSED: the column of the people's titles, or -1 */
    uint32_t headings;   /* section-heading rows below the header */
    const char *heading; /* the last heading above the header, or NULL */
    /* RACI_DETECT_NONE under --input roster: the shape auto would find */
    enum raci_detect_shape looks;
    unsigned char *col; /* per header column, enum raci_detect_column; malloc'd */
    uint32_t ncols;
    int unsure;    /* a close call: why says what was chosen */
    char why[320]; /* "read as a matrix of tasks (column B, 'Items') by roles ..." */
};

/*
 * Find the shape of t, as input states it (AUTO: as its cells say). rs
 * gives the letter aliases, titles and tasks; pool is where t's strings
 * are. RACI_OK (d->shape may be RACI_DETECT_NONE), or RACI_ERROR_NOMEM.
 * Release d with raci_detect_release.
 */
raci_error raci_detect_table(struct raci_detect *d, const struct raci_table *t,
                             const struct raci_ruleset *rs, struct raci_strpool *pool,
                             enum raci_detect_input input);

/* Same, for a table of a page whose earlier table was found to be lean
 * (RACI_DETECT_MATRIX or RACI_DETECT_TRANSPOSED; NONE for none): when the
 * cells barely decide the orientation, t is turned the same way. */
raci_error raci_detect_table_after(struct raci_detect *d, const struct raci_table *t,
                                   const struct raci_ruleset *rs, struct raci_strpool *pool,
                                   enum raci_detect_input input, enum raci_detect_shape lean);

/* Row k of t counting the header as row 0 (NULL past the last). */
const struct raci_row *raci_detect_row_at(const struct raci_table *t, size_t k);

/* How row reads in the matrix d found (header: the header row). */
enum raci_detect_row raci_detect_row(const struct raci_detect *d, const struct raci_row *header,
                                     const struct raci_row *row, const struct raci_ruleset *rs);

/* Columns first..last as a message names them: "column C", "columns C to
 * H", into out (room for 32 bytes). */
void raci_detect_span(uint32_t first, uint32_t last, char out[32]);

void raci_detect_release(struct raci_detect *d);

#endif
