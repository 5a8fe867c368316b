/*
 * xlsx_book.c - the workbook being written: failures, cell helpers and
 * cell formats, shared by the sheet writers (the print set-up is
 * xlsx_header.c's).
 */
#include "raci/xlsx_book.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "raci/progress.h"
#include "raci/view.h"
#include "raci/xlsx_header.h"

/* Severity colours, by raci_xlsx_layout_severity (0: none). */
static const lxw_color_t book_sev_fill[RACI_XLSX_BOOK_NSEV] = {0, 0xDDEBF7, 0xFFEB9C, 0xFFC7CE};
static const lxw_color_t book_sev_line[RACI_XLSX_BOOK_NSEV] = {0, 0x2E75B6, 0xED7D31, 0xC00000};
static const lxw_color_t book_sev_font[RACI_XLSX_BOOK_NSEV] = {0, 0x1F4E79, 0x9C5700, 0x9C0006};

void raci_xlsx_book_release(struct raci_xlsx_book *b)
{
    free(b->why);
    free(b->sheets);
    for (int k = 0; k < RACI_XLSX_LAYOUT_NKINDS; k++)
        free(b->parts[k]);
    memset(b, 0, sizeof(*b));
}

/* ------------------------------------------------------------ failures -- */

int raci_xlsx_book_nomem(struct raci_xlsx_book *b)
{
    if (b->err == RACI_OK)
        b->err = RACI_ERROR_NOMEM;
    return -1;
}

int raci_xlsx_book_check(struct raci_xlsx_book *b, lxw_error e)
{
    if (e == LXW_NO_ERROR)
        return 0;
    if (b->err == RACI_OK) {
        b->err = RACI_ERROR_OUTPUT;
        b->lxerr = e;
    }
    return -1;
}

int raci_xlsx_book_fail(struct raci_xlsx_book *b, const char *fmt, ...)
{
    va_list ap;

    if (b->err != RACI_OK)
        return -1;
    va_start(ap, fmt);
    b->why = raci_str_vprintf(fmt, ap);
    va_end(ap);
    b->err = b->why ? RACI_ERROR_OUTPUT : RACI_ERROR_NOMEM;
    return -1;
}

/* -------------------------------------------------------------- sheets -- */

/* The print titles of a product's sheet, 'Name'!$A:$A,'Name'!$1:$2, must fit
 * the formula of a defined name, which libxlsxwriter keeps in
 * LXW_DEFINED_NAME_LENGTH bytes (sheetname.h keeps names short for it). */
_Static_assert(RACI_XLSX_LAYOUT_HEAD_ROWS < 10, "one digit of head rows");
_Static_assert(2 * RACI_SHEETNAME_QUOTED_MAX + sizeof("!$A:$A,!$1:$2") - 1 <
                   LXW_DEFINED_NAME_LENGTH,
               "print titles fit a defined name");

lxw_worksheet *raci_xlsx_book_sheet(struct raci_xlsx_book *b, const char *name)
{
    lxw_worksheet *ws = workbook_add_worksheet(b->wb, name);
    char *quoted;

    if (!ws) {
        raci_xlsx_book_fail(b, "cannot add sheet '%s'", name);
        return NULL;
    }
    raci_progress_add(RACI_PROGRESS_SHEETS, 1);
    /* libxlsxwriter leaves a name of letters, digits, '_' and '.' bare in
     * the formulas of its defined names (the print titles), but Excel reads
     * a bare Q3 or FY24 as a cell, and 2024 as a number: quoted, any name is
     * a sheet's. Such a name holds no apostrophe to double. */
    if (!ws->quoted_name || ws->quoted_name[0] != '\'') {
        if (!(quoted = raci_str_printf("'%s'", name))) {
            raci_xlsx_book_nomem(b);
            return NULL;
        }
        free(ws->quoted_name);
        ws->quoted_name = quoted;
    }
    return ws;
}

/* --------------------------------------------------------------- cells -- */

