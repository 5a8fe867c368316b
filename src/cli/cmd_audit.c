/*
 * cmd_audit.c - the audit: rosters in, findings and a workbook out.
 */
#include "raci/cmd_audit.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "raci/baseline.h"
#include "raci/checks.h"
#include "raci/diag.h"
#include "raci/export.h"
#include "raci/findings.h"
#include "raci/outputs.h"
#include "raci/people.h"
#include "raci/policy.h"
#include "raci/progress.h"
#include "raci/reader.h"
#include "raci/rosterfile.h"
#include "raci/roster.h"
#include "raci/str.h"
#include "raci/strpool.h"
#include "raci/selection.h"
#include "raci/xlsx.h"

/* What one audit holds, released together. */
struct audit {
    struct raci_strpool *pool;
    struct raci_roster roster;
    struct raci_findings fs;        /* every finding, known ones marked */
    struct raci_selection reported; /* those not known */
    struct raci_baseline_diff diff; /* when a baseline was applied */
    struct raci_baseline recorded;  /* what --write-baseline records */
    int applied;
    struct raci_diag diag;
    struct raci_outputs outs; /* every file written, as one (outputs.h) */
};

void raci_cmd_audit_input_error(const struct raci_options *o, const struct raci_diag *diag,
                                raci_error err)
{
    if (diag->message)
        raci_diag_print(stderr, diag, raci_options_color(o, stderr));
    else if (err == RACI_ERROR_IO)
        fprintf(stderr, "raci: %s: %s\n", raci_error_string(err), strerror(errno));
    else
        fprintf(stderr, "raci: %s\n", raci_error_string(err));
}

raci_error raci_cmd_audit_load(const struct raci_options *o, char *const *files, int nfiles,
                               const struct raci_ruleset *rs, struct raci_roster *r,
                               struct raci_findings *fs, struct raci_diag *diag)
{
    raci_error err;

    /* The people first: a chart's column of one's name is them. */
    if (o->people) {
        struct raci_table t = {0};
        err = raci_reader_read_file(&t, o->people, NULL, r->pool, diag);
        if (err == RACI_OK)
            err = raci_people_add(r, &t, diag);
        raci_reader_release(&t);
        if (err)
            return err;
    }
    for (int i = 0; i < nfiles; i++) {
        const char *display = strcmp(files[i], "-") == 0 ? o->stdin_filename : NULL;
        /* CSV or .xlsx, as the bytes say (rosterfile.h). */
        err = raci_rosterfile_add(r, files[i], display, o->input, diag);
        if (err)
            return err;
    }
    if ((err = raci_roster_finish(r)))
        return err;
    if ((err = raci_checks_run(r, rs, fs)))
        return err;
    /* --select and --ignore, once the waivers have seen every finding. */
    return raci_policy_filter(&o->policy, fs);
}

/* The entries of a loaded baseline whose rules the run drops (--select,
 * --ignore) are taken out: they are not checked, so not "no longer found". */
static void drop_baseline_rules(const struct raci_options *o, struct raci_baseline *b)
{
    size_t kept = 0;

    for (size_t i = 0; i < b->n; i++) {
        if (raci_policy_drops(&o->policy, b->v[i].rule)) {
            free(b->v[i].rule);
            free(b->v[i].entity);
        } else {
            b->v[kept++] = b->v[i];
        }
    }
    b->n = kept;
}

/*
 * The baseline to report against: --baseline FILE as it is (before this
 * run records anything), or else the one --write-baseline records now,
 * kept in a->recorded to be written with the other outputs. The findings it
 * knows are marked known in a->fs; a->diff says what happened. Returns
 * RACI_EXIT_TROUBLE (message printed) or RACI_EXIT_CLEAN.
 */
static int apply_baseline(const struct raci_options *o, struct audit *a)
{
    struct raci_baseline loaded = {0};
    const struct raci_baseline *b = &a->recorded;
    struct raci_diag diag = {0};
    raci_error err;

    if (o->write_baseline && (err = raci_baseline_build(&a->recorded, &a->fs))) {
        fprintf(stderr, "raci: %s\n", raci_error_string(err));
        return RACI_EXIT_TROUBLE;
    }
    if (!o->baseline && !o->write_baseline)
        return RACI_EXIT_CLEAN;
    if (o->baseline) {
        if ((err = raci_baseline_load(&loaded, o->baseline, &diag)) != RACI_OK) {
            if (diag.message)
                raci_diag_print(stderr, &diag, raci_options_color(o, stderr));
            else if (err == RACI_ERROR_IO)
                fprintf(stderr, "raci: unable to read baseline '%s': %s\n", o->baseline,
                        strerror(errno));
            else
                fprintf(stderr, "raci: %s\n", raci_error_string(err));
            raci_diag_release(&diag);
            return RACI_EXIT_TROUBLE;
        }
        drop_baseline_rules(o, &loaded);
        b = &loaded;
    }
    err = raci_baseline_apply(b, o->baseline ? o->baseline : o->write_baseline, &a->fs, &a->diff);
    raci_baseline_release(&loaded);
    if (err) {
        fprintf(stderr, "raci: %s\n", raci_error_string(err));
        return RACI_EXIT_TROUBLE;
    }
    a->applied = 1;
    return RACI_EXIT_CLEAN;
}

/* Each file output into its temporary file, made final on disk: the
 * reports in full, the baseline, the exports, the workbook with every
 * finding (also those a baseline knows). RACI_EXIT_TROUBLE, with every output aborted,
 * when one could not be written. */
