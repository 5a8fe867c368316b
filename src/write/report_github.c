/*
 * report_github.c - findings as GitHub Actions workflow commands.
 */
#include "raci/report_github.h"

#include <stdlib.h>

/*
 * GitHub's workflow commands, escaped as @actions/core escapes them: in the
 * message (data) '%', CR and LF; in a property value also ':' and ','.
 */
static void github_escape(FILE *out, const char *s, int property)
{
    for (; *s; s++) {
        switch (*s) {
        case '%':
            fputs("%25", out);
            break;
        case '\r':
            fputs("%0D", out);
            break;
        case '\n':
            fputs("%0A", out);
            break;
        case ':':
            fputs(property ? "%3A" : ":", out);
            break;
        case ',':
            fputs(property ? "%2C" : ",", out);
            break;
        default:
            fputc(*s, out);
        }
    }
}

static const char *github_command(enum raci_severity s)
{
    switch (s) {
    case RACI_SEV_ERROR:
        return "error";
    case RACI_SEV_WARNING:
        return "warning";
    default:
        return "notice";
    }
}

raci_error raci_report_github(FILE *out, const struct raci_report *r)
{
    for (size_t i = 0; i < r->findings->n; i++) {
        const struct raci_finding *f = r->findings->v[i];
        char title[128];
        fprintf(out, "::%s ", github_command(f->severity));
        if (f->loc.file) {
            fputs("file=", out);
            github_escape(out, f->loc.file, 1);
            fprintf(out, ",line=%u,col=%u,", f->loc.line, f->loc.col);
        }
        snprintf(title, sizeof title, "raci %s", f->rule);
        fputs("title=", out);
        github_escape(out, title, 1);
        fputs("::", out);
        if (f->loc.sheet) { /* the annotation's line and col are the row and column */
            char *ref = raci_report_ref(&f->loc);
            if (!ref)
                return RACI_ERROR_NOMEM;
            github_escape(out, ref, 0);
            fputs(": ", out);
            free(ref);
        }
        github_escape(out, f->message, 0);
        fputc('\n', out);
    }
    return ferror(out) ? RACI_ERROR_OUTPUT : RACI_OK;
}
