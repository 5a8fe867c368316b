/*
 * optnum.c - the options whose value is a number, each parsed strictly.
 */
#include "raci/optnum.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>

/* The most --max-sheets accepts: far more than a workbook is usable with. */
#define MAX_SHEETS_LIMIT 100000

int raci_optnum_max_warnings(struct raci_options *o, const char *arg)
{
    char *end;
    long n;

    errno = 0;
    n = strtol(arg, &end, 10);
    if (errno || end == arg || *end || n < -1)
        return raci_options_usage_error("invalid --max-warnings '%s' (expected a number of "
                                        "warnings, or -1 for no limit)",
                                        arg);
    o->policy.max_warnings = n;
    return RACI_EXIT_CLEAN;
}

int raci_optnum_max_sheets(struct raci_options *o, const char *arg)
{
    char *end;
    unsigned long n = 0;
    int bad = arg[0] < '0' || arg[0] > '9'; /* strtoul would take a sign and spaces */

    if (!bad) {
        errno = 0;
        n = strtoul(arg, &end, 10);
        bad = errno || *end || n > MAX_SHEETS_LIMIT;
    }
    if (bad)
        return raci_options_usage_error("invalid --max-sheets '%s' (expected a number of "
                                        "product sheets from 0 to %d, such as 200)",
                                        arg, MAX_SHEETS_LIMIT);
    o->max_sheets = (size_t)n;
    return RACI_EXIT_CLEAN;
}

int raci_optnum_max_churn(struct raci_options *o, const char *arg)
{
    char *end;
    double pct;

    errno = 0;
    pct = strtod(arg, &end);
    if (errno || end == arg || *end || !(pct >= 0 && pct <= 100))
        return raci_options_usage_error("invalid --max-churn '%s' (expected a percentage from 0 "
                                        "to 100, such as 20)",
                                        arg);
    o->max_churn = pct;
    return RACI_EXIT_CLEAN;
}
