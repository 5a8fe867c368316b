/*
 * infile.h - the bytes of an input file or stream, read whole.
 *
 * A roster is read into memory before it is told apart (rosterfile.h) and
 * parsed (reader.h), within RACI_READER_MAX_FILE bytes: a regular file
 * that says it is larger is refused unread, and a stream is read to one
 * byte past the limit, for the reader to refuse. A regular file goes into a
 * buffer of its size and a byte, so that no doubling leaves half of a
 * large buffer unused, and the byte is room for the NUL that the reader
 * writes after the text it decodes over the bytes (raci_reader_read_owned).
 */
#ifndef RACI_INFILE_H
#define RACI_INFILE_H

#include <stddef.h>
#include <stdio.h>

#include "raci/diag.h"
#include "raci/error.h"

/*
 * All of in into *buf (malloc'd, the caller's to free; NULL on an error)
 * and *len; when *len is within RACI_READER_MAX_FILE, *buf has room for
 * *len + 1 bytes. name names in in *diag. Returns RACI_OK; RACI_ERROR_INPUT
 * for a regular file over the limit (raci_infile_too_large); RACI_ERROR_IO
 * when in cannot be read (errno says why, and *diag names it, with line 0);
 * RACI_ERROR_NOMEM.
 */
raci_error raci_infile_read(FILE *in, const char *name, char **buf, size_t *len,
                            struct raci_diag *diag);

/* The diagnostic of a file over RACI_READER_MAX_FILE, at its start:
 * RACI_ERROR_INPUT, or RACI_ERROR_NOMEM. */
raci_error raci_infile_too_large(struct raci_diag *diag, const char *name);

#endif
