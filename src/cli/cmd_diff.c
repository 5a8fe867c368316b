/*
 * cmd_diff.c - `raci diff BEFORE AFTER`: both rosters (or both directories
 * of rosters) audited, compared, and the change printed (cmd_diff.h).
 */
#include "raci/cmd_diff.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "raci/cmd_audit.h"
#include "raci/diag.h"
#include "raci/diff.h"
#include "raci/findings.h"
#include "raci/format.h"
#include "raci/outputs.h"
#include "raci/policy.h"
#include "raci/report_diff.h"
#include "raci/roster.h"
#include "raci/rosterdir.h"
#include "raci/strpool.h"
#include "raci/xlsx_diff.h"

/* What one diff holds, released together. */
struct diff_run {
    struct raci_strpool *pool; /* both rosters' strings */
    struct raci_roster roster[2];
    struct raci_findings fs[2];
    struct raci_diag diag;
    struct raci_diff d;
    struct raci_diff_rows rows;
    struct raci_options wo;   /* o, with a workbook only when -o names one */
    struct raci_outputs outs; /* the workbook, when asked for (outputs.h) */
    int dirs;                 /* both sides are directories */
    char **paths[2];          /* then the rosters under each (rosterdir.h) */
    size_t npaths[2];
    char **inputs; /* both sides' rosters, for the check of the outputs */
};

static void diff_run_release(struct diff_run *x)
{
    raci_outputs_release(&x->outs); /* aborts what was not committed */
    free(x->inputs);
    raci_diff_rows_release(&x->rows);
    raci_diff_release(&x->d);
    for (int s = 0; s < 2; s++) {
        raci_findings_release(&x->fs[s]);
        raci_roster_release(&x->roster[s]);
        raci_rosterdir_free(x->paths[s], x->npaths[s]);
    }
    raci_diag_release(&x->diag);
    raci_strpool_free(x->pool);
}

/* What a diff takes of the command line; a usage error otherwise. */
static int diff_usage(const struct raci_options *o)
{
    if (o->nargs != 2)
        return raci_options_usage_error("'raci diff' compares two rosters, %s (usage: raci diff "
                                        "[options] BEFORE AFTER)",
                                        o->nargs < 2 ? "too few given" : "too many given");
    if (o->baseline || o->write_baseline)
        return raci_options_usage_error("%s", "'raci diff' takes no baseline: it compares the "
                                              "findings of BEFORE with those of AFTER");
    if (o->nreports)
        return raci_options_usage_error("%s", "'raci diff' takes no --report (use --format, and "
                                              "redirect standard output)");
    if (o->export_roster || o->export_matrix)
        return raci_options_usage_error("%s", "'raci diff' exports nothing (export each roster "
                                              "with an audit)");
    return RACI_EXIT_CLEAN;
}

/* What a side is, for the message about two of different kinds. */
static const char *diff_kind(const char *path)
{
    struct stat st;

    if (raci_rosterdir_is_dir(path))
        return "a directory";
    if (strcmp(path, "-") == 0)
        return "standard input";
    return stat(path, &st) == 0 ? "a file" : "neither a file nor a directory";
}

/* Both sides directories, or both files: *dirs says which; a usage error
 * when one is a directory and the other is not. */
static int diff_kinds(const struct raci_options *o, int *dirs)
{
    int d0 = raci_rosterdir_is_dir(o->args[0]), d1 = raci_rosterdir_is_dir(o->args[1]);

    *dirs = d0 && d1;
    if (d0 == d1)
        return RACI_EXIT_CLEAN;
    return raci_options_usage_error("'raci diff' compares two rosters or two directories of "
                                    "rosters, not one of each: '%s' is %s, '%s' is %s (give two "
                                    "files, or two directories)",
                                    o->args[0], diff_kind(o->args[0]), o->args[1],
                                    diff_kind(o->args[1]));
}

