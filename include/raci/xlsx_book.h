/*
 * xlsx_book.h - the state of one workbook being written, inside the xlsx
 * writer: its inputs and layout, libxlsxwriter's workbook, sheets and cell
 * formats, the first failure, and the helpers that write a cell.
 *
 * Internal to the writer (src/write/xlsx*.c): the only header that
 * includes xlsxwriter.h. Every helper
 * returns 0, or -1 after recording the first failure in the book (later ones
 * are dropped, so that the message is about what went wrong first); the
 * writers stop at the first -1.
 */
#ifndef RACI_XLSX_BOOK_H
#define RACI_XLSX_BOOK_H

#include <stdint.h>

#include <xlsxwriter.h>

#include "raci/error.h"
#include "raci/findings.h"
#include "raci/roster.h"
#include "raci/ruleset.h"
#include "raci/str.h"
#include "raci/xlsx_layout.h"

/* Excel's limit on a cell's text: 32767 characters, counted in UTF-16 units
 * (a character beyond U+FFFF counts two; libxlsxwriter, counting code
 * points, never counts more). */
#define RACI_XLSX_BOOK_STR_MAX 32767

/* Formats by severity are indexed as the layout counts (0: none). */
#define RACI_XLSX_BOOK_NSEV RACI_XLSX_LAYOUT_NSEV

/* How a matrix cell looks: by its strongest letter (A strongest), or
 * generated from the ruleset, or unreadable (shown as written). */
enum raci_xlsx_book_look {
    RACI_XLSX_BOOK_PLAIN,
    RACI_XLSX_BOOK_A,
    RACI_XLSX_BOOK_R,
    RACI_XLSX_BOOK_C,
    RACI_XLSX_BOOK_I,
    RACI_XLSX_BOOK_GENERATED,
    RACI_XLSX_BOOK_UNREAD,
    RACI_XLSX_BOOK_NLOOKS
};

struct raci_pair;

/* How the cell of pair pr (NULL for none) looks, on a product sheet
 * as on Other products: raci_view_pair_look (view.h), as the workbook
 * indexes its formats. */
enum raci_xlsx_book_look raci_xlsx_book_look(const struct raci_pair *pr);

/* The cell formats, made once per workbook. Those by severity carry the
 * mark of a finding of that severity (none at index 0). */
struct raci_xlsx_book_formats {
    lxw_format *header, *subheader, *text, *bold;
    lxw_format *pass, *fail;
    lxw_format *link;                     /* a link in a row of wrapped text: at its top */
    lxw_format *count;                    /* a number in such a row: at its top, centred */
    lxw_format *sev[RACI_XLSX_BOOK_NSEV]; /* severity names */
    lxw_format *cell[RACI_XLSX_BOOK_NLOOKS][RACI_XLSX_BOOK_NSEV]; /* matrix cells */
    lxw_format *task[RACI_XLSX_BOOK_NSEV];                        /* task names */
    lxw_format *person[RACI_XLSX_BOOK_NSEV];                      /* people's names */
    lxw_format *product[RACI_XLSX_BOOK_NSEV];                     /* the product's name */
    lxw_format *summary[RACI_XLSX_BOOK_NSEV]; /* the Findings column of a product sheet */
};

struct raci_xlsx_book {
    const char *path; /* the target, for messages */
    const struct raci_roster *r;
    const struct raci_ruleset *rs;
    const struct raci_findings *fs;
    const struct raci_xlsx_layout *lay;

    lxw_workbook *wb;
    struct raci_xlsx_book_formats f;
    lxw_worksheet **sheets; /* per product, NULL for one without; owned (the array) */
    lxw_worksheet *summary;
    lxw_worksheet *findings, *roster; /* the part of each being written */
    /* By layout kind (ROSTER, REST, FINDINGS): each part; owned (the arrays). */
    lxw_worksheet **parts[RACI_XLSX_LAYOUT_NKINDS];
    lxw_worksheet *org; /* the Org chart sheet, NULL when there is none (xlsx_org.h) */

    raci_error err;  /* the first failure, RACI_OK while there is none */
    lxw_error lxerr; /* its libxlsxwriter code, when it was one */
    char *why;       /* or a message of its own; owned */
};

/* Free what the book owns (not the workbook) and zero it. */
void raci_xlsx_book_release(struct raci_xlsx_book *b);

/* ------------------------------------------------------------ failures -- */

/* Out of memory. Returns -1. */
int raci_xlsx_book_nomem(struct raci_xlsx_book *b);

