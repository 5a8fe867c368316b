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
 * (l-unread). A cell that findings are about (a finding of its task and
 * its person) has a border of the worst one's severity (mark-error,
 * mark-warning, mark-info: the workbook's colours) and their rules and
 * messages as its title; so has a task's name for the findings about the
 * task alone. A legend above the tables says so.
 *
 * Of a large roster only the products the plan draws (report_html.h) have
 * a table, in roster order; a paragraph (#left-out) above them then says
 * how many matrices are left out and why, and a list (#other-products)
 * names the other products, in roster order.
 */
#ifndef RACI_REPORT_HTML_MATRIX_H
#define RACI_REPORT_HTML_MATRIX_H

#include <libxml/xmlwriter.h>

#include "raci/report.h"
#include "raci/report_html.h"

/* Write the matrices of r's products that plan pl draws to w (nothing when
 * r has no roster); 0, or non-zero when w failed. */
int raci_report_html_matrix(xmlTextWriterPtr w, const struct raci_report *r,
                            const struct raci_report_html_plan *pl);

#endif
