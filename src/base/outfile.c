/*
 * outfile.c - write a file through a temporary one and a rename, and remove
 * the temporary files a signal would leave.
 */
#include "raci/outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "raci/array.h"
#include "raci/str.h"

/* ------------------------------------------------- the live temporaries -- */

/*
 * The temporary files begun and not yet committed or aborted: what the
 * signal handler removes. They are only added and removed while the caught
 * signals are blocked, so the handler never sees the list half-changed; it
 * reads it and calls unlink(), which is async-signal-safe.
 */
static char **live;
static size_t nlive, caplive;

static const int caught[] = {SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGPIPE};
#define NCAUGHT (sizeof(caught) / sizeof(caught[0]))

static void caught_set(sigset_t *set)
{
    sigemptyset(set);
    for (size_t i = 0; i < NCAUGHT; i++)
        sigaddset(set, caught[i]);
}

static void block_caught(sigset_t *old)
{
    sigset_t set;
    caught_set(&set);
    sigprocmask(SIG_BLOCK, &set, old);
}

static void unblock_caught(const sigset_t *old)
{
    sigprocmask(SIG_SETMASK, old, NULL);
}

/* With the caught signals blocked: list tmp (not copied), or forget it. */
static raci_error live_add(char *tmp)
{
    if (raci_array_grow(&live, &caplive, nlive + 1, sizeof(*live)) != RACI_OK)
        return RACI_ERROR_NOMEM;
    live[nlive++] = tmp;
    return RACI_OK;
}

static void live_forget(const char *tmp)
{
    for (size_t i = 0; i < nlive; i++)
        if (live[i] == tmp) {
            live[i] = live[--nlive];
            break;
        }
    if (nlive == 0) {
        free(live);
        live = NULL;
        caplive = 0;
    }
}

/* Remove what is left, then die of sig: the default action, raised again
 * (sig is blocked while this runs, so it strikes as soon as we return). */
static void outfile_on_signal(int sig)
{
    for (size_t i = 0; i < nlive; i++)
        unlink(live[i]);
    signal(sig, SIG_DFL);
    raise(sig);
}

void raci_outfile_catch_signals(void)
{
    struct sigaction sa, old;

    memset(&sa, 0, sizeof sa);
    sa.sa_handler = outfile_on_signal;
    caught_set(&sa.sa_mask); /* one at a time */
    for (size_t i = 0; i < NCAUGHT; i++) {
        /* Ignored by whoever started us (nohup, a shell's background job):
         * stay so. */
        if (sigaction(caught[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
            continue;
        sigaction(caught[i], &sa, NULL);
    }
    signal(SIGXFSZ, SIG_IGN);
}

/* --------------------------------------------------------------- files -- */

const char *raci_outfile_refusal(const char *path)
{
    struct stat st;

    if (lstat(path, &st) != 0 || S_ISREG(st.st_mode))
        return NULL;
    if (S_ISLNK(st.st_mode)) {
        errno = ELOOP;
        return "it is a symbolic link, which raci does not follow";
    }
    if (S_ISDIR(st.st_mode)) {
        errno = EISDIR;
        return "it is a directory";
    }
    errno = EINVAL;
    if (S_ISFIFO(st.st_mode))
        return "it is a FIFO, not a regular file";
    if (S_ISSOCK(st.st_mode))
        return "it is a socket, not a regular file";
    if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode))
        return "it is a device, not a regular file";
    return "it is not a regular file";
}

/* The temporary file, made and listed with the caught signals blocked, so
 * that no signal finds it made and not listed. When none was made (or it
 * is gone again), of->tmp is freed and NULL, so abort removes nothing. */
static raci_error make_temporary(struct raci_outfile *of)
{
    sigset_t old;
    raci_error err = RACI_OK;
    int fd, saved;

    block_caught(&old);
    if ((fd = mkstemp(of->tmp)) < 0) {
        err = RACI_ERROR_OUTPUT;
    } else if (live_add(of->tmp) != RACI_OK) {
        unlink(of->tmp);
        close(fd);
        err = RACI_ERROR_NOMEM;
    }
    saved = errno;
    unblock_caught(&old);
    if (err) {
        free(of->tmp);
        of->tmp = NULL;
        errno = saved;
        return err;
    }
    if (!(of->fp = fdopen(fd, "wb"))) {
        close(fd);
        return RACI_ERROR_OUTPUT;
    }
    return RACI_OK;
}

raci_error raci_outfile_begin(struct raci_outfile *of, const char *path)
{
    raci_error err;

    memset(of, 0, sizeof(*of));
    if (raci_outfile_refusal(path))
        return RACI_ERROR_OUTPUT;
    of->path = raci_str_dup(path);
    of->tmp = raci_str_printf("%s.tmpXXXXXX", path);
    if (!of->path || !of->tmp) {
        raci_outfile_abort(of);
        return RACI_ERROR_NOMEM;
    }
    if ((err = make_temporary(of)) != RACI_OK)
        raci_outfile_abort(of);
    return err;
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

    if (lstat(path, &st) == 0 && S_ISREG(st.st_mode))
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

/* A descriptor on the content, synced: of->fp's own (then fp is closed),
 * or the file opened again when a library wrote it by name. -1 on
 * failure. */
static int synced_fd(struct raci_outfile *of)
{
    int fd;

    if (!of->fp) {
        if ((fd = open(of->tmp, O_RDONLY)) >= 0 && fsync(fd) != 0) {
            close(fd);
            return -1;
        }
        return fd;
    }
    if (fflush(of->fp) != 0 || ferror(of->fp) || fsync(fileno(of->fp)) != 0)
        return -1;
    fd = dup(fileno(of->fp));
    if (fclose(of->fp) != 0) {
        of->fp = NULL;
        if (fd >= 0)
            close(fd);
        return -1;
    }
    of->fp = NULL;
    return fd;
}

raci_error raci_outfile_prepare(struct raci_outfile *of)
{
    int fd;

    if (of->ready)
        return RACI_OK;
    if ((fd = synced_fd(of)) < 0)
        goto fail;
    if (fchmod(fd, target_mode(of->path)) != 0) {
        close(fd);
        goto fail;
    }
    if (close(fd) != 0)
        goto fail;
    of->ready = 1;
    return RACI_OK;
fail:
    raci_outfile_abort(of);
    return RACI_ERROR_OUTPUT;
}

raci_error raci_outfile_commit(struct raci_outfile *of)
{
    sigset_t old;
    int renamed;

    if (raci_outfile_prepare(of) != RACI_OK)
        return RACI_ERROR_OUTPUT;
    /* Checked again: the target may have changed since begin. */
    if (raci_outfile_refusal(of->path)) {
        raci_outfile_abort(of);
        return RACI_ERROR_OUTPUT;
    }
    block_caught(&old);
    renamed = rename(of->tmp, of->path) == 0;
    if (renamed)
        live_forget(of->tmp);
    unblock_caught(&old);
    if (!renamed) {
        raci_outfile_abort(of);
        return RACI_ERROR_OUTPUT;
    }
    sync_dir(of->path);
    free(of->tmp);
    of->tmp = NULL;
    raci_outfile_abort(of);
    return RACI_OK;
}

void raci_outfile_abort(struct raci_outfile *of)
{
    int saved = errno;
    sigset_t old;

    if (of->fp)
        fclose(of->fp);
    if (of->tmp) {
        block_caught(&old);
        unlink(of->tmp);
        live_forget(of->tmp);
        unblock_caught(&old);
    }
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
