/*
 * orgchart.h - the org chart as a picture: the reporting lines of a
 * roster, laid out and drawn by Graphviz (its dot layout), as SVG or PNG.
 *
 * One node per person (name, first title, roles; the roles left out when
 * they are the title's words again, case and punctuation aside), an edge
 * from each manager to each report. A person on exactly one product is
 * drawn inside that product's cluster, labelled at its foot, where the
 * lines drawn up to a manager do not cross it. The report's findings are marked: the edges of a
 * reporting loop in red, a manager reports_to names who is not on the
 * roster as a dashed node, a manager over span-of-control with a thick
 * border, a product without a Product Owner with a red cluster label; a
 * legend says so. A roster of more than RACI_ORGCHART_MAX_NODES people is
 * drawn down to the deepest layer that keeps it under the limit, each
 * manager at that layer with one node counting the people hidden below,
 * and the picture's label says so. When the top layer alone (with the
 * loops, always drawn) is over the limit, as in an HR export where
 * thousands have no manager on the roster, only the RACI_ORGCHART_MAX_NODES
 * people there with the largest teams are drawn, and the label says how
 * many were left out.
 *
 * The same report gives the same bytes: nodes are named by roster index and
 * added in roster order, and Graphviz writes no date.
 */
#ifndef RACI_ORGCHART_H
#define RACI_ORGCHART_H

#include <stddef.h>
#include <stdio.h>

#include "raci/error.h"
#include "raci/report.h"

/* Most person nodes drawn before the chart is collapsed below a layer. */
#define RACI_ORGCHART_MAX_NODES 300

/* Write r's org chart to out as SVG (a report writer of format.h). */
raci_error raci_orgchart_svg(FILE *out, const struct raci_report *r);

/* Write r's org chart to out as PNG: 96 dots an inch, 24-bit RGB on white,
 * encoded cheaply (orgchart_png.h). */
raci_error raci_orgchart_png(FILE *out, const struct raci_report *r);

/* Build r's graph without drawing it, and count it: *nodes and *edges get
 * Graphviz's counts, legend included; *hidden the people collapsed away. */
raci_error raci_orgchart_count(const struct raci_report *r, size_t *nodes, size_t *edges,
                               size_t *hidden);

#endif