/* The UTF-16 units of the n bytes of UTF-8 at s, Excel's measure of text (a
 * byte that is no UTF-8 counts one: it becomes U+FFFD, raci_str_xml); with
 * *fit (when not NULL) the bytes of its longest prefix of whole characters
 * within max units. */
static size_t book_units(const char *s, size_t n, size_t max, size_t *fit)
{
    size_t units = 0, i = 0;

    if (fit)
        *fit = n;
    while (i < n) {
        uint32_t cp = 0;
        size_t k = raci_str_decode(s + i, n - i, &cp), u = cp >= 0x10000 ? 2 : 1;
        if (k == 0)
            k = 1;
        if (fit && *fit == n && units + u > max)
            *fit = i;
        units += u;
        i += k;
    }
    return units;
}

/* Whether s is text that raci_str_xml and raci_str_xstring leave as it is
 * and that a cell holds whole: printable ASCII, tabs and line feeds, no
 * "_xHHHH_", at most RACI_XLSX_BOOK_STR_MAX bytes. Most cells are: they are
 * written without the two passes and their copies. */
static int book_plain(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = 0;

    for (; *p && n <= RACI_XLSX_BOOK_STR_MAX; p++, n++) {
        if (*p < 0x20 ? *p != '\t' && *p != '\n' : *p > 0x7E)
            return 0;
        if (*p == '_' && raci_str_xstring_unit((const char *)p, strnlen((const char *)p, 7)) >= 0)
            return 0;
    }
    return *p == '\0';
}

/* s made XML-safe and cut to what a cell holds, RACI_XLSX_BOOK_STR_MAX
 * UTF-16 units: when longer, its first 32766 units and an ellipsis. NULL
 * when out of memory; *owned as raci_str_xml. */
static const char *book_cell_text(const char *s, char **owned)
{
    const char *t;
    size_t n, fit;

    if (book_plain(s)) {
        *owned = NULL;
        return s;
    }
    t = raci_str_xml(s, SIZE_MAX, owned, NULL);
    if (t && !(t = raci_str_xstring(t, owned)))
        return NULL;
    n = t ? strlen(t) : 0;
    char *cut;

    /* A unit is at least one byte: text of fewer bytes fits. */
    if (!t || n <= RACI_XLSX_BOOK_STR_MAX ||
        book_units(t, n, RACI_XLSX_BOOK_STR_MAX - 1, &fit) <= RACI_XLSX_BOOK_STR_MAX)
        return t;
    if (!(cut = malloc(fit + 4))) {
        free(*owned);
        *owned = NULL;
        return NULL;
    }
    memcpy(cut, t, fit);
    memcpy(cut + fit, "\xE2\x80\xA6", 4); /* an ellipsis, and the terminator */
    free(*owned);
    *owned = cut;
    return cut;
}

int raci_xlsx_book_str(struct raci_xlsx_book *b, lxw_worksheet *ws, uint32_t row, uint32_t col,
                       const char *s, lxw_format *fmt)
{
    char *owned;
    const char *t;
    int rc;

    if (!s || !*s)
        return fmt ? raci_xlsx_book_check(b, worksheet_write_blank(ws, row, (lxw_col_t)col, fmt))
                   : 0;
    if (!(t = book_cell_text(s, &owned)))
        return raci_xlsx_book_nomem(b);
    rc = raci_xlsx_book_check(b, worksheet_write_string(ws, row, (lxw_col_t)col, t, fmt));
    free(owned);
    return rc;
}

int raci_xlsx_book_num(struct raci_xlsx_book *b, lxw_worksheet *ws, uint32_t row, uint32_t col,
                       double v, lxw_format *fmt)
{
    return raci_xlsx_book_check(b, worksheet_write_number(ws, row, (lxw_col_t)col, v, fmt));
}

/* libxlsxwriter also keeps a link's text as the link's "display" attribute,
 * in LXW_MAX_ATTRIBUTE_LENGTH bytes, cutting it unseen, even inside a
 * character. Longer text is written twice: cut between characters for the
 * link, then whole over it, as the cell's value (which Excel shows). */
