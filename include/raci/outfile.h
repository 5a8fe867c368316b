/*
 * outfile.h - write an output file whole or not at all.
 *
 * Every output raci writes (reports, baselines, the workbook) goes through
 * here, so that all of them follow one policy: the content goes to a
 * temporary file in the target's directory (so that the rename is atomic),
 * is flushed to disk, and is renamed over the target only once complete. A
 * file that was replaced keeps its permissions; a new one gets 0666 less the
 * umask, as fopen would give it. Should anything fail, the temporary file is
 * removed and the target is left as it was.
 *
 *     struct raci_outfile of;
 *     if ((err = raci_outfile_begin(&of, path)))
 *         return err;
 *     ... write to of.fp ...
 *     err = failed ? (raci_outfile_abort(&of), err) : raci_outfile_commit(&of);
 */
#ifndef RACI_OUTFILE_H
#define RACI_OUTFILE_H

#include <stdio.h>

#include "raci/error.h"

struct raci_outfile {
    char *path; /* the target, copied */
    char *tmp;  /* the temporary file beside it */
    FILE *fp;   /* open for writing on tmp; NULL once raci_outfile_name gave it up */
};

/*
 * Start writing path: a new temporary file beside it, open as of->fp. On
 * failure (RACI_ERROR_OUTPUT with errno saying why, or RACI_ERROR_NOMEM)
 * nothing is left behind and of needs no abort.
 */
raci_error raci_outfile_begin(struct raci_outfile *of, const char *path);

/*
 * For a library that writes a file by its name (libxlsxwriter): close
 * of->fp and return the temporary file's path, which the library may
 * truncate and write. Commit or abort as usual afterwards.
 */
const char *raci_outfile_name(struct raci_outfile *of);

/*
 * Finish: flush and sync the content, give the file its mode, rename it over
 * the target and sync the directory. RACI_OK, or RACI_ERROR_OUTPUT (errno
 * says why) with the temporary file removed and the target untouched.
 * Either way of is released.
 */
raci_error raci_outfile_commit(struct raci_outfile *of);

/* Give up: remove the temporary file and release of; errno is kept. Safe on
 * a zeroed of. */
void raci_outfile_abort(struct raci_outfile *of);

/* Writes the content to out; returns RACI_OK or an error. */
typedef raci_error (*raci_outfile_fn)(FILE *out, const void *ctx);

/* begin, fn(of.fp, ctx), then commit, or abort with fn's error. */
raci_error raci_outfile_write(const char *path, raci_outfile_fn fn, const void *ctx);

#endif
