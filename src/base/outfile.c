/*
 * outfile.c - write a file through a temporary one and a rename.
 */
#include "raci/outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "raci/str.h"

raci_error raci_outfile_begin(struct raci_outfile *of, const char *path)
{
    int fd;

    memset(of, 0, sizeof(*of));
    of->path = raci_str_dup(path);
    of->tmp = raci_str_printf("%s.tmpXXXXXX", path);
    if (!of->path || !of->tmp) {
        raci_outfile_abort(of);
        return RACI_ERROR_NOMEM;
    }
    if ((fd = mkstemp(of->tmp)) < 0) {
        int saved = errno;
        free(of->tmp);
        of->tmp = NULL; /* nothing was made, nothing to remove */
        raci_outfile_abort(of);
        errno = saved;
        return RACI_ERROR_OUTPUT;
    }
    if (!(of->fp = fdopen(fd, "wb"))) {
        close(fd);
        raci_outfile_abort(of);
        return RACI_ERROR_OUTPUT;
    }
    return RACI_OK;
}

const char *raci_outfile_name(struct raci_outfile *of)
{
    if (of->fp) {
        fclose(of->fp);
        of->fp = NULL;
    }
    return of->tmp;
}

/* The mode the target gets: that of the file it replaces, so that a rename
 * changes nothing but content; for a new file 0666 less the umask (mkstemp
 * made the temporary file private). umask can only be read by setting it;
 * raci is single-threaded. */
static mode_t target_mode(const char *path)
{
    struct stat st;
    mode_t mask;

    if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
        return st.st_mode & 07777;
    mask = umask(022);
    umask(mask);
    return 0666 & ~mask;
}

/* Sync the directory holding path, so that the rename itself is on disk.
 * Not every file system can: failure here loses nothing already renamed. */
static void sync_dir(const char *path)
{
    const char *slash = strrchr(path, '/');
    char *dir = slash ? raci_str_printf("%.*s", (int)(slash - path + 1), path) : raci_str_dup(".");
    int fd = dir ? open(dir, O_RDONLY) : -1;

    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
    free(dir);
}

raci_error raci_outfile_commit(struct raci_outfile *of)
{
    int fd;

    if (of->fp) {
        if (fflush(of->fp) != 0 || ferror(of->fp) || fsync(fileno(of->fp)) != 0)
            goto fail;
        fd = dup(fileno(of->fp));
        if (fd < 0 || fclose(of->fp) != 0) {
            of->fp = NULL;
            if (fd >= 0)
                close(fd);
            goto fail;
        }
        of->fp = NULL;
    } else {
        /* Written by name: open it again to sync what was written. */
        if ((fd = open(of->tmp, O_RDONLY)) < 0 || fsync(fd) != 0) {
            if (fd >= 0)
                close(fd);
            goto fail;
        }
    }
    if (fchmod(fd, target_mode(of->path)) != 0) {
        close(fd);
        goto fail;
    }
    if (close(fd) != 0 || rename(of->tmp, of->path) != 0)
        goto fail;
    sync_dir(of->path);
    free(of->tmp);
    of->tmp = NULL;
    raci_outfile_abort(of);
    return RACI_OK;
fail:
    raci_outfile_abort(of);
    return RACI_ERROR_OUTPUT;
}

void raci_outfile_abort(struct raci_outfile *of)
{
    int saved = errno;

    if (of->fp)
        fclose(of->fp);
    if (of->tmp)
        unlink(of->tmp);
    free(of->tmp);
    free(of->path);
    memset(of, 0, sizeof(*of));
    errno = saved;
}

raci_error raci_outfile_write(const char *path, raci_outfile_fn fn, const void *ctx)
{
    struct raci_outfile of;
    raci_error err = raci_outfile_begin(&of, path);

    if (err)
        return err;
    if ((err = fn(of.fp, ctx)) != RACI_OK) {
        raci_outfile_abort(&of);
        return err;
    }
    return raci_outfile_commit(&of);
}
