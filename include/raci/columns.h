/*
 * columns.h - what each column of a table's header is.
 *
 * A header cell names a column raci reads (person, title, product, task,
 * raci, id, reports_to, each by any of its aliases, in any case and
 * punctuation: PRODUCT.md lists them), or another one: an extra column of a
 * long roster, a role of a wide chart. A column raci reads that the header
 * names a second time is another column, flagged, and so is one whose name
 * is an earlier other column's but for case or punctuation ("Notes" and
 * "NOTES"): neither is merged into the first, and the shape says so.
 *
 * Reading a header is linear in its columns: one matching key per cell, and
 * a hash of the keys seen.
 */
#ifndef RACI_COLUMNS_H
#define RACI_COLUMNS_H

#include <stddef.h>
#include <stdint.h>

#include "raci/error.h"
#include "raci/reader.h"
#include "raci/strpool.h"

/* The columns raci reads, and the rest. */
enum raci_column_kind {
    RACI_COLUMN_PERSON,
    RACI_COLUMN_TITLE,
    RACI_COLUMN_PRODUCT,
    RACI_COLUMN_TASK,
    RACI_COLUMN_RACI,
    RACI_COLUMN_ID,
    RACI_COLUMN_REPORTS_TO,
    RACI_COLUMN_KINDS, /* how many kinds raci reads */
    RACI_COLUMN_OTHER = RACI_COLUMN_KINDS
};

/* raci_column.flags */
enum {
    /* The header names a column that an earlier one names: a kind raci
     * reads (the column is OTHER then), or, for an OTHER column, the same
     * matching key. Not for empty headers. */
    RACI_COLUMN_AGAIN = 1u << 0,
    RACI_COLUMN_AGAIN_KNOWN = 1u << 1 /* with AGAIN: it is a kind raci reads */
};

struct raci_column {
    const char *name;  /* the header, trimmed, interned */
    const char *label; /* its letters as a spreadsheet shows them: "A", "AB"; interned */
    enum raci_column_kind kind;
    unsigned flags;
    uint32_t nth;   /* OTHER: earlier OTHER columns with the same matching key */
    uint32_t first; /* AGAIN: the earlier column it repeats */
};

struct raci_columns {
    int of[RACI_COLUMN_KINDS]; /* the column of each kind raci reads, or -1 */
    struct raci_column *v;     /* one per header cell; malloc'd */
    uint32_t n;
};

/* Read the header of t into c (which holds nothing yet). Strings go into
 * pool. RACI_OK or RACI_ERROR_NOMEM (c then holds nothing). */
raci_error raci_columns_read(struct raci_columns *c, const struct raci_table *t,
                             struct raci_strpool *pool);

/* The name of a kind raci reads, as PRODUCT.md writes it: "person",
 * "reports_to"; "" for OTHER. */
const char *raci_columns_kind_name(enum raci_column_kind kind);

/* The letters of column index i (0 is "A", 26 is "AA") into out, which has
 * room for 8 bytes. */
void raci_columns_label(uint32_t i, char out[8]);

void raci_columns_release(struct raci_columns *c);

#endif
