/*
 * xlsx_header.c - the print set-up of a sheet: orientation, what is
 * repeated on every page, the scale, the page header and footer
 * (xlsx_header.h).
 */
#include "raci/xlsx_header.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "raci/xlsx_book.h"

/* The header's font, set where it starts; set again, it prints nothing. */
#define HEADER_FONT "&\"-,Bold\""

/*
 * The piece of a page header that prints the character at t (k bytes, the
 * count returned), into *piece and *plen, and its UTF-16 units into *units.
 * A header's codes start with '&', so a literal '&' is "&&". libxlsxwriter
 * also counts every "&G" and "&[Picture]" in the header, even one made of
 * an escaped '&', as a picture to place: with none given it refuses the
 * header and leaves the worksheet holding the header it has freed, which
 * the workbook then frees again. So a 'G' or '[' that follows a literal '&'
 * is set apart from it by the font the header is in already: "P&G" is
 * P&&&"-,Bold"G, and prints P&G.
 */
static size_t header_piece(const char *t, const char **piece, size_t *plen, size_t *units)
{
    uint32_t cp = 0;
    size_t k = raci_str_decode(t, strlen(t), &cp);

    if (k == 0) /* cannot happen: t is XML-safe, so UTF-8 */
        k = 1;
    *piece = t;
    *plen = k;
    *units = cp >= 0x10000 ? 2 : 1;
    if (*t == '&') {
        int apart = t[1] == 'G' || t[1] == '[';
        *piece = apart ? "&&" HEADER_FONT : "&&";
        *plen = strlen(*piece);
        *units = *plen;
    }
    return k;
}

/* The page header that prints subject (XML-safe) centred and bold, into h:
 * whole when it fits Excel's 255 characters (counted in UTF-16 units, which
 * is never fewer than libxlsxwriter counts), or else cut between
 * characters, with an ellipsis. */
static void header_text(const char *subject, struct raci_str *h)
{
    const char *piece;
    size_t plen, u, total = strlen("&C" HEADER_FONT), max = LXW_HEADER_FOOTER_MAX;

    for (const char *t = subject; *t;) {
        t += header_piece(t, &piece, &plen, &u);
        total += u;
    }
    if (total > max)
        max--; /* room for the ellipsis */
    total = strlen("&C" HEADER_FONT);
    raci_str_add(h, "&C" HEADER_FONT);
    for (const char *t = subject; *t;) {
        size_t k = header_piece(t, &piece, &plen, &u);
        if (total + u > max) {
            raci_str_add(h, "\xE2\x80\xA6");
            break;
        }
        raci_str_addn(h, piece, plen);
        total += u;
        t += k;
    }
}

/* Would libxlsxwriter take header h: no more than 255 characters, and no
 * picture placeholder that a picture must fill? */
static int header_ok(const char *h)
{
    if (raci_str_chars(h, strlen(h)) > LXW_HEADER_FOOTER_MAX || strstr(h, "&[Picture]"))
        return 0;
    for (const char *p = h; *p; p++)
        if (p[0] == '&' && p[1] == 'G')
            return 0;
    return 1;
}

double raci_xlsx_header_fit_scale(const double *widths, size_t ncols)
{
    double px = 0;

    for (size_t c = 0; c < ncols; c++) /* as Excel draws a column: 7 pixels a unit and 5 */
        px += (double)(long)(widths[c] * 7 + 0.5) + 5;
    return px <= RACI_XLSX_HEADER_PAGE_PX ? 100 : 100 * RACI_XLSX_HEADER_PAGE_PX / px;
}

int raci_xlsx_header_page_setup(struct raci_xlsx_book *b, lxw_worksheet *ws, const char *subject,
                                uint32_t head_rows, int repeat_first_col, double scale)
{
    struct raci_str h = RACI_STR_INIT;
    char *owned;
    const char *t;
    int rc;

    worksheet_set_landscape(ws);
    if (scale <= 0 || scale >= RACI_XLSX_HEADER_MIN_SCALE) {
        worksheet_fit_to_pages(ws, 1, 0);
    } else { /* over pages, each beginning with the first column */
        worksheet_set_print_scale(ws, RACI_XLSX_HEADER_WIDE_SCALE);
        worksheet_print_across(ws);
        repeat_first_col = 1;
    }
    if (raci_xlsx_book_check(b, worksheet_repeat_rows(ws, 0, head_rows - 1)))
        return -1;
    if (repeat_first_col && raci_xlsx_book_check(b, worksheet_repeat_columns(ws, 0, 0)))
        return -1;
    if (!(t = raci_str_xml(subject, SIZE_MAX, &owned, NULL)))
        return raci_xlsx_book_nomem(b);
    header_text(t, &h);
    free(owned);
    if (h.failed)
        return raci_xlsx_book_nomem(b);
    /* A header libxlsxwriter refuses would be freed twice (above): it is
     * never given one. */
    if (!header_ok(h.s))
        rc = raci_xlsx_book_fail(b, "the page header of '%s' is no header Excel takes", subject);
    else
        rc = raci_xlsx_book_check(b, worksheet_set_header(ws, h.s));
    raci_str_release(&h);
    return rc ? rc : raci_xlsx_book_check(b, worksheet_set_footer(ws, "&CPage &P of &N"));
}
