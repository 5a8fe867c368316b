/*
 * selection.h - some of the findings of a set, by pointer: what a writer is
 * given to write.
 *
 * The checks make one set of findings; a baseline marks some of them known
 * (raci_baseline_apply). What each output shows is a view of that set: the
 * findings that are reported (none known), and for -q only those among them
 * that fail the run (raci_policy_select). Writers write every finding of the
 * view they are given, in its order, and nothing else; the workbook gets the
 * whole set.
 *
 * A view owns its array only: the findings belong to the set, which must
 * outlive the view and not change while it is used.
 */
#ifndef RACI_SELECTION_H
#define RACI_SELECTION_H

#include <stddef.h>

#include "raci/error.h"
#include "raci/findings.h"

struct raci_selection {
    const struct raci_finding **v; /* in the set's order */
    size_t n;
    size_t cap;
};

/* Append f (not copied: it stays the set's). RACI_ERROR_NOMEM on failure. */
raci_error raci_selection_add(struct raci_selection *view, const struct raci_finding *f);

/* The findings of fs that are reported: every one no baseline knows
 * (f->known is 0), in fs's order. view is zeroed or released first. */
raci_error raci_selection_reported(struct raci_selection *view, const struct raci_findings *fs);

/* Number of findings of exactly this severity. */
size_t raci_selection_count(const struct raci_selection *view, enum raci_severity s);

/* Free the array (never the findings) and zero view. */
void raci_selection_release(struct raci_selection *view);

#endif
