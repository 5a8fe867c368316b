/*
 * xlsx_org.c - the workbook's Org chart sheet: the PNG of orgchart.h,
 * rendered into memory and inserted with libxlsxwriter under a line of
 * text.
 */
#include "raci/xlsx_org.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "raci/orgchart.h"
#include "raci/report.h"
#include "raci/selection.h"
#include "raci/sheetname.h"
#include "raci/xlsx_book.h"
#include "raci/xlsx_layout.h"

/* The sheet's name when no product's sheet has it. */
#define ORG_SHEET "Org chart"

/* The picture is shown at its own size up to about a screen, and scaled
 * down to fit one beyond; below a third its names could not be read, so a
 * larger chart is scrolled instead. */
#define ORG_MAX_WIDTH  1500.0
#define ORG_MAX_HEIGHT 900.0
#define ORG_MIN_SCALE  (1.0 / 3.0)

/* What the sheet shows (A1), and the legend of the picture's marks (A2):
 * two lines, each about as wide as a screen's picture, so that printing
 * the sheet on one page is scaled by the picture, not by the text. */
static const char org_text[] =
    RACI_XLSX_ORG_TEXT "who reports to whom, from the roster's reporting lines (a person on one "
                       "product is drawn in its box).";
static const char org_legend[] = "Legend: red edges, a reporting loop; dashed, a manager not on "
                                 "the roster; thick border, a manager over the span of control; "
                                 "red label, a product without a Product Owner.";

int raci_xlsx_org_wanted(const struct raci_roster *r)
{
    for (uint32_t i = 0; i < r->npersons; i++)
        if (r->persons[i].manager && *r->persons[i].manager)
            return 1;
    return 0;
}

int raci_xlsx_org_add(struct raci_xlsx_book *b)
{
    size_t np = b->r->nproducts, n = 0;
    const char **taken;
    char name[RACI_SHEETNAME_MAX];

    b->org = NULL;
    if (!raci_xlsx_org_wanted(b->r))
        return 0;
    /* Product sheets keep their names (links and formulas name them), and
     * so do the parts of Findings, Roster and Other products: the chart's
     * sheet is the one that gives way. */
    for (int k = 0; k < RACI_XLSX_LAYOUT_NKINDS; k++)
        n += raci_xlsx_layout_parts(b->lay, (enum raci_xlsx_layout_sheet)k);
    if (!(taken = calloc(np + n + 1, sizeof(*taken))))
        return raci_xlsx_book_nomem(b);
    n = 0;
    taken[n++] = "Summary";
    for (int k = 0; k < RACI_XLSX_LAYOUT_NKINDS; k++)
        for (uint32_t i = 0; i < raci_xlsx_layout_parts(b->lay, (enum raci_xlsx_layout_sheet)k);
             i++)
            taken[n++] = raci_xlsx_layout_part_sheet(b->lay, (enum raci_xlsx_layout_sheet)k, i);
    for (uint32_t p = 0; p < np; p++)
        taken[n++] = raci_xlsx_layout_sheet(b->lay, p);
    raci_sheetname_unique(ORG_SHEET, taken, n, name, sizeof(name));
    free(taken);
    b->org = raci_xlsx_book_sheet(b, name);
    return b->org ? 0 : -1;
}

/* The chart as PNG, malloc'd into *png and *len. Every finding of the
 * workbook marks it. */
static int org_render(struct raci_xlsx_book *b, char **png, size_t *len)
{
    struct raci_selection all = {0};
    struct raci_report rep = {0};
    raci_error err = RACI_OK;
    FILE *out;

    *png = NULL;
    *len = 0;
    for (size_t i = 0; i < b->fs->n && !err; i++)
        err = raci_selection_add(&all, &b->fs->v[i]);
    if (err) {
        raci_selection_release(&all);
        return raci_xlsx_book_nomem(b);
    }
    rep.findings = &all;
    rep.roster = b->r;
    rep.rs = b->rs;
    if (!(out = open_memstream(png, len))) {
        raci_selection_release(&all);
        return raci_xlsx_book_fail(b, "cannot draw the org chart (%s)", strerror(errno));
    }
    err = raci_orgchart_png(out, &rep);
    if (fclose(out) != 0 && !err)
        err = RACI_ERROR_NOMEM;
    raci_selection_release(&all);
    if (err == RACI_ERROR_NOMEM)
        return raci_xlsx_book_nomem(b);
    if (err)
        return raci_xlsx_book_fail(b, "cannot draw the org chart");
    return 0;
}

/* The picture's size in pixels, from its PNG header (the signature, then
 * the IHDR chunk's big-endian width and height); 0 when it is no PNG. */
static int org_png_size(const char *png, size_t len, double *w, double *h)
{
    static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    const unsigned char *p = (const unsigned char *)png;
    uint32_t pw, ph;

    if (len < 24 || memcmp(p, sig, sizeof(sig)) != 0 || memcmp(p + 12, "IHDR", 4) != 0)
        return 0;
    pw = (uint32_t)p[16] << 24 | (uint32_t)p[17] << 16 | (uint32_t)p[18] << 8 | p[19];
    ph = (uint32_t)p[20] << 24 | (uint32_t)p[21] << 16 | (uint32_t)p[22] << 8 | p[23];
    *w = pw;
    *h = ph;
    return pw > 0 && ph > 0;
}

/* The scale that shows a w by h picture whole on about a screen. */
static double org_scale(double w, double h)
{
    double s = 1.0;

    if (w * s > ORG_MAX_WIDTH)
        s = ORG_MAX_WIDTH / w;
    if (h * s > ORG_MAX_HEIGHT)
        s = ORG_MAX_HEIGHT / h;
    return s < ORG_MIN_SCALE ? ORG_MIN_SCALE : s;
}

int raci_xlsx_org_write(struct raci_xlsx_book *b)
{
    static char org_alt[] = "Org chart: the reporting lines of the roster";
    lxw_image_options opt = {0};
    lxw_worksheet *ws = b->org;
    char *png;
    size_t len;
    double w, h;
    int rc;

    if (!ws)
        return 0;
    /* The header names the sheet as its tab does: "Org chart (2)" when a
     * product took "Org chart". */
    if (raci_xlsx_book_page_setup(b, ws, ws->name, 1, 0))
        return -1;
    worksheet_fit_to_pages(ws, 1, 1); /* the whole picture on one page */
    worksheet_set_column(ws, 0, 0, 12, NULL);
    if (raci_xlsx_book_str(b, ws, 0, 0, org_text, b->f.bold) ||
        raci_xlsx_book_str(b, ws, 1, 0, org_legend, NULL) || org_render(b, &png, &len))
        return -1;
    if (!org_png_size(png, len, &w, &h)) {
        free(png);
        return raci_xlsx_book_fail(b, "the org chart drawn is no PNG picture");
    }
    opt.x_scale = opt.y_scale = org_scale(w, h);
    opt.y_offset = 8;
    opt.object_position = LXW_OBJECT_DONT_MOVE_DONT_SIZE;
    opt.description = org_alt;
    /* libxlsxwriter keeps a copy of the picture's bytes. */
    rc = raci_xlsx_book_check(
        b, worksheet_insert_image_buffer_opt(ws, 2, 0, (const unsigned char *)png, len, &opt));
    free(png);
    return rc;
}
