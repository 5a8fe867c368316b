/*
 * rosterdir.c - directory arguments: the rosters under a directory.
 */
#define _XOPEN_SOURCE 700 /* realpath */
#include "raci/rosterdir.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "raci/diag.h"
#include "raci/error.h"
#include "raci/infile.h"
#include "raci/policy.h"
#include "raci/str.h"
#include "raci/xlsx_props.h"

/* The paths found, growing. */
struct found {
    char **v;
    size_t n, cap;
    int nomem;
};

/* What a walk skips: the default output directory, the -o file, and (in a
 * diff's directory) the --people file. */
struct skip {
    struct stat out_dir, out_file, people;
    int has_dir, has_file, has_people;
};

static int same_inode(const struct stat *a, const struct stat *b)
{
    return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

static void found_add(struct found *f, char *path)
{
    if (!path) {
        f->nomem = 1;
        return;
    }
    if (f->n == f->cap) {
        size_t cap = f->cap ? 2 * f->cap : 16;
        char **v = realloc(f->v, cap * sizeof(*v));
        if (!v) {
            free(path);
            f->nomem = 1;
            return;
        }
        f->v = v;
        f->cap = cap;
    }
    f->v[f->n++] = path;
}

/* Does name end in .csv or .xlsx, in any case? */
static int roster_name(const char *name)
{
    size_t n = strlen(name);
    return (n > 4 && strcasecmp(name + n - 4, ".csv") == 0) ||
           (n > 5 && strcasecmp(name + n - 5, ".xlsx") == 0);
}

/* Was the workbook at path written by raci (xlsx_props.h)? 0 when it
 * cannot be read: it is then read as a roster, and fails as one. */
static int written_by_raci(const char *path)
{
    struct raci_diag diag = {0};
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t len = 0;
    int by = 0;

    if (!f)
        return 0;
    if (raci_infile_read(f, path, &buf, &len, &diag) == RACI_OK)
        by = raci_xlsx_props_by_raci(buf, len);
    free(buf);
    fclose(f);
    raci_diag_release(&diag);
    return by;
}

/* Is the -o file one the walk skips: raci's own workbook there (an
 * earlier run's)? A roster that -o names, a CSV or a workbook someone
 * else wrote, stays a roster, so that the check of outputs against inputs
 * refuses to write over it. */
static int skip_output(const char *out, struct stat *st)
{
    size_t n = out ? strlen(out) : 0;
    return n > 5 && strcasecmp(out + n - 5, ".xlsx") == 0 && stat(out, st) == 0 &&
           written_by_raci(out);
}

/* Add the rosters under dir to f. -1 (errno set) when dir cannot be read. */
static int walk(const char *dir, const struct skip *s, struct found *f)
{
    DIR *d = opendir(dir);
    struct dirent *e;

    if (!d)
        return -1;
    while (!f->nomem && (e = readdir(d))) {
        struct stat st, lst;
        char *path;

        if (e->d_name[0] == '.')
            continue;
        if (!(path = raci_str_printf("%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/",
                                     e->d_name))) {
            f->nomem = 1;
            break;
        }
        if (lstat(path, &lst) != 0 || stat(path, &st) != 0) {
            free(path); /* a dangling link: nothing to read */
            continue;
        }
        if (S_ISDIR(st.st_mode) && !S_ISLNK(lst.st_mode) &&
            !(s->has_dir && same_inode(&st, &s->out_dir))) {
            int r = walk(path, s, f);
            if (r == -1)
                fprintf(stderr, "raci: unable to read directory '%s': %s\n", path, strerror(errno));
            free(path);
            if (r != 0) {
                closedir(d);
                return -2;
            }
        } else if (S_ISREG(st.st_mode) && roster_name(e->d_name) &&
                   !(s->has_file && same_inode(&st, &s->out_file)) &&
                   !(s->has_people && same_inode(&st, &s->people))) {
            found_add(f, path);
        } else {
            free(path);
        }
    }
    closedir(d);
    return 0;
}

static int by_bytes(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The name a directory's workbook takes: its last component, or, for ".",
 * "..", "/" and the like, that of the directory it resolves to. */
static char *dir_stem(const char *dir)
{
    char *real = realpath(dir, NULL), *copy = raci_str_dup(real ? real : dir), *base, *stem;

    free(real);
    if (!copy)
        return NULL;
    for (size_t n = strlen(copy); n > 1 && copy[n - 1] == '/';)
        copy[--n] = '\0';
    base = strrchr(copy, '/');
    base = base && base[1] ? base + 1 : copy;
    stem = raci_str_dup(strcmp(base, "/") == 0 ? "root" : base);
    free(copy);
    return stem;
}

/* A path found, for finding one file reached twice: its inode, and
 * where it is in the sorted list. */
struct found_file {
    dev_t dev;
    ino_t ino;
    int link; /* the path is a symbolic link */
    size_t at;
};

static int by_inode(const void *pa, const void *pb)
{
    const struct found_file *a = pa, *b = pb;

    if (a->dev != b->dev)
        return a->dev < b->dev ? -1 : 1;
    if (a->ino != b->ino)
        return a->ino < b->ino ? -1 : 1;
    if (a->link != b->link)
        return a->link - b->link;
    return a->at < b->at ? -1 : a->at > b->at;
}

/* Keep one path of each file in f->v[first..): a link to a roster of the
 * same tree, or a hard link, names a file already found, and read twice
 * its every row would be its own duplicate. The file's own path stays
 * rather than a link's, else the first in byte order; the order of the
 * others is kept. */
static void drop_twice(struct found *f, size_t first)
{
    size_t n = f->n - first, k = 0, m = 0;
    struct found_file *v = calloc(n ? n : 1, sizeof(*v));
    struct stat st, lst;

    if (!v) {
        f->nomem = 1;
        return;
    }
    for (size_t i = 0; i < n; i++)
        if (stat(f->v[first + i], &st) == 0 && lstat(f->v[first + i], &lst) == 0)
            v[k++] = (struct found_file){st.st_dev, st.st_ino, S_ISLNK(lst.st_mode), first + i};
    qsort(v, k, sizeof(*v), by_inode);
    for (size_t i = 1; i < k; i++)
        if (v[i].dev == v[i - 1].dev && v[i].ino == v[i - 1].ino) {
            free(f->v[v[i].at]);
            f->v[v[i].at] = NULL;
        }
    free(v);
    for (size_t i = first; i < f->n; i++)
        if (f->v[i])
            f->v[first + m++] = f->v[i];
    f->n = first + m;
}

/* The rosters under dir, sorted, onto f; RACI_EXIT_TROUBLE (message
 * printed) when there are none or dir cannot be read. */
static int expand_one(const char *dir, const struct skip *s, struct found *f)
{
    size_t first = f->n;
    int r = walk(dir, s, f);

    if (r == -1) {
        fprintf(stderr, "raci: unable to read directory '%s': %s\n", dir, strerror(errno));
        return RACI_EXIT_TROUBLE;
    }
    if (r != 0)
        return RACI_EXIT_TROUBLE;
    if (f->nomem)
        return RACI_EXIT_CLEAN; /* the caller says so */
    if (f->n == first) {
        fprintf(stderr,
                "raci: no roster in directory '%s' (a roster is a file ending in .csv or .xlsx; "
                "hidden directories and the output directory are skipped)\n",
                dir);
        return RACI_EXIT_TROUBLE;
    }
    qsort(f->v + first, f->n - first, sizeof(*f->v), by_bytes);
    drop_twice(f, first);
    return RACI_EXIT_CLEAN;
}

int raci_rosterdir_is_dir(const char *path)
{
    struct stat st;
    return strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The new operands: each directory's rosters (in f, from index *k on, in
 * the order the directories come) in its place. */
static char **operands(const struct raci_options *o, const struct found *f, const size_t *starts)
{
    char **v = malloc((f->n + (size_t)o->nargs + 1) * sizeof(*v));
    size_t n = 0, d = 0;

    if (!v)
        return NULL;
    for (int i = 0; i < o->nargs; i++) {
        if (!raci_rosterdir_is_dir(o->args[i])) {
            v[n++] = o->args[i];
            continue;
        }
        for (size_t k = starts[d]; k < starts[d + 1]; k++)
            v[n++] = f->v[k];
        d++;
    }
    v[n] = NULL;
    return v;
}

int raci_rosterdir_expand(struct raci_options *o)
{
    struct found f = {0};
    struct skip s = {0};
    size_t *starts, ndirs = 0;
    int status = RACI_EXIT_CLEAN;

    for (int i = 0; i < o->nargs; i++)
        ndirs += (size_t)raci_rosterdir_is_dir(o->args[i]);
    if (ndirs == 0)
        return RACI_EXIT_CLEAN;
    s.has_dir = stat("output", &s.out_dir) == 0;
    s.has_file = skip_output(o->output, &s.out_file);
    if (!(starts = calloc(ndirs + 1, sizeof(*starts))))
        f.nomem = 1;
    for (int i = 0, d = 0; i < o->nargs && !f.nomem && status == RACI_EXIT_CLEAN; i++)
        if (raci_rosterdir_is_dir(o->args[i])) {
            status = expand_one(o->args[i], &s, &f);
            starts[++d] = f.n;
        }
    if (!f.nomem && status == RACI_EXIT_CLEAN && raci_rosterdir_is_dir(o->args[0]) &&
        !(o->workbook_stem = dir_stem(o->args[0])))
        f.nomem = 1;
    if (!f.nomem && status == RACI_EXIT_CLEAN && !(o->expanded = operands(o, &f, starts)))
        f.nomem = 1;
    free(starts);
    o->owned = f.v;
    o->nowned = f.n;
    if (f.nomem) {
        fprintf(stderr, "raci: %s\n", raci_error_string(RACI_ERROR_NOMEM));
        return RACI_EXIT_TROUBLE;
    }
    if (status != RACI_EXIT_CLEAN)
        return status;
    o->nargs = (int)(o->nargs - ndirs + f.n);
    o->args = o->expanded;
    return raci_options_check(o);
}

int raci_rosterdir_list(const struct raci_options *o, const char *dir, char ***paths, size_t *n)
{
    struct found f = {0};
    struct skip s = {0};
    int status;

    s.has_dir = stat("output", &s.out_dir) == 0;
    s.has_file = skip_output(o->output, &s.out_file);
    s.has_people = o->people && stat(o->people, &s.people) == 0;
    status = expand_one(dir, &s, &f);
    if (f.nomem) {
        fprintf(stderr, "raci: %s\n", raci_error_string(RACI_ERROR_NOMEM));
        status = RACI_EXIT_TROUBLE;
    }
    if (status != RACI_EXIT_CLEAN) {
        raci_rosterdir_free(f.v, f.n);
        f.v = NULL;
        f.n = 0;
    }
    *paths = f.v;
    *n = f.n;
    return status;
}

void raci_rosterdir_free(char **paths, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(paths[i]);
    free(paths);
}
