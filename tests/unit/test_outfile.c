/*
 * test_outfile.c - writing an output whole or not at all: the content lands
 * only on commit, a failure or an abort leaves the target as it was and no
 * temporary file behind, a replaced file keeps its mode and a new one gets
 * the umask's; a target that is not a regular file (a directory, a FIFO, a
 * socket, a device, a symbolic link) is refused and left as it is; a signal
 * removes the temporary files and kills as it would have; a write past the
 * limit on a file's size fails with EFBIG, not a signal.
 */
#define _DEFAULT_SOURCE /* mknod, makedev: a device node of our own */
#include "testutil.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include "raci/outfile.h"

struct scratch {
    char dir[64];
    char path[128];
};

static void scratch_init(struct scratch *s)
{
    snprintf(s->dir, sizeof s->dir, "/tmp/raci-outfile-XXXXXX");
    assert_non_null(mkdtemp(s->dir));
    snprintf(s->path, sizeof s->path, "%s/report.json", s->dir);
}

/* Files in dir, and the name of one that is not keep (for messages). */
static int entries(const char *dir, const char *keep, char *other, size_t size)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    int n = 0;
    assert_non_null(d);
    while ((e = readdir(d)) != NULL) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        n++;
        if (other && (!keep || strcmp(e->d_name, keep)))
            snprintf(other, size, "%s", e->d_name);
    }
    closedir(d);
    return n;
}

static void scratch_release(struct scratch *s)
{
    char name[256] = "", path[512];
    while (entries(s->dir, NULL, name, sizeof name) > 0) {
        snprintf(path, sizeof path, "%s/%s", s->dir, name);
        assert_int_equal(unlink(path), 0);
    }
    assert_int_equal(rmdir(s->dir), 0);
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    static char buf[256];
    size_t n;
    if (!f)
        return NULL;
    n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

static void put(const char *path, const char *text, mode_t mode)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    assert_int_equal(fclose(f), 0);
    assert_int_equal(chmod(path, mode), 0);
}

static void test_commit_replaces_whole(void **state)
{
    struct scratch s = {"", ""};
    struct raci_outfile of;
    struct stat st;
    (void)state;
    scratch_init(&s);
    put(s.path, "old", 0640);
    assert_int_equal(raci_outfile_begin(&of, s.path), RACI_OK);
    fputs("new content", of.fp);
    /* Until the commit the target is the old file, and the new content
     * sits in a temporary file beside it. */
    assert_string_equal(slurp(s.path), "old");
    assert_int_equal(entries(s.dir, NULL, NULL, 0), 2);
    assert_int_equal(raci_outfile_commit(&of), RACI_OK);
    assert_string_equal(slurp(s.path), "new content");
    assert_int_equal(entries(s.dir, NULL, NULL, 0), 1);
    /* A replaced file keeps its mode. */
    assert_int_equal(stat(s.path, &st), 0);
    assert_int_equal(st.st_mode & 07777, 0640);
    assert_null(of.tmp);
    scratch_release(&s);
}

static void test_new_file_gets_umask(void **state)
{
    struct scratch s = {"", ""};
    struct raci_outfile of;
    struct stat st;
    mode_t old = umask(027);
    (void)state;
    scratch_init(&s);
    assert_int_equal(raci_outfile_begin(&of, s.path), RACI_OK);
    fputs("x", of.fp);
    assert_int_equal(raci_outfile_commit(&of), RACI_OK);
    assert_int_equal(stat(s.path, &st), 0);
    assert_int_equal(st.st_mode & 07777, 0640);
    umask(old);
    scratch_release(&s);
}

static void test_abort_leaves_target(void **state)
{
    struct scratch s = {"", ""};
    struct raci_outfile of;
    struct raci_outfile zero = {0};
    (void)state;
    scratch_init(&s);
    put(s.path, "old", 0644);
    assert_int_equal(raci_outfile_begin(&of, s.path), RACI_OK);
    fputs("half", of.fp);
    errno = EIO;
    raci_outfile_abort(&of);
    assert_int_equal(errno, EIO); /* kept for the caller's message */
    assert_string_equal(slurp(s.path), "old");
    assert_int_equal(entries(s.dir, NULL, NULL, 0), 1);
    raci_outfile_abort(&zero); /* safe on a zeroed one */
    scratch_release(&s);
}

/* A library that writes by name (as libxlsxwriter does) gets the
 * temporary path; the commit syncs and renames what it wrote. */
static void test_write_by_name(void **state)
{
    struct scratch s = {"", ""};
    struct raci_outfile of;
    const char *tmp;
    (void)state;
    scratch_init(&s);
    assert_int_equal(raci_outfile_begin(&of, s.path), RACI_OK);
    tmp = raci_outfile_name(&of);
    assert_null(of.fp);
    assert_non_null(tmp);
    put(tmp, "by name", 0600);
    assert_int_equal(raci_outfile_commit(&of), RACI_OK);
    assert_string_equal(slurp(s.path), "by name");
    assert_int_equal(entries(s.dir, NULL, NULL, 0), 1);
    scratch_release(&s);
}

