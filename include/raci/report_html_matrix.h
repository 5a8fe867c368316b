/*
 * report_html_matrix.h - the HTML page's RACI matrices (report_html.h): one
 * table per product, its tasks down (raci_view_product_tasks), its people
 * across (raci_view_product_people, each with their first title), each
 * cell the letters of that person on that task (view.h's pair) as
 * raci_letters_format writes them ("A/R", "(C)").
 *
 * A cell looks as the workbook's does: coloured by its strongest letter,
 * A darkest, then R, C and I ever lighter (classes l-a, l-r, l-c, l-i);
 * letters generated from the ruleset's defaults grey and in italics (l-gen);
 * a cell that could not be read shows what was written, in red italics
 * (l-unread). A legend above the tables says so.
 */
#ifndef RACI_REPORT_HTML_MATRIX_H
#define RACI_REPORT_HTML_MATRIX_H

#include <libxml/xmlwriter.h>

#include "raci/report.h"

/* Write the matrices of r's products to w (nothing when r has no roster);
 * 0, or non-zero when w failed. */
int raci_report_html_matrix(xmlTextWriterPtr w, const struct raci_report *r);

#endif
