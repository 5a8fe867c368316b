/*
 * xlsx_table.h - the cells of one sheet, as xlsx_read.c finds them, made
 * into a table (reader.h), and the spelling of a workbook's values.
 *
 * Cells come in any order; merged ranges after them (as a sheet's XML has
 * <mergeCells> after <sheetData>). raci_xlsx_table_finish fills each merged
 * range with its top-left cell's value, then lays out the rows as
 * xlsx_read.h says: the first non-empty row the header, empty rows
 * skipped, each row filled with empty cells from column A to the header's
 * width or its own, whichever is wider.
 */
#ifndef RACI_XLSX_TABLE_H
#define RACI_XLSX_TABLE_H

#include <stddef.h>
#include <stdint.h>

#include "raci/diag.h"
#include "raci/error.h"
#include "raci/reader.h"
#include "raci/str.h"
#include "raci/strpool.h"

/* A text of the workbook, decoded, with what was wrong in it. */
struct raci_xlsx_table_text {
    const char *text; /* interned UTF-8 */
    uint32_t nbad;    /* bad or control characters (0: none) */
    enum raci_str_bad what;
    uint32_t code; /* as decode.h's: UNPAIRED the unit, CONTROL the code point, NUL 0 */
};

/* A cell of the sheet. */
struct raci_xlsx_table_cell {
    uint32_t row, col; /* 1-based */
    struct raci_xlsx_table_text v;
    uint32_t copy; /* 0: as written; else filled in from a merged range */
};

struct raci_xlsx_table_merge {
    uint32_t r1, c1, r2, c2; /* top-left and bottom-right, 1-based */
};

/* One sheet being read. */
struct raci_xlsx_table {
    struct raci_xlsx_table_cell *cells;
    size_t n, cap;
    struct raci_xlsx_table_merge *merges;
    size_t nmerges, cap_merges;
};

/*
 * Decode raw (len bytes of a string's text as the XML gave it, UTF-8):
 * Excel's _xHHHH_ escapes become the characters they stand for (a pair of
 * surrogates one character; an unpaired one, or NUL, U+FFFD), and every
 * bad or control character is counted in *out, whose text is interned in
 * pool. RACI_OK or RACI_ERROR_NOMEM.
 */
raci_error raci_xlsx_table_text(const char *raw, size_t len, struct raci_strpool *pool,
                                struct raci_xlsx_table_text *out);

/* A number as a cell holds it ("12", "1.5E+1", "0.30000000000000004")
 * written as a spreadsheet shows it in the General format: "12", "15",
 * "0.3". Returns 0 with out set, -1 when raw is no number. */
int raci_xlsx_table_number(const char *raw, char out[32]);

/* Parse an A1 reference ("C7", "$C$7"); 0 with *row and *col (1-based),
 * -1 when it is none. A row or column past UINT32_MAX is none; Excel's
 * limits are the caller's to check. */
int raci_xlsx_table_ref(const char *ref, uint32_t *row, uint32_t *col);

/* Parse a range "A1:C3" (or a single cell) into m; 0, or -1 when it is
 * none. */
int raci_xlsx_table_range(const char *ref, struct raci_xlsx_table_merge *m);

/* Add a cell (an empty value is dropped). RACI_OK or RACI_ERROR_NOMEM. */
raci_error raci_xlsx_table_add(struct raci_xlsx_table *s, uint32_t row, uint32_t col,
                               const struct raci_xlsx_table_text *v);

/* Add a merged range. RACI_OK or RACI_ERROR_NOMEM. */
raci_error raci_xlsx_table_merge(struct raci_xlsx_table *s, const struct raci_xlsx_table_merge *m);

/*
 * Lay the sheet out into t (zeroed; the empty cells' text interned in
 * pool; file, sheet, encoding and delimiter
 * are the caller's to set). *budget is how many cells the workbook may
 * still hold (RACI_XLSX_READ_MAX_CELLS at first), and is lowered by what
 * t takes. *empty is set when the sheet has no cell. RACI_OK;
 * RACI_ERROR_NOMEM; RACI_ERROR_INPUT with diag at the sheet's cell (its
 * file and sheet are the caller's to set) when the budget is spent.
 */
raci_error raci_xlsx_table_finish(struct raci_xlsx_table *s, struct raci_table *t,
                                  struct raci_strpool *pool, size_t *budget, int *empty,
                                  struct raci_diag *diag);

/* Free what s holds and zero it. */
void raci_xlsx_table_release(struct raci_xlsx_table *s);

#endif
