/*
 * provenance.h - what an output was made from: the roster files read, the
 * ruleset and every base its `extends` reached, and raci's version.
 *
 * The workbook's Summary and the HTML report show the same list, so that a
 * reader of either can tell which inputs and which rules made it, and run
 * them again.
 */
#ifndef RACI_PROVENANCE_H
#define RACI_PROVENANCE_H

#include <stddef.h>

#include "raci/roster.h"
#include "raci/ruleset.h"

/* One line of provenance: what it is ("Roster", "Ruleset", "Extends",
 * "raci") and its value (a path as given on the command line, or the
 * version). A ruleset bundled with raci is shown by its file's name
 * ("default.yaml") with note "bundled with raci", since where it lies
 * depends on the machine, not on the run. All are borrowed: from static
 * text, r->files or rs->sources, and live as long as those do. */
struct raci_provenance_item {
    const char *label;
    const char *value;
    const char *note; /* NULL, or "bundled with raci" */
};

/*
 * The provenance of a run over roster r (NULL: none read) with ruleset rs
 * (NULL: the registry's defaults, shown as "(built-in defaults)"), in this
 * order: a "Roster" line per file, in the order read; "Ruleset", the file
 * named; an "Extends" line per base, in the order reached; and "raci" with
 * the version. Fills at most cap items of out (out may be NULL when cap is
 * 0) and returns how many there are, so that a caller can size out with a
 * first call.
 */
size_t raci_provenance_items(const struct raci_roster *r, const struct raci_ruleset *rs,
                             struct raci_provenance_item *out, size_t cap);

/* raci's version, "0.1.0". */
const char *raci_provenance_version(void);

#endif