static int book_link_text(struct raci_xlsx_book *b, lxw_worksheet *ws, uint32_t row, uint32_t col,
                          const char *url, const char *t, lxw_format *fmt)
{
    size_t n = strlen(t), k = LXW_MAX_ATTRIBUTE_LENGTH - 1;
    char *cut;
    int rc;

    if (n <= k)
        return raci_xlsx_book_check(
            b, worksheet_write_url_opt(ws, row, (lxw_col_t)col, url, fmt, t, NULL));
    while (k > 0 && ((unsigned char)t[k] & 0xC0) == 0x80)
        k--;
    if (!(cut = malloc(k + 1)))
        return raci_xlsx_book_nomem(b);
    memcpy(cut, t, k);
    cut[k] = '\0';
    rc = raci_xlsx_book_check(
        b, worksheet_write_url_opt(ws, row, (lxw_col_t)col, url, fmt, cut, NULL));
    free(cut);
    return rc ? rc
              : raci_xlsx_book_check(
                    b, worksheet_write_string(ws, row, (lxw_col_t)col, t,
                                              fmt ? fmt : workbook_get_default_url_format(b->wb)));
}

int raci_xlsx_book_link(struct raci_xlsx_book *b, lxw_worksheet *ws, unsigned *nlinks, uint32_t row,
                        uint32_t col, const char *sheet, uint32_t trow, uint32_t tcol,
                        const char *text, lxw_format *fmt)
{
    char cell[32];
    struct raci_str url = RACI_STR_INIT;
    char *owned;
    const char *t;
    int rc;

    if (*nlinks >= LXW_MAX_NUMBER_URLS)
        return raci_xlsx_book_str(b, ws, row, col, text, fmt);
    lxw_rowcol_to_cell(cell, trow, (lxw_col_t)tcol);
    /* Always quoted, with quotes in the name doubled: 'O''Brien'!B3. */
    raci_str_add(&url, "internal:'");
    for (const char *p = sheet; *p; p++)
        raci_str_addn(&url, *p == '\'' ? "''" : p, *p == '\'' ? 2 : 1);
    raci_str_add(&url, "'!");
    raci_str_add(&url, cell);
    if (url.failed)
        return raci_xlsx_book_nomem(b);
    if (!(t = book_cell_text(text, &owned))) {
        raci_str_release(&url);
        return raci_xlsx_book_nomem(b);
    }
    rc = book_link_text(b, ws, row, col, url.s, t, fmt);
    free(owned);
    raci_str_release(&url);
    (*nlinks)++;
    return rc;
}

int raci_xlsx_book_comment(struct raci_xlsx_book *b, lxw_worksheet *ws, uint32_t row, uint32_t col,
                           const char *text, size_t nlines)
{
    static char comment_author[] = "raci";
    lxw_comment_options opt = {0};
    /* Wide enough for a finding's message on a few lines; taller with every
     * finding, within reason. */
    size_t h = 24 + 36 * nlines;
    char *owned = NULL;
    const char *t = raci_str_xstring(text, &owned);
    int rc;

    if (!t)
        return raci_xlsx_book_nomem(b);
    opt.author = comment_author;
    opt.width = 360;
    opt.height = (uint16_t)(h > 480 ? 480 : h);
    rc = raci_xlsx_book_check(b, worksheet_write_comment_opt(ws, row, (lxw_col_t)col, t, &opt));
    free(owned);
    return rc;
}

int raci_xlsx_book_page_setup(struct raci_xlsx_book *b, lxw_worksheet *ws, const char *subject,
                              uint32_t head_rows, int repeat_first_col)
{
    return raci_xlsx_header_page_setup(b, ws, subject, head_rows, repeat_first_col, 0);
}

/* ------------------------------------------------------------- formats -- */

static lxw_format *book_format_new(struct raci_xlsx_book *b)
{
    lxw_format *f = workbook_add_format(b->wb);
    if (!f)
        raci_xlsx_book_fail(b, "cannot add a cell format");
    return f;
}

