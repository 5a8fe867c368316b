/*
 * people.h - the people roster (--people FILE): who the people named in a
 * chart are.
 *
 * A published chart's columns are headed by roles or by people's names,
 * and say nothing more of them. The people roster is a long roster of the
 * people alone: person and title columns, optionally id and reports_to (as
 * PRODUCT.md names them, with their aliases; product, task and letters
 * columns, and any other, are not read). Each row gives a person a title
 * and a manager; a column of a chart headed by the name of a person it
 * lists is that person (raci_roster_column_person), with those titles and
 * that manager, so that every rule runs on them as on anyone else.
 */
#ifndef RACI_PEOPLE_H
#define RACI_PEOPLE_H

#include "raci/diag.h"
#include "raci/error.h"
#include "raci/reader.h"
#include "raci/roster.h"

/*
 * Add the people of t to r, each listed (raci_roster_list_person), before
 * any other table is added. A header without a person or title column is
 * RACI_ERROR_INPUT with the header's location in diag. A row with no name,
 * no title or the wrong number of fields is the roster's row issue,
 * located in t's file, and the rest is still read. t's strings must be
 * interned in r's pool.
 */
raci_error raci_people_add(struct raci_roster *r, const struct raci_table *t,
                           struct raci_diag *diag);

#endif
