/*
 * outfile.c - write a file through a temporary one and a rename.
 */
#include "raci/outfile.h"

#include <errno.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "raci/array.h"
#include "raci/str.h"

raci_error raci_outfile_write(const char *path, raci_outfile_fn fn, const void *ctx)
{
    char *tmp = raci_str_printf("%s.XXXXXX", path);
    FILE *out = NULL;
    raci_error err = RACI_ERROR_OUTPUT;
    mode_t mask;
    int fd, saved;

    if (!tmp)
        return RACI_ERROR_NOMEM;
    fd = mkstemp(tmp);
    if (fd < 0) {
        free(tmp);
        return RACI_ERROR_OUTPUT;
    }
    /* mkstemp makes the file 0600; a report is as readable as any other
     * file the user writes. umask can only be read by setting it. */
    mask = umask(022);
    umask(mask);
    if (fchmod(fd, 0666 & ~mask) != 0 || !(out = fdopen(fd, "w"))) {
        close(fd);
        goto fail;
    }
    if ((err = fn(out, ctx)) != RACI_OK) {
        fclose(out);
        goto fail;
    }
    err = RACI_ERROR_OUTPUT;
    if (fflush(out) != 0 || ferror(out) || fsync(fileno(out)) != 0) {
        fclose(out);
        goto fail;
    }
    if (fclose(out) != 0 || rename(tmp, path) != 0)
        goto fail;
    free(tmp);
    return RACI_OK;

fail:
    saved = errno;
    unlink(tmp);
    free(tmp);
    errno = saved;
    return err;
}