/* Record e, the result of a libxlsxwriter call; -1 when it is a failure. */
int raci_xlsx_book_check(struct raci_xlsx_book *b, lxw_error e);

/* A failure that is no libxlsxwriter error code (a NULL it returned, a
 * limit); the message completes "unable to write workbook 'x': ". -1. */
int raci_xlsx_book_fail(struct raci_xlsx_book *b, const char *fmt, ...) RACI_PRINTF(2, 3);

/* -------------------------------------------------------------- sheets -- */

/* Add the sheet called name (made safe already, sheetname.h), whose name
 * every formula of libxlsxwriter's then quotes; NULL after recording the
 * failure. */
lxw_worksheet *raci_xlsx_book_sheet(struct raci_xlsx_book *b, const char *name);

/* --------------------------------------------------------------- cells -- */

/* Text s (NULL or "" writes a blank, and only when fmt is given), made
 * XML-safe; when longer than a cell holds, its first 32766 units and an
 * ellipsis (the reader reports such a cell). */
int raci_xlsx_book_str(struct raci_xlsx_book *b, lxw_worksheet *ws, uint32_t row, uint32_t col,
                       const char *s, lxw_format *fmt);

int raci_xlsx_book_num(struct raci_xlsx_book *b, lxw_worksheet *ws, uint32_t row, uint32_t col,
                       double v, lxw_format *fmt);

/* An internal link showing text, to cell (trow, tcol) of sheet. *nlinks
 * counts the sheet's links: past Excel's limit a sheet holds, the text is
 * written without its link. */
int raci_xlsx_book_link(struct raci_xlsx_book *b, lxw_worksheet *ws, unsigned *nlinks, uint32_t row,
                        uint32_t col, const char *sheet, uint32_t trow, uint32_t tcol,
                        const char *text, lxw_format *fmt);

/* A comment (already XML-safe) of nlines lines on a cell. */
int raci_xlsx_book_comment(struct raci_xlsx_book *b, lxw_worksheet *ws, uint32_t row, uint32_t col,
                           const char *text, size_t nlines);

/* Print set-up: landscape, one page wide, the first head_rows rows (and
 * with repeat_first_col the first column) on every page, subject in the
 * header and page numbers in the footer (raci_xlsx_header_page_setup,
 * xlsx_header.h, with no scale to keep). */
int raci_xlsx_book_page_setup(struct raci_xlsx_book *b, lxw_worksheet *ws, const char *subject,
                              uint32_t head_rows, int repeat_first_col);

/* ------------------------------------------------------------- formats -- */

/* Make every format of b->f. */
int raci_xlsx_book_formats(struct raci_xlsx_book *b);

/* ---------------------------------------------------------------- text -- */

/*
 * A list of items for one cell, joined by sep (NULL for "; "). All of it
 * when the cell holds it (RACI_XLSX_BOOK_STR_MAX units); otherwise the items
 * that fit with room for the tail, then "; … and 120 more products" (each
 * of them is in full on a sheet of its own). A first item longer than that
 * on its own is cut, with an ellipsis. Zero-initialise it
 * (RACI_XLSX_BOOK_LIST_INIT).
 */
struct raci_xlsx_book_list {
    struct raci_str text;
    size_t units;        /* UTF-16 units of text */
    size_t n;            /* items in text */
    size_t more;         /* items past what a cell holds, counted only */
    size_t keep, keep_n; /* bytes and items of text that leave room for the tail */
    size_t first_fit;    /* bytes of the first item that leave room for it and "…" */
    const char *sep;     /* between items; NULL for "; " (a string that outlives the list) */
};

#define RACI_XLSX_BOOK_LIST_INIT                                                                   \
    {                                                                                              \
        RACI_STR_INIT, 0, 0, 0, 0, 0, 0, NULL                                                      \
    }

void raci_xlsx_book_list_add(struct raci_xlsx_book_list *l, const char *item);

/* Write the list into a cell (as raci_xlsx_book_str), its items called what
 * ("product": "1 more product", "2 more products"). */
int raci_xlsx_book_list_write(struct raci_xlsx_book *b, lxw_worksheet *ws, uint32_t row,
                              uint32_t col, struct raci_xlsx_book_list *l, const char *what,
                              lxw_format *fmt);

void raci_xlsx_book_list_release(struct raci_xlsx_book_list *l);

/* A person's titles, added to out. */
void raci_xlsx_book_titles(const struct raci_person *pe, struct raci_xlsx_book_list *out);

#endif
