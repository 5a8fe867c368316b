/*
 * xlsx_read.h - the sheets of an .xlsx workbook, as tables.
 *
 * A streaming reader of Office Open XML spreadsheets: libzip opens the
 * archive, libxml2's xmlTextReader reads each part as it is inflated,
 * without building a tree. What is read:
 *  - xl/workbook.xml: the sheets' names and order, and their r:id;
 *  - xl/_rels/workbook.xml.rels: where each sheet's part is (chart sheets
 *    and other parts are not sheets of cells, and are left alone);
 *  - xl/sharedStrings.xml: the shared strings, a rich text's runs joined
 *    (phonetic guides, <rPh>, left out);
 *  - each worksheet's cells: shared strings (t="s"), inline strings
 *    (t="inlineStr"), formula results (t="str": the value last computed,
 *    never the formula), booleans (TRUE, FALSE), errors (#N/A) and numbers,
 *    written as a spreadsheet shows them in the General format: an integer
 *    as "12", not "12.0", others with up to 15 significant digits ("0.1",
 *    "1E+20"). Styles are not read, so a date is its serial number.
 *  - merged cells (<mergeCells>): the value of a range's top-left cell is
 *    given to every cell of the range, so that an area column merged down
 *    over its tasks reads as the area on each of their rows.
 * Excel's escapes of characters XML cannot hold, _xHHHH_ (a UTF-16 unit in
 * hex; _x005F_ is the underscore), are decoded as Excel decodes them.
 *
 * Each sheet with a cell becomes one struct raci_table (reader.h): its
 * sheet named, cells' line the 1-based row and col the 1-based column, the
 * first non-empty row its header, the other non-empty rows in order (empty
 * rows skipped), and the cells of a row from column A to the header's last
 * column or the row's own last one, whichever is further right, a cell
 * that is not in the sheet being an empty one: so a row's cells line up
 * with the header's columns. t->encoding is "UTF-8", t->delimiter ','.
 * Empty sheets are left out.
 *
 * Text is UTF-8 (the XML's own encoding, by definition). What CSV's reader
 * flags, this one flags the same way, in a note on the cell (table.h), for
 * the model to report at the cell:
 * RACI_READER_BAD_TEXT for a control character XML cannot hold (kept), a
 * NUL or an unpaired UTF-16 surrogate written as an escape (U+FFFD), and
 * RACI_READER_LONG for a cell past RACI_READER_CELL_UNITS.
 *
 * What makes the workbook unreadable is RACI_ERROR_INPUT with a diag that
 * names the file, and the sheet and cell when there is one (diag->sheet,
 * line = row, col = column), and says what would be right: bytes that are
 * no zip archive; a zip that holds no workbook (no xl/workbook.xml, or a
 * sheet its relationships do not find); a part that is no well-formed XML
 * (or has a DTD, which no workbook has); a cell past Excel's last row or
 * column, or referring to a shared string the workbook does not have; and
 * the limits below.
 */
#ifndef RACI_XLSX_READ_H
#define RACI_XLSX_READ_H

#include <stddef.h>

#include "raci/diag.h"
#include "raci/error.h"
#include "raci/reader.h"
#include "raci/strpool.h"

/* The limits, each a resource limit: past it the workbook is not read
 * (exit 2), with the place it was reached. The file itself may be at most
 * RACI_READER_MAX_FILE bytes, and a cell RACI_READER_MAX_FIELD. */
/* Bytes of one part, inflated: checked against what the archive says and
 * counted as it is inflated, so that a zip bomb stops there. */
#define RACI_XLSX_READ_MAX_PART (512u * 1024u * 1024u)
/* Bytes of every part read, inflated. */
#define RACI_XLSX_READ_MAX_TOTAL (1024u * 1024u * 1024u)
/* Sheets in a workbook. */
#define RACI_XLSX_READ_MAX_SHEETS 1024u
/* Excel's last row and column (XFD1048576). */
#define RACI_XLSX_READ_MAX_ROWS 1048576u
#define RACI_XLSX_READ_MAX_COLS 16384u
/* Cells of all the tables, the empty ones that fill a row out included
 * (and those a merged range fills): what memory holds. */
#define RACI_XLSX_READ_MAX_CELLS (16u * 1024u * 1024u)

/* A workbook read: its non-empty sheets, in the workbook's order. */
struct raci_xlsx_read_book {
    const char *file;          /* display name, interned */
    struct raci_table *tables; /* one per non-empty sheet; tables[i].sheet names it */
    size_t ntables, cap;
    size_t nsheets; /* sheets in the workbook, the empty ones included */
};

/* Is this the start of a zip archive ("PK\3\4"; also an empty archive's
 * "PK\5\6")? len may be less than 4 (then: no). */
int raci_xlsx_read_is_zip(const char *data, size_t len);

/*
 * Read the workbook in len bytes of data into b (zeroed or released; what
 * it holds is released first). display names it in b->file and in
 * diagnostics (NULL: "<memory>"). Strings go into pool, which must outlive
 * b. RACI_OK; RACI_ERROR_INPUT with *diag (may be NULL); RACI_ERROR_NOMEM.
 * On any error b is left released, but for b->file.
 */
raci_error raci_xlsx_read_mem(struct raci_xlsx_read_book *b, const char *data, size_t len,
                              const char *display, struct raci_strpool *pool,
                              struct raci_diag *diag);

/* Free what b holds (not the interned strings) and zero it. */
void raci_xlsx_read_release(struct raci_xlsx_read_book *b);

#endif