/* A finding on a cell: a medium border of the severity's colour, and, when
 * the cell has no colour of its own, the severity's fill. */
static void book_format_mark(lxw_format *f, int sev, int fill)
{
    if (sev == 0)
        return;
    format_set_border(f, LXW_BORDER_MEDIUM);
    format_set_border_color(f, book_sev_line[sev]);
    if (fill) {
        format_set_pattern(f, LXW_PATTERN_SOLID);
        format_set_bg_color(f, book_sev_fill[sev]);
    }
}

/* The formats that no finding marks: headings, text, PASS and FAIL. */
static int book_formats_plain(struct raci_xlsx_book *b)
{
    struct raci_xlsx_book_formats *f = &b->f;

    if (!(f->header = book_format_new(b)) || !(f->subheader = book_format_new(b)) ||
        !(f->text = book_format_new(b)) || !(f->bold = book_format_new(b)) ||
        !(f->pass = book_format_new(b)) || !(f->fail = book_format_new(b)) ||
        !(f->link = book_format_new(b)) || !(f->count = book_format_new(b)))
        return -1;
    format_set_align(f->count, LXW_ALIGN_CENTER);
    format_set_align(f->count, LXW_ALIGN_VERTICAL_TOP);
    format_set_font_color(f->link, LXW_COLOR_BLUE);
    format_set_underline(f->link, LXW_UNDERLINE_SINGLE);
    format_set_align(f->link, LXW_ALIGN_VERTICAL_TOP);
    format_set_bold(f->header);
    format_set_pattern(f->header, LXW_PATTERN_SOLID);
    format_set_bg_color(f->header, 0xD9D9D9);
    format_set_bottom(f->header, LXW_BORDER_THIN);
    format_set_text_wrap(f->header);
    format_set_align(f->header, LXW_ALIGN_VERTICAL_TOP);
    format_set_italic(f->subheader);
    format_set_font_size(f->subheader, 9);
    format_set_pattern(f->subheader, LXW_PATTERN_SOLID);
    format_set_bg_color(f->subheader, 0xF2F2F2);
    format_set_bottom(f->subheader, LXW_BORDER_THIN);
    format_set_text_wrap(f->subheader);
    format_set_align(f->subheader, LXW_ALIGN_CENTER);
    format_set_align(f->subheader, LXW_ALIGN_VERTICAL_TOP);
    format_set_text_wrap(f->text);
    format_set_align(f->text, LXW_ALIGN_VERTICAL_TOP);
    format_set_bold(f->bold);
    format_set_bold(f->pass);
    format_set_font_color(f->pass, 0x006100);
    format_set_pattern(f->pass, LXW_PATTERN_SOLID);
    format_set_bg_color(f->pass, 0xC6EFCE);
    format_set_bold(f->fail);
    format_set_font_color(f->fail, 0x9C0006);
    format_set_pattern(f->fail, LXW_PATTERN_SOLID);
    format_set_bg_color(f->fail, 0xFFC7CE);
    return 0;
}

/* Severity names, task names, people's names, the product's name and the
 * Findings column, with the mark of severity s. */
