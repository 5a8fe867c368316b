/*
 * outputs.c - the files an audit writes: checked against the run's inputs
 * and each other, begun, prepared and committed together.
 */
#define _XOPEN_SOURCE 700 /* realpath */
#include "raci/outputs.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "raci/policy.h"
#include "raci/str.h"

/* The directory the default workbook goes into. */
#define OUTPUTS_DEFAULT_DIR "output"

/* output/<first roster's name>-raci.xlsx */
static char *default_workbook(const char *roster)
{
    const char *base = strrchr(roster, '/');
    const char *dot;
    size_t n;

    base = base ? base + 1 : roster;
    if (strcmp(roster, "-") == 0)
        base = "stdin";
    dot = strrchr(base, '.');
    n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
    return raci_str_printf(OUTPUTS_DEFAULT_DIR "/%.*s-raci.xlsx", (int)n, base);
}

static raci_error add_output(struct raci_outputs *set, enum raci_output_kind kind,
                             const struct raci_format *format, char *path)
{
    struct raci_output *out = &set->v[set->n];

    if (!path)
        return RACI_ERROR_NOMEM;
    memset(out, 0, sizeof(*out));
    out->kind = kind;
    out->format = format;
    out->path = path;
    set->n++;
    return RACI_OK;
}

raci_error raci_outputs_init(struct raci_outputs *set, const struct raci_options *o)
{
    size_t max = 4 + (size_t)o->nreports;
    raci_error err = RACI_OK;

    memset(set, 0, sizeof(*set));
    if (!(set->v = calloc(max, sizeof(*set->v))))
        return RACI_ERROR_NOMEM;
    if (!o->no_xlsx) {
        const char *first = o->nargs > 0 ? o->args[0] : "-";
        err = add_output(set, RACI_OUTPUT_WORKBOOK, NULL,
                         o->output          ? raci_str_dup(o->output)
                         : o->workbook_stem ? raci_str_printf(OUTPUTS_DEFAULT_DIR "/%s-raci.xlsx",
                                                              o->workbook_stem)
                                            : default_workbook(first));
        if (!err)
            set->v[set->n - 1].made_dir = !o->output;
    }
    for (int i = 0; !err && i < o->nreports; i++)
        err = add_output(set, RACI_OUTPUT_REPORT, o->reports[i].format,
                         raci_str_dup(o->reports[i].path));
    if (!err && o->write_baseline)
        err = add_output(set, RACI_OUTPUT_BASELINE, NULL, raci_str_dup(o->write_baseline));
    if (!err && o->export_roster)
        err = add_output(set, RACI_OUTPUT_ROSTER, NULL, raci_str_dup(o->export_roster));
    if (!err && o->export_matrix)
        err = add_output(set, RACI_OUTPUT_MATRIX, NULL, raci_str_dup(o->export_matrix));
    if (err)
        raci_outputs_release(set);
    return err;
}

struct raci_output *raci_outputs_find(struct raci_outputs *set, enum raci_output_kind kind)
{
    for (size_t i = 0; i < set->n; i++)
        if (set->v[i].kind == kind)
            return &set->v[i];
    return NULL;
}

/* "workbook 'x.xlsx'", "json report 'r.json'", "baseline 'b.json'",
 * "roster export 'r.csv'", "matrix export 'm.csv'" */
static char *describe(const struct raci_output *out)
{
    switch (out->kind) {
    case RACI_OUTPUT_WORKBOOK:
        return raci_str_printf("workbook '%s'", out->path);
    case RACI_OUTPUT_REPORT:
        return raci_str_printf("%s report '%s'", out->format->name, out->path);
    case RACI_OUTPUT_ROSTER:
        return raci_str_printf("roster export '%s'", out->path);
    case RACI_OUTPUT_MATRIX:
        return raci_str_printf("matrix export '%s'", out->path);
    default:
        return raci_str_printf("baseline '%s'", out->path);
    }
}

void raci_outputs_error(const struct raci_output *out, const char *why)
{
    char *what = describe(out);
    const char *reason = why ? why : strerror(errno);

    fprintf(stderr, "raci: unable to write %s: %s\n", what ? what : out->path, reason);
    free(what);
}

/* ----------------------------------------------------------- same file -- */

/* A file the run reads or writes, and what it is to the messages. */
struct place {
    const char *path;
    char *what;                    /* "the roster 'team.csv'", malloc'd */
    const struct raci_output *out; /* an output's; NULL for an input */
    int is_baseline_input;
    int exists;
    dev_t dev;
    ino_t ino;
    char *resolved; /* its directory resolved, then its name; NULL when unknown */
};

/* "/abs/dir/name" for path "dir/name", whether or not name exists yet; NULL
 * when the directory cannot be resolved (or out of memory). */
static char *resolved_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    char *dir, *real, *name = NULL;

    if (!slash)
        dir = raci_str_dup(".");
    else if (slash == path)
        dir = raci_str_dup("/");
    else
        dir = raci_str_printf("%.*s", (int)(slash - path), path);
    real = dir ? realpath(dir, NULL) : NULL;
    if (real)
        name =
            raci_str_printf("%s/%s", strcmp(real, "/") == 0 ? "" : real, slash ? slash + 1 : path);
    free(real);
    free(dir);
    return name;
}

