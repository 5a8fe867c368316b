/*
 * report.c - the formats' names, the exit policy, and the line-based
 * writers: text, GitHub workflow commands and Markdown. The JSON-based
 * writers are in report_json.c, JUnit in report_junit.c.
 */
#include "raci/report.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "raci/outfile.h"
#include "raci/array.h"
#include "raci/str.h"

static const char *const format_names[RACI_FORMAT_MAX] = {
    "text", "json", "sarif", "github", "gitlab", "junit", "markdown",
};

const char *raci_format_name(enum raci_format f)
{
    return (unsigned)f < RACI_FORMAT_MAX ? format_names[f] : NULL;
}

int raci_format_parse(const char *name)
{
    for (int i = 0; i < RACI_FORMAT_MAX; i++)
        if (strcmp(name, format_names[i]) == 0)
            return i;
    return -1;
}

/* ---------------------------------------------------------- the policy -- */

static int too_many_warnings(const struct raci_policy *p, const struct raci_findings *fs)
{
    return p->max_warnings >= 0 &&
           raci_findings_count(fs, RACI_SEV_WARNING) > (size_t)p->max_warnings;
}

int raci_policy_counts(const struct raci_policy *p, const struct raci_findings *fs,
                       const struct raci_finding *f)
{
    if (p->fail_on != RACI_SEV_OFF && f->severity >= p->fail_on)
        return 1;
    return f->severity == RACI_SEV_WARNING && too_many_warnings(p, fs);
}

int raci_policy_fails(const struct raci_policy *p, const struct raci_findings *fs)
{
    if (too_many_warnings(p, fs))
        return 1;
    for (size_t i = 0; i < fs->n; i++)
        if (p->fail_on != RACI_SEV_OFF && fs->v[i].severity >= p->fail_on)
            return 1;
    return 0;
}

raci_error raci_report_filter(const struct raci_findings *in, const struct raci_policy *p,
                              struct raci_findings *out)
{
    memset(out, 0, sizeof(*out));
    if (in->n && !(out->v = malloc(in->n * sizeof(*out->v))))
        return RACI_ERROR_NOMEM;
    out->cap = in->n;
    for (size_t i = 0; i < in->n; i++)
        if (raci_policy_counts(p, in, &in->v[i]))
            out->v[out->n++] = in->v[i];
    return RACI_OK;
}

/* ---------------------------------------------------------------- URIs -- */

char *raci_report_uri(const char *path)
{
    static const char hex[] = "0123456789ABCDEF";
    const char *prefix = "";
    char *uri, *o;

    if (path[0] == '/')
        prefix = "file://";
    while (path[0] == '.' && (path[1] == '/' || path[1] == '\\'))
        path += 2;
    if (!(uri = malloc(strlen(prefix) + 3 * strlen(path) + 1)))
        return NULL;
    o = uri + strlen(strcpy(uri, prefix));
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        unsigned c = *p;
        /* RFC 3986 unreserved characters and the path separator stay; a
         * Windows separator becomes '/'; everything else is %XX. */
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            strchr("-._~/", (int)c)) {
            *o++ = (char)c;
        } else if (c == '\\') {
            *o++ = '/';
        } else {
            *o++ = '%';
            *o++ = hex[c >> 4];
            *o++ = hex[c & 15];
        }
    }
    *o = '\0';
    return uri;
}

/* ---------------------------------------------------------------- text -- */

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

static const char *loc_file(const struct raci_loc *l)
{
    return l->file ? l->file : "-";
}

/* "2 findings in the baseline no longer occur: rule entity, ..." */
static void text_baseline(FILE *out, const struct raci_baseline_diff *d, const char *note)
{
    size_t gone = 0;

    for (size_t i = 0; i < d->nabsent; i++)
        gone += d->absent[i].count;
    fprintf(out, "%sbaseline '%s': %zu known finding%s not shown", note, d->file ? d->file : "-",
            d->known, d->known == 1 ? "" : "s");
    if (!gone) {
        fprintf(out, "\n");
        return;
    }
    fprintf(out, "; %zu no longer occur%s:", gone, gone == 1 ? "s" : "");
    for (size_t i = 0; i < d->nabsent; i++) {
        const struct raci_baseline_entry *e = &d->absent[i];
        fprintf(out, "%s %s %s", i ? "," : "", e->rule, e->entity);
        if (e->count > 1)
            fprintf(out, " (%zu)", e->count);
    }
    fprintf(out, " (write the baseline again to drop them)\n");
}

