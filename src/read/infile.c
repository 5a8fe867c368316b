/*
 * infile.c - an input file or stream, read whole (infile.h).
 */
#include "raci/infile.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "raci/array.h"
#include "raci/reader.h"

raci_error raci_infile_too_large(struct raci_diag *diag, const char *name)
{
    return raci_diag_set(diag, name, 1, 1, NULL,
                         "file is larger than %u MiB, the most raci reads in one roster: split "
                         "it into several files (raci audits several together)",
                         RACI_READER_MAX_FILE / (1024u * 1024u));
}

/* Read in to its end into *buf, whose capacity is *cap; the loop of
 * raci_infile_read. */
static raci_error infile_fill(FILE *in, char **buf, size_t *cap, size_t *len)
{
    size_t got;

    /* Each turn reads into all the room there is, up to one byte past the
     * limit: the turn that reads nothing (the end) had room, so that *len
     * is less than *cap then. */
    do {
        if (*len == *cap && raci_array_grow(buf, cap, *cap ? *cap * 2 : 65536, 1) != RACI_OK)
            return RACI_ERROR_NOMEM;
        got =
            fread(*buf + *len, 1,
                  (*cap < RACI_READER_MAX_FILE + 1u ? *cap : RACI_READER_MAX_FILE + 1u) - *len, in);
        *len += got;
    } while (got > 0 && *len <= RACI_READER_MAX_FILE);
    return RACI_OK;
}

raci_error raci_infile_read(FILE *in, const char *name, char **buf, size_t *len,
                            struct raci_diag *diag)
{
    size_t cap = 0;
    struct stat st;
    int regular = fstat(fileno(in), &st) == 0 && S_ISREG(st.st_mode);
    raci_error err;

    *buf = NULL;
    *len = 0;
    if (regular && (uintmax_t)st.st_size > RACI_READER_MAX_FILE)
        return raci_infile_too_large(diag, name);
    if (regular && st.st_size > 0) {
        if (!(*buf = malloc((size_t)st.st_size + 1)))
            return RACI_ERROR_NOMEM;
        cap = (size_t)st.st_size + 1;
    }
    err = infile_fill(in, buf, &cap, len);
    if (!err && ferror(in)) {
        int e = errno;
        err = raci_diag_set(diag, name, 0, 0, NULL, "unable to read '%s': %s", name, strerror(e));
        if (err != RACI_ERROR_NOMEM)
            err = RACI_ERROR_IO;
        errno = e;
    }
    if (err) {
        int e = errno;
        free(*buf);
        errno = e;
        *buf = NULL;
        *len = 0;
    }
    return err;
}
