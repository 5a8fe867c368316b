/*
 * format.c - the table of report formats, and writing a report to a file.
 */
#include "raci/format.h"

#include <string.h>

#include "raci/orgchart.h"
#include "raci/outfile.h"
#include "raci/report_github.h"
#include "raci/report_gitlab.h"
#include "raci/report_html.h"
#include "raci/report_json.h"
#include "raci/report_junit.h"
#include "raci/report_markdown.h"
#include "raci/report_sarif.h"
#include "raci/report_text.h"

static const struct raci_format formats[] = {
    {"text", raci_report_text,
     "One line per finding, sorted by file, line and rule, then a count line."},
    {"json", raci_report_json,
     "A document with the version, the tool, a summary (counts by severity, the verdict, the "
     "files), the findings (rule, severity, message, location, related rows, subject, entity, "
     "fingerprint) and the baseline applied. Its schema is documented in doc/json-schema.md."},
    {"sarif", raci_report_sarif,
     "SARIF 2.1.0, for GitHub code scanning and other SARIF viewers: every rule in force with "
     "its description and help link; results with relative locations, related rows, the entity "
     "as a logical location, and fingerprints that do not depend on line numbers."},
    {"github", raci_report_github,
     "GitHub Actions workflow commands (::error file=...,line=...::), which annotate the pull "
     "request."},
    {"gitlab", raci_report_gitlab, "A GitLab Code Quality report."},
    {"junit", raci_report_junit,
     "JUnit XML: a test suite per roster, a failing test case per finding that fails the run, a "
     "skipped one for the others."},
    {"markdown", raci_report_markdown, "A summary table for a pull-request comment."},
    {"html", raci_report_html,
     "One self-contained HTML page (no network needed): the summary per product, the findings "
     "with filters by severity, rule and product (kept in the address's hash, so that a link "
     "shares a filtered view), each product's RACI matrix, the org chart and the files it came "
     "from."},
    {"svg", raci_orgchart_svg,
     "The org chart as an SVG picture, drawn by Graphviz: a node per person, products as "
     "clusters, loops, missing managers, wide spans and products without a PO marked."},
    {"png", raci_orgchart_png, "The same org chart as a PNG picture."},
};
#define NFORMATS (sizeof(formats) / sizeof(formats[0]))

const struct raci_format *raci_format_all(size_t *n)
{
    if (n)
        *n = NFORMATS;
    return formats;
}

const struct raci_format *raci_format_find(const char *name)
{
    for (size_t i = 0; i < NFORMATS; i++)
        if (strcmp(name, formats[i].name) == 0)
            return &formats[i];
    return NULL;
}

void raci_format_names(struct raci_str *b)
{
    for (size_t i = 0; i < NFORMATS; i++) {
        raci_str_add(b, i == 0 ? "" : i + 1 == NFORMATS ? " or " : ", ");
        raci_str_add(b, formats[i].name);
    }
}

raci_error raci_format_write(const struct raci_format *f, FILE *out, const struct raci_report *r)
{
    return f->write(out, r);
}

struct save_ctx {
    const struct raci_format *format;
    const struct raci_report *report;
};

static raci_error save_cb(FILE *out, const void *ctx)
{
    const struct save_ctx *c = ctx;
    return raci_format_write(c->format, out, c->report);
}

raci_error raci_format_save(const struct raci_format *f, const char *path,
                            const struct raci_report *r)
{
    struct save_ctx c = {f, r};
    return raci_outfile_write(path, save_cb, &c);
}