static int write_files(const struct raci_options *o, const struct raci_ruleset *rs, struct audit *a,
                       const struct raci_report *full)
{
    for (size_t i = 0; i < a->outs.n; i++) {
        struct raci_output *out = &a->outs.v[i];
        raci_error err = RACI_OK;

        if (out->kind == RACI_OUTPUT_REPORT) {
            err = raci_format_write(out->format, out->of.fp, full);
        } else if (out->kind == RACI_OUTPUT_BASELINE) {
            err = raci_baseline_dump(&a->recorded, out->of.fp);
        } else if (out->kind == RACI_OUTPUT_ROSTER) {
            err = raci_export_roster(out->of.fp, &a->roster);
        } else if (out->kind == RACI_OUTPUT_MATRIX) {
            err = raci_export_matrix(out->of.fp, &a->roster);
        } else if ((err = raci_xlsx_write_into_max(&out->of, &a->roster, rs, &a->fs, o->max_sheets,
                                                   &a->diag))) {
            raci_progress_clear();
            fprintf(stderr, "raci: %s\n",
                    a->diag.message ? a->diag.message : raci_error_string(err));
            return RACI_EXIT_TROUBLE; /* the caller aborts the others */
        }
        if (err) {
            raci_outputs_error(out, err == RACI_ERROR_NOMEM ? raci_error_string(err) : NULL);
            return RACI_EXIT_TROUBLE;
        }
    }
    return raci_outputs_prepare(&a->outs);
}

/* Standard output in --format (only what fails the run with -q).
 * RACI_EXIT_TROUBLE when it could not be written. */
static int write_stdout(const struct raci_options *o, const struct raci_report *full)
{
    struct raci_report shown = *full;
    struct raci_selection failing = {0};
    raci_error err;

    raci_progress_clear();
    shown.color = raci_options_color(o, stdout);
    shown.quiet = o->quiet;
    if (o->quiet) {
        if (raci_policy_select(&o->policy, full->findings, &failing) != RACI_OK) {
            fprintf(stderr, "raci: %s\n", raci_error_string(RACI_ERROR_NOMEM));
            return RACI_EXIT_TROUBLE;
        }
        shown.findings = &failing;
    }
    err = raci_format_write(o->format, stdout, &shown);
    raci_selection_release(&failing);
    if (err == RACI_OK && fflush(stdout) != 0)
        err = RACI_ERROR_OUTPUT;
    if (err) {
        fprintf(stderr, "raci: unable to write 'standard output': %s\n",
                err == RACI_ERROR_NOMEM ? raci_error_string(err) : strerror(errno));
        return RACI_EXIT_TROUBLE;
    }
    return RACI_EXIT_CLEAN;
}

/* Progress on standard error, when it is a terminal and the run is not
 * quiet, from a second on (RACI_PROGRESS_AFTER_MS: another delay, for the
 * tests). */
static void progress_begin(const struct raci_options *o)
{
    const char *after = getenv("RACI_PROGRESS_AFTER_MS");

    if (!o->quiet && isatty(fileno(stderr)))
        raci_progress_begin(stderr, after && *after ? strtol(after, NULL, 10) : 1000);
}

static void audit_release(struct audit *a)
{
    raci_outputs_release(&a->outs); /* aborts what was not committed */
    raci_baseline_release(&a->recorded);
    raci_baseline_diff_release(&a->diff);
    raci_diag_release(&a->diag);
    raci_selection_release(&a->reported);
    raci_findings_release(&a->fs);
    raci_roster_release(&a->roster);
    raci_strpool_free(a->pool);
}

int raci_cmd_audit(const struct raci_options *o, const struct raci_ruleset *rs)
{
    struct audit a;
    struct raci_report report = {0};
    raci_error err;
    int status;

    memset(&a, 0, sizeof a);
    if (!(a.pool = raci_strpool_new()) || raci_roster_init(&a.roster, a.pool, rs) != RACI_OK ||
        raci_outputs_init(&a.outs, o) != RACI_OK) {
        fprintf(stderr, "raci: %s\n", raci_error_string(RACI_ERROR_NOMEM));
        audit_release(&a);
        return RACI_EXIT_TROUBLE;
    }
    /* Begun before anything is read: an output that cannot be written
     * stops the run before any work. */
    if ((status = raci_outputs_begin(&a.outs)) != RACI_EXIT_CLEAN)
        goto out;
    progress_begin(o);
    if ((err = raci_cmd_audit_load(o, o->args, o->nargs, rs, &a.roster, &a.fs, &a.diag))) {
        raci_progress_clear();
        raci_cmd_audit_input_error(o, &a.diag, err);
        status = RACI_EXIT_TROUBLE;
        goto out;
    }
    if ((status = apply_baseline(o, &a)) != RACI_EXIT_CLEAN)
        goto out;
    if ((err = raci_selection_reported(&a.reported, &a.fs))) {
        raci_progress_clear();
        raci_cmd_audit_input_error(o, &a.diag, err);
        status = RACI_EXIT_TROUBLE;
        goto out;
    }
    report.findings = &a.reported;
    report.roster = &a.roster;
    report.rs = rs;
    report.baseline = a.applied ? &a.diff : NULL;
    report.failed = raci_policy_fails(&o->policy, &a.reported);
    report.fail_on = o->policy.fail_on;
    report.max_sheets = o->max_sheets;
    report.max_sheets_set = 1;
    /* Every file complete, then standard output, which cannot be taken
     * back, then every file in place (outputs.h). */
    if ((status = write_files(o, rs, &a, &report)) != RACI_EXIT_CLEAN ||
        (status = write_stdout(o, &report)) != RACI_EXIT_CLEAN ||
        (status = raci_outputs_commit(&a.outs)) != RACI_EXIT_CLEAN)
        goto out;
    status = report.failed ? RACI_EXIT_FINDINGS : RACI_EXIT_CLEAN;
out:
    raci_progress_end();
    audit_release(&a); /* and with it, every output not committed is aborted */
    return status;
}