/* The diff in --format on standard output. */
static raci_error diff_write(const struct raci_options *o, const struct raci_ruleset *rs,
                             const struct diff_run *x, const struct raci_diff_report *dr)
{
    const char *name = o->format->name;
    struct raci_report rep = {0};
    struct raci_selection failing = {0};
    raci_error err;

    /* -q: the new findings that fail the run, one line each, as an audit's
     * -q prints them, and a churn past --max-churn; nothing else. */
    if (o->quiet && strcmp(name, "text") == 0) {
        if ((err = raci_policy_select(&o->policy, &x->d.added, &failing)) == RACI_OK) {
            rep.findings = &failing;
            rep.roster = &x->roster[1];
            rep.rs = rs;
            rep.quiet = 1;
            err = raci_format_write(o->format, stdout, &rep);
        }
        if (err == RACI_OK && dr->churn_failed &&
            printf("churn: %.1f%% of the A's and R's change, more than --max-churn %g%%\n",
                   raci_diff_churn(&x->d), dr->max_churn) < 0)
            err = RACI_ERROR_OUTPUT;
        raci_selection_release(&failing);
        return err;
    }
    if (strcmp(name, "text") == 0)
        return raci_report_diff_text(stdout, dr);
    if (strcmp(name, "json") == 0)
        return raci_report_diff_json(stdout, dr);
    if (strcmp(name, "markdown") == 0)
        return raci_report_diff_markdown(stdout, dr);
    /* The formats of code scanning and test reports: the new findings. */
    rep.findings = &x->d.added;
    rep.roster = &x->roster[1];
    rep.rs = rs;
    rep.failed = dr->findings_failed || dr->churn_failed;
    rep.fail_on = o->policy.fail_on;
    return raci_format_write(o->format, stdout, &rep);
}

/* The name a side is shown by: the file its roster was read as, or the
 * directory as given. */
static const char *diff_file(const struct raci_options *o, const struct diff_run *x, int s)
{
    const struct raci_roster *r = &x->roster[s];
    if (x->dirs)
        return o->args[s];
    /* The last file: a --people roster, when given, is added first. */
    return r->nfiles ? r->files[r->nfiles - 1] : o->args[s];
}

static int diff_load(const struct raci_options *o, const struct raci_ruleset *rs,
                     struct diff_run *x)
{
    raci_error err;

    if (!(x->pool = raci_strpool_new()) || raci_roster_init(&x->roster[0], x->pool, rs) ||
        raci_roster_init(&x->roster[1], x->pool, rs)) {
        fprintf(stderr, "raci: %s\n", raci_error_string(RACI_ERROR_NOMEM));
        return RACI_EXIT_TROUBLE;
    }
    for (int s = 0; s < 2; s++) {
        char *const *files = x->dirs ? x->paths[s] : &o->args[s];
        size_t n = x->dirs ? x->npaths[s] : 1;
        if (n > INT_MAX) {
            fprintf(stderr, "raci: %s\n", raci_error_string(RACI_ERROR_NOMEM));
            return RACI_EXIT_TROUBLE;
        }
        if ((err = raci_cmd_audit_load(o, files, (int)n, rs, &x->roster[s], &x->fs[s], &x->diag))) {
            raci_cmd_audit_input_error(o, &x->diag, err);
            return RACI_EXIT_TROUBLE;
        }
    }
    if ((err = raci_diff_compute(&x->d, &x->roster[0], &x->fs[0], &x->roster[1], &x->fs[1], rs)) ||
        (err = raci_diff_rows_build(&x->rows, &x->d, rs))) {
        fprintf(stderr, "raci: %s\n", raci_error_string(err));
        return RACI_EXIT_TROUBLE;
    }
    return RACI_EXIT_CLEAN;
}

/* The rosters under each directory, when the sides are directories: a
 * side is every roster under it, read as one (an audit of them all). */
static int diff_dirs(const struct raci_options *o, struct diff_run *x)
{
    int status = RACI_EXIT_CLEAN;

    for (int s = 0; x->dirs && s < 2 && status == RACI_EXIT_CLEAN; s++)
        status = raci_rosterdir_list(o, o->args[s], &x->paths[s], &x->npaths[s]);
    return status;
}

