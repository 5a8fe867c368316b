/*
 * rosterfile.h - a roster argument of the command line, read whatever it is.
 *
 * The bytes decide, not the name: a file that starts as a zip archive does
 * ("PK\3\4") is read as an .xlsx workbook (xlsx_read.h, and xlsx_roster.h
 * for what its sheets mean); any other is a CSV file (reader.h), except
 * that a file named .xlsx or .xlsm that is no zip archive is refused with
 * exit 2, since its reader would only see binary bytes. Standard input
 * ("-") may be either: it is read into memory, within
 * RACI_READER_MAX_FILE, then told apart the same way.
 */
#ifndef RACI_ROSTERFILE_H
#define RACI_ROSTERFILE_H

#include "raci/detect.h"
#include "raci/diag.h"
#include "raci/error.h"
#include "raci/roster.h"

/*
 * Read the roster at path ("-": standard input) into r, each table in the
 * shape input states (detect.h; --input): a CSV file's, each sheet's of a
 * workbook (xlsx_roster.h). display names it in locations and diagnostics
 * (NULL: path itself, or "<stdin>" for "-").
 * Returns RACI_OK; RACI_ERROR_INPUT with *diag saying where;
 * RACI_ERROR_IO when the file cannot be opened or read (errno says why,
 * *diag names the file); RACI_ERROR_NOMEM.
 */
raci_error raci_rosterfile_add(struct raci_roster *r, const char *path, const char *display,
                               enum raci_detect_input input, struct raci_diag *diag);

#endif
