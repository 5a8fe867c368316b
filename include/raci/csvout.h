/*
 * csvout.h - writing CSV: fields quoted as the reader (reader.h) reads them
 * back.
 *
 * A field is written as it is when nothing in it needs quotes, else quoted
 * by libcsv (csv_fwrite: the field between double quotes, each quote in it
 * doubled). It needs them when it holds the delimiter, a quote, a line end,
 * a ';' or a tab (so that the reader's guess of the delimiter, made from the
 * header line outside quotes, stays ','), or starts or ends with a space or
 * a tab (which the reader trims from an unquoted field). Rows end in LF.
 * Text goes out as given: the caller gives UTF-8, and no BOM is written.
 */
#ifndef RACI_CSVOUT_H
#define RACI_CSVOUT_H

#include <stdio.h>

#include "raci/error.h"

/* One row being written to fp. */
struct raci_csvout {
    FILE *fp;
    int nfields; /* fields written on the row so far */
    int failed;  /* a write failed (errno says why) */
};

/* Start writing rows to fp. */
void raci_csvout_init(struct raci_csvout *w, FILE *fp);

/* Write the field text (NULL is ""), after a ',' unless it is the row's
 * first. */
void raci_csvout_field(struct raci_csvout *w, const char *text);

/* End the row (LF); the next field starts a new one. */
void raci_csvout_end(struct raci_csvout *w);

/* An empty line: what separates two tables in one file. */
void raci_csvout_blank(struct raci_csvout *w);

/* RACI_OK, or RACI_ERROR_OUTPUT when a write failed. */
raci_error raci_csvout_status(const struct raci_csvout *w);

#endif