static int book_formats_names(struct raci_xlsx_book *b, int s)
{
    struct raci_xlsx_book_formats *f = &b->f;
    lxw_format *x;

    if (!(f->sev[s] = book_format_new(b)) || !(f->task[s] = book_format_new(b)) ||
        !(f->person[s] = book_format_new(b)) || !(f->product[s] = book_format_new(b)) ||
        !(f->summary[s] = book_format_new(b)))
        return -1;
    format_set_text_wrap(f->sev[s]);
    format_set_align(f->sev[s], LXW_ALIGN_VERTICAL_TOP);
    if (s != 0) {
        format_set_font_color(f->sev[s], book_sev_font[s]);
        format_set_pattern(f->sev[s], LXW_PATTERN_SOLID);
        format_set_bg_color(f->sev[s], book_sev_fill[s]);
    }
    x = f->task[s];
    format_set_text_wrap(x);
    format_set_align(x, LXW_ALIGN_VERTICAL_TOP);
    format_set_border(x, LXW_BORDER_THIN);
    format_set_border_color(x, 0xBFBFBF);
    book_format_mark(x, s, 1);
    x = f->person[s];
    format_set_bold(x);
    format_set_text_wrap(x);
    format_set_align(x, LXW_ALIGN_CENTER);
    format_set_align(x, LXW_ALIGN_VERTICAL_TOP);
    format_set_pattern(x, LXW_PATTERN_SOLID);
    format_set_bg_color(x, 0xD9D9D9);
    book_format_mark(x, s, 1);
    x = f->product[s];
    format_set_bold(x);
    format_set_font_size(x, 13);
    format_set_text_wrap(x);
    format_set_align(x, LXW_ALIGN_VERTICAL_TOP);
    book_format_mark(x, s, 1);
    x = f->summary[s];
    format_set_text_wrap(x);
    format_set_font_size(x, 9);
    format_set_align(x, LXW_ALIGN_VERTICAL_TOP);
    book_format_mark(x, s, 1);
    return 0;
}

/* Matrix cells of every look, with the mark of severity s. */
static int book_formats_cells(struct raci_xlsx_book *b, int s)
{
    /* Letters: A strongest, then R, C, I ever lighter. */
    static const struct {
        lxw_color_t fill, font;
        int bold, italic;
    } look[RACI_XLSX_BOOK_NLOOKS] = {
        [RACI_XLSX_BOOK_PLAIN] = {0, 0, 0, 0},
        [RACI_XLSX_BOOK_A] = {0x1F4E79, 0xFFFFFF, 1, 0},
        [RACI_XLSX_BOOK_R] = {0x5B9BD5, 0xFFFFFF, 1, 0},
        [RACI_XLSX_BOOK_C] = {0xBDD7EE, LXW_COLOR_BLACK, 0, 0},
        [RACI_XLSX_BOOK_I] = {0xEEF4FB, 0x404040, 0, 0},
        [RACI_XLSX_BOOK_GENERATED] = {0xF2F2F2, 0x808080, 0, 1},
        [RACI_XLSX_BOOK_UNREAD] = {0xFFFFFF, 0x9C0006, 0, 1},
    };

    for (int k = 0; k < RACI_XLSX_BOOK_NLOOKS; k++) {
        lxw_format *x = b->f.cell[k][s] = book_format_new(b);
        if (!x)
            return -1;
        format_set_align(x, LXW_ALIGN_CENTER);
        format_set_align(x, LXW_ALIGN_VERTICAL_CENTER);
        format_set_border(x, LXW_BORDER_THIN);
        format_set_border_color(x, 0xBFBFBF);
        if (k != RACI_XLSX_BOOK_PLAIN) {
            format_set_pattern(x, LXW_PATTERN_SOLID);
            format_set_bg_color(x, look[k].fill);
            format_set_font_color(x, look[k].font);
            if (look[k].bold)
                format_set_bold(x);
            if (look[k].italic)
                format_set_italic(x);
        }
        /* Keep the letter's colour; the border alone says "finding". */
        book_format_mark(x, s, k == RACI_XLSX_BOOK_PLAIN || k == RACI_XLSX_BOOK_UNREAD);
    }
    return 0;
}

int raci_xlsx_book_formats(struct raci_xlsx_book *b)
{
    if (book_formats_plain(b))
        return -1;
    for (int s = 0; s < RACI_XLSX_BOOK_NSEV; s++)
        if (book_formats_names(b, s) || book_formats_cells(b, s))
            return -1;
    return 0;
}

/* ---------------------------------------------------------------- text -- */

/* Units kept for the end of a list that is cut: "; … and 4294967295 more
 * titles" and more. */
#define BOOK_LIST_TAIL 64

