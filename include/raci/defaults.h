/*
 * defaults.h - the RACI a product gets when its rows name no task at all,
 * generated from the ruleset's default table by the roles its team's
 * titles map to (part of raci_roster_finish; roster.h).
 */
#ifndef RACI_DEFAULTS_H
#define RACI_DEFAULTS_H

#include "raci/error.h"

struct raci_roster;

/*
 * For each product with no task at all, the assignments of the ruleset's
 * default table, flagged RACI_ASSIGN_GENERATED: for each default task, its
 * team's letters by the roles they hold, the A to one person alone (the
 * first member in the accountable role, or in its fallback roles); a task
 * nobody is accountable for gets no row. Needs the member views
 * (raci_view_build_members). RACI_OK or RACI_ERROR_NOMEM.
 */
raci_error raci_defaults_generate(struct raci_roster *r);

#endif
