/*
 * baseline.h - known findings, recorded so that a CI job fails only on new
 * ones.
 *
 * A baseline holds findings by identity (rule and entity, see findings.h),
 * never by line, so a re-sorted or reformatted roster still matches it.
 * Should two findings share an identity, they are counted.
 *
 * The baseline file is JSON, sorted, one entry per identity:
 *   {
 *     "version": 1,
 *     "tool": "raci",
 *     "findings": [
 *       {"rule": "multiple-po", "entity": "product:atlas", "count": 1},
 *       {"rule": "pm-owns-strategy", "entity": "product:atlas/task:roadmap", "count": 1}
 *     ]
 *   }
 */
#ifndef RACI_BASELINE_H
#define RACI_BASELINE_H

#include <stddef.h>
#include <stdio.h>

#include "raci/diag.h"
#include "raci/error.h"
#include "raci/findings.h"

struct raci_baseline_entry {
    char *rule;
    char *entity;
    size_t count;
};

struct raci_baseline {
    struct raci_baseline_entry *v; /* sorted by rule, entity; unique */
    size_t n;
    size_t cap;
};

/* What applying a baseline marked known and what it no longer found. */
struct raci_baseline_diff {
    char *file;                         /* the baseline's path, as given */
    size_t known;                       /* findings marked known */
    struct raci_baseline_entry *absent; /* in the baseline, not found (count: how many) */
    size_t nabsent;
};

/* Record every finding of fs into b (zeroed or released first), known or
 * not. */
raci_error raci_baseline_build(struct raci_baseline *b, const struct raci_findings *fs);

/* Write b as JSON to out / to path (whole or not at all, through
 * outfile.h). RACI_ERROR_OUTPUT with errno on a write error. */
raci_error raci_baseline_dump(const struct raci_baseline *b, FILE *out);
raci_error raci_baseline_save(const struct raci_baseline *b, const char *path);

/*
 * Load the baseline at path into b (zeroed or released first). It is read
 * from a regular file or a pipe, at most 64 MiB of it: a directory or a
 * device (/dev/zero would be read until memory runs out) is refused before
 * it is read, and so is a file larger than that, whose reading stops
 * there. RACI_ERROR_IO when it cannot be read (errno says why);
 * RACI_ERROR_INPUT with diag for those, for malformed JSON (jansson's line
 * and column) and for a document that is not a raci baseline: then diag
 * has the line and column (in characters) of the value at fault, and the
 * text of that line: the member that makes it no baseline ("tool":
 * "eslint"), or for a malformed entry its member at fault ("count": 0) or
 * the entry itself (no "entity"), or the document when a member is missing.
 */
raci_error raci_baseline_load(struct raci_baseline *b, const char *path, struct raci_diag *diag);
/* Same, from len bytes in memory; display names it in diag. */
raci_error raci_baseline_load_mem(struct raci_baseline *b, const char *text, size_t len,
                                  const char *display, struct raci_diag *diag);

/*
 * Mark the findings of fs that b knows: f->known is set on as many findings
 * of each identity as b counts (the first ones in fs's order) and cleared on
 * every other. No finding moves: fs keeps its order and size, and the
 * writers of reports are given only the findings not known (view.h). diff
 * (zeroed or released first) gets how many were marked, and the entries of
 * b, with the count missing, that fs no longer holds. file is copied into
 * diff->file (may be NULL).
 */
raci_error raci_baseline_apply(const struct raci_baseline *b, const char *file,
                               struct raci_findings *fs, struct raci_baseline_diff *diff);

/* How many findings the baseline holds that no longer occur: the sum of
 * diff's absent counts. */
size_t raci_baseline_diff_gone(const struct raci_baseline_diff *d);

void raci_baseline_release(struct raci_baseline *b);
void raci_baseline_diff_release(struct raci_baseline_diff *d);

#endif
