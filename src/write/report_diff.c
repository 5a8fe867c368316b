/*
 * report_diff.c - a diff as a text change list or as Markdown
 * (report_diff.h).
 */
#include "raci/report_diff.h"

#include <stdlib.h>
#include <string.h>

#include "raci/letters.h"
#include "raci/report.h"
#include "raci/report_markdown.h"
#include "raci/str.h"

/* Rows of the Markdown change table at most (a comment has a size limit). */
#define DIFF_MD_MAX_ROWS 200

static const char *rd_plural(size_t n)
{
    return n == 1 ? "" : "s";
}

/* ------------------------------------------------------------- shape -- */

size_t raci_report_diff_figures(const struct raci_diff *d, struct raci_report_diff_figure *f)
{
    size_t n = 0;
    for (int s = 0; s < 2; s++) {
        const struct raci_diff_shape *x = &d->shape[s];
        double v[] = {x->people,   x->products,    x->tasks,       x->managers,
                      x->span_min, x->span_median, x->span_max,    x->over_span,
                      x->depth,    x->team_min,    x->team_median, x->team_max};
        static const char *const labels[] = {
            "people",
            "products",
            "tasks",
            "managers",
            "span of control, min",
            "span of control, median",
            "span of control, max",
            "managers over the span limit",
            "reporting depth",
            "people per product, min",
            "people per product, median",
            "people per product, max",
        };
        n = sizeof v / sizeof v[0];
        for (size_t i = 0; i < n; i++) {
            f[i].label = labels[i];
            f[i].v[s] = v[i];
        }
    }
    return n;
}

/* ------------------------------------------------------------ verdict -- */

static void rd_churn(FILE *out, const struct raci_diff_report *r)
{
    const struct raci_diff *d = r->d;
    fprintf(out, "%.1f%% of the A's and R's (%zu added, %zu removed; %zu before, %zu after)",
            raci_diff_churn(d), d->ar_added, d->ar_removed, d->ar[0], d->ar[1]);
    if (r->max_churn >= 0)
        fprintf(out, "; --max-churn %g%%%s", r->max_churn, r->churn_failed ? " exceeded" : "");
}

static void rd_verdict(FILE *out, const struct raci_diff_report *r)
{
    size_t n = 0;

    if (r->findings_failed) {
        for (size_t i = 0; i < r->d->added.n; i++)
            n += r->fail_on != RACI_SEV_OFF && r->d->added.v[i]->severity >= r->fail_on;
        fprintf(out, "%zu new finding%s at or above %s", n, rd_plural(n),
                raci_severity_name(r->fail_on));
    }
    if (r->churn_failed)
        fprintf(out, "%schurn past --max-churn", r->findings_failed ? "; " : "");
}

/* -------------------------------------------------------------- text -- */

static void rd_escaped(FILE *out, const char *s)
{
    raci_str_fputs_escaped(out, *s ? s : "(none)");
}

/* Print the people of task t who gain (side 1) or lose (side 0) letter,
 * after "+ " or "- "; returns how many. */
static size_t rd_moved(FILE *out, const struct raci_diff *d, const struct raci_diff_task *t,
                       unsigned letter, int side, size_t shown)
{
    size_t n = 0;
    for (size_t i = t->first; i < t->first + t->nholders; i++) {
        const struct raci_diff_holder *h = &d->holders[i];
        if (!(h->letters[side] & letter) || (h->letters[!side] & letter))
            continue;
        fputs(n ? ", " : shown ? "; " : "", out);
        if (!n)
            fputs(side ? "+ " : "- ", out);
        raci_str_fputs_escaped(out, raci_diff_person_name(d, h->person));
        n++;
    }
    return n;
}

/* Who is responsible or accountable: "X -> Y", or when both sides have
 * several, who joins and who leaves them: "+ Zoe Park; - Pia Laine". */
static void rd_text_holders(FILE *out, const struct raci_diff *d, const struct raci_diff_row *row)
{
    const struct raci_diff_task *t = &d->tasks[row->task];
    unsigned letter = row->kind == RACI_DIFF_ROW_ACCOUNTABLE ? RACI_A : RACI_R;

    size_t n[2] = {0, 0};

    for (size_t i = t->first; i < t->first + t->nholders; i++)
        for (int s = 0; s < 2; s++)
            n[s] += (d->holders[i].letters[s] & letter) != 0;
    if (n[0] < 2 || n[1] < 2) {
        rd_escaped(out, row->before);
        fputs(" -> ", out);
        rd_escaped(out, row->after);
        return;
    }
    rd_moved(out, d, t, letter, 0, rd_moved(out, d, t, letter, 1, 0));
}

