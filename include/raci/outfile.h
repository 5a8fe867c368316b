/*
 * outfile.h - write an output file whole or not at all.
 *
 * Every output raci writes (reports, baselines, the workbook) goes through
 * here, so that all of them follow one policy:
 *
 *  - Only a regular file is replaced, or a path where nothing is yet. A
 *    directory, a FIFO, a socket or a device (/dev/null too) is refused, and
 *    so is a symbolic link, whether it points to a regular file or nowhere:
 *    raci neither follows a link (a link planted in a repository would make
 *    a CI job running as root write wherever it points) nor replaces it. A
 *    link among the directories above the file is followed, as usual.
 *  - The content goes to a temporary file beside the target, PATH.tmpXXXXXX
 *    (in the same directory, so that the rename is atomic), is flushed to
 *    disk, and is renamed over the target only once complete. A file that
 *    was replaced keeps its permissions; a new one gets 0666 less the
 *    umask, as fopen would give it. Should anything fail, the temporary file
 *    is removed and the target is left as it was.
 *  - Every temporary file not yet committed or aborted is listed where a
 *    signal handler can find it: after raci_outfile_catch_signals, SIGHUP,
 *    SIGINT, SIGQUIT, SIGTERM and SIGPIPE remove them all, then kill the
 *    process as the signal would have (so the exit status says which).
 *    SIGKILL cannot be caught: it leaves the temporary files, which no later
 *    run touches. SIGXFSZ is ignored, so that a write past `ulimit -f` fails
 *    with EFBIG and takes the usual way out.
 *
 *     struct raci_outfile of;
 *     if ((err = raci_outfile_begin(&of, path)))
 *         return err;
 *     ... write to of.fp ...
 *     err = failed ? (raci_outfile_abort(&of), err) : raci_outfile_commit(&of);
 *
 * Several outputs that stand or fall together are each begun and written,
 * then each prepared (raci_outfile_prepare: everything but the rename),
 * and only when all of them are ready, each committed.
 */
#ifndef RACI_OUTFILE_H
#define RACI_OUTFILE_H

#include <stdio.h>

#include "raci/error.h"

struct raci_outfile {
    char *path; /* the target, copied */
    char *tmp;  /* the temporary file beside it */
    FILE *fp;   /* open for writing on tmp; NULL once prepared or given up by name */
    int ready;  /* prepared: only the rename is left */
};

/*
 * Why path may not be written, as words for a message ("it is a symbolic
 * link, which raci does not follow"), static; NULL when it may: nothing is
 * there yet, or a regular file. errno is set along with the words: EISDIR
 * for a directory, ELOOP for a symbolic link, EINVAL for a FIFO, socket or
 * device. A path whose directory cannot be looked into is not refused
 * here: begin says what the system says.
 */
const char *raci_outfile_refusal(const char *path);

/*
 * Start writing path: a new temporary file beside it, open as of->fp. On
 * failure (RACI_ERROR_OUTPUT with errno saying why, a refusal above
 * included, or RACI_ERROR_NOMEM) nothing is left behind and of needs no
 * abort.
 */
raci_error raci_outfile_begin(struct raci_outfile *of, const char *path);

/*
 * For a library that writes a file by its name (libxlsxwriter): close
 * of->fp and return the temporary file's path, which the library may
 * truncate and write. Prepare, commit or abort as usual afterwards.
 */
const char *raci_outfile_name(struct raci_outfile *of);

/*
 * Make the content final without putting it in place: flush and sync it,
 * give it its mode, close it. RACI_OK (again at once when already
 * prepared), or RACI_ERROR_OUTPUT (errno says why; ENOSPC, EFBIG, EIO...)
 * with the temporary file removed and of released.
 */
raci_error raci_outfile_prepare(struct raci_outfile *of);

/*
 * Finish: prepare when not yet, check the target is still one raci may
 * replace, rename the temporary file over it and sync the directory.
 * RACI_OK, or RACI_ERROR_OUTPUT (errno says why) with the temporary file
 * removed and the target untouched. Either way of is released.
 */
raci_error raci_outfile_commit(struct raci_outfile *of);

/* Give up: remove the temporary file and release of; errno is kept. Safe on
 * a zeroed of, and on one released. */
void raci_outfile_abort(struct raci_outfile *of);

/* Writes the content to out; returns RACI_OK or an error. */
typedef raci_error (*raci_outfile_fn)(FILE *out, const void *ctx);

/* begin, fn(of.fp, ctx), then commit, or abort with fn's error. */
raci_error raci_outfile_write(const char *path, raci_outfile_fn fn, const void *ctx);

/*
 * From now on, SIGHUP, SIGINT, SIGQUIT, SIGTERM and SIGPIPE remove every
 * temporary file begun and neither committed nor aborted, then kill the
 * process by the same signal (a signal already ignored, as nohup ignores
 * SIGHUP, stays ignored); SIGXFSZ is ignored. For main(), once, before
 * any output is begun.
 */
void raci_outfile_catch_signals(void);

#endif
