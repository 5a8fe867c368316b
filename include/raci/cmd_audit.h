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

#include "raci/diag.h"
#include "raci/error.h"
#include "raci/findings.h"
#include "raci/options.h"
#include "raci/roster.h"
#include "raci/ruleset.h"

/* The exit status (policy.h); every problem is reported on standard error
 * before RACI_EXIT_TROUBLE is returned. */
int raci_cmd_audit(const struct raci_options *o, const struct raci_ruleset *rs);

/*
 * What an audit and `raci diff` share: read o's --people roster (when
 * given) and the nfiles rosters (a file name "-" is standard input, shown
 * as o->stdin_filename when that is set; each read in o->input's shape)
 * into r (initialised with its pool and rs), finish the model and run the
 * checks into fs. RACI_ERROR_INPUT with diag, RACI_ERROR_IO with errno, or
 * RACI_ERROR_NOMEM on failure; raci_cmd_audit_input_error prints it.
 */
raci_error raci_cmd_audit_load(const struct raci_options *o, char *const *files, int nfiles,
                               const struct raci_ruleset *rs, struct raci_roster *r,
                               struct raci_findings *fs, struct raci_diag *diag);

/* Print on standard error why loading failed with err: diag when it has a
 * message, else what err (and errno, for RACI_ERROR_IO) says. */
void raci_cmd_audit_input_error(const struct raci_options *o, const struct raci_diag *diag,
                                raci_error err);

#endif
