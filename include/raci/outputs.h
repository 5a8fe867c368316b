/*
 * outputs.h - the files an audit writes, which stand or fall together.
 *
 * An audit writes the workbook (-o, or output/<roster>-raci.xlsx; none with
 * --no-xlsx), each --report FMT=FILE, the --write-baseline FILE and the
 * exports, --export-roster FILE and --export-matrix FILE (export.h),
 * besides standard output. They are written as one:
 *
 *  1. raci_outputs_check, before any work: an output that is an input of
 *     the run (a roster, the people roster, standard input when it is a file, every file the
 *     ruleset was read from, its bases included, the --baseline), the file standard output goes to,
 * or another output is a usage error, and an output that is not a regular file (outfile.h) is
 * refused. Two paths are the same file when they are the same text, name one existing file (device
 * and inode: hard and symbolic links too), or, for a file not there yet, name the same entry of the
 * same directory once the directory's path is resolved. --write-baseline FILE --baseline FILE is
 * allowed: the findings are reported against FILE as it was, and FILE then records them all.
 *  2. raci_outputs_begin: a temporary file beside each (outfile.h), before
 *     any roster is read.
 *  3. The audit writes each of them; raci_outputs_prepare makes each final
 *     on disk, everything but the rename.
 *  4. Standard output is written, after every file is complete and before
 *     any is in place: it cannot be taken back, so it comes once nothing
 *     else can fail but a rename. When it fails, no file is replaced.
 *  5. raci_outputs_commit renames each into place.
 *
 * A failure at any step before 5 aborts every output: each target stays as
 * it was, and no temporary file is left. Only a rename failing in step 5
 * (the directory changed under raci) can leave some replaced and others
 * not; it is reported.
 *
 * The ruleset is compared by the file named (--rules, or the default) alone:
 * the rulesets its `extends` chain reads are not known here.
 */
#ifndef RACI_OUTPUTS_H
#define RACI_OUTPUTS_H

#include <stddef.h>

#include "raci/error.h"
#include "raci/format.h"
#include "raci/options.h"
#include "raci/ruleset.h"
#include "raci/outfile.h"

enum raci_output_kind {
    RACI_OUTPUT_WORKBOOK,
    RACI_OUTPUT_REPORT,
    RACI_OUTPUT_BASELINE,
    RACI_OUTPUT_ROSTER, /* --export-roster */
    RACI_OUTPUT_MATRIX  /* --export-matrix */
};

struct raci_output {
    enum raci_output_kind kind;
    const struct raci_format *format; /* a report's; NULL for the others */
    char *path;                       /* owned */
    int made_dir;                     /* the default workbook: make output/ first */
    struct raci_outfile of;           /* once begun; zeroed when committed or aborted */
};

struct raci_outputs {
    struct raci_output *v; /* the workbook, the reports as given, the baseline, the exports */
    size_t n;
};

/* The outputs o asks for, none begun. RACI_ERROR_NOMEM on failure. */
raci_error raci_outputs_init(struct raci_outputs *set, const struct raci_options *o);

/* The output of this kind (the workbook, the baseline), or NULL. */
struct raci_output *raci_outputs_find(struct raci_outputs *set, enum raci_output_kind kind);

/*
 * Step 1 for the outputs of o, whose ruleset is the file rules (NULL: none
 * to compare). RACI_EXIT_CLEAN, or RACI_EXIT_TROUBLE once the reason is
 * printed on standard error: "the json report 'team.csv' would overwrite
 * the roster 'team.csv' (choose another FILE for --report json=FILE)".
 */
int raci_outputs_check(const struct raci_options *o, const struct raci_ruleset *rs);

/* Step 2. RACI_EXIT_CLEAN, or RACI_EXIT_TROUBLE once the reason is printed,
 * with every output aborted. */
int raci_outputs_begin(struct raci_outputs *set);

/* Step 3's end. The same, with every output aborted on failure. */
int raci_outputs_prepare(struct raci_outputs *set);

/* Step 5. The same; on failure, those not yet renamed are aborted. */
int raci_outputs_commit(struct raci_outputs *set);

/* "unable to write json report 'r.json': REASON" on standard error, where
 * REASON is why (or strerror(errno) when why is NULL). */
void raci_outputs_error(const struct raci_output *out, const char *why);

/* Abort every output not committed, and free set. */
void raci_outputs_release(struct raci_outputs *set);

#endif