void raci_xlsx_book_list_add(struct raci_xlsx_book_list *l, const char *item)
{
    const char *sep = l->sep ? l->sep : "; ";
    size_t room = RACI_XLSX_BOOK_STR_MAX - BOOK_LIST_TAIL, s = l->n ? strlen(sep) : 0;
    size_t n = strlen(item ? item : ""), u, fit;

    if (l->more) {
        l->more++;
        return;
    }
    u = book_units(item ? item : "", n, room - 1, &fit);
    if (l->n == 0)
        l->first_fit = fit;
    if (l->units + s + u > RACI_XLSX_BOOK_STR_MAX && l->n > 0) {
        l->more++;
        return;
    }
    if (l->units + s + u > RACI_XLSX_BOOK_STR_MAX) {
        /* The first item, longer than a cell on its own: what fits of it;
         * the cell is full, the items after it are counted. */
        book_units(item, n, RACI_XLSX_BOOK_STR_MAX - 1, &fit);
        raci_str_addn(&l->text, item, fit);
        raci_str_add(&l->text, "\xE2\x80\xA6");
        l->n = 1;
        l->units = RACI_XLSX_BOOK_STR_MAX;
        return;
    }
    raci_str_add(&l->text, s ? sep : "");
    raci_str_addn(&l->text, item ? item : "", n);
    l->units += s + u;
    l->n++;
    if (l->units <= room) {
        l->keep = l->text.len;
        l->keep_n = l->n;
    }
}

int raci_xlsx_book_list_write(struct raci_xlsx_book *b, lxw_worksheet *ws, uint32_t row,
                              uint32_t col, struct raci_xlsx_book_list *l, const char *what,
                              lxw_format *fmt)
{
    const char *sep = l->sep ? l->sep : "; ";
    size_t more = l->more;

    if (l->text.failed)
        return raci_xlsx_book_nomem(b);
    /* All of it fits, or what leaves room for the tail is kept. */
    if (more && l->keep_n == 0) { /* the first item alone is past the room */
        l->text.len = l->first_fit;
        l->text.s[l->text.len] = '\0';
        raci_str_add(&l->text, "\xE2\x80\xA6");
        more += l->n - 1;
    } else if (more) {
        l->text.len = l->keep;
        l->text.s[l->text.len] = '\0';
        more += l->n - l->keep_n;
    }
    if (more)
        raci_str_addf(&l->text, "%s\xE2\x80\xA6 and %zu more %s%s", sep, more, what,
                      more == 1 ? "" : "s");
    if (l->text.failed)
        return raci_xlsx_book_nomem(b);
    return raci_xlsx_book_str(b, ws, row, col, raci_str_cstr(&l->text), fmt);
}

void raci_xlsx_book_list_release(struct raci_xlsx_book_list *l)
{
    raci_str_release(&l->text);
    memset(l, 0, sizeof(*l));
}

void raci_xlsx_book_titles(const struct raci_person *pe, struct raci_xlsx_book_list *out)
{
    for (uint32_t i = 0; i < pe->ntitles; i++)
        raci_xlsx_book_list_add(out, pe->titles[i] ? pe->titles[i] : "");
}

/* The workbook's looks are the view's, in its order, so that one indexes
 * the other. */
_Static_assert(RACI_XLSX_BOOK_PLAIN == (int)RACI_PAIR_LOOK_PLAIN &&
                   RACI_XLSX_BOOK_A == (int)RACI_PAIR_LOOK_A &&
                   RACI_XLSX_BOOK_R == (int)RACI_PAIR_LOOK_R &&
                   RACI_XLSX_BOOK_C == (int)RACI_PAIR_LOOK_C &&
                   RACI_XLSX_BOOK_I == (int)RACI_PAIR_LOOK_I &&
                   RACI_XLSX_BOOK_GENERATED == (int)RACI_PAIR_LOOK_GENERATED &&
                   RACI_XLSX_BOOK_UNREAD == (int)RACI_PAIR_LOOK_UNREAD,
               "xlsx_book.h's looks follow view.h's");

enum raci_xlsx_book_look raci_xlsx_book_look(const struct raci_pair *pr)
{
    return (enum raci_xlsx_book_look)raci_view_pair_look(pr);
}
