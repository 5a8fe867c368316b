/*
 * report_mermaid.h - the reporting lines as a Mermaid flowchart, for the
 * Markdown report (report_markdown.h): GitHub draws a ```mermaid block in
 * a pull-request comment and in a job summary, where no picture file can
 * go.
 *
 *   #### Reporting lines
 *
 *   ```mermaid
 *   flowchart TD
 *       p0["Ana Silva<br>Director"]             one node per person,
 *       p1["Bo Chen<br>Product Owner"]          named by roster index
 *       m1["Nora Quinn<br>(not on the roster)"] a manager reports_to names
 *       p0 --> p1                               who is not a person
 *       m1 --> p0
 *       classDef span stroke-width:4px          more direct reports than
 *       classDef missing stroke-dasharray:5 5   span-of-control's limit
 *       classDef loop stroke:#d00               (its finding reported), a
 *       class p0 span                           missing manager, the people
 *       linkStyle 3,4 stroke:#d00               and edges of a reporting
 *   ```                                         loop
 *
 * and a line saying what the styles mean. Written only when someone on the
 * roster has a reports_to (without one there are no lines to draw), and
 * only for a roster of at most RACI_MERMAID_MAX_PEOPLE people: above that
 * a sentence says the chart is left out and that --report svg= draws it
 * (Graphviz lays a large chart out; a browser drawing a comment should not
 * have to).
 *
 * Labels. Each label is a double-quoted Mermaid string: the person's name,
 * "<br>" and their first title. Mermaid reads a label as HTML and has no
 * escape of its own for a double quote inside one; it writes characters as
 * entity codes, '#' then an HTML entity's name or a decimal code point then
 * ';'. So these are written as entity codes, and nothing else is changed:
 * '"' as #quot;, '#' as #35; (else "#quot;" in a name would become a
 * quote), '&' as #amp;, '<' as #lt; and '>' as #gt; (else a name could be
 * an HTML tag or entity), and '`' as #96; (a label opening with a backtick
 * is Mermaid's Markdown string). A line break is <br>; the control
 * characters str.h lists are shown as escapes (\x1b), as in every report.
 * A name or title longer than RACI_MERMAID_MAX_TEXT bytes, as written, is
 * cut with an ellipsis, so that a block of RACI_MERMAID_MAX_PEOPLE people
 * stays well under Mermaid's limit on a diagram's text (50,000 characters)
 * and a comment under GitHub's (65,536).
 *
 * The same report gives the same bytes: people in roster order.
 */
#ifndef RACI_REPORT_MERMAID_H
#define RACI_REPORT_MERMAID_H

#include <stdio.h>

#include "raci/report.h"

/* Most people drawn; a larger roster gets a sentence instead. */
#define RACI_MERMAID_MAX_PEOPLE 100

/* Most bytes of one name or title in a label, entity codes included. */
#define RACI_MERMAID_MAX_TEXT 80

/* Write the "Reporting lines" section of r's roster to out (nothing when
 * r has no roster or nobody has a reports_to). */
raci_error raci_report_mermaid(FILE *out, const struct raci_report *r);

#endif
