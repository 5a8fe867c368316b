/*
 * xlsx_part.h - the parts of a zip archive, read as XML node by node: the
 * plumbing of xlsx_read.h, and the one module that knows libzip and
 * libxml2's xmlTextReader.
 *
 * A part is inflated as the XML reader asks for bytes, so that no part is
 * held whole; the bytes are counted as they come, against the size the
 * archive declares for the part, RACI_XLSX_READ_MAX_PART and, with every
 * part read before, RACI_XLSX_READ_MAX_TOTAL: a zip bomb stops there. A
 * part with a DTD is refused (no workbook has one; XML bombs are built
 * from them); libxml2 never reaches the network.
 *
 * Failures are RACI_ERROR_INPUT with the archive's diag set: the file,
 * and, when the part is a sheet's and a cell is being read
 * (raci_xlsx_part_at), the sheet and cell; the message names the part and
 * says what would be right.
 */
#ifndef RACI_XLSX_PART_H
#define RACI_XLSX_PART_H

#include <stddef.h>
#include <stdint.h>

#include "raci/diag.h"
#include "raci/error.h"
#include "raci/str.h"

#if defined(__GNUC__)
#define RACI_XLSX_PART_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define RACI_XLSX_PART_PRINTF(f, a)
#endif

struct raci_xlsx_part_zip; /* an archive */
struct raci_xlsx_part;     /* one part of it, being read */

/* What raci_xlsx_part_next found. */
enum raci_xlsx_part_node {
    RACI_XLSX_PART_DONE = 0, /* the end of the part */
    RACI_XLSX_PART_START,    /* an element's start (raci_xlsx_part_empty: and its end) */
    RACI_XLSX_PART_CLOSE,    /* an element's end */
    RACI_XLSX_PART_TEXT,     /* text, CDATA or white space */
    RACI_XLSX_PART_OTHER     /* a comment, a processing instruction... */
};

/* Open the archive in len bytes of data (borrowed: it must outlive *z).
 * name names it in diagnostics, which go to diag (borrowed too). Bytes
 * that are no zip archive are RACI_ERROR_INPUT. */
raci_error raci_xlsx_part_zip_open(struct raci_xlsx_part_zip **z, const char *data, size_t len,
                                   const char *name, struct raci_diag *diag);

void raci_xlsx_part_zip_close(struct raci_xlsx_part_zip *z);

/* Fail about the archive as a whole: RACI_ERROR_INPUT with its diag at the
 * file (RACI_ERROR_NOMEM when that fails). */
raci_error raci_xlsx_part_zip_fail(struct raci_xlsx_part_zip *z, const char *fmt, ...)
    RACI_XLSX_PART_PRINTF(2, 3);

/* Does the archive hold a part named path (case-insensitively, as OPC
 * names are)? */
int raci_xlsx_part_exists(struct raci_xlsx_part_zip *z, const char *path);

/* Open part path (copied) of z into *p; sheet (copied, may be NULL) is the
 * sheet it is, for diagnostics. The part must exist. */
raci_error raci_xlsx_part_open(struct raci_xlsx_part **p, struct raci_xlsx_part_zip *z,
                               const char *path, const char *sheet);

/* Close p (NULL is fine). */
void raci_xlsx_part_close(struct raci_xlsx_part *p);

/* Read the next node into *node. RACI_OK; RACI_ERROR_INPUT (a limit, a
 * damaged archive, XML that does not parse, a DTD). */
raci_error raci_xlsx_part_next(struct raci_xlsx_part *p, enum raci_xlsx_part_node *node);

/* The node's local name (no prefix); "" when it has none. */
const char *raci_xlsx_part_name(const struct raci_xlsx_part *p);

/* Is the element just started empty (<c/>), so that no CLOSE follows? */
int raci_xlsx_part_empty(const struct raci_xlsx_part *p);

/* The element's attribute local (r, t, ref; with prefixed, one in a
 * namespace, such as r:id), malloc'd for the caller to free, or NULL when
 * it has none (or out of memory). */
char *raci_xlsx_part_attr(struct raci_xlsx_part *p, const char *local, int prefixed);

/* Append the text node to b; what names it ("cell", "shared string 3") if
 * it goes past RACI_READER_MAX_FIELD, which is RACI_ERROR_INPUT. */
raci_error raci_xlsx_part_add_text(struct raci_xlsx_part *p, struct raci_str *b, const char *what);

/* The cell being read (1-based; 0, 0: none), where a failure is said. */
void raci_xlsx_part_at(struct raci_xlsx_part *p, uint32_t row, uint32_t col);

/* Fail at p's cell, or at its sheet, or at the file. */
raci_error raci_xlsx_part_fail(struct raci_xlsx_part *p, const char *fmt, ...)
    RACI_XLSX_PART_PRINTF(2, 3);

#endif
