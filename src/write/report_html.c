/*
 * report_html.c - the findings as one self-contained HTML page: the page's
 * frame, its summary and its provenance, and the helpers its parts share.
 * Written with libxml2's xmlTextWriter, which escapes every text and
 * attribute.
 */
#include "raci/report_html.h"

#include <stdlib.h>
#include <string.h>

#include "raci/provenance.h"
#include "raci/report_html_findings.h"
#include "raci/report_html_matrix.h"
#include "raci/report_html_style.h"
#include "raci/report_html_svg.h"
#include "raci/str.h"
#include "raci/view.h"

int raci_report_html_open(xmlTextWriterPtr w, const char *tag, const char *cls)
{
    if (xmlTextWriterStartElement(w, BAD_CAST tag) < 0)
        return 1;
    return cls && xmlTextWriterWriteAttribute(w, BAD_CAST "class", BAD_CAST cls) < 0;
}

int raci_report_html_close(xmlTextWriterPtr w)
{
    return xmlTextWriterFullEndElement(w) < 0;
}

const char *raci_report_html_safe(const char *s, char **owned)
{
    struct raci_str b = RACI_STR_INIT;
    char esc[RACI_STR_ESCAPE_SIZE], *copy;
    const char *t;
    int changed = 0;

    *owned = NULL;
    for (const char *c = s; *c;) {
        size_t n = raci_str_escape(c, esc);
        if (esc[0]) {
            raci_str_add(&b, esc);
            changed = 1;
        } else {
            raci_str_addn(&b, c, n);
        }
        c += n;
    }
    if (!changed) {
        raci_str_release(&b);
        return raci_str_xml(s, SIZE_MAX, owned, NULL);
    }
    if (!(copy = raci_str_take(&b)))
        return NULL;
    t = raci_str_xml(copy, SIZE_MAX, owned, NULL);
    if (t == copy)
        *owned = copy;
    else
        free(copy);
    return t;
}

int raci_report_html_attr(xmlTextWriterPtr w, const char *name, const char *value)
{
    char *owned;
    const char *v = raci_report_html_safe(value ? value : "", &owned);
    int rc = v ? xmlTextWriterWriteAttribute(w, BAD_CAST name, BAD_CAST v) : -1;
    free(owned);
    return rc < 0;
}

int raci_report_html_text(xmlTextWriterPtr w, const char *text)
{
    char *owned;
    const char *v;
    int rc;

    if (!text || !*text)
        return 0;
    v = raci_report_html_safe(text, &owned);
    rc = v ? xmlTextWriterWriteString(w, BAD_CAST v) : -1;
    free(owned);
    return rc < 0;
}

int raci_report_html_elem(xmlTextWriterPtr w, const char *tag, const char *cls, const char *text)
{
    return raci_report_html_open(w, tag, cls) || raci_report_html_text(w, text) ||
           raci_report_html_close(w);
}

int raci_report_html_num(xmlTextWriterPtr w, const char *tag, const char *cls, size_t n)
{
    return raci_report_html_open(w, tag, cls) || xmlTextWriterWriteFormatString(w, "%zu", n) < 0 ||
           raci_report_html_close(w);
}

uint32_t raci_report_html_product(const struct raci_report *r, const struct raci_finding *f)
{
    const struct raci_roster *ro = r->roster;

    if (!ro)
        return RACI_NONE;
    if (f->product != RACI_NONE && f->product < ro->nproducts)
        return f->product;
    if (f->task != RACI_NONE && f->task < ro->ntasks)
        return ro->tasks[f->task].product;
    return RACI_NONE;
}

/* ------------------------------------------------------------ summary -- */

