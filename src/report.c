/*
 * report.c - findings as text, one gcc-style line each.
 */
#include "raci/report.h"

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

void raci_report_text(FILE *out, const struct raci_findings *fs, const struct raci_report_opts *o)
{
    const char *bold = o->color ? "\033[1m" : "";
    const char *dim = o->color ? "\033[2m" : "";
    const char *reset = o->color ? "\033[0m" : "";

    for (size_t i = 0; i < fs->n; i++) {
        const struct raci_finding *f = &fs->v[i];
        if (o->quiet && (o->fail_on == RACI_SEV_OFF || f->severity < o->fail_on))
            continue;
        fprintf(out, "%s%s:%u:%u:%s %s%s:%s %s %s[%s]%s\n", bold, f->loc.file ? f->loc.file : "-",
                f->loc.line, f->loc.col, reset, o->color ? sev_color(f->severity) : "",
                raci_severity_name(f->severity), reset, f->message, dim, f->rule, reset);
    }
    if (o->quiet)
        return;
    size_t e = raci_findings_count(fs, RACI_SEV_ERROR);
    size_t w = raci_findings_count(fs, RACI_SEV_WARNING);
    size_t n = raci_findings_count(fs, RACI_SEV_INFO);
    if (!fs->n) {
        fprintf(out, "no findings\n");
        return;
    }
    fprintf(out, "%zu finding%s: %zu error%s, %zu warning%s, %zu info\n", fs->n,
            fs->n == 1 ? "" : "s", e, e == 1 ? "" : "s", w, w == 1 ? "" : "s", n);
}