static raci_error write_ok(FILE *out, const void *ctx)
{
    fputs(ctx, out);
    return RACI_OK;
}

static raci_error write_fails(FILE *out, const void *ctx)
{
    (void)ctx;
    fputs("partial", out);
    return RACI_ERROR_NOMEM;
}

static void test_write_callback(void **state)
{
    struct scratch s = {"", ""};
    char missing[160];
    (void)state;
    scratch_init(&s);
    assert_int_equal(raci_outfile_write(s.path, write_ok, "whole"), RACI_OK);
    assert_string_equal(slurp(s.path), "whole");
    /* The writer's error comes back; nothing of its output lands. */
    assert_int_equal(raci_outfile_write(s.path, write_fails, NULL), RACI_ERROR_NOMEM);
    assert_string_equal(slurp(s.path), "whole");
    assert_int_equal(entries(s.dir, NULL, NULL, 0), 1);
    /* A directory that does not exist: an output error, errno says why. */
    snprintf(missing, sizeof missing, "%s/no/such/dir.json", s.dir);
    errno = 0;
    assert_int_equal(raci_outfile_write(missing, write_ok, "x"), RACI_ERROR_OUTPUT);
    assert_int_equal(errno, ENOENT);
    scratch_release(&s);
}

/* begin refuses path, which stays what it was, and leaves nothing beside
 * it; errno says why. */
static void assert_refused(const char *dir, const char *path, int want_errno, const char *words)
{
    struct raci_outfile of;
    const char *why = raci_outfile_refusal(path);
    int n = entries(dir, NULL, NULL, 0);

    assert_non_null(why);
    assert_non_null(strstr(why, words));
    errno = 0;
    assert_int_equal(raci_outfile_begin(&of, path), RACI_ERROR_OUTPUT);
    assert_int_equal(errno, want_errno);
    assert_null(of.tmp);
    assert_int_equal(entries(dir, NULL, NULL, 0), n);
}

static void test_refuses_what_is_not_a_file(void **state)
{
    struct scratch s = {"", ""};
    char path[160];
    struct stat st;
    struct sockaddr_un addr = {0};
    int sock;
    (void)state;
    scratch_init(&s);

    /* A regular file and a path not there yet are fine. */
    assert_null(raci_outfile_refusal(s.path));
    put(s.path, "old", 0644);
    assert_null(raci_outfile_refusal(s.path));

    snprintf(path, sizeof path, "%s/fifo", s.dir);
    assert_int_equal(mkfifo(path, 0644), 0);
    assert_refused(s.dir, path, EINVAL, "FIFO");
    assert_int_equal(lstat(path, &st), 0);
    assert_true(S_ISFIFO(st.st_mode));

    snprintf(path, sizeof path, "%s/dir", s.dir);
    assert_int_equal(mkdir(path, 0755), 0);
    assert_refused(s.dir, path, EISDIR, "directory");
    assert_int_equal(rmdir(path), 0);

    snprintf(addr.sun_path, sizeof addr.sun_path, "%s/sock", s.dir);
    addr.sun_family = AF_UNIX;
    assert_true((sock = socket(AF_UNIX, SOCK_STREAM, 0)) >= 0);
    assert_int_equal(bind(sock, (struct sockaddr *)&addr, sizeof addr), 0);
    assert_refused(s.dir, addr.sun_path, EINVAL, "socket");
    close(sock);
    assert_int_equal(lstat(addr.sun_path, &st), 0);
    assert_true(S_ISSOCK(st.st_mode));

    /* A device node of our own (as /dev/null is): only root may make one. */
    snprintf(path, sizeof path, "%s/null", s.dir);
    if (mknod(path, S_IFCHR | 0666, makedev(1, 3)) == 0) {
        assert_refused(s.dir, path, EINVAL, "device");
        assert_int_equal(lstat(path, &st), 0);
        assert_true(S_ISCHR(st.st_mode));
    }
    scratch_release(&s);
}

/* A symbolic link is never followed nor replaced: not to a regular file,
 * not when it dangles (following it would create a file wherever it
 * points). */
static void test_refuses_symlinks(void **state)
{
    struct scratch s = {"", ""};
    char link[160], target[160], buf[160];
    ssize_t n;
    (void)state;
    scratch_init(&s);
    put(s.path, "old", 0644);
    snprintf(link, sizeof link, "%s/link.json", s.dir);
    assert_int_equal(symlink("report.json", link), 0);
    assert_refused(s.dir, link, ELOOP, "symbolic link");
    assert_string_equal(slurp(s.path), "old");
    n = readlink(link, buf, sizeof buf - 1);
    assert_true(n > 0);
    buf[n] = '\0';
    assert_string_equal(buf, "report.json");
    assert_int_equal(unlink(link), 0);

    snprintf(target, sizeof target, "%s/nowhere.json", s.dir);
    assert_int_equal(symlink(target, link), 0);
    assert_refused(s.dir, link, ELOOP, "symbolic link");
    assert_int_equal(access(target, F_OK), -1);
    scratch_release(&s);
}

/* prepare does everything but the rename: a set of outputs can all be made
 * ready, and only then all be put in place. */