/* Fill p for path; what is taken (malloc'd, may be NULL when out of
 * memory: then the path is named alone). */
static void place_set(struct place *p, const char *path, char *what)
{
    struct stat st;

    memset(p, 0, sizeof(*p));
    p->path = path;
    p->what = what;
    if (stat(path, &st) == 0) {
        p->exists = 1;
        p->dev = st.st_dev;
        p->ino = st.st_ino;
    }
    p->resolved = resolved_name(path);
}

/* Standard input or output (fd), when it is a file an output could be
 * written over: the roster read from it, or where the findings go. */
static int place_fd(struct place *p, int fd, const char *what)
{
    struct stat st;

    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
        return 0;
    memset(p, 0, sizeof(*p));
    p->path = "-";
    p->what = raci_str_dup(what);
    p->exists = 1;
    p->dev = st.st_dev;
    p->ino = st.st_ino;
    return 1;
}

static int same_place(const struct place *a, const struct place *b)
{
    if (strcmp(a->path, b->path) == 0 && strcmp(a->path, "-") != 0)
        return 1;
    if (a->exists && b->exists)
        return a->dev == b->dev && a->ino == b->ino;
    return a->resolved && b->resolved && strcmp(a->resolved, b->resolved) == 0;
}

/* What to do instead, for an output that is an input. */
static void print_overwrite(const struct place *out, const struct place *in)
{
    const struct raci_output *o = out->out;

    if (o->kind == RACI_OUTPUT_WORKBOOK)
        raci_options_usage_error("the %s would overwrite %s (choose another -o FILE.xlsx)",
                                 out->what, in->what);
    else if (o->kind == RACI_OUTPUT_REPORT)
        raci_options_usage_error("the %s would overwrite %s (choose another FILE for --report "
                                 "%s=FILE)",
                                 out->what, in->what, o->format->name);
    else if (o->kind == RACI_OUTPUT_ROSTER || o->kind == RACI_OUTPUT_MATRIX)
        raci_options_usage_error("the %s would overwrite %s (choose another FILE for --export-%s)",
                                 out->what, in->what,
                                 o->kind == RACI_OUTPUT_ROSTER ? "roster" : "matrix");
    else
        raci_options_usage_error("the %s would overwrite %s (choose another --write-baseline "
                                 "FILE)",
                                 out->what, in->what);
}

/* The inputs of o into p (the rosters, the people roster, every file of
 * the ruleset, the baseline), and standard output when it goes to a file (a
 * file output renamed over it would take its place); returns how many. p
 * has room for nargs + nsources + 3. */
static size_t add_inputs(struct place *p, const struct raci_options *o,
                         const struct raci_ruleset *rs)
{
    size_t n = 0;

    for (int i = 0; i < o->nargs; i++) {
        if (strcmp(o->args[i], "-") != 0)
            place_set(&p[n++], o->args[i], raci_str_printf("the roster '%s'", o->args[i]));
        else if (place_fd(&p[n], 0, "the roster read from standard input"))
            n++;
    }
    if (o->people && strcmp(o->people, "-") != 0)
        place_set(&p[n++], o->people, raci_str_printf("the people roster '%s'", o->people));
    else if (o->people && place_fd(&p[n], 0, "the people roster read from standard input"))
        n++;
    if (place_fd(&p[n], 1, "the file standard output goes to"))
        n++;
    for (size_t i = 0; i < rs->nsources; i++)
        place_set(&p[n++], rs->sources[i], raci_str_printf("the ruleset '%s'", rs->sources[i]));
    if (o->baseline) {
        place_set(&p[n], o->baseline, raci_str_printf("the baseline '%s'", o->baseline));
        p[n++].is_baseline_input = 1;
    }
    return n;
}

/* An output among the places before it: 1 (printed) when it clashes. */
static int clashes(const struct place *p, size_t i, size_t ninputs)
{
    for (size_t j = 0; j < i; j++) {
        if (!same_place(&p[i], &p[j]))
            continue;
        /* Report against the baseline as it was, then record anew. */
        if (p[j].is_baseline_input && p[i].out->kind == RACI_OUTPUT_BASELINE)
            continue;
        if (j < ninputs)
            print_overwrite(&p[i], &p[j]);
        else
            raci_options_usage_error("the %s and the %s are the same file (give each output a "
                                     "path of its own)",
                                     p[j].what, p[i].what);
        return 1;
    }
    return 0;
}

