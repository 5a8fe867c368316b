/*
 * test_extends.c - where `extends:` may lead (extends.h): a bundled
 * ruleset, or a .yaml file in the extending file's own directory or below,
 * once every link is followed; and a base that is no ruleset is refused
 * without a word of what it holds.
 *
 * Each test builds its files in a fresh directory under $TMPDIR: a secret
 * beside the rulesets, links out of the directory, a FIFO.
 */
#include "testutil.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "raci/extends.h"
#include "raci/ruleset_load.h"
#include "raci/str.h"

#define SECRET "hunter2"

struct tree {
    char root[256]; /* holds secret.yaml, and rules/ with the rulesets */
    char dir[300];  /* root/rules */
};

/* rules/NAME in path (512 bytes). */
static const char *in_rules(const struct tree *t, const char *name, char *path)
{
    snprintf(path, 512, "%s/%s", t->dir, name);
    return path;
}

static void put(const struct tree *t, const char *name, const char *text, size_t len)
{
    char path[512];
    FILE *f = fopen(in_rules(t, name, path), "wb");

    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
}

static void put_text(const struct tree *t, const char *name, const char *text)
{
    put(t, name, text, strlen(text));
}

static void link_to(const struct tree *t, const char *name, const char *target)
{
    char path[512];

    assert_int_equal(symlink(target, in_rules(t, name, path)), 0);
}