int raci_report_html_plan_build(struct raci_report_html_plan *pl, const struct raci_report *r)
{
    const struct raci_roster *ro = r->roster;
    size_t np = ro ? ro->nproducts : 0, max = r->max_sheets_set ? r->max_sheets : RACI_WORST_SHOWN;
    struct raci_worst *rank;

    memset(pl, 0, sizeof(*pl));
    pl->nproducts = np;
    pl->max = max;
    pl->counts = calloc(np + 2, sizeof(*pl->counts));
    pl->worst = malloc((np ? np : 1) * sizeof(*pl->worst));
    pl->drawn = calloc(np ? np : 1, 1);
    rank = malloc((np ? np : 1) * sizeof(*rank));
    if (!pl->counts || !pl->worst || !pl->drawn || !rank) {
        free(rank);
        return 1;
    }
    for (size_t i = 0; i < r->findings->n; i++) {
        const struct raci_finding *f = r->findings->v[i];
        uint32_t p = raci_report_html_product(r, f);
        int s = f->severity >= RACI_SEV_INFO && f->severity <= RACI_SEV_ERROR ? f->severity : 0;
        pl->counts[p == RACI_NONE ? np : p][s]++;
        pl->counts[np + 1][s]++;
    }
    for (size_t p = 0; p < np; p++)
        rank[p] = (struct raci_worst){(uint32_t)p, ro->products[p].name, pl->counts[p]};
    raci_worst_sort(rank, np);
    for (size_t k = 0; k < np; k++)
        pl->worst[k] = rank[k].p;
    free(rank);
    for (size_t k = 0; k < np; k++) {
        size_t npeople;
        raci_view_product_people(ro, pl->worst[k], &npeople);
        if (npeople > RACI_REPORT_HTML_MAX_PEOPLE)
            pl->nwide++;
        else if (pl->ndrawn < max) {
            pl->drawn[pl->worst[k]] = 1;
            pl->ndrawn++;
        }
    }
    return 0;
}

void raci_report_html_plan_release(struct raci_report_html_plan *pl)
{
    free(pl->counts);
    free(pl->worst);
    free(pl->drawn);
    memset(pl, 0, sizeof(*pl));
}

/* ------------------------------------------------------------ summary -- */

static int html_counts_fail(const struct raci_report *r, const size_t *c)
{
    if (r->fail_on == RACI_SEV_OFF)
        return 0;
    for (int s = r->fail_on; s <= RACI_SEV_ERROR; s++)
        if (c[s])
            return 1;
    return 0;
}

/* One row of the summary: label, people and tasks (when with_sizes),
 * counts by severity c, verdict. */
static int html_summary_row(xmlTextWriterPtr w, const struct raci_report *r, const char *label,
                            const char *cls, const size_t *c, int with_sizes, size_t people,
                            size_t tasks)
{
    int fail = html_counts_fail(r, c);

    if (raci_report_html_open(w, "tr", cls) || raci_report_html_elem(w, "th", NULL, label))
        return 1;
    if (with_sizes ? raci_report_html_num(w, "td", "num", people) ||
                         raci_report_html_num(w, "td", "num", tasks)
                   : raci_report_html_elem(w, "td", NULL, NULL) ||
                         raci_report_html_elem(w, "td", NULL, NULL))
        return 1;
    for (int s = RACI_SEV_ERROR; s >= RACI_SEV_INFO; s--)
        if (raci_report_html_num(w, "td", c[s] ? "num has" : "num", c[s]))
            return 1;
    return raci_report_html_elem(w, "td", fail ? "verdict fail" : "verdict pass",
                                 fail ? "FAIL" : "PASS") ||
           raci_report_html_close(w);
}

/* The row that says how many products the summary leaves out. */
static int html_summary_more(xmlTextWriterPtr w, size_t more)
{
    char *text = raci_str_printf("\xE2\x80\xA6 and %zu more product%s, counted in the total", more,
                                 more == 1 ? "" : "s");
    int bad = !text || raci_report_html_open(w, "tr", "more") ||
              raci_report_html_open(w, "td", NULL) || raci_report_html_attr(w, "colspan", "7") ||
              raci_report_html_text(w, text) || raci_report_html_close(w) ||
              raci_report_html_close(w);

    free(text);
    return bad;
}

/* The rows of the products: every one in roster order; or, when some
 * matrices are left out, the worst few, then how many more there are. */