raci_error raci_report_text(FILE *out, const struct raci_report *r)
{
    const struct raci_findings *fs = r->fs;
    const char *bold = r->color ? "\033[1m" : "";
    const char *dim = r->color ? "\033[2m" : "";
    const char *reset = r->color ? "\033[0m" : "";

    for (size_t i = 0; i < fs->n; i++) {
        const struct raci_finding *f = &fs->v[i];
        fprintf(out, "%s%s:%u:%u:%s %s%s:%s %s %s[%s]%s\n", bold, loc_file(&f->loc), f->loc.line,
                f->loc.col, reset, r->color ? sev_color(f->severity) : "",
                raci_severity_name(f->severity), reset, f->message, dim, f->rule, reset);
    }
    if (!r->quiet) {
        size_t e = raci_findings_count(fs, RACI_SEV_ERROR);
        size_t w = raci_findings_count(fs, RACI_SEV_WARNING);
        size_t n = raci_findings_count(fs, RACI_SEV_INFO);
        if (!fs->n)
            fprintf(out, "no findings\n");
        else
            fprintf(out, "%zu finding%s: %zu error%s, %zu warning%s, %zu info\n", fs->n,
                    fs->n == 1 ? "" : "s", e, e == 1 ? "" : "s", w, w == 1 ? "" : "s", n);
        if (r->baseline)
            text_baseline(out, r->baseline, "");
    }
    return ferror(out) ? RACI_ERROR_OUTPUT : RACI_OK;
}

/* -------------------------------------------------------------- github -- */

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
    for (size_t i = 0; i < r->fs->n; i++) {
        const struct raci_finding *f = &r->fs->v[i];
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
        github_escape(out, f->message, 0);
        fputc('\n', out);
    }
    return ferror(out) ? RACI_ERROR_OUTPUT : RACI_OK;
}

/* ------------------------------------------------------------ markdown -- */

/* Rows of the findings table at most; a pull-request comment has a size
 * limit (GitHub's is 65536 characters), and past a hundred rows nobody reads
 * on anyway. */
#define MARKDOWN_MAX_ROWS 100

/* Text in a table cell: Markdown's punctuation escaped so that a name
 * cannot start emphasis, a link or a cell; line breaks become <br>. */
static void md_escape(FILE *out, const char *s)
{
    for (; *s; s++) {
        if (*s == '\r')
            continue;
        if (*s == '\n')
            fputs("<br>", out);
        else if (strchr("\\|*_`[]<>#~", *s))
            fprintf(out, "\\%c", *s);
        else
            fputc(*s, out);
    }
}

static void md_baseline(FILE *out, const struct raci_baseline_diff *d)
{
    size_t gone = 0;

    for (size_t i = 0; i < d->nabsent; i++)
        gone += d->absent[i].count;
    fputs("\nBaseline ", out);
    md_escape(out, d->file ? d->file : "-");
    fprintf(out, ": %zu known finding%s not shown", d->known, d->known == 1 ? "" : "s");
    if (!gone) {
        fputs(".\n", out);
        return;
    }
    fprintf(out, "; %zu no longer occur%s:\n\n", gone, gone == 1 ? "s" : "");
    for (size_t i = 0; i < d->nabsent; i++) {
        const struct raci_baseline_entry *e = &d->absent[i];
        fprintf(out, "- `%s` ", e->rule);
        md_escape(out, e->entity);
        if (e->count > 1)
            fprintf(out, " (%zu)", e->count);
        fputc('\n', out);
    }
}

