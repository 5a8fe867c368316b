/*
 * cmd_audit.c - the audit: rosters in, findings and a workbook out.
 */
#include "raci/cmd_audit.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "raci/baseline.h"
#include "raci/checks.h"
#include "raci/diag.h"
#include "raci/findings.h"
#include "raci/reader.h"
#include "raci/roster.h"
#include "raci/shape.h"
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
    int applied;
    struct raci_diag diag;
};

/* "raci: unable to write 'FILE': reason" for an output that failed. */
static void output_error(const char *what, raci_error err)
{
    if (err == RACI_ERROR_NOMEM)
        fprintf(stderr, "raci: unable to write '%s': %s\n", what, raci_error_string(err));
    else
        fprintf(stderr, "raci: unable to write '%s': %s\n", what, strerror(errno));
}

/* An input or output that failed with err: its diagnostic when there is
 * one, else what err and errno say. */
static void input_error(const struct raci_options *o, const struct raci_diag *diag, raci_error err)
{
    if (diag->message)
        raci_diag_print(stderr, diag, raci_options_color(o, stderr));
    else if (err == RACI_ERROR_IO)
        fprintf(stderr, "raci: %s: %s\n", raci_error_string(err), strerror(errno));
    else
        fprintf(stderr, "raci: %s\n", raci_error_string(err));
}

/* Every roster into a->roster, then the checks. */
static raci_error read_and_check(const struct raci_options *o, const struct raci_ruleset *rs,
                                 struct audit *a)
{
    raci_error err;

    for (int i = 0; i < o->nargs; i++) {
        struct raci_table t = {0};
        const char *display = strcmp(o->args[i], "-") == 0 ? o->stdin_filename : NULL;
        err = raci_reader_read_file(&t, o->args[i], display, a->pool, &a->diag);
        if (err == RACI_OK)
            err = raci_shape_add(&a->roster, &t, &a->diag);
        raci_reader_release(&t);
        if (err)
            return err;
    }
    if ((err = raci_roster_finish(&a->roster)))
        return err;
    return raci_checks_run(&a->roster, rs, &a->fs);
}

/*
 * The baseline to report against: --baseline FILE, or else the one just
 * recorded by --write-baseline. The findings it knows are marked known in
 * a->fs; a->diff says what happened. Returns RACI_EXIT_TROUBLE (message
 * printed) or RACI_EXIT_CLEAN.
 */
static int apply_baseline(const struct raci_options *o, struct audit *a)
{
    struct raci_baseline b = {0};
    struct raci_diag diag = {0};
    const char *file = o->baseline;
    raci_error err = RACI_OK;

    if (o->write_baseline) {
        if ((err = raci_baseline_build(&b, &a->fs)) ||
            (err = raci_baseline_save(&b, o->write_baseline))) {
            output_error(o->write_baseline, err);
            raci_baseline_release(&b);
            return RACI_EXIT_TROUBLE;
        }
        if (!file)
            file = o->write_baseline;
        else
            raci_baseline_release(&b);
    }
    if (!file)
        return RACI_EXIT_CLEAN;
    if (o->baseline && (err = raci_baseline_load(&b, o->baseline, &diag)) != RACI_OK) {
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
    err = raci_baseline_apply(&b, file, &a->fs, &a->diff);
    raci_baseline_release(&b);
    if (err) {
        fprintf(stderr, "raci: %s\n", raci_error_string(err));
        return RACI_EXIT_TROUBLE;
    }
    a->applied = 1;
    return RACI_EXIT_CLEAN;
}

/* Write the reports: standard output in --format (only what fails the run
 * with -q), then each --report file in full. RACI_EXIT_TROUBLE when one
 * could not be written. */
static int write_reports(const struct raci_options *o, const struct raci_report *full)
{
    struct raci_report shown = *full;
    struct raci_selection failing = {0};
    raci_error err;

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
        output_error("standard output", err);
        return RACI_EXIT_TROUBLE;
    }
    for (int i = 0; i < o->nreports; i++) {
        if ((err = raci_format_save(o->reports[i].format, o->reports[i].path, full))) {
            output_error(o->reports[i].path, err);
            return RACI_EXIT_TROUBLE;
        }
    }
    return RACI_EXIT_CLEAN;
}

/* output/<first roster's name>-raci.xlsx; output/ is made if missing. */
static char *default_output(const char *roster)
{
    const char *base = strrchr(roster, '/');
    const char *dot;
    size_t n;

    base = base ? base + 1 : roster;
    if (strcmp(roster, "-") == 0)
        base = "stdin";
    dot = strrchr(base, '.');
    n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
    if (mkdir("output", 0777) != 0 && errno != EEXIST)
        return NULL;
    return raci_str_printf("output/%.*s-raci.xlsx", (int)n, base);
}

/* The workbook, with every finding: also those a baseline knows. */
static int write_workbook(const struct raci_options *o, const struct raci_ruleset *rs,
                          struct audit *a)
{
    char *output = o->output ? raci_str_dup(o->output) : default_output(o->args[0]);
    raci_error err;

    if (!output) {
        fprintf(stderr, "raci: unable to create 'output': %s\n", strerror(errno));
        return RACI_EXIT_TROUBLE;
    }
    err = raci_xlsx_write(output, &a->roster, rs, &a->fs, &a->diag);
    free(output);
    if (err) {
        input_error(o, &a->diag, err);
        return RACI_EXIT_TROUBLE;
    }
    return RACI_EXIT_CLEAN;
}

static void audit_release(struct audit *a)
{
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
    if (!(a.pool = raci_strpool_new()) || raci_roster_init(&a.roster, a.pool, rs) != RACI_OK) {
        fprintf(stderr, "raci: %s\n", raci_error_string(RACI_ERROR_NOMEM));
        raci_strpool_free(a.pool);
        return RACI_EXIT_TROUBLE;
    }
    if ((err = read_and_check(o, rs, &a))) {
        input_error(o, &a.diag, err);
        audit_release(&a);
        return RACI_EXIT_TROUBLE;
    }
    if ((status = apply_baseline(o, &a)) != RACI_EXIT_CLEAN)
        goto out;
    if ((err = raci_selection_reported(&a.reported, &a.fs))) {
        input_error(o, &a.diag, err);
        status = RACI_EXIT_TROUBLE;
        goto out;
    }
    report.findings = &a.reported;
    report.roster = &a.roster;
    report.rs = rs;
    report.baseline = a.applied ? &a.diff : NULL;
    report.failed = raci_policy_fails(&o->policy, &a.reported);
    report.fail_on = o->policy.fail_on;
    if ((status = write_reports(o, &report)) != RACI_EXIT_CLEAN)
        goto out;
    if (!o->no_xlsx && (status = write_workbook(o, rs, &a)) != RACI_EXIT_CLEAN)
        goto out;
    status = report.failed ? RACI_EXIT_FINDINGS : RACI_EXIT_CLEAN;
out:
    audit_release(&a);
    return status;
}