static int html_summary_products(xmlTextWriterPtr w, const struct raci_report *r,
                                 const struct raci_report_html_plan *pl)
{
    const struct raci_roster *ro = r->roster;
    int cut = pl->ndrawn < pl->nproducts;
    size_t nshown = cut && pl->nproducts > RACI_WORST_SUMMARY ? RACI_WORST_SUMMARY : pl->nproducts;

    for (size_t k = 0; k < nshown; k++) {
        uint32_t p = cut ? pl->worst[k] : (uint32_t)k;
        size_t nt;
        raci_view_product_tasks(ro, p, &nt);
        if (html_summary_row(w, r, ro->products[p].name, NULL, pl->counts[p], 1,
                             raci_view_team_size(ro, p), nt))
            return 1;
    }
    return nshown < pl->nproducts && html_summary_more(w, pl->nproducts - nshown);
}

static int html_summary(xmlTextWriterPtr w, const struct raci_report *r,
                        const struct raci_report_html_plan *pl)
{
    static const char *const heads[] = {"Product",  "People", "Tasks", "Errors",
                                        "Warnings", "Infos",  "Status"};
    const struct raci_roster *ro = r->roster;
    size_t np = pl->nproducts, people = ro ? ro->npersons : 0, tasks = ro ? ro->ntasks : 0;
    const size_t *whole = pl->counts[np];
    int bad = raci_report_html_open(w, "section", NULL) ||
              raci_report_html_attr(w, "id", "summary") ||
              raci_report_html_elem(w, "h2", NULL, "Summary") ||
              raci_report_html_open(w, "table", "summary") ||
              raci_report_html_open(w, "thead", NULL) || raci_report_html_open(w, "tr", NULL);

    for (size_t i = 0; !bad && i < sizeof(heads) / sizeof(heads[0]); i++)
        bad = raci_report_html_elem(w, "th", NULL, heads[i]);
    bad = bad || raci_report_html_close(w) || raci_report_html_close(w) ||
          raci_report_html_open(w, "tbody", NULL) || html_summary_products(w, r, pl);
    if (!bad && (whole[RACI_SEV_INFO] || whole[RACI_SEV_WARNING] || whole[RACI_SEV_ERROR]))
        bad = html_summary_row(w, r, "(whole roster)", "whole", whole, 0, 0, 0);
    return bad || html_summary_row(w, r, "Total", "total", pl->counts[np + 1], 1, people, tasks) ||
           raci_report_html_close(w) || raci_report_html_close(w) || raci_report_html_close(w);
}

/* ---------------------------------------------------------- provenance -- */

/* One line of provenance.h's list: its label, its value (a path, in code,
 * or the version), and its note. */
static int html_prov_item(xmlTextWriterPtr w, const struct raci_provenance_item *it)
{
    int version = strcmp(it->label, "raci") == 0;

    return raci_report_html_open(w, "tr", NULL) ||
           raci_report_html_elem(w, "th", NULL, it->label) ||
           raci_report_html_elem(w, "td", version ? NULL : "path", it->value) ||
           raci_report_html_elem(w, "td", "note", it->note) || raci_report_html_close(w);
}

static int html_provenance(xmlTextWriterPtr w, const struct raci_report *r)
{
    const struct raci_ruleset *rs = r->rs ? r->rs : r->roster ? r->roster->rs : NULL;
    size_t n = raci_provenance_items(r->roster, rs, NULL, 0);
    struct raci_provenance_item *items = calloc(n ? n : 1, sizeof(*items));
    int bad = !items || raci_report_html_open(w, "section", NULL) ||
              raci_report_html_attr(w, "id", "provenance") ||
              raci_report_html_elem(w, "h2", NULL, "Provenance") ||
              raci_report_html_open(w, "table", "provenance") ||
              raci_report_html_open(w, "tbody", NULL);

    if (!bad)
        n = raci_provenance_items(r->roster, rs, items, n);
    for (size_t i = 0; !bad && i < n; i++)
        bad = html_prov_item(w, &items[i]);
    free(items);
    return bad || raci_report_html_close(w) || raci_report_html_close(w) ||
           raci_report_html_close(w);
}

/* --------------------------------------------------------------- page -- */

