/*
 * report_markdown.c - findings as a Markdown summary.
 */
#include "raci/report_markdown.h"

#include <stdlib.h>
#include <string.h>

#include "raci/report_mermaid.h"
#include "raci/str.h"

/* Rows of the findings table at most; a pull-request comment has a size
 * limit (GitHub's is 65536 characters), and past a hundred rows nobody reads
 * on anyway. */
#define MARKDOWN_MAX_ROWS 100

/*
 * Roster text in Markdown: its punctuation escaped so that a name cannot
 * start emphasis, a link, an HTML tag, an entity or a cell; line breaks
 * become <br>; the controls report.h lists shown as escapes (their
 * backslash escaped in turn, so that it shows); and each '@' followed by a
 * zero-width space (written as the entity &#8203;, as dependency bots do),
 * so that a name such as "@org/team" does not notify a team when the
 * report is posted as a comment.
 */
static void md_escape(FILE *out, const char *s)
{
    char esc[RACI_STR_ESCAPE_SIZE];

    while (*s) {
        size_t n;
        if (*s == '\r' || *s == '\n') {
            /* CR LF, LF and a lone CR are each one line break. */
            fputs("<br>", out);
            s += s[0] == '\r' && s[1] == '\n' ? 2 : 1;
        } else if (n = raci_str_escape(s, esc), esc[0]) {
            for (const char *e = esc; *e; e++) {
                if (*e == '\\')
                    fputc('\\', out);
                fputc(*e, out);
            }
            s += n;
        } else if (*s == '@') {
            fputs("@&#8203;", out);
            s++;
        } else {
            if (n == 1 && strchr("\\|*_`[]<>#~&", *s))
                fputc('\\', out);
            fwrite(s, 1, n, out);
            s += n;
        }
    }
}

/* A file name in a code span: a span cannot hold a backtick (file names
 * rarely do), and shows its text as it is, so only the controls need
 * escaping; a mention is not made inside a code span. */
static void md_code(FILE *out, const char *s)
{
    char esc[RACI_STR_ESCAPE_SIZE];

    fputc('`', out);
    while (*s) {
        size_t n = raci_str_escape(s, esc);
        if (esc[0])
            fputs(esc, out);
        else if (*s == '`')
            fputc('\'', out);
        else
            fwrite(s, 1, n, out);
        s += n;
    }
    fputc('`', out);
}

static void md_baseline(FILE *out, const struct raci_baseline_diff *d)
{
    size_t gone = raci_baseline_diff_gone(d);

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

/* "### raci: failed", the files audited and the counts. */
static void md_head(FILE *out, const struct raci_report *r)
{
    const struct raci_selection *fs = r->findings;
    size_t nfiles = r->roster ? r->roster->nfiles : 0;
    size_t e = raci_selection_count(fs, RACI_SEV_ERROR);
    size_t w = raci_selection_count(fs, RACI_SEV_WARNING);
    size_t n = raci_selection_count(fs, RACI_SEV_INFO);

    fprintf(out, "### raci: %s\n\n", r->failed ? "failed" : "passed");
    if (nfiles) {
        fputs("Audited ", out);
        for (size_t i = 0; i < nfiles; i++) {
            fputs(i == 0 ? "" : i + 1 == nfiles ? " and " : ", ", out);
            md_code(out, r->roster->files[i]);
        }
        fputs(": ", out);
    }
    if (!fs->n)
        fputs("no findings.\n", out);
    else
        fprintf(out, "%zu finding%s: %zu error%s, %zu warning%s, %zu info.\n", fs->n,
                fs->n == 1 ? "" : "s", e, e == 1 ? "" : "s", w, w == 1 ? "" : "s", n);
}

/* One row per rule that found something, in registry (documentation)
 * order. */
static void md_rules(FILE *out, const struct raci_selection *fs)
{
    size_t nrules;
    const struct raci_rule_def *rules = raci_rules_all(&nrules);

    fputs("\n| Rule | Severity | Findings |\n| --- | --- | ---: |\n", out);
    for (size_t k = 0; k < nrules; k++) {
        size_t count = 0;
        enum raci_severity sev = RACI_SEV_OFF;
        for (size_t i = 0; i < fs->n; i++)
            if (strcmp(fs->v[i]->rule, rules[k].id) == 0) {
                count++;
                sev = fs->v[i]->severity;
            }
        if (count)
            fprintf(out, "| `%s` | %s | %zu |\n", rules[k].id, raci_severity_name(sev), count);
    }
}

static void md_findings(FILE *out, const struct raci_selection *fs, const char *title)
{
    fprintf(out, "\n<details%s><summary>%s</summary>\n\n", fs->n <= 20 ? " open" : "", title);
    fputs("| Location | Severity | Rule | Message |\n| --- | --- | --- | --- |\n", out);
    for (size_t i = 0; i < fs->n && i < MARKDOWN_MAX_ROWS; i++) {
        const struct raci_finding *f = fs->v[i];
        char *where = raci_report_where(&f->loc);
        fputs("| ", out);
        md_escape(out, where ? where : raci_report_file(&f->loc));
        free(where);
        fprintf(out, " | %s | `%s` | ", raci_severity_name(f->severity), f->rule);
        md_escape(out, f->message);
        fputs(" |\n", out);
    }
    if (fs->n > MARKDOWN_MAX_ROWS)
        fprintf(out, "\n%zu more not shown; run raci locally for all of them.\n",
                fs->n - MARKDOWN_MAX_ROWS);
    fputs("\n</details>\n", out);
}

raci_error raci_report_markdown(FILE *out, const struct raci_report *r)
{
    md_head(out, r);
    if (r->baseline)
        md_baseline(out, r->baseline);
    if (r->findings->n) {
        md_rules(out, r->findings);
        md_findings(out, r->findings, "Findings");
    }
    raci_error err = raci_report_mermaid(out, r);
    if (err)
        return err;
    return ferror(out) ? RACI_ERROR_OUTPUT : RACI_OK;
}

void raci_report_markdown_escape(FILE *out, const char *s)
{
    md_escape(out, s);
}

void raci_report_markdown_code(FILE *out, const char *s)
{
    md_code(out, s);
}

void raci_report_markdown_findings(FILE *out, const struct raci_selection *fs, const char *title)
{
    md_findings(out, fs, title);
}
