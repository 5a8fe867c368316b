/*
 * cmd_audit.h - `raci [options] ROSTER...`: read the rosters, run the
 * checks, apply a baseline, print the findings in --format, write each
 * --report and the workbook.
 *
 * Standard output and the --report files get the findings no baseline
 * knows (with -q, standard output only those that fail the run); the
 * workbook gets every finding, known ones included: it is for people, the
 * baseline for CI.
 *
 * The files are written as one (outputs.h): each begun before any roster
 * is read, each written and made final, then standard output (which
 * cannot be taken back, so it comes once nothing but a rename can fail),
 * then each renamed into place. A run that fails before the renames
 * replaces no file and leaves no temporary one.
 */
#ifndef RACI_CMD_AUDIT_H
#define RACI_CMD_AUDIT_H

#include "raci/options.h"
#include "raci/ruleset.h"

/* The exit status (policy.h); every problem is reported on standard error
 * before RACI_EXIT_TROUBLE is returned. */
int raci_cmd_audit(const struct raci_options *o, const struct raci_ruleset *rs);

#endif
