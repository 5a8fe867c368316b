/*
 * report_html_findings.h - the HTML page's table of findings (report_html.h)
 * and its filters.
 *
 * One row per finding of the view, in its order: location, severity, rule,
 * product, message. Each row carries what the filters compare as data-
 * attributes: data-severity ("error"), data-rule (the rule id) and
 * data-product (the product's name, "" for a finding about none).
 *
 * A page holds at most RACI_REPORT_HTML_MAX_FINDINGS rows (or the number
 * in the environment variable RACI_HTML_MAX_FINDINGS, from 1 to that, so
 * that a test can cut a small report): the first ones in the view's order.
 * A paragraph (#cut) above the table then says how many are left out and
 * that --format json and --format sarif have them all; the filters offer
 * and filter the rows the page holds.
 *
 * Above the table, a form of three selects, #f-severity, #f-rule and
 * #f-product, each offering "all" first and then the values some finding
 * has (every severity, though, found or not). The form is hidden until the page's script
 * (report_html_style.h) shows it: without scripts every row is shown and nothing offers to filter
 * them.
 */
#ifndef RACI_REPORT_HTML_FINDINGS_H
#define RACI_REPORT_HTML_FINDINGS_H

#include <libxml/xmlwriter.h>

#include "raci/report.h"

/* Rows of the table of findings at most. */
#define RACI_REPORT_HTML_MAX_FINDINGS 10000u

/* Write the Findings section of r to w; 0, or non-zero when w failed. */
int raci_report_html_findings(xmlTextWriterPtr w, const struct raci_report *r);

#endif