/* The workbook (-o only: a diff writes none by default), checked against
 * the inputs and begun before anything is read, as an audit's (outputs.h). */
static int diff_begin(const struct raci_options *o, const struct raci_ruleset *rs,
                      struct diff_run *x)
{
    int status;

    x->wo = *o;
    x->wo.no_xlsx = !o->output;
    /* Sides that are directories: no output may be a roster under them. */
    if (x->dirs && x->npaths[0] + x->npaths[1] < INT_MAX) {
        size_t n = 0;
        if (!(x->inputs = calloc(x->npaths[0] + x->npaths[1] + 1, sizeof(*x->inputs)))) {
            fprintf(stderr, "raci: %s\n", raci_error_string(RACI_ERROR_NOMEM));
            return RACI_EXIT_TROUBLE;
        }
        for (int s = 0; s < 2; s++)
            for (size_t i = 0; i < x->npaths[s]; i++)
                x->inputs[n++] = x->paths[s][i];
        x->wo.args = x->inputs;
        x->wo.nargs = (int)n;
    }
    if ((status = raci_outputs_check(&x->wo, rs)) != RACI_EXIT_CLEAN)
        return status;
    if (raci_outputs_init(&x->outs, &x->wo) != RACI_OK) {
        fprintf(stderr, "raci: %s\n", raci_error_string(RACI_ERROR_NOMEM));
        return RACI_EXIT_TROUBLE;
    }
    return raci_outputs_begin(&x->outs);
}

/* The workbook complete on disk, all but its rename. */
static int diff_workbook(struct diff_run *x, const struct raci_diff_report *dr)
{
    struct raci_output *out = raci_outputs_find(&x->outs, RACI_OUTPUT_WORKBOOK);
    raci_error err;

    if (out && (err = raci_xlsx_diff_write_into(&out->of, dr, &x->diag))) {
        fprintf(stderr, "raci: %s\n", x->diag.message ? x->diag.message : raci_error_string(err));
        return RACI_EXIT_TROUBLE;
    }
    return raci_outputs_prepare(&x->outs);
}

int raci_cmd_diff(const struct raci_options *o, const struct raci_ruleset *rs)
{
    struct diff_run x;
    struct raci_diff_report dr = {0};
    raci_error err;
    int status;

    memset(&x, 0, sizeof x);
    if ((status = diff_usage(o)) != RACI_EXIT_CLEAN ||
        (status = diff_kinds(o, &x.dirs)) != RACI_EXIT_CLEAN ||
        (status = diff_dirs(o, &x)) != RACI_EXIT_CLEAN ||
        (status = diff_begin(o, rs, &x)) != RACI_EXIT_CLEAN ||
        (status = diff_load(o, rs, &x)) != RACI_EXIT_CLEAN) {
        diff_run_release(&x);
        return status;
    }
    dr.d = &x.d;
    dr.rows = &x.rows;
    dr.files[0] = diff_file(o, &x, 0);
    dr.files[1] = diff_file(o, &x, 1);
    dr.max_churn = o->max_churn;
    dr.churn_failed = o->max_churn >= 0 && raci_diff_churn(&x.d) > o->max_churn;
    dr.findings_failed = raci_policy_fails(&o->policy, &x.d.added);
    dr.fail_on = o->policy.fail_on;
    if ((status = diff_workbook(&x, &dr)) != RACI_EXIT_CLEAN) {
        diff_run_release(&x);
        return status;
    }
    err = diff_write(o, rs, &x, &dr);
    if (err == RACI_OK && fflush(stdout) != 0)
        err = RACI_ERROR_OUTPUT;
    if (err) {
        fprintf(stderr, "raci: unable to write 'standard output': %s\n",
                err == RACI_ERROR_NOMEM ? raci_error_string(err) : strerror(errno));
        status = RACI_EXIT_TROUBLE;
    } else if ((status = raci_outputs_commit(&x.outs)) == RACI_EXIT_CLEAN) {
        status = dr.findings_failed || dr.churn_failed ? RACI_EXIT_FINDINGS : RACI_EXIT_CLEAN;
    }
    diff_run_release(&x);
    return status;
}
