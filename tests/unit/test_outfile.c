/*
 * test_outfile.c - writing an output whole or not at all: the content lands
 * only on commit, a failure or an abort leaves the target as it was and no
 * temporary file behind, a replaced file keeps its mode and a new one gets
 * the umask's.
 */
#include "testutil.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_commit_replaces_whole), cmocka_unit_test(test_new_file_gets_umask),
        cmocka_unit_test(test_abort_leaves_target),   cmocka_unit_test(test_write_by_name),
        cmocka_unit_test(test_write_callback),
    };
    return cmocka_run_group_tests_name("outfile", tests, NULL, NULL);
}
