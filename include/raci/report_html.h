/*
 * report_html.h - the findings as one self-contained HTML page, for a
 * person to read in a browser: nothing is fetched, no script, style sheet,
 * font or picture comes from elsewhere.
 *
 *   <header>      raci: passed or failed, and the counts by severity
 *   Summary       a row per product: people, tasks, findings by severity,
 *                 PASS or FAIL; one for the findings about no product; the
 *                 total
 *   Findings      a table of the findings of the view, in its order, with
 *                 filters by severity, rule and product
 *                 (report_html_findings.h)
 *   RACI matrices per product, its tasks by its people, the letters
 *                 coloured as the workbook colours them
 *                 (report_html_matrix.h)
 *   Org chart     the SVG of orgchart.h, inline (report_html_svg.h)
 *   Provenance    provenance.h's list: the rosters read, the ruleset and
 *                 the bases it extends, raci's version
 *
 * A product's verdict is the run's rule applied to its findings alone:
 * FAIL when one of them is at least --fail-on.
 *
 * A large roster, as the workbook does it (xlsx_layout.h, worst.h): when
 * there are more products than max_sheets (--max-sheets, 200 by default),
 * only the max_sheets worst by the page's findings (most errors, then
 * warnings, then infos, then by name) have their matrix drawn; the
 * matrices section then says so and lists the others by name. The Summary
 * then shows the RACI_WORST_SUMMARY worst products, a row saying how many
 * more there are, the whole roster and the total, so that it fits a
 * screen. A page never holds more than a bounded number of findings either
 * (report_html_findings.h). So the page of a roster of a million rows is
 * a few megabytes that a browser opens.
 *
 * Every piece of text is written by libxml2's xmlTextWriter, which escapes
 * it, after raci_str_xml has replaced what XML cannot hold (str.h); names
 * with "<script>", quotes or ampersands are shown as text. The characters
 * the text formats show as escapes (str.h: controls, line separators,
 * bidirectional overrides and isolates) are shown as those escapes here
 * too ("\u202e"), so that no name reorders what a row seems to say;
 * letters of every script, right-to-left ones included, and emoji are
 * written as they are. The page is the
 * same bytes for the same report: it carries no date.
 */
#ifndef RACI_REPORT_HTML_H
#define RACI_REPORT_HTML_H

#include <libxml/xmlwriter.h>
#include <stdint.h>
#include <stdio.h>

#include "raci/report.h"
#include "raci/worst.h"

/* Write r to out as an HTML page (a report writer of format.h). */
raci_error raci_report_html(FILE *out, const struct raci_report *r);

/*
 * What the parts of the page share. Each returns 0, or non-zero when the
 * writer failed (out of memory, or the stream's error).
 */

/* Roster text as the page shows it (above): the escapes, then what XML
 * cannot hold replaced (raci_str_xml). Returns s itself, or a malloc'd copy
 * also stored in *owned for the caller to free (*owned is NULL otherwise);
 * NULL when out of memory. */
const char *raci_report_html_safe(const char *s, char **owned);

/* Open element tag, with class cls unless it is NULL. */
int raci_report_html_open(xmlTextWriterPtr w, const char *tag, const char *cls);

/* Close the element open last, always with an end tag (<td></td>, never
 * <td/>, which HTML does not read as closed). */
int raci_report_html_close(xmlTextWriterPtr w);

/* An attribute of the element just opened; value is roster text, shown
 * as the text is. */
int raci_report_html_attr(xmlTextWriterPtr w, const char *name, const char *value);

/* Roster text (NULL writes nothing) as the content of the open element. */
int raci_report_html_text(xmlTextWriterPtr w, const char *text);

/* <tag class="cls">text</tag>; cls may be NULL. */
int raci_report_html_elem(xmlTextWriterPtr w, const char *tag, const char *cls, const char *text);

/* <tag class="cls">n</tag>. */
int raci_report_html_num(xmlTextWriterPtr w, const char *tag, const char *cls, size_t n);

/* A product of more people than this has no matrix on the page, however
 * many findings it has: a table that wide is no reading, and the
 * workbook's Other products sheet lists its letters a row a pair. */
#define RACI_REPORT_HTML_MAX_PEOPLE 1000u
#define RACI_REPORT_HTML_MAX_NAMED  "1,000" /* as the page says it */

/* What the page shows of each product, decided before it is written
 * (above). */
struct raci_report_html_plan {
    /* findings by severity: of product p at [p], of the findings about no
     * product at [nproducts], of all at [nproducts + 1] */
    size_t (*counts)[RACI_WORST_NSEV];
    uint32_t *worst;      /* the products, worst first (worst.h) */
    unsigned char *drawn; /* per product: 1 when its matrix is drawn */
    size_t nproducts;     /* of the roster, 0 without one */
    size_t max;           /* products that may have a matrix (--max-sheets) */
    size_t ndrawn;        /* products whose matrix is drawn */
    size_t nwide;         /* of the others, those over RACI_REPORT_HTML_MAX_PEOPLE */
};

/* Plan the page of r. 0, or 1 when out of memory; either way
 * raci_report_html_plan_release frees pl. */
int raci_report_html_plan_build(struct raci_report_html_plan *pl, const struct raci_report *r);

void raci_report_html_plan_release(struct raci_report_html_plan *pl);

/* The product a finding belongs to: its own, else its task's; RACI_NONE
 * for a finding about no product (or when r has no roster). */
uint32_t raci_report_html_product(const struct raci_report *r, const struct raci_finding *f);

#endif
