/*
 * report_text.h - findings as gcc-style lines, the default format.
 *
 *   team.csv:12:5: error: task ... has 2 accountable people: ... [single-accountable]
 *   3 findings: 1 error, 1 warning, 1 info
 *   baseline 'raci-baseline.json': 12 known findings not shown; 1 no longer
 *   occurs: multiple-po product:atlas (write the baseline again to drop them)
 *
 * One line per finding (PRODUCT.md fixes its shape), then, unless quiet, a
 * count line and, when a baseline was applied, a line about it. With color,
 * ANSI colours as gcc uses them.
 *
 * Whatever a roster holds, each finding stays one line and no escape
 * sequence of its own reaches the terminal: in file names, messages (which
 * embed names) and baseline entries, control characters, DEL, C1 controls,
 * line separators, bidirectional overrides and bytes that are not UTF-8 are
 * shown as C-style escapes (\n, \x1b, \u202e), as report.h says; the
 * only escape sequences written are raci's own colours. A name holding
 * "\nteam.csv:1:1: error: forged [x]" prints as
 *
 *   team.csv:3:7: error: ... Ana\nteam.csv:1:1: error: forged [x] ... [multiple-po]
 */
#ifndef RACI_REPORT_TEXT_H
#define RACI_REPORT_TEXT_H

#include <stdio.h>

#include "raci/report.h"

raci_error raci_report_text(FILE *out, const struct raci_report *r);

#endif
