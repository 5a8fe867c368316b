/*
 * optnum.h - the options whose value is a number: --max-warnings,
 * --max-churn, --max-sheets. Each reads its value strictly (the whole
 * argument, no sign where none makes sense), sets it in o and returns
 * RACI_EXIT_CLEAN; or prints the usage error (raci_options_usage_error:
 * "raci: invalid --max-sheets 'x' (expected ...)") and returns
 * RACI_EXIT_TROUBLE, o unchanged.
 */
#ifndef RACI_OPTNUM_H
#define RACI_OPTNUM_H

#include "raci/options.h"

/* --max-warnings N: a whole number, or -1 for no limit. */
int raci_optnum_max_warnings(struct raci_options *o, const char *arg);

/* --max-churn PCT: a percentage from 0 to 100. */
int raci_optnum_max_churn(struct raci_options *o, const char *arg);

/* --max-sheets N: a whole number from 0 to 100000 of digits alone. */
int raci_optnum_max_sheets(struct raci_options *o, const char *arg);

#endif