static void rd_text_row(FILE *out, const struct raci_diff *d, const struct raci_diff_row *row)
{
    fputs("  ", out);
    if (row->kind == RACI_DIFF_ROW_PRODUCT) {
        fputs(*row->after ? "new product" : "product gone", out);
        fputc('\n', out);
        return;
    }
    if (row->task != RACI_NONE) {
        fputs("task '", out);
        raci_str_fputs_escaped(out, row->subject);
        fputs("'", out);
        if (row->kind == RACI_DIFF_ROW_TASK) {
            fputs(*row->after ? ": new\n" : ": gone\n", out);
            return;
        }
    } else {
        raci_str_fputs_escaped(out, row->subject);
    }
    if (row->kind != RACI_DIFF_ROW_LOAD)
        fprintf(out, ": %s: ", raci_diff_rows_kind(row->kind));
    else
        fputs(": ", out);
    if (row->kind == RACI_DIFF_ROW_ACCOUNTABLE || row->kind == RACI_DIFF_ROW_RESPONSIBLE) {
        rd_text_holders(out, d, row);
    } else if (row->kind == RACI_DIFF_ROW_JOINED || row->kind == RACI_DIFF_ROW_LEFT) {
        rd_escaped(out, row->kind == RACI_DIFF_ROW_JOINED ? row->after : row->before);
    } else {
        rd_escaped(out, row->before);
        fputs(" -> ", out);
        rd_escaped(out, row->after);
    }
    fputc('\n', out);
}

static void rd_text_rows(FILE *out, const struct raci_diff_report *r)
{
    const struct raci_diff_rows *rows = r->rows;
    uint32_t product = RACI_NONE;
    int people = 0, load = 0;

    for (size_t i = 0; i < rows->n; i++) {
        const struct raci_diff_row *row = &rows->v[i];
        if (row->product != RACI_NONE && row->product != product) {
            product = row->product;
            fputc('\n', out);
            raci_str_fputs_escaped(out, raci_diff_product_name(r->d, product));
            fputc('\n', out);
        } else if (row->kind == RACI_DIFF_ROW_LOAD && !load) {
            load = 1;
            fputs("\nLoad (A's, R's, products: before -> after)\n", out);
        } else if (row->product == RACI_NONE && row->kind != RACI_DIFF_ROW_LOAD && !people) {
            people = 1;
            fputs("\nPeople\n", out);
        }
        rd_text_row(out, r->d, row);
    }
    if (!rows->n)
        fputs("\nNo change in people, products, tasks or their A's and R's.\n", out);
}

/* A finding as the audit's text prints it: its place (file:line:col, or
 * file:sheet!cell for a workbook), escaped like all roster text. */
static raci_error rd_text_finding(FILE *out, const char *what, const struct raci_finding *f)
{
    char *where = raci_report_where(&f->loc);

    if (!where)
        return RACI_ERROR_NOMEM;
    fprintf(out, "  %s: ", what);
    raci_str_fputs_escaped(out, where);
    free(where);
    fprintf(out, ": %s: ", raci_severity_name(f->severity));
    raci_str_fputs_escaped(out, f->message);
    fprintf(out, " [%s]\n", f->rule);
    return RACI_OK;
}

raci_error raci_report_diff_text(FILE *out, const struct raci_diff_report *r)
{
    const struct raci_diff *d = r->d;
    struct raci_report_diff_figure fig[RACI_REPORT_DIFF_FIGURES];
    size_t nfig = raci_report_diff_figures(d, fig);

    fputs("raci diff: ", out);
    raci_str_fputs_escaped(out, r->files[0]);
    fputs(" -> ", out);
    raci_str_fputs_escaped(out, r->files[1]);
    fputc('\n', out);
    rd_text_rows(out, r);
    fprintf(out, "\n%-34s %8s %8s\n", "Shape", "before", "after");
    for (size_t i = 0; i < nfig; i++)
        fprintf(out, "  %-32s %8g %8g%s\n", fig[i].label, fig[i].v[0], fig[i].v[1],
                fig[i].v[0] != fig[i].v[1] ? "  *" : "");
    fprintf(out, "  (span limit: %ld direct reports)\n", d->shape[1].span_limit);
    fprintf(out, "\nFindings: %zu new, %zu resolved, %zu persisting\n", d->added.n, d->resolved.n,
            d->persisting);
    for (size_t i = 0; i < d->added.n + d->resolved.n; i++)
        if (rd_text_finding(out, i < d->added.n ? "new" : "resolved",
                            i < d->added.n ? d->added.v[i] : d->resolved.v[i - d->added.n]))
            return RACI_ERROR_NOMEM;
    fputs("\nChurn: ", out);
    rd_churn(out, r);
    fputs("\nraci diff: ", out);
    if (r->findings_failed || r->churn_failed) {
        fputs("failed (", out);
        rd_verdict(out, r);
        fputs(")\n", out);
    } else {
        fputs("passed\n", out);
    }
    return ferror(out) ? RACI_ERROR_OUTPUT : RACI_OK;
}