/* An output that is not a regular file: 1 (printed) when refused. */
static int refused(const struct raci_output *out)
{
    const char *why = raci_outfile_refusal(out->path);
    const char *hint;
    char *reason;

    if (!why)
        return 0;
    if (errno == ELOOP)
        hint = "name the file it points to, or remove the link";
    else if (errno == EISDIR)
        hint = "name a file, not a directory";
    else if (out->kind == RACI_OUTPUT_WORKBOOK)
        hint = "raci replaces only regular files; --no-xlsx writes no workbook";
    else if (out->kind == RACI_OUTPUT_REPORT)
        hint = "raci replaces only regular files; --format puts a report on standard output";
    else
        hint = "raci replaces only regular files";
    reason = raci_str_printf("%s (%s)", why, hint);
    raci_outputs_error(out, reason ? reason : why);
    free(reason);
    return 1;
}

int raci_outputs_check(const struct raci_options *o, const struct raci_ruleset *rs)
{
    struct raci_outputs set;
    struct place *p;
    size_t n, ninputs;
    int status = RACI_EXIT_CLEAN;

    if (raci_outputs_init(&set, o) != RACI_OK ||
        !(p = calloc((size_t)o->nargs + 3 + rs->nsources + set.n, sizeof(*p)))) {
        raci_outputs_release(&set);
        fprintf(stderr, "raci: %s\n", raci_error_string(RACI_ERROR_NOMEM));
        return RACI_EXIT_TROUBLE;
    }
    n = ninputs = add_inputs(p, o, rs);
    for (size_t i = 0; i < set.n; i++) {
        place_set(&p[n], set.v[i].path, describe(&set.v[i]));
        p[n++].out = &set.v[i];
    }
    for (size_t i = 0; i < n; i++)
        if (!p[i].what)
            status = RACI_EXIT_TROUBLE; /* out of memory */
    for (size_t i = ninputs; status == RACI_EXIT_CLEAN && i < n; i++)
        if (clashes(p, i, ninputs))
            status = RACI_EXIT_TROUBLE;
    for (size_t i = 0; status == RACI_EXIT_CLEAN && i < set.n; i++)
        if (refused(&set.v[i]))
            status = RACI_EXIT_TROUBLE;
    for (size_t i = 0; i < n; i++) {
        free(p[i].what);
        free(p[i].resolved);
    }
    free(p);
    raci_outputs_release(&set);
    return status;
}

/* ------------------------------------------------------------ together -- */

/* Abort every output begun and not committed. */
static void abort_all(struct raci_outputs *set)
{
    for (size_t i = 0; i < set->n; i++)
        raci_outfile_abort(&set->v[i].of);
}

/* Why out could not be begun (err, and errno as begin left it). */
static void begin_error(const struct raci_output *out, raci_error err)
{
    int saved = errno;
    const char *why =
        err == RACI_ERROR_NOMEM ? raci_error_string(err) : raci_outfile_refusal(out->path);
    const char *slash = strrchr(out->path, '/');
    char *reason = NULL;

    /* The file is not there, so its directory is not: say which. */
    if (!why && saved == ENOENT && slash && slash != out->path)
        reason = raci_str_printf("no directory '%.*s' (make it first, or choose another path)",
                                 (int)(slash - out->path), out->path);
    raci_outputs_error(out, reason ? reason : why ? why : strerror(saved));
    free(reason);
}

int raci_outputs_begin(struct raci_outputs *set)
{
    for (size_t i = 0; i < set->n; i++) {
        struct raci_output *out = &set->v[i];
        raci_error err;

        if (out->made_dir && mkdir(OUTPUTS_DEFAULT_DIR, 0777) != 0 && errno != EEXIST) {
            fprintf(stderr, "raci: unable to create directory '%s': %s\n", OUTPUTS_DEFAULT_DIR,
                    strerror(errno));
            abort_all(set);
            return RACI_EXIT_TROUBLE;
        }
        if ((err = raci_outfile_begin(&out->of, out->path)) != RACI_OK) {
            begin_error(out, err);
            abort_all(set);
            return RACI_EXIT_TROUBLE;
        }
    }
    return RACI_EXIT_CLEAN;
}

int raci_outputs_prepare(struct raci_outputs *set)
{
    for (size_t i = 0; i < set->n; i++) {
        struct raci_output *out = &set->v[i];
        if (out->of.tmp && raci_outfile_prepare(&out->of) != RACI_OK) {
            raci_outputs_error(out, NULL);
            abort_all(set);
            return RACI_EXIT_TROUBLE;
        }
    }
    return RACI_EXIT_CLEAN;
}

int raci_outputs_commit(struct raci_outputs *set)
{
    int status = RACI_EXIT_CLEAN;

    for (size_t i = 0; i < set->n; i++) {
        struct raci_output *out = &set->v[i];
        if (!out->of.tmp)
            continue;
        if (status != RACI_EXIT_CLEAN) {
            raci_outfile_abort(&out->of);
        } else if (raci_outfile_commit(&out->of) != RACI_OK) {
            raci_outputs_error(out, NULL);
            status = RACI_EXIT_TROUBLE;
        }
    }
    return status;
}

void raci_outputs_release(struct raci_outputs *set)
{
    if (!set || !set->v)
        return;
    abort_all(set);
    for (size_t i = 0; i < set->n; i++)
        free(set->v[i].path);
    free(set->v);
    memset(set, 0, sizeof(*set));
}
