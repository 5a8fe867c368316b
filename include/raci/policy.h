/*
 * policy.h - the exit policy: when a run fails, and what raci exits with.
 *
 * PRODUCT.md fixes the statuses: 0 when no finding reaches --fail-on (and
 * the warnings are within --max-warnings), 1 when one does, 2 for trouble,
 * never 1 for an input error. The policy judges the findings that are
 * reported (view.h): those a baseline knows take no part.
 */
#ifndef RACI_POLICY_H
#define RACI_POLICY_H

#include "raci/error.h"
#include "raci/severity.h"
#include "raci/selection.h"

/* What raci exits with. */
enum raci_exit {
    RACI_EXIT_CLEAN = 0,    /* no finding fails the run */
    RACI_EXIT_FINDINGS = 1, /* a finding does */
    RACI_EXIT_TROUBLE = 2   /* a usage error, unreadable input, an unwritable output */
};

struct raci_policy {
    enum raci_severity fail_on; /* a finding at least this severe fails; RACI_SEV_OFF: never */
    long max_warnings;          /* more warnings than this fail; -1: no limit */
    /* --select and --ignore: per rule of the registry (rules.h, in its
     * order), 1 when the run drops that rule's findings; NULL: it drops
     * none. Not owned (options.h owns it). */
    const unsigned char *dropped;
};

/* The default: fail on an error, any number of warnings, every rule. */
#define RACI_POLICY_INIT                                                                           \
    {                                                                                              \
        RACI_SEV_ERROR, -1, NULL                                                                   \
    }

/* Does the run drop the findings of rule id (--select, --ignore)? */
int raci_policy_drops(const struct raci_policy *p, const char *id);

/*
 * Remove from fs the findings of the rules the run drops, keeping the
 * others in order. --select and --ignore work on findings, not on the
 * checks run: the checks all run and the ruleset's waivers are judged on
 * every finding (a waiver of an ignored rule is not unused), then the
 * findings are dropped before anything counts or shows them: the baseline,
 * the reports, the workbook and the exit status. RACI_ERROR_NOMEM (fs left
 * whole) when out of memory.
 */
raci_error raci_policy_filter(const struct raci_policy *p, struct raci_findings *fs);

/* Do these findings fail the run? */
int raci_policy_fails(const struct raci_policy *p, const struct raci_selection *findings);

/* Does f, one of findings, take part in failing the run? A finding at least
 * fail_on does; a warning also does when the warnings exceed max_warnings. */
int raci_policy_counts(const struct raci_policy *p, const struct raci_selection *findings,
                       const struct raci_finding *f);

/* The findings of in that take part in failing the run (raci_policy_counts),
 * in order: what -q shows. out is zeroed or released first. */
raci_error raci_policy_select(const struct raci_policy *p, const struct raci_selection *in,
                              struct raci_selection *out);

#endif