static void test_prepare_then_commit(void **state)
{
    struct scratch s = {"", ""};
    struct raci_outfile of;
    (void)state;
    scratch_init(&s);
    put(s.path, "old", 0644);
    assert_int_equal(raci_outfile_begin(&of, s.path), RACI_OK);
    fputs("new", of.fp);
    assert_int_equal(raci_outfile_prepare(&of), RACI_OK);
    assert_null(of.fp);
    assert_int_equal(raci_outfile_prepare(&of), RACI_OK); /* again: nothing to do */
    assert_string_equal(slurp(s.path), "old");
    assert_int_equal(entries(s.dir, NULL, NULL, 0), 2);
    assert_int_equal(raci_outfile_commit(&of), RACI_OK);
    assert_string_equal(slurp(s.path), "new");
    assert_int_equal(entries(s.dir, NULL, NULL, 0), 1);

    /* Aborted after prepare: the temporary file still goes. */
    assert_int_equal(raci_outfile_begin(&of, s.path), RACI_OK);
    fputs("newer", of.fp);
    assert_int_equal(raci_outfile_prepare(&of), RACI_OK);
    raci_outfile_abort(&of);
    assert_string_equal(slurp(s.path), "new");
    assert_int_equal(entries(s.dir, NULL, NULL, 0), 1);
    scratch_release(&s);
}

/* In a child: two outputs begun (one of them given up by name, as the
 * workbook's is), one committed, then sig. The child must die of sig, and
 * leave the committed file and nothing else. */
static void check_signal(int sig)
{
    struct scratch s = {"", ""};
    int status;
    pid_t pid;

    scratch_init(&s);
    fflush(NULL);
    pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        struct raci_outfile a, b, c;
        char pb[160], pc[160];
        snprintf(pb, sizeof pb, "%s/b.xlsx", s.dir);
        snprintf(pc, sizeof pc, "%s/c.json", s.dir);
        raci_outfile_catch_signals();
        if (raci_outfile_begin(&a, s.path) || raci_outfile_begin(&b, pb) ||
            raci_outfile_begin(&c, pc))
            _exit(3);
        fputs("a", a.fp);
        if (raci_outfile_commit(&a) || !raci_outfile_name(&b))
            _exit(4);
        fputs("c", c.fp);
        raise(sig);
        _exit(5); /* not reached: the signal kills */
    }
    assert_int_equal(waitpid(pid, &status, 0), pid);
    if (!WIFSIGNALED(status))
        fail_msg("signal %d: the child exited with %d", sig, WEXITSTATUS(status));
    assert_int_equal(WTERMSIG(status), sig);
    assert_int_equal(entries(s.dir, NULL, NULL, 0), 1);
    assert_string_equal(slurp(s.path), "a");
    scratch_release(&s);
}

static void test_signals_remove_temporary_files(void **state)
{
    struct rlimit core = {0, 0};
    (void)state;
    /* SIGQUIT dumps core by default: not here. */
    assert_int_equal(setrlimit(RLIMIT_CORE, &core), 0);
    check_signal(SIGINT);
    check_signal(SIGTERM);
    check_signal(SIGHUP);
    check_signal(SIGQUIT);
    check_signal(SIGPIPE);
}

/* With the limit on a file's size reached, the write fails with EFBIG (not
 * SIGXFSZ, which would kill and leave the temporary file): the commit
 * reports it, and nothing is left. In a child, whose limits die with it. */
static void test_file_size_limit(void **state)
{
    struct scratch s = {"", ""};
    int status;
    pid_t pid;
    (void)state;
    scratch_init(&s);
    put(s.path, "old", 0644);
    fflush(NULL);
    pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        struct rlimit small = {4096, 4096};
        struct raci_outfile of;
        raci_outfile_catch_signals();
        if (setrlimit(RLIMIT_FSIZE, &small) != 0 || raci_outfile_begin(&of, s.path))
            _exit(3);
        for (int i = 0; i < 10000; i++)
            fputs("0123456789", of.fp);
        errno = 0;
        if (raci_outfile_commit(&of) != RACI_ERROR_OUTPUT)
            _exit(4);
        _exit(errno == EFBIG ? 0 : 5);
    }
    assert_int_equal(waitpid(pid, &status, 0), pid);
    if (WIFSIGNALED(status))
        fail_msg("killed by signal %d", WTERMSIG(status));
    assert_int_equal(WEXITSTATUS(status), 0);
    assert_string_equal(slurp(s.path), "old");
    assert_int_equal(entries(s.dir, NULL, NULL, 0), 1);
    scratch_release(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_commit_replaces_whole),
        cmocka_unit_test(test_new_file_gets_umask),
        cmocka_unit_test(test_abort_leaves_target),
        cmocka_unit_test(test_write_by_name),
        cmocka_unit_test(test_write_callback),
        cmocka_unit_test(test_refuses_what_is_not_a_file),
        cmocka_unit_test(test_refuses_symlinks),
        cmocka_unit_test(test_prepare_then_commit),
        cmocka_unit_test(test_signals_remove_temporary_files),
        cmocka_unit_test(test_file_size_limit),
    };
    return cmocka_run_group_tests_name("outfile", tests, NULL, NULL);
}
