/*
 * report_html_findings.c - the HTML page's table of findings and the form
 * that filters it.
 */
#include "raci/report_html_findings.h"

#include <stdlib.h>
#include <string.h>

#include "raci/report_html.h"
#include "raci/str.h"

/* The rows the page holds: the first of r's findings, at most
 * RACI_REPORT_HTML_MAX_FINDINGS or what RACI_HTML_MAX_FINDINGS says. */
static size_t hfind_rows(const struct raci_report *r)
{
    const char *env = getenv("RACI_HTML_MAX_FINDINGS");
    size_t max = RACI_REPORT_HTML_MAX_FINDINGS, n = r->findings->n;
    char *end;

    if (env && *env >= '0' && *env <= '9') {
        unsigned long v = strtoul(env, &end, 10);
        if (!*end && v >= 1 && v <= RACI_REPORT_HTML_MAX_FINDINGS)
            max = (size_t)v;
    }
    return n < max ? n : max;
}

/* One <option>: value, and label when it differs ("" shows as itself). */
static int hfind_option(xmlTextWriterPtr w, const char *value, const char *label)
{
    return raci_report_html_open(w, "option", NULL) || raci_report_html_attr(w, "value", value) ||
           raci_report_html_text(w, label ? label : value) || raci_report_html_close(w);
}

/* <label>name <select id="f-key">: the "all" option first. */
static int hfind_select_open(xmlTextWriterPtr w, const char *key, const char *name)
{
    char id[32];

    snprintf(id, sizeof(id), "f-%s", key);
    return raci_report_html_open(w, "label", NULL) || raci_report_html_text(w, name) ||
           raci_report_html_open(w, "select", NULL) || raci_report_html_attr(w, "id", id) ||
           raci_report_html_attr(w, "name", key) || hfind_option(w, "", "all");
}

static int hfind_select_close(xmlTextWriterPtr w)
{
    return raci_report_html_close(w) || raci_report_html_close(w);
}

static int hfind_cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The rules of the page's findings, sorted, each once. */
static int hfind_rules(xmlTextWriterPtr w, const struct raci_report *r)
{
    const struct raci_selection *fs = r->findings;
    size_t n = hfind_rows(r);
    const char **ids = malloc((n ? n : 1) * sizeof(*ids));
    int bad = !ids;

    for (size_t i = 0; !bad && i < n; i++)
        ids[i] = fs->v[i]->rule ? fs->v[i]->rule : "";
    if (!bad)
        qsort(ids, n, sizeof(*ids), hfind_cmp_str);
    for (size_t i = 0; !bad && i < n; i++)
        if (i == 0 || strcmp(ids[i], ids[i - 1]) != 0)
            bad = hfind_option(w, ids[i], NULL);
    free(ids);
    return bad;
}

/* The products some finding of the page belongs to, in roster order, then the whole
 * roster when a finding is about no product. */
static int hfind_products(xmlTextWriterPtr w, const struct raci_report *r)
{
    size_t np = r->roster ? r->roster->nproducts : 0, n = hfind_rows(r);
    unsigned char *has = calloc(np + 1, 1);
    int bad = !has;

    for (size_t i = 0; !bad && i < n; i++) {
        uint32_t p = raci_report_html_product(r, r->findings->v[i]);
        has[p == RACI_NONE ? np : p] = 1;
    }
    for (size_t p = 0; !bad && p < np; p++)
        if (has[p])
            bad = hfind_option(w, r->roster->products[p].name, NULL);
    if (!bad && has[np])
        bad = hfind_option(w, "", "(whole roster)");
    free(has);
    return bad;
}

