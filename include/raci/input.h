/*
 * input.h - a roster argument of the command line, read whatever it is.
 *
 * The bytes decide, not the name: a file that starts as a zip archive does
 * ("PK\3\4") is read as an .xlsx workbook (xlsx_read.h, and xlsx_roster.h
 * for what its sheets mean); any other is a CSV file (reader.h), except
 * that a file named .xlsx or .xlsm that is no zip archive is refused with
 * exit 2, since its reader would only see binary bytes. Standard input
 * ("-") may be either: it is read into memory, within
 * RACI_READER_MAX_FILE, then told apart the same way.
 */
#ifndef RACI_INPUT_H
#define RACI_INPUT_H

#include "raci/diag.h"
#include "raci/error.h"
#include "raci/roster.h"

/*
 * Read the roster at path ("-": standard input) into r. display names it
 * in locations and diagnostics (NULL: path itself, or "<stdin>" for "-").
 * Returns RACI_OK; RACI_ERROR_INPUT with *diag saying where;
 * RACI_ERROR_IO when the file cannot be opened or read (errno says why,
 * *diag names the file); RACI_ERROR_NOMEM.
 */
raci_error raci_input_add(struct raci_roster *r, const char *path, const char *display,
                          struct raci_diag *diag);

#endif
