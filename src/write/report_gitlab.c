/*
 * report_gitlab.c - findings as a GitLab Code Quality report, built as a
 * jansson tree.
 */
#include "raci/report_gitlab.h"

#include <stdlib.h>

#include "raci/json.h"
#include "raci/str.h"

/* GitLab's Code Quality severities: info, minor, major, critical, blocker.
 * As ESLint's GitLab formatters do, an error is major, a warning minor. */
static const char *gitlab_severity(enum raci_severity s)
{
    switch (s) {
    case RACI_SEV_ERROR:
        return "major";
    case RACI_SEV_WARNING:
        return "minor";
    default:
        return "info";
    }
}

/* A path relative to the repository, as GitLab matches it against the
 * merge request's diff: forward slashes, no leading "./". */
static char *gitlab_path(const char *file)
{
    char *p;

    while (file[0] == '.' && (file[1] == '/' || file[1] == '\\'))
        file += 2;
    if (!(p = raci_str_dup(file)))
        return NULL;
    for (char *c = p; *c; c++)
        if (*c == '\\')
            *c = '/';
    return p;
}

raci_error raci_report_gitlab(FILE *out, const struct raci_report *r)
{
    json_t *doc = json_array();

    for (size_t i = 0; doc && i < r->findings->n; i++) {
        const struct raci_finding *f = r->findings->v[i];
        char fp[RACI_FINGERPRINT_SIZE];
        char *path = gitlab_path(raci_report_file(&f->loc));
        json_t *o = NULL;

        raci_findings_fingerprint(f, fp);
        if (path)
            o = json_pack("{s:o, s:s, s:s, s:s, s:{s:o, s:{s:i}}}", "description",
                          raci_json_string(f->message), "check_name", f->rule, "fingerprint", fp,
                          "severity", gitlab_severity(f->severity), "location", "path",
                          raci_json_string(path), "lines", "begin", (int)f->loc.line);
        free(path);
        if (raci_json_push(doc, o)) {
            json_decref(doc);
            doc = NULL;
        }
    }
    return raci_json_emit(doc, out, 2);
}
