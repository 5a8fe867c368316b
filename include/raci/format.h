/*
 * format.h - the report formats: the one table of their names, writers and
 * descriptions.
 *
 * --format and --report parse names against it, --help lists the names
 * from it, the man page's FORMATS section (raci --help-man) and the bash
 * completion (raci --help-completion) are printed from it: a format is
 * added here and nowhere else.
 */
#ifndef RACI_FORMAT_H
#define RACI_FORMAT_H

#include <stdio.h>

#include "raci/error.h"
#include "raci/report.h"
#include "raci/str.h"

/* Writes r to out (report.h says what every writer promises). */
typedef raci_error (*raci_format_writer)(FILE *out, const struct raci_report *r);

struct raci_format {
    const char *name;         /* as --format and --report take it: "sarif" */
    raci_format_writer write; /* raci_report_sarif */
    const char *help;         /* what it is, in sentences, for the man page */
};

/* Every format, the default (text) first, in the order --help lists them. */
const struct raci_format *raci_format_all(size_t *n);

/* The format of this name (exact, lower case), or NULL. */
const struct raci_format *raci_format_find(const char *name);

/* The names as a message lists them, appended to b: "text, json, sarif,
 * github, gitlab, junit or markdown". */
void raci_format_names(struct raci_str *b);

/* Write r to out in format f. */
raci_error raci_format_write(const struct raci_format *f, FILE *out, const struct raci_report *r);

/*
 * Write r in format f to path, whole or not at all (outfile.h): on failure
 * path is untouched, no temporary file is left, and RACI_ERROR_OUTPUT (or
 * NOMEM) is returned with errno saying why.
 */
raci_error raci_format_save(const struct raci_format *f, const char *path,
                            const struct raci_report *r);

#endif
