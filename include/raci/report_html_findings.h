/*
 * report_html_findings.h - the HTML page's table of findings (report_html.h)
 * and its filters.
 *
 * One row per finding of the view, in its order: location, severity, rule,
 * product, message. Each row carries what the filters compare as data-
 * attributes: data-severity ("error"), data-rule (the rule id) and
 * data-product (the product's name, "" for a finding about none).
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

/* Write the Findings section of r to w; 0, or non-zero when w failed. */
int raci_report_html_findings(xmlTextWriterPtr w, const struct raci_report *r);

#endif
