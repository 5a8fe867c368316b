/*
 * report_html_svg.h - the HTML page's org chart (report_html.h): the SVG
 * that raci_orgchart_svg draws (orgchart.h), captured in memory, read back
 * with libxml2 and written inline as its <svg> element alone, without its
 * XML declaration, doctype or comments, its text shown as the rest of the
 * page shows roster text (raci_report_html_safe).
 */
#ifndef RACI_REPORT_HTML_SVG_H
#define RACI_REPORT_HTML_SVG_H

#include <libxml/xmlwriter.h>

#include "raci/report.h"

/* Write the Org chart section of r to w: the picture, or a line saying why
 * there is none (no roster, or the chart could not be drawn). 0, or
 * non-zero when w failed. */
int raci_report_html_svg(xmlTextWriterPtr w, const struct raci_report *r);

#endif