raci_error raci_report_markdown(FILE *out, const struct raci_report *r)
{
    const struct raci_findings *fs = r->fs;
    const struct raci_rule_def *rules;
    size_t nrules, nfiles = r->roster ? r->roster->nfiles : 0;
    size_t e = raci_findings_count(fs, RACI_SEV_ERROR);
    size_t w = raci_findings_count(fs, RACI_SEV_WARNING);
    size_t n = raci_findings_count(fs, RACI_SEV_INFO);

    fprintf(out, "### raci: %s\n\n", r->failed ? "failed" : "passed");
    if (nfiles) {
        fputs("Audited ", out);
        for (size_t i = 0; i < nfiles; i++) {
            fputs(i == 0 ? "" : i + 1 == nfiles ? " and " : ", ", out);
            fputc('`', out);
            /* A code span cannot hold a backtick; file names rarely do. */
            for (const char *p = r->roster->files[i]; *p; p++)
                fputc(*p == '`' ? '\'' : *p, out);
            fputc('`', out);
        }
        fputs(": ", out);
    }
    if (!fs->n)
        fputs("no findings.\n", out);
    else
        fprintf(out, "%zu finding%s: %zu error%s, %zu warning%s, %zu info.\n", fs->n,
                fs->n == 1 ? "" : "s", e, e == 1 ? "" : "s", w, w == 1 ? "" : "s", n);
    if (r->baseline)
        md_baseline(out, r->baseline);
    if (!fs->n)
        return ferror(out) ? RACI_ERROR_OUTPUT : RACI_OK;

    /* The summary: one row per rule that found something, in registry
     * (documentation) order. */
    fputs("\n| Rule | Severity | Findings |\n| --- | --- | ---: |\n", out);
    rules = raci_rules_all(&nrules);
    for (size_t k = 0; k < nrules; k++) {
        size_t count = 0;
        enum raci_severity sev = RACI_SEV_OFF;
        for (size_t i = 0; i < fs->n; i++)
            if (strcmp(fs->v[i].rule, rules[k].id) == 0) {
                count++;
                sev = fs->v[i].severity;
            }
        if (count)
            fprintf(out, "| `%s` | %s | %zu |\n", rules[k].id, raci_severity_name(sev), count);
    }

    fprintf(out, "\n<details%s><summary>Findings</summary>\n\n", fs->n <= 20 ? " open" : "");
    fputs("| Location | Severity | Rule | Message |\n| --- | --- | --- | --- |\n", out);
    for (size_t i = 0; i < fs->n && i < MARKDOWN_MAX_ROWS; i++) {
        const struct raci_finding *f = &fs->v[i];
        fputs("| ", out);
        md_escape(out, loc_file(&f->loc));
        fprintf(out, ":%u:%u | %s | `%s` | ", f->loc.line, f->loc.col,
                raci_severity_name(f->severity), f->rule);
        md_escape(out, f->message);
        fputs(" |\n", out);
    }
    if (fs->n > MARKDOWN_MAX_ROWS)
        fprintf(out, "\n%zu more not shown; run raci locally for all of them.\n",
                fs->n - MARKDOWN_MAX_ROWS);
    fputs("\n</details>\n", out);
    return ferror(out) ? RACI_ERROR_OUTPUT : RACI_OK;
}

/* -------------------------------------------------------------- output -- */

raci_error raci_report_write(FILE *out, enum raci_format f, const struct raci_report *r)
{
    switch (f) {
    case RACI_FORMAT_TEXT:
        return raci_report_text(out, r);
    case RACI_FORMAT_JSON:
        return raci_report_json(out, r);
    case RACI_FORMAT_SARIF:
        return raci_report_sarif(out, r);
    case RACI_FORMAT_GITHUB:
        return raci_report_github(out, r);
    case RACI_FORMAT_GITLAB:
        return raci_report_gitlab(out, r);
    case RACI_FORMAT_JUNIT:
        return raci_report_junit(out, r);
    case RACI_FORMAT_MARKDOWN:
        return raci_report_markdown(out, r);
    default:
        return RACI_ERROR_USAGE;
    }
}

struct save_ctx {
    enum raci_format format;
    const struct raci_report *report;
};

static raci_error save_cb(FILE *out, const void *ctx)
{
    const struct save_ctx *c = ctx;
    return raci_report_write(out, c->format, c->report);
}

raci_error raci_report_save(const char *path, enum raci_format f, const struct raci_report *r)
{
    struct save_ctx c = {f, r};
    return raci_outfile_write(path, save_cb, &c);
}