static int html_head(xmlTextWriterPtr w)
{
    return xmlTextWriterWriteRaw(w, BAD_CAST "<!DOCTYPE html>\n") < 0 ||
           raci_report_html_open(w, "html", NULL) || raci_report_html_attr(w, "lang", "en") ||
           raci_report_html_open(w, "head", NULL) || raci_report_html_open(w, "meta", NULL) ||
           raci_report_html_attr(w, "charset", "utf-8") || xmlTextWriterEndElement(w) < 0 ||
           raci_report_html_open(w, "meta", NULL) || raci_report_html_attr(w, "name", "viewport") ||
           raci_report_html_attr(w, "content", "width=device-width, initial-scale=1") ||
           xmlTextWriterEndElement(w) < 0 ||
           raci_report_html_elem(w, "title", NULL, "raci report") ||
           raci_report_html_open(w, "style", NULL) ||
           xmlTextWriterWriteRaw(w, BAD_CAST raci_report_html_style_css()) < 0 ||
           raci_report_html_close(w) || raci_report_html_close(w);
}

/* The banner: the verdict and the counts. */
static int html_banner(xmlTextWriterPtr w, const struct raci_report *r)
{
    const struct raci_selection *fs = r->findings;
    size_t ne = raci_selection_count(fs, RACI_SEV_ERROR),
           nw = raci_selection_count(fs, RACI_SEV_WARNING);
    /* Worded as the text report's last line. */
    char *line = raci_str_printf("%zu finding%s: %zu error%s, %zu warning%s, %zu info", fs->n,
                                 fs->n == 1 ? "" : "s", ne, ne == 1 ? "" : "s", nw,
                                 nw == 1 ? "" : "s", raci_selection_count(fs, RACI_SEV_INFO));
    int bad = !line || raci_report_html_open(w, "header", r->failed ? "fail" : "pass") ||
              raci_report_html_elem(w, "h1", NULL, r->failed ? "raci: failed" : "raci: passed") ||
              raci_report_html_elem(w, "p", NULL, line) || raci_report_html_close(w);
    free(line);
    return bad;
}

static int html_body(xmlTextWriterPtr w, const struct raci_report *r,
                     const struct raci_report_html_plan *pl)
{
    return raci_report_html_open(w, "body", NULL) || html_banner(w, r) ||
           raci_report_html_open(w, "main", NULL) || html_summary(w, r, pl) ||
           raci_report_html_findings(w, r) || raci_report_html_matrix(w, r, pl) ||
           raci_report_html_svg(w, r) || html_provenance(w, r) || raci_report_html_close(w) ||
           raci_report_html_open(w, "script", NULL) ||
           xmlTextWriterWriteRaw(w, BAD_CAST raci_report_html_style_script()) < 0 ||
           raci_report_html_close(w) || raci_report_html_close(w);
}

raci_error raci_report_html(FILE *out, const struct raci_report *r)
{
    xmlOutputBufferPtr buf = xmlOutputBufferCreateFile(out, NULL);
    xmlTextWriterPtr w = buf ? xmlNewTextWriter(buf) : NULL;
    struct raci_report_html_plan pl;
    int bad;

    if (!w) {
        if (buf)
            xmlOutputBufferClose(buf);
        return RACI_ERROR_NOMEM;
    }
    if (raci_report_html_plan_build(&pl, r)) {
        raci_report_html_plan_release(&pl);
        xmlFreeTextWriter(w);
        return RACI_ERROR_NOMEM;
    }
    bad = xmlTextWriterSetIndent(w, 1) < 0 || xmlTextWriterSetIndentString(w, BAD_CAST "") < 0 ||
          html_head(w) || html_body(w, r, &pl) || raci_report_html_close(w) ||
          xmlTextWriterWriteRaw(w, BAD_CAST "\n") < 0;
    raci_report_html_plan_release(&pl);
    xmlFreeTextWriter(w); /* flushes and closes buf, not out */
    if (bad || fflush(out) != 0 || ferror(out))
        return RACI_ERROR_OUTPUT;
    return RACI_OK;
}
