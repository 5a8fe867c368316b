/*
 * xlsx.h - the annotated RACI workbook.
 *
 * Sheets: Summary, one per product, Findings, Roster (see README). The
 * workbook is written to a temporary file beside path and renamed into place
 * only when complete, so a failed run leaves any previous file untouched.
 * The same inputs give the same bytes.
 */
#ifndef RACI_XLSX_H
#define RACI_XLSX_H

#include "raci/error.h"
#include "raci/findings.h"
#include "raci/roster.h"
#include "raci/ruleset.h"

/* On failure returns RACI_ERROR_OUTPUT (or NOMEM) and describes it in diag
 * (file = path, line 0). */
raci_error raci_xlsx_write(const char *path, const struct raci_roster *r,
                           const struct raci_ruleset *rs, const struct raci_findings *fs,
                           struct raci_diag *diag);

/* Make an Excel-safe sheet name from name into out (at most 31 characters,
 * none of []:*?/\ , not starting or ending with '). Uniqueness is the
 * caller's: see the writer. Returns the length. */
size_t raci_xlsx_sheet_name(const char *name, char *out, size_t size);

#endif
