/*
 * cmd_diff.h - `raci diff [options] BEFORE AFTER`: what a reorg changes,
 * and what it breaks.
 *
 * Each side is one roster, read as an audit reads it (cmd_audit.h: every
 * shape and format the readers know; '-' is standard input), or, when both
 * are directories, every roster under its directory (rosterdir.h: found
 * recursively, hidden entries skipped, in byte order), read together as
 * one roster, as an audit of them all would; a directory beside a file (or
 * '-') is a usage error. Either way each side is audited with the one
 * ruleset of the run: --rules FILE, else the default ruleset, for both
 * sides alike, so that a finding new after the change is new because of the
 * roster, not because of another ruleset.
 *
 * Standard output gets the diff in --format (report_diff.h): text, json and
 * markdown show every change; sarif, github, gitlab and junit carry only
 * the new findings, written by the audit's writers with the after roster.
 * With -q, text is only the new findings that fail the run, one line each,
 * and a line saying the churn is past --max-churn when it is (the other
 * formats are as without -q).
 *
 * With -o FILE.xlsx (and only then) the diff workbook is written too
 * (xlsx_diff.h), checked, begun, prepared and committed as an audit's
 * outputs are (outputs.h): standard output comes once the workbook is
 * complete on disk, and a run that fails before replaces nothing.
 *
 * Exit status: 1 when a new finding reaches --fail-on (the findings that
 * persist or are resolved take no part) or when --max-churn PCT is given
 * and more than PCT percent of the A's and R's change (diff.h defines the
 * churn); 2 for a usage error or an input that cannot be read; else 0.
 */
#ifndef RACI_CMD_DIFF_H
#define RACI_CMD_DIFF_H

#include "raci/options.h"
#include "raci/ruleset.h"

/* The exit status (policy.h); every problem is reported on standard error
 * before RACI_EXIT_TROUBLE is returned. */
int raci_cmd_diff(const struct raci_options *o, const struct raci_ruleset *rs);

#endif