/* ---------------------------------------------------------- markdown -- */

static void rd_md_cell(FILE *out, const char *s, int dash)
{
    fputs(" ", out);
    if (*s)
        raci_report_markdown_escape(out, s);
    else if (dash)
        fputs("&mdash;", out);
    fputs(" |", out);
}

static void rd_md_rows(FILE *out, const struct raci_diff_report *r)
{
    const struct raci_diff_rows *rows = r->rows;

    if (!rows->n) {
        fputs("\nNo change in people, products, tasks or their A's and R's.\n", out);
        return;
    }
    fputs("\n| Product | Subject | Change | Before | After |\n"
          "| --- | --- | --- | --- | --- |\n",
          out);
    for (size_t i = 0; i < rows->n && i < DIFF_MD_MAX_ROWS; i++) {
        const struct raci_diff_row *row = &rows->v[i];
        fputs("|", out);
        rd_md_cell(out, row->product != RACI_NONE ? raci_diff_product_name(r->d, row->product) : "",
                   0);
        rd_md_cell(out, row->subject, 1);
        fprintf(out, " %s |", raci_diff_rows_kind(row->kind));
        rd_md_cell(out, row->before, 1);
        rd_md_cell(out, row->after, 1);
        fputc('\n', out);
    }
    if (rows->n > DIFF_MD_MAX_ROWS)
        fprintf(out, "\n%zu more changes not shown; run raci diff locally for all of them.\n",
                rows->n - DIFF_MD_MAX_ROWS);
}

static void rd_md_shape(FILE *out, const struct raci_diff *d)
{
    struct raci_report_diff_figure fig[RACI_REPORT_DIFF_FIGURES];
    size_t nfig = raci_report_diff_figures(d, fig);

    fputs("\n<details><summary>Shape</summary>\n\n| | Before | After |\n| --- | ---: | ---: |\n",
          out);
    for (size_t i = 0; i < nfig; i++)
        fprintf(out, "| %s | %g | %s%g%s |\n", fig[i].label, fig[i].v[0],
                fig[i].v[0] != fig[i].v[1] ? "**" : "", fig[i].v[1],
                fig[i].v[0] != fig[i].v[1] ? "**" : "");
    fprintf(out, "\nSpan limit: %ld direct reports.\n\n</details>\n", d->shape[1].span_limit);
}

raci_error raci_report_diff_markdown(FILE *out, const struct raci_diff_report *r)
{
    const struct raci_diff *d = r->d;
    int failed = r->findings_failed || r->churn_failed;

    fprintf(out, "### raci diff: %s\n\n", failed ? "failed" : "passed");
    raci_report_markdown_code(out, r->files[0]);
    fputs(" &rarr; ", out);
    raci_report_markdown_code(out, r->files[1]);
    fprintf(out, ": %zu change%s; findings: %zu new, %zu resolved, %zu persisting; churn ",
            r->rows->n, rd_plural(r->rows->n), d->added.n, d->resolved.n, d->persisting);
    rd_churn(out, r);
    fputs(".\n", out);
    if (failed) {
        fputs("\nFailed: ", out);
        rd_verdict(out, r);
        fputs(".\n", out);
    }
    rd_md_rows(out, r);
    rd_md_shape(out, d);
    if (d->added.n)
        raci_report_markdown_findings(out, &d->added, "New findings");
    if (d->resolved.n)
        raci_report_markdown_findings(out, &d->resolved, "Resolved findings");
    return ferror(out) ? RACI_ERROR_OUTPUT : RACI_OK;
}
