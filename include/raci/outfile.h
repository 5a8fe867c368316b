/*
 * outfile.h - write an output file whole or not at all.
 *
 * A report or baseline that a CI job reads must never be half written: the
 * content goes to a temporary file in the same directory, which is renamed
 * over the target only once everything was written and flushed.
 */
#ifndef RACI_OUTFILE_H
#define RACI_OUTFILE_H

#include <stdio.h>

#include "raci/error.h"

/* Writes the content to out; returns RACI_OK or an error. */
typedef raci_error (*raci_outfile_fn)(FILE *out, const void *ctx);

/*
 * Call fn(out, ctx) on a temporary file beside path, then rename it to path
 * (permissions 0666 less the umask, as fopen would give). On any failure
 * the temporary file is removed and path is left as it was: fn's error is
 * returned, or RACI_ERROR_OUTPUT with errno saying why.
 */
raci_error raci_outfile_write(const char *path, raci_outfile_fn fn, const void *ctx);

#endif
