/*
 * matrix.h - the rows of a RACI matrix into the roster: tasks down the
 * side, roles or people across, letters in the cells; and a transposed
 * matrix turned into one.
 *
 * Each role column becomes a person named and titled by its header. When
 * the tasks are grouped (a grouping column, or section headings) each group
 * is a product, and a role column is one person per product: in a chart of
 * several products, "Product Owner" is each product's own PO. A grouping
 * cell left blank carries the value above it down (merged cells, as
 * exported). A section heading names the product of the rows below it; the
 * rows before any heading belong to the product the caller names. Legend
 * rows and repeated header rows are no tasks; a header row that names the
 * roles in another order reads the rows below it in that order. A row with
 * no letters in its role columns is no task either. The note columns of a
 * row are its task's note.
 */
#ifndef RACI_MATRIX_H
#define RACI_MATRIX_H

#include "raci/columns.h"
#include "raci/detect.h"
#include "raci/error.h"
#include "raci/reader.h"
#include "raci/roster.h"

struct raci_matrix {
    const struct raci_table *t;      /* header: the header row; rows: the rows below it */
    const struct raci_detect *d;     /* what each column is */
    const struct raci_columns *cols; /* t's header, read */
    const char **titles;             /* per column: its person's title, or NULL: the header */
    const char *product;             /* the product of rows before any heading or group */
    int turned;                      /* t is a transposed table turned (raci_matrix_turn) */
};

/* Add every task of m to r. t's strings must be interned in r's pool.
 * RACI_OK or RACI_ERROR_NOMEM. */
raci_error raci_matrix_add(struct raci_roster *r, const struct raci_matrix *m);

/* A transposed table turned into a matrix, with what describes it. */
struct raci_matrix_turned {
    struct raci_table t;     /* header: the label cell, then each person's; a row per task */
    struct raci_detect d;    /* label column 0, a role column per person */
    const char **titles;     /* per column of t: the person's title, or NULL */
    struct raci_cell *cells; /* owned */
};

/*
 * Turn t, which d found transposed (people or roles in rows, tasks in
 * columns), into out: each data row with a name becomes a column, each task
 * column a row, every cell keeping its place in the file. Release out with
 * raci_matrix_turned_release. RACI_OK or RACI_ERROR_NOMEM.
 */
raci_error raci_matrix_turn(struct raci_matrix_turned *out, const struct raci_table *t,
                            const struct raci_detect *d, const struct raci_ruleset *rs);

void raci_matrix_turned_release(struct raci_matrix_turned *m);

/* Rows of t (header: the header row) whose field count differs from the
 * header's, as row issues: a turned table's are its source's. */
raci_error raci_matrix_ragged(struct raci_roster *r, const struct raci_table *t);

#endif
