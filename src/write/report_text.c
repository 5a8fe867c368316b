/*
 * report_text.c - findings as gcc-style lines.
 */
#include "raci/report_text.h"

#include <stdlib.h>

#include "raci/str.h"

static const char *sev_color(enum raci_severity s)
{
    switch (s) {
    case RACI_SEV_ERROR:
        return "\033[1;31m";
    case RACI_SEV_WARNING:
        return "\033[1;35m";
    default:
        return "\033[1;36m";
    }
}

/* "baseline 'FILE': N known findings not shown; M no longer occur: rule
 * entity, ..." */
static void text_baseline(FILE *out, const struct raci_baseline_diff *d)
{
    size_t gone = raci_baseline_diff_gone(d);

    fputs("baseline '", out);
    raci_str_fputs_escaped(out, d->file ? d->file : "-");
    fprintf(out, "': %zu known finding%s not shown", d->known, d->known == 1 ? "" : "s");
    if (!gone) {
        fprintf(out, "\n");
        return;
    }
    fprintf(out, "; %zu no longer occur%s:", gone, gone == 1 ? "s" : "");
    for (size_t i = 0; i < d->nabsent; i++) {
        const struct raci_baseline_entry *e = &d->absent[i];
        fprintf(out, "%s %s ", i ? "," : "", e->rule);
        raci_str_fputs_escaped(out, e->entity);
        if (e->count > 1)
            fprintf(out, " (%zu)", e->count);
    }
    fprintf(out, " (write the baseline again to drop them)\n");
}

static void text_counts(FILE *out, const struct raci_selection *fs)
{
    size_t e = raci_selection_count(fs, RACI_SEV_ERROR);
    size_t w = raci_selection_count(fs, RACI_SEV_WARNING);
    size_t n = raci_selection_count(fs, RACI_SEV_INFO);

    if (!fs->n)
        fprintf(out, "no findings\n");
    else
        fprintf(out, "%zu finding%s: %zu error%s, %zu warning%s, %zu info\n", fs->n,
                fs->n == 1 ? "" : "s", e, e == 1 ? "" : "s", w, w == 1 ? "" : "s", n);
}

raci_error raci_report_text(FILE *out, const struct raci_report *r)
{
    const struct raci_selection *fs = r->findings;
    const char *bold = r->color ? "\033[1m" : "";
    const char *dim = r->color ? "\033[2m" : "";
    const char *reset = r->color ? "\033[0m" : "";

    for (size_t i = 0; i < fs->n; i++) {
        const struct raci_finding *f = fs->v[i];
        /* The file and the message are roster text: escaped (report.h). */
        char *where = raci_report_where(&f->loc);
        if (!where)
            return RACI_ERROR_NOMEM;
        fputs(bold, out);
        raci_str_fputs_escaped(out, where);
        free(where);
        fprintf(out, ":%s %s%s:%s ", reset, r->color ? sev_color(f->severity) : "",
                raci_severity_name(f->severity), reset);
        raci_str_fputs_escaped(out, f->message);
        fprintf(out, " %s[%s]%s\n", dim, f->rule, reset);
    }
    if (!r->quiet) {
        text_counts(out, fs);
        if (r->baseline)
            text_baseline(out, r->baseline);
    }
    return ferror(out) ? RACI_ERROR_OUTPUT : RACI_OK;
}