static int hfind_form(xmlTextWriterPtr w, const struct raci_report *r)
{
    int bad = raci_report_html_open(w, "form", "filters") ||
              raci_report_html_attr(w, "id", "filters") ||
              raci_report_html_attr(w, "hidden", "hidden") ||
              hfind_select_open(w, "severity", "Severity ");

    /* Every severity, found or not: a link to #severity=error shows no
     * row when there is no error, rather than every row. */
    for (int s = RACI_SEV_ERROR; !bad && s >= RACI_SEV_INFO; s--)
        bad = hfind_option(w, raci_severity_name((enum raci_severity)s), NULL);
    return bad || hfind_select_close(w) || hfind_select_open(w, "rule", "Rule ") ||
           hfind_rules(w, r) || hfind_select_close(w) ||
           hfind_select_open(w, "product", "Product ") || hfind_products(w, r) ||
           hfind_select_close(w) || raci_report_html_close(w);
}

/* One finding's row. */
static int hfind_row(xmlTextWriterPtr w, const struct raci_report *r, const struct raci_finding *f)
{
    const char *sev = raci_severity_name(f->severity);
    uint32_t p = raci_report_html_product(r, f);
    const char *product = p == RACI_NONE ? "" : r->roster->products[p].name;
    char *where = raci_report_where(&f->loc);
    char cls[40];
    int bad;

    snprintf(cls, sizeof(cls), "sev sev-%s", sev);
    bad = !where || raci_report_html_open(w, "tr", NULL) ||
          raci_report_html_attr(w, "data-severity", sev) ||
          raci_report_html_attr(w, "data-rule", f->rule) ||
          raci_report_html_attr(w, "data-product", product) ||
          raci_report_html_elem(w, "td", "where", where) ||
          raci_report_html_elem(w, "td", cls, sev) ||
          raci_report_html_elem(w, "td", "rule", f->rule) ||
          raci_report_html_elem(w, "td", NULL, p == RACI_NONE ? "(whole roster)" : product) ||
          raci_report_html_elem(w, "td", "message", f->message) || raci_report_html_close(w);
    free(where);
    return bad;
}

/* When the page holds fewer rows than there are findings: how many are
 * left out, and where they all are. */
static int hfind_cut(xmlTextWriterPtr w, size_t shown, size_t all)
{
    char *text = raci_str_printf("This page shows the first %zu of the %zu findings; the other "
                                 "%zu are left out so that it stays small enough for a browser "
                                 "to open. --format json and --format sarif list them all.",
                                 shown, all, all - shown);
    int bad = !text || raci_report_html_open(w, "p", "cut") ||
              raci_report_html_attr(w, "id", "cut") || raci_report_html_text(w, text) ||
              raci_report_html_close(w);

    free(text);
    return bad;
}

int raci_report_html_findings(xmlTextWriterPtr w, const struct raci_report *r)
{
    static const char *const heads[] = {"Location", "Severity", "Rule", "Product", "Message"};
    const struct raci_selection *fs = r->findings;
    size_t n = hfind_rows(r);
    int bad = raci_report_html_open(w, "section", NULL) ||
              raci_report_html_attr(w, "id", "findings-section") ||
              raci_report_html_elem(w, "h2", NULL, "Findings");

    if (!bad && fs->n == 0)
        return raci_report_html_elem(w, "p", NULL, "No findings.") || raci_report_html_close(w);
    bad = bad || (n < fs->n && hfind_cut(w, n, fs->n)) || hfind_form(w, r) ||
          raci_report_html_open(w, "p", "shown") || raci_report_html_attr(w, "id", "shown") ||
          xmlTextWriterWriteFormatString(w, "%zu findings", n) < 0 || raci_report_html_close(w) ||
          raci_report_html_open(w, "table", "findings") ||
          raci_report_html_attr(w, "id", "findings") || raci_report_html_open(w, "thead", NULL) ||
          raci_report_html_open(w, "tr", NULL);
    for (size_t i = 0; !bad && i < sizeof(heads) / sizeof(heads[0]); i++)
        bad = raci_report_html_elem(w, "th", NULL, heads[i]);
    bad = bad || raci_report_html_close(w) || raci_report_html_close(w) ||
          raci_report_html_open(w, "tbody", NULL);
    for (size_t i = 0; !bad && i < n; i++)
        bad = hfind_row(w, r, fs->v[i]);
    return bad || raci_report_html_close(w) || raci_report_html_close(w) ||
           raci_report_html_close(w);
}