static int setup(void **state)
{
    /* One tree at a time: the tests run one after another. */
    static struct tree tree;
    struct tree *t = &tree;
    const char *tmp = getenv("TMPDIR");
    char path[512];
    FILE *f;

    snprintf(t->root, sizeof t->root, "%s/raci-extends.XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(t->root))
        return -1;
    snprintf(t->dir, sizeof t->dir, "%.255s/rules", t->root);
    if (mkdir(t->dir, 0700) != 0)
        return -1;
    /* A valid ruleset outside the directory, holding a secret. */
    snprintf(path, sizeof path, "%.255s/secret.yaml", t->root);
    if (!(f = fopen(path, "w")))
        return -1;
    fputs("version: 1\n# token: " SECRET "\n", f);
    fclose(f);
    *state = t;
    return 0;
}

static int teardown(void **state)
{
    const struct tree *t = *state;
    char cmd[600];

    snprintf(cmd, sizeof cmd, "rm -rf '%s'", t->root);
    return system(cmd) == 0 ? 0 : -1;
}

/* Load rules/NAME; the error it gives, with d filled in. */
static raci_error load(const struct tree *t, const char *name, struct raci_diag *d)
{
    struct raci_ruleset rs = {0};
    char path[512];
    raci_error err = raci_ruleset_load(&rs, in_rules(t, name, path), d);

    raci_ruleset_release(&rs);
    return err;
}

/* Nothing of a file's content is in the diagnostic. */
static void assert_nothing_shown(const struct raci_diag *d, const char *content)
{
    if (strstr(d->message, content) || (d->source && strstr(d->source, content)))
        fail_msg("the diagnostic shows '%s': %s / %s", content, d->message,
                 d->source ? d->source : "");
}

/* `extends: VALUE` in rules/ruleset.yaml is refused at 1:10, with the
 * extending line shown and a message that starts with want. */
static void expect_refused(const struct tree *t, const char *value, raci_error code,
                           const char *want)
{
    struct raci_diag d = {0};
    char line[256], text[260];

    snprintf(line, sizeof line, "extends: %s", value);
    snprintf(text, sizeof text, "%s\n", line);
    put_text(t, "ruleset.yaml", text);
    assert_int_equal(load(t, "ruleset.yaml", &d), code);
    if (d.line != 1 || d.col != 10 || strncmp(d.message, want, strlen(want)) != 0)
        fail_msg("extends: %s\ngot  %u:%u: %s\nwant 1:10: %s...", value, d.line, d.col, d.message,
                 want);
    assert_string_equal(d.source, line);
    assert_nothing_shown(&d, SECRET);
    assert_nothing_shown(&d, "root:");
    raci_diag_release(&d);
}

static void test_absolute_paths(void **state)
{
    const struct tree *t = *state;
    char path[512];

    expect_refused(t, "/etc/passwd", RACI_ERROR_INPUT,
                   "'extends: /etc/passwd' is an absolute path: extend a bundled ruleset by name, "
                   "such as 'default', or a .yaml file in this ruleset's directory or below it, by "
                   "a relative path");
    expect_refused(t, "/proc/self/environ", RACI_ERROR_INPUT,
                   "'extends: /proc/self/environ' is an absolute path");
    /* Even a ruleset inside the directory, by its absolute path. */
    snprintf(path, sizeof path, "%.255s/secret.yaml", t->root);
    expect_refused(t, path, RACI_ERROR_INPUT, "'extends: /");
}

static void test_out_of_the_directory(void **state)
{
    const struct tree *t = *state;
    char target[512];

    /* Up, whether or not the file is there. */
    expect_refused(t, "../secret.yaml", RACI_ERROR_INPUT,
                   "'extends: ../secret.yaml' leads out of this ruleset's directory: extend a "
                   "bundled ruleset by name");
    expect_refused(t, "../no-such.yaml", RACI_ERROR_INPUT, "'extends: ../no-such.yaml' leads out");
    expect_refused(t, "sub/../../secret.yaml", RACI_ERROR_INPUT, "'extends: sub/../../secret");
    /* A link out of the directory, to a ruleset or to a system file. */
    snprintf(target, sizeof target, "%s/secret.yaml", t->root);
    link_to(t, "secret-link.yaml", target);
    expect_refused(t, "secret-link.yaml", RACI_ERROR_INPUT,
                   "'extends: secret-link.yaml' leads out of this ruleset's directory");
    link_to(t, "passwd.yaml", "/etc/passwd");
    expect_refused(t, "passwd.yaml", RACI_ERROR_INPUT,
                   "'extends: passwd.yaml' leads out of this ruleset's directory");
    /* A directory link, then up: resolved as the system does. */
    link_to(t, "up", "..");
    expect_refused(t, "up/secret.yaml", RACI_ERROR_INPUT, "'extends: up/secret.yaml' leads out");
    /* A bundled name is looked for beside the file too: confined the same. */
    link_to(t, "mybase.yaml", target);
    expect_refused(t, "mybase", RACI_ERROR_INPUT, "'extends: mybase' leads out");
}

static void test_not_a_yaml_file(void **state)
{
    const struct tree *t = *state;
    char path[512];

    put_text(t, ".env", "TOKEN: " SECRET "\n");
    expect_refused(t, ".env", RACI_ERROR_INPUT,
                   "'extends: .env' is not a .yaml or .yml file: extend a bundled ruleset");
    /* A .yaml link to it is judged by where it leads. */
    link_to(t, "env.yaml", ".env");
    expect_refused(t, "env.yaml", RACI_ERROR_INPUT, "'extends: env.yaml' is not a .yaml or .yml");
    /* Not a regular file: a directory, a FIFO (which would block). */
    assert_int_equal(mkdir(in_rules(t, "dir.yaml", path), 0700), 0);
    expect_refused(t, "dir.yaml", RACI_ERROR_INPUT, "'extends: dir.yaml' is not a regular file");
    assert_int_equal(mkfifo(in_rules(t, "fifo.yaml", path), 0600), 0);
    expect_refused(t, "fifo.yaml", RACI_ERROR_INPUT, "'extends: fifo.yaml' is not a regular file");
    /* Missing: as before, a file that cannot be read. */
    expect_refused(t, "no-such.yaml", RACI_ERROR_IO,
                   "cannot read ruleset 'no-such.yaml': No such file or directory");
}

/* A base that is no ruleset is refused in the base, without its lines. */
static void test_base_that_is_no_ruleset(void **state)
{
    const struct tree *t = *state;
    struct raci_diag d = {0};
    static const char environ[] = "PATH=/bin\0TOKEN=" SECRET "\0";

    /* A password file saved as .yaml: YAML, but text, not a mapping. */
    put_text(t, "users.yaml", "root:x:0:0:root:/root:/bin/bash\nme:x:1000:" SECRET "\n");
    put_text(t, "a.yaml", "extends: users.yaml\n");
    assert_int_equal(load(t, "a.yaml", &d), RACI_ERROR_INPUT);
    assert_true(strstr(d.file, "rules/users.yaml") != NULL);
    assert_string_equal(d.message, "a ruleset is a mapping of keys such as version, roles, tasks "
                                   "and checks, got text");
    assert_null(d.source);
    assert_nothing_shown(&d, SECRET);
    raci_diag_release(&d);

    /* An environment block: no text at all. */
    put(t, "environ.yaml", environ, sizeof environ - 1);
    put_text(t, "b.yaml", "extends: environ.yaml\n");
    assert_int_equal(load(t, "b.yaml", &d), RACI_ERROR_INPUT);
    assert_true(strstr(d.file, "rules/environ.yaml") != NULL);
    assert_int_equal(d.line, 1);
    assert_non_null(strstr(d.message, "invalid YAML"));
    assert_null(d.source);
    assert_nothing_shown(&d, "PATH=");
    raci_diag_release(&d);

    /* Broken YAML: where, but not the line. */
    put_text(t, "broken.yaml", "token: [" SECRET "\n");
    put_text(t, "c.yaml", "extends: broken.yaml\n");
    assert_int_equal(load(t, "c.yaml", &d), RACI_ERROR_INPUT);
    assert_true(strstr(d.file, "rules/broken.yaml") != NULL);
    assert_non_null(strstr(d.message, "invalid YAML"));
    assert_null(d.source);
    raci_diag_release(&d);

    /* The user's own ruleset that is no mapping: nothing of it either. */
    assert_int_equal(load(t, "users.yaml", &d), RACI_ERROR_INPUT);
    assert_int_equal(d.line, 1);
    assert_int_equal(d.col, 1);
    assert_null(d.source);
    assert_nothing_shown(&d, SECRET);
    assert_nothing_shown(&d, "root:");
    raci_diag_release(&d);
}

/* What may be extended: a file beside, one below, a link that stays
 * inside, a bundled ruleset. */
static void test_allowed(void **state)
{
    const struct tree *t = *state;
    struct raci_diag d = {0};
    struct raci_ruleset rs = {0};
    char path[512];

    assert_int_equal(mkdir(in_rules(t, "teams", path), 0700), 0);
    put_text(t, "teams/base.yaml", "extends: default\nframework: kanban\n");
    put_text(t, "beside.yml", "framework: safe\n");
    link_to(t, "inside-link.yaml", "teams/base.yaml");
    put_text(t, "one.yaml", "extends: teams/base.yaml\n");
    put_text(t, "two.yaml", "extends: ./beside.yml\n");
    put_text(t, "three.yaml", "extends: inside-link.yaml\n");
    put_text(t, "four.yaml", "extends: teams/../beside.yml\n");
    put_text(t, "five.yaml", "extends: beside\n"); /* a name, found beside */
    link_to(t, "beside.yaml", "beside.yml");
    for (int i = 0; i < 5; i++) {
        static const char *const files[] = {"one.yaml", "two.yaml", "three.yaml", "four.yaml",
                                            "five.yaml"};
        static const char *const framework[] = {"kanban", "safe", "kanban", "safe", "safe"};
        if (raci_ruleset_load(&rs, in_rules(t, files[i], path), &d) != RACI_OK)
            fail_msg("%s: %s", files[i], d.message);
        assert_string_equal(rs.framework, framework[i]);
        raci_ruleset_release(&rs);
    }
    /* A base in a subdirectory extends relative to its own directory. */
    put_text(t, "teams/up.yaml", "extends: ../beside.yml\n");
    put_text(t, "six.yaml", "extends: teams/up.yaml\n");
    assert_int_equal(load(t, "six.yaml", &d), RACI_ERROR_INPUT);
    assert_true(strstr(d.file, "teams/up.yaml") != NULL);
    assert_non_null(strstr(d.message, "leads out of this ruleset's directory"));
    raci_diag_release(&d);
}

/* A cycle through a link is still a cycle. */
static void test_cycle_through_a_link(void **state)
{
    const struct tree *t = *state;
    struct raci_diag d = {0};

    put_text(t, "p.yaml", "extends: q.yaml\n");
    put_text(t, "q.yaml", "extends: p-link.yaml\n");
    link_to(t, "p-link.yaml", "p.yaml");
    assert_int_equal(load(t, "p.yaml", &d), RACI_ERROR_INPUT);
    assert_non_null(strstr(d.message, "makes a cycle"));
    raci_diag_release(&d);
}

static void test_resolve(void **state)
{
    struct raci_extends e;
    (void)state;

    assert_int_equal(raci_extends_resolve(NULL, "default", &e), RACI_EXTENDS_OK);
    assert_non_null(strstr(e.display, "default.yaml"));
    assert_non_null(e.real);
    raci_extends_release(&e);
    assert_int_equal(raci_extends_resolve(NULL, "base.yaml", &e), RACI_EXTENDS_FROM_MEMORY);
    raci_extends_release(&e);
    assert_int_equal(raci_extends_resolve(NULL, "no-such-ruleset", &e), RACI_EXTENDS_NO_BUNDLED);
    raci_extends_release(&e);
    assert_int_equal(raci_extends_resolve("a/b.yaml", "/etc/x.yaml", &e), RACI_EXTENDS_ABSOLUTE);
    raci_extends_release(&e);
    assert_int_equal(raci_extends_resolve("a/b.yaml", "x.txt", &e), RACI_EXTENDS_NOT_YAML);
    raci_extends_release(&e);
    assert_int_equal(raci_extends_resolve("a/b.yaml", "..", &e), RACI_EXTENDS_NOT_YAML);
    raci_extends_release(&e);
    assert_int_equal(raci_extends_resolve("b.yaml", "../x.yaml", &e), RACI_EXTENDS_OUTSIDE);
    raci_extends_release(&e);
    errno = 0;
    assert_int_equal(raci_extends_resolve("no-such-dir/b.yaml", "x.yaml", &e),
                     RACI_EXTENDS_UNREADABLE);
    assert_int_equal(errno, ENOENT);
    assert_string_equal(e.display, "no-such-dir/x.yaml");
    raci_extends_release(&e);
}

static void test_tidy(void **state)
{
    static const char *const cases[][2] = {
        {"a/./b", "a/b"},      {"a/x/../b", "a/b"}, {"./b", "b"},     {"../b", "../b"},
        {"a/../../b", "../b"}, {"/a/../b", "/b"},   {"a//b/", "a/b"}, {".", "."},
        {"a/..", "."},
    };
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char buf[64];
        snprintf(buf, sizeof buf, "%s", cases[i][0]);
        raci_extends_tidy(buf);
        assert_string_equal(buf, cases[i][1]);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_absolute_paths, setup, teardown),
        cmocka_unit_test_setup_teardown(test_out_of_the_directory, setup, teardown),
        cmocka_unit_test_setup_teardown(test_not_a_yaml_file, setup, teardown),
        cmocka_unit_test_setup_teardown(test_base_that_is_no_ruleset, setup, teardown),
        cmocka_unit_test_setup_teardown(test_allowed, setup, teardown),
        cmocka_unit_test_setup_teardown(test_cycle_through_a_link, setup, teardown),
        cmocka_unit_test(test_resolve),
        cmocka_unit_test(test_tidy),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
