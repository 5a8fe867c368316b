/*
 * xlsx.c - the annotated RACI workbook, written with libxlsxwriter.
 *
 * The writer works in two passes. The first (prepare) lays the workbook out
 * without touching libxlsxwriter: which people are columns of which product
 * sheet, which row each task is on, the letters of every (task, person) pair,
 * and which cell every finding points at. The second writes the sheets. Every
 * link on the Findings sheet can then name its target before that sheet is
 * written, and each product sheet is written strictly row by row, left to
 * right, from data built for that row just before it is written. That is the
 * discipline libxlsxwriter's constant_memory mode requires, so product sheets
 * could move to it for huge rosters; only comments and data validation would
 * have to go, since that mode cannot write them.
 *
 * This is the only file that includes xlsxwriter.h.
 */
#include "raci/xlsx.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "raci/letters.h"
#include "raci/rules.h"
#include "raci/sheetname.h"
#include "raci/array.h"
#include "raci/str.h"

/* Excel's limit on a cell's text is 32767 characters; counting bytes instead
 * stays under it whatever the text. */
#define XL_STR_MAX 32767
/* Excel accepts longer comments, but a pop-up of more than a few thousand
 * characters is unreadable; the Findings sheet has everything. */
#define XL_COMMENT_MAX 4000
/* Room kept at the end of a comment for the "... and N more" line. */
#define XL_COMMENT_TAIL 64
/* 2000-01-01T00:00:00Z, the document date when SOURCE_DATE_EPOCH is unset. */
#define XL_FIXED_EPOCH 946684800

/* Rows of a product sheet above its first task. */
#define PRODUCT_HEAD_ROWS 2

enum { SEV_NONE = 0, SEV_N = 4 }; /* indexed by enum raci_severity; 0 = none */

/* How a matrix cell is coloured. */
enum { LK_NONE, LK_A, LK_R, LK_C, LK_I, LK_GEN, LK_RAW, LK_N };

enum target_kind { T_NONE, T_PRODUCT, T_ROSTER };

/* Where a finding is shown: a cell of a product sheet or a row of Roster. */
struct target {
    enum target_kind kind;
    uint32_t product;
    lxw_row_t row;
    lxw_col_t col;
};

/* One assignment, keyed for sorting by (task, person, index). */
struct akey {
    uint32_t task, person, idx;
};

/* A finding on a product sheet, keyed for sorting by (row, column, index). */
struct fref {
    lxw_row_t row;
    lxw_col_t col;
    uint32_t idx;
};

/* The letters a person holds on a task, over all of its rows. */
struct pair_letters {
    struct raci_letters l;
    int generated;   /* every row behind it was generated */
    const char *raw; /* text of an unreadable cell, when no letter was read */
};

struct formats {
    lxw_format *header, *subheader, *text, *bold;
    lxw_format *pass, *fail;
    lxw_format *sev[SEV_N];        /* severity names on Findings */
    lxw_format *cell[LK_N][SEV_N]; /* matrix cells */
    lxw_format *task[SEV_N];       /* task-name cells */
    lxw_format *person[SEV_N];     /* person header cells */
    lxw_format *product[SEV_N];    /* the product-name cell */
    lxw_format *summary[SEV_N];    /* the Findings column of a product sheet */
};

struct xw {
    const char *path;
    const struct raci_roster *r;
    const struct raci_ruleset *rs;
    const struct raci_findings *fs;
    lxw_workbook *wb;
    struct formats f;

    raci_error err;  /* first failure */
    lxw_error lxerr; /* its libxlsxwriter code, when it was one */
    char *why;       /* or a message of our own */

    char (*names)[RACI_SHEETNAME_MAX]; /* sheet name per product */
    lxw_worksheet **sheets;            /* per product */
    lxw_worksheet *summary, *findings, *roster;

    uint32_t *fprod; /* per finding: its product, or RACI_NONE */
    size_t *foff;    /* per product: findings in fidx[foff[p]..foff[p+1]) */
    uint32_t *fidx;
    struct target *tgt;      /* per finding */
    size_t (*fcount)[SEV_N]; /* per product, plus one for the whole roster */

    uint32_t *task_row; /* per task: its row on its product's sheet */
    size_t *ptask_off;  /* per product: tasks in ptask[off[p]..off[p+1]) */
    uint32_t *ptask;
    size_t *pcol_off; /* per product: columns in pcol[off[p]..off[p+1]) */
    uint32_t *pcol;
    uint32_t *colof; /* per person: column on the sheet being handled */

    struct akey *akeys; /* assignments with a task, sorted */
    size_t nakeys;
    size_t *aoff;          /* per task: akeys[aoff[t]..aoff[t+1]) */
    uint32_t (*counts)[4]; /* per person: tasks as R, A, C, I */
};

/* ------------------------------------------------------------ errors -- */

static int fail_nomem(struct xw *w)
{
    if (w->err == RACI_OK)
        w->err = RACI_ERROR_NOMEM;
    return -1;
}

/* Record e, the result of a libxlsxwriter call; -1 when it is a failure. */
static int lx(struct xw *w, lxw_error e)
{
    if (e == LXW_NO_ERROR)
        return 0;
    if (w->err == RACI_OK) {
        w->err = RACI_ERROR_OUTPUT;
        w->lxerr = e;
    }
    return -1;
}

/* A failure that is no libxlsxwriter error code: a NULL it returned, or a
 * limit of Excel that the workbook would break. */
static int fail_msg(struct xw *w, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

static int fail_msg(struct xw *w, const char *fmt, ...)
{
    va_list ap;

    if (w->err != RACI_OK)
        return -1;
    va_start(ap, fmt);
    w->why = raci_str_vprintf(fmt, ap);
    va_end(ap);
    w->err = w->why ? RACI_ERROR_OUTPUT : RACI_ERROR_NOMEM;
    return -1;
}

/* ------------------------------------------------------- cell writing -- */

static int put_str(struct xw *w, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *s,
                   lxw_format *fmt)
{
    char *owned;
    const char *t;
    int rc;

    if (!s || !*s)
        return fmt ? lx(w, worksheet_write_blank(ws, row, col, fmt)) : 0;
    t = raci_str_xml(s, XL_STR_MAX, &owned, NULL);
    if (!t)
        return fail_nomem(w);
    rc = lx(w, worksheet_write_string(ws, row, col, t, fmt));
    free(owned);
    return rc;
}

static int put_num(struct xw *w, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, double v,
                   lxw_format *fmt)
{
    return lx(w, worksheet_write_number(ws, row, col, v, fmt));
}

/* Write an internal link to sheet!cell showing text; *nlinks counts the
 * sheet's links, since Excel holds at most LXW_MAX_NUMBER_URLS a sheet: past
 * that the text is written without its link. */
static int put_link(struct xw *w, lxw_worksheet *ws, unsigned *nlinks, lxw_row_t row, lxw_col_t col,
                    const char *sheet, lxw_row_t trow, lxw_col_t tcol, const char *text,
                    lxw_format *fmt)
{
    char cell[32];
    struct raci_str url = {0};
    char *owned;
    const char *t;
    int rc;

    if (*nlinks >= LXW_MAX_NUMBER_URLS)
        return put_str(w, ws, row, col, text, fmt);
    lxw_rowcol_to_cell(cell, trow, tcol);
    /* Always quoted, with quotes in the name doubled: 'O''Brien'!B3. */
    raci_str_add(&url, "internal:'");
    for (const char *p = sheet; *p; p++)
        raci_str_addn(&url, *p == '\'' ? "''" : p, *p == '\'' ? 2 : 1);
    raci_str_add(&url, "'!");
    raci_str_add(&url, cell);
    if (url.failed)
        return fail_nomem(w);
    t = raci_str_xml(text, XL_STR_MAX, &owned, NULL);
    if (!t) {
        free(url.s);
        return fail_nomem(w);
    }
    rc = lx(w, worksheet_write_url_opt(ws, row, col, url.s, fmt, t, NULL));
    free(owned);
    free(url.s);
    (*nlinks)++;
    return rc;
}

static int put_comment(struct xw *w, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                       const char *text, size_t nlines)
{
    static char author[] = "raci";
    lxw_comment_options opt = {0};
    /* Wide enough for a finding's message on a few lines; taller with every
     * finding, within reason. */
    size_t h = 24 + 36 * nlines;

    opt.author = author;
    opt.width = 360;
    opt.height = (uint16_t)(h > 480 ? 480 : h);
    return lx(w, worksheet_write_comment_opt(ws, row, col, text, &opt));
}

/* ---------------------------------------------------------- formats -- */

static const lxw_color_t sev_fill[SEV_N] = {0, 0xDDEBF7, 0xFFEB9C, 0xFFC7CE};
static const lxw_color_t sev_line[SEV_N] = {0, 0x2E75B6, 0xED7D31, 0xC00000};
static const lxw_color_t sev_font[SEV_N] = {0, 0x1F4E79, 0x9C5700, 0x9C0006};

static lxw_format *fmt_new(struct xw *w)
{
    lxw_format *f = workbook_add_format(w->wb);
    if (!f)
        fail_msg(w, "cannot add a cell format");
    return f;
}

/* A finding on a cell: a medium border of the severity's colour, and, when
 * the cell has no colour of its own, the severity's fill. */
static void fmt_mark(lxw_format *f, int sev, int fill)
{
    if (sev == SEV_NONE)
        return;
    format_set_border(f, LXW_BORDER_MEDIUM);
    format_set_border_color(f, sev_line[sev]);
    if (fill) {
        format_set_pattern(f, LXW_PATTERN_SOLID);
        format_set_bg_color(f, sev_fill[sev]);
    }
}

static int make_formats(struct xw *w)
{
    struct formats *f = &w->f;
    /* Letters: A strongest, then R, C, I ever lighter. */
    static const struct {
        lxw_color_t fill, font;
        int bold, italic;
    } letter[LK_N] = {
        [LK_NONE] = {0, 0, 0, 0},
        [LK_A] = {0x1F4E79, 0xFFFFFF, 1, 0},
        [LK_R] = {0x5B9BD5, 0xFFFFFF, 1, 0},
        [LK_C] = {0xBDD7EE, LXW_COLOR_BLACK, 0, 0},
        [LK_I] = {0xEEF4FB, 0x404040, 0, 0},
        [LK_GEN] = {0xF2F2F2, 0x808080, 0, 1},
        [LK_RAW] = {0xFFFFFF, 0x9C0006, 0, 1},
    };

    if (!(f->header = fmt_new(w)) || !(f->subheader = fmt_new(w)) || !(f->text = fmt_new(w)) ||
        !(f->bold = fmt_new(w)) || !(f->pass = fmt_new(w)) || !(f->fail = fmt_new(w)))
        return -1;
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

    for (int s = 0; s < SEV_N; s++) {
        lxw_format *x;
        if (!(f->sev[s] = fmt_new(w)) || !(f->task[s] = fmt_new(w)) ||
            !(f->person[s] = fmt_new(w)) || !(f->product[s] = fmt_new(w)) ||
            !(f->summary[s] = fmt_new(w)))
            return -1;
        if (s != SEV_NONE) {
            format_set_font_color(f->sev[s], sev_font[s]);
            format_set_pattern(f->sev[s], LXW_PATTERN_SOLID);
            format_set_bg_color(f->sev[s], sev_fill[s]);
        }
        x = f->task[s];
        format_set_text_wrap(x);
        format_set_align(x, LXW_ALIGN_VERTICAL_TOP);
        format_set_border(x, LXW_BORDER_THIN);
        format_set_border_color(x, 0xBFBFBF);
        fmt_mark(x, s, 1);
        x = f->person[s];
        format_set_bold(x);
        format_set_text_wrap(x);
        format_set_align(x, LXW_ALIGN_CENTER);
        format_set_align(x, LXW_ALIGN_VERTICAL_TOP);
        format_set_pattern(x, LXW_PATTERN_SOLID);
        format_set_bg_color(x, 0xD9D9D9);
        fmt_mark(x, s, 1);
        x = f->product[s];
        format_set_bold(x);
        format_set_font_size(x, 13);
        format_set_text_wrap(x);
        format_set_align(x, LXW_ALIGN_VERTICAL_TOP);
        fmt_mark(x, s, 1);
        x = f->summary[s];
        format_set_text_wrap(x);
        format_set_font_size(x, 9);
        format_set_align(x, LXW_ALIGN_VERTICAL_TOP);
        fmt_mark(x, s, 1);
        for (int k = 0; k < LK_N; k++) {
            if (!(x = f->cell[k][s] = fmt_new(w)))
                return -1;
            format_set_align(x, LXW_ALIGN_CENTER);
            format_set_align(x, LXW_ALIGN_VERTICAL_CENTER);
            format_set_border(x, LXW_BORDER_THIN);
            format_set_border_color(x, 0xBFBFBF);
            if (k != LK_NONE) {
                format_set_pattern(x, LXW_PATTERN_SOLID);
                format_set_bg_color(x, letter[k].fill);
                format_set_font_color(x, letter[k].font);
                if (letter[k].bold)
                    format_set_bold(x);
                if (letter[k].italic)
                    format_set_italic(x);
            }
            /* Keep the letter's colour; the border alone says "finding". */
            fmt_mark(x, s, k == LK_NONE || k == LK_RAW);
        }
    }
    return 0;
}

/* ------------------------------------------------------------ layout -- */

static int sev_index(enum raci_severity s)
{
    return s >= RACI_SEV_INFO && s <= RACI_SEV_ERROR ? (int)s : SEV_NONE;
}

static int akey_cmp(const void *a, const void *b)
{
    const struct akey *x = a, *y = b;
    if (x->task != y->task)
        return x->task < y->task ? -1 : 1;
    if (x->person != y->person)
        return x->person < y->person ? -1 : 1;
    return x->idx < y->idx ? -1 : x->idx > y->idx;
}

/* The letters of the pair whose assignments are akeys[a..b). A letter is
 * conditional only when every row giving it bracketed it. */
static struct pair_letters pair_letters(const struct xw *w, size_t a, size_t b)
{
    struct pair_letters pl = {{0, 0}, 1, NULL};
    unsigned firm = 0, cond = 0;

    for (size_t i = a; i < b; i++) {
        const struct raci_assign *as = &w->r->assigns[w->akeys[i].idx];
        pl.l.mask |= as->letters;
        firm |= as->letters & ~as->conditional;
        cond |= as->letters & as->conditional;
        if (!(as->flags & RACI_ASSIGN_GENERATED))
            pl.generated = 0;
        if ((as->flags & RACI_ASSIGN_UNKNOWN) && !pl.raw && as->raw && *as->raw)
            pl.raw = as->raw;
    }
    pl.l.conditional = cond & ~firm;
    return pl;
}

static int letters_kind(const struct pair_letters *pl)
{
    unsigned m = pl->l.mask;
    if (!m)
        return pl->raw ? LK_RAW : LK_NONE;
    if (pl->generated)
        return LK_GEN;
    return m & RACI_A ? LK_A : m & RACI_R ? LK_R : m & RACI_C ? LK_C : LK_I;
}

/* Sort the assignments that name a task by (task, person), and count each
 * person's tasks per letter. */
static int prepare_assignments(struct xw *w)
{
    const struct raci_roster *r = w->r;

    w->akeys = calloc(r->nassigns ? r->nassigns : 1, sizeof *w->akeys);
    w->aoff = calloc(r->ntasks + 1, sizeof *w->aoff);
    w->counts = calloc(r->npersons ? r->npersons : 1, sizeof *w->counts);
    if (!w->akeys || !w->aoff || !w->counts)
        return fail_nomem(w);
    for (size_t i = 0; i < r->nassigns; i++) {
        const struct raci_assign *a = &r->assigns[i];
        /* Out-of-range indexes would be a bug upstream; such a row is left
         * out rather than trusted. */
        if (a->task >= r->ntasks || a->person >= r->npersons)
            continue;
        w->akeys[w->nakeys++] = (struct akey){a->task, a->person, (uint32_t)i};
    }
    if (w->nakeys > 1)
        qsort(w->akeys, w->nakeys, sizeof *w->akeys, akey_cmp);
    for (size_t i = 0; i < w->nakeys; i++)
        w->aoff[w->akeys[i].task + 1]++;
    for (size_t t = 0; t < r->ntasks; t++)
        w->aoff[t + 1] += w->aoff[t];
    for (size_t i = 0; i < w->nakeys;) {
        size_t j = i;
        while (j < w->nakeys && w->akeys[j].task == w->akeys[i].task &&
               w->akeys[j].person == w->akeys[i].person)
            j++;
        struct pair_letters pl = pair_letters(w, i, j);
        static const unsigned bit[4] = {RACI_R, RACI_A, RACI_C, RACI_I};
        for (int k = 0; k < 4; k++)
            if (pl.l.mask & bit[k])
                w->counts[w->akeys[i].person][k]++;
        i = j;
    }
    return 0;
}

/* A stable counting sort of 0..n-1 by key(w, i): *idx lists them grouped
 * by key, key k's in (*idx)[(*off)[k]..(*off)[k + 1]), each group in
 * increasing order. An index whose key is nkeys or more is left out. */
static int bucket(struct xw *w, size_t n, size_t nkeys, uint32_t (*key)(const struct xw *, size_t),
                  size_t **off, uint32_t **idx)
{
    size_t *fill;

    *off = calloc(nkeys + 1, sizeof **off);
    *idx = calloc(n ? n : 1, sizeof **idx);
    fill = calloc(nkeys ? nkeys : 1, sizeof *fill);
    if (!*off || !*idx || !fill) {
        free(fill);
        return fail_nomem(w);
    }
    for (size_t i = 0; i < n; i++) {
        uint32_t k = key(w, i);
        if (k < nkeys)
            (*off)[k + 1]++;
    }
    for (size_t k = 0; k < nkeys; k++)
        (*off)[k + 1] += (*off)[k];
    for (size_t i = 0; i < n; i++) {
        uint32_t k = key(w, i);
        if (k < nkeys)
            (*idx)[(*off)[k] + fill[k]++] = (uint32_t)i;
    }
    free(fill);
    return 0;
}

static uint32_t task_product(const struct xw *w, size_t t)
{
    return w->r->tasks[t].product;
}

static uint32_t member_product(const struct xw *w, size_t i)
{
    return w->r->members[i].product;
}

static uint32_t member_person(const struct xw *w, size_t i)
{
    return w->r->members[i].person;
}

static uint32_t finding_product(const struct xw *w, size_t i)
{
    return w->fprod[i];
}

static uint32_t assign_product(const struct xw *w, size_t i)
{
    const struct raci_assign *a = &w->r->assigns[i];
    return a->task < w->r->ntasks && a->person < w->r->npersons ? w->r->tasks[a->task].product
                                                                : RACI_NONE;
}

/* Lay out the product sheets: each product's tasks (rows, in roster order)
 * and people (columns: its team in roster order, then anyone else with an
 * assignment there, in the order of their first one). */
static int prepare_products(struct xw *w)
{
    const struct raci_roster *r = w->r;
    size_t np = r->nproducts, total = 0, *moff = NULL, *boff = NULL;
    uint32_t *midx = NULL, *bidx = NULL, *stamp = NULL;
    int rc = -1;

    if (bucket(w, r->ntasks, np, task_product, &w->ptask_off, &w->ptask) ||
        bucket(w, r->nmembers, np, member_product, &moff, &midx) ||
        bucket(w, r->nassigns, np, assign_product, &boff, &bidx))
        goto out;
    w->task_row = calloc(r->ntasks ? r->ntasks : 1, sizeof *w->task_row);
    w->pcol_off = calloc(np + 1, sizeof *w->pcol_off);
    w->pcol = calloc(r->nmembers + r->nassigns + 1, sizeof *w->pcol);
    w->colof = calloc(r->npersons ? r->npersons : 1, sizeof *w->colof);
    stamp = calloc(r->npersons ? r->npersons : 1, sizeof *stamp);
    if (!w->task_row || !w->pcol_off || !w->pcol || !w->colof || !stamp) {
        fail_nomem(w);
        goto out;
    }
    for (size_t t = 0; t < r->ntasks; t++)
        w->task_row[t] = RACI_NONE;
    for (size_t p = 0; p < np; p++) {
        size_t start = total, ntasks = w->ptask_off[p + 1] - w->ptask_off[p];
        for (size_t k = 0; k < ntasks; k++)
            w->task_row[w->ptask[w->ptask_off[p] + k]] = (uint32_t)(PRODUCT_HEAD_ROWS + k);
        /* stamp[q] == p + 1: person q is already a column of product p. */
        for (size_t k = moff[p]; k < moff[p + 1]; k++) {
            uint32_t q = r->members[midx[k]].person;
            if (q >= r->npersons || stamp[q] == p + 1)
                continue;
            stamp[q] = (uint32_t)(p + 1);
            w->pcol[total++] = q;
        }
        for (size_t k = boff[p]; k < boff[p + 1]; k++) {
            uint32_t q = r->assigns[bidx[k]].person;
            if (stamp[q] == p + 1)
                continue;
            stamp[q] = (uint32_t)(p + 1);
            w->pcol[total++] = q;
        }
        w->pcol_off[p] = start;
        w->pcol_off[p + 1] = total;
        /* Excel's limits, checked here so that the message can say why. */
        if (total - start + 2 > LXW_COL_MAX || ntasks + PRODUCT_HEAD_ROWS > LXW_ROW_MAX) {
            fail_msg(w, "product '%s' has %zu people and %zu tasks, more than a sheet holds",
                     r->products[p].name, total - start, ntasks);
            goto out;
        }
    }
    for (size_t q = 0; q < r->npersons; q++)
        w->colof[q] = RACI_NONE;
    rc = 0;
out:
    free(moff);
    free(midx);
    free(boff);
    free(bidx);
    free(stamp);
    return rc;
}

/* Mark product p's people with their columns in colof, or clear them. */
static void set_columns(struct xw *w, size_t p, int on)
{
    for (size_t k = w->pcol_off[p]; k < w->pcol_off[p + 1]; k++)
        w->colof[w->pcol[k]] = on ? (uint32_t)(1 + k - w->pcol_off[p]) : RACI_NONE;
}

/* Decide which product each finding belongs to and which cell it marks. */
static int prepare_findings(struct xw *w)
{
    const struct raci_roster *r = w->r;
    const struct raci_findings *fs = w->fs;
    size_t np = r->nproducts;

    w->fprod = calloc(fs->n ? fs->n : 1, sizeof *w->fprod);
    w->tgt = calloc(fs->n ? fs->n : 1, sizeof *w->tgt);
    w->fcount = calloc(np + 1, sizeof *w->fcount);
    if (!w->fprod || !w->tgt || !w->fcount)
        return fail_nomem(w);
    for (size_t i = 0; i < fs->n; i++) {
        const struct raci_finding *f = &fs->v[i];
        uint32_t p = f->product;
        if (p >= np && f->task < r->ntasks)
            p = r->tasks[f->task].product;
        w->fprod[i] = p < np ? p : RACI_NONE;
        w->fcount[p < np ? p : np][sev_index(f->severity)]++;
    }
    if (bucket(w, fs->n, np, finding_product, &w->foff, &w->fidx))
        return -1;
    for (size_t p = 0; p < np; p++) {
        set_columns(w, p, 1);
        for (size_t k = w->foff[p]; k < w->foff[p + 1]; k++) {
            const struct raci_finding *f = &fs->v[w->fidx[k]];
            struct target *t = &w->tgt[w->fidx[k]];
            uint32_t col = f->person < r->npersons ? w->colof[f->person] : RACI_NONE;
            int task_here = f->task < r->ntasks && r->tasks[f->task].product == p;
            t->kind = T_PRODUCT;
            t->product = (uint32_t)p;
            if (task_here && col != RACI_NONE)
                t->row = w->task_row[f->task], t->col = (lxw_col_t)col;
            else if (task_here)
                t->row = w->task_row[f->task], t->col = 0;
            else if (col != RACI_NONE)
                t->row = 0, t->col = (lxw_col_t)col;
            else
                t->row = 0, t->col = 0;
        }
        set_columns(w, p, 0);
    }
    for (size_t i = 0; i < fs->n; i++) {
        const struct raci_finding *f = &fs->v[i];
        if (w->fprod[i] == RACI_NONE && f->person < r->npersons) {
            w->tgt[i].kind = T_ROSTER;
            w->tgt[i].row = (lxw_row_t)(f->person + 1);
            w->tgt[i].col = 0;
        }
    }
    if (fs->n + 1 > LXW_ROW_MAX || r->npersons + 1 > LXW_ROW_MAX || r->nextra + 10 > LXW_COL_MAX)
        return fail_msg(w, "too many findings, people or columns for a sheet");
    return 0;
}

/* ------------------------------------------------------- page set-up -- */

/* Landscape, one page wide, the heading rows (and the first column) on
 * every page, the sheet's subject in the header and page numbers in the
 * footer. */
static int page_setup(struct xw *w, lxw_worksheet *ws, const char *subject, lxw_row_t head_rows,
                      int repeat_first_col)
{
    struct raci_str h = {0};
    char *owned;
    const char *t;
    int rc;

    worksheet_set_landscape(ws);
    worksheet_fit_to_pages(ws, 1, 0);
    if (lx(w, worksheet_repeat_rows(ws, 0, head_rows - 1)))
        return -1;
    if (repeat_first_col && lx(w, worksheet_repeat_columns(ws, 0, 0)))
        return -1;
    t = raci_str_xml(subject, LXW_HEADER_FOOTER_MAX, &owned, NULL);
    if (!t)
        return fail_nomem(w);
    /* "&" starts a control code in a header; a literal one is "&&". Whole
     * characters are added while the header stays within Excel's 255. */
    raci_str_add(&h, "&C&\"-,Bold\"");
    for (size_t i = 0; t[i];) {
        size_t k = 1;
        while (((unsigned char)t[i + k] & 0xC0) == 0x80)
            k++;
        if (h.len + (t[i] == '&' ? 2 : k) > LXW_HEADER_FOOTER_MAX)
            break;
        raci_str_addn(&h, t[i] == '&' ? "&&" : t + i, t[i] == '&' ? 2 : k);
        i += k;
    }
    free(owned);
    if (h.failed)
        return fail_nomem(w);
    rc = lx(w, worksheet_set_header(ws, h.s));
    free(h.s);
    return rc ? rc : lx(w, worksheet_set_footer(ws, "&CPage &P of &N"));
}

/* --------------------------------------------------------- Summary ---- */

struct load {
    uint32_t person, count;
    const char *name;
};

static int load_cmp(const void *a, const void *b)
{
    const struct load *x = a, *y = b;
    int c;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    c = strcmp(x->name, y->name);
    if (c)
        return c;
    return x->person < y->person ? -1 : x->person > y->person;
}

static int summary_row(struct xw *w, lxw_row_t row, const char *label, long people, long tasks,
                       const size_t *c, lxw_format *label_fmt)
{
    lxw_worksheet *ws = w->summary;
    int fail = c[RACI_SEV_ERROR] > 0;

    if (label && put_str(w, ws, row, 0, label, label_fmt))
        return -1;
    if (people >= 0 && put_num(w, ws, row, 1, (double)people, NULL))
        return -1;
    if (tasks >= 0 && put_num(w, ws, row, 2, (double)tasks, NULL))
        return -1;
    if (put_num(w, ws, row, 3, (double)c[RACI_SEV_ERROR], NULL) ||
        put_num(w, ws, row, 4, (double)c[RACI_SEV_WARNING], NULL) ||
        put_num(w, ws, row, 5, (double)c[RACI_SEV_INFO], NULL))
        return -1;
    return put_str(w, ws, row, 6, fail ? "FAIL" : "PASS", fail ? w->f.fail : w->f.pass);
}

static int write_summary(struct xw *w)
{
    const struct raci_roster *r = w->r;
    lxw_worksheet *ws = w->summary;
    struct formats *f = &w->f;
    static const char *const heads[] = {"Product",  "People", "Tasks", "Errors",
                                        "Warnings", "Infos",  "Status"};
    size_t np = r->nproducts, nloads = 0, total[SEV_N] = {0};
    struct load *loads = NULL;
    lxw_row_t row = 0;
    unsigned nlinks = 0;
    int rc = -1;

    if (page_setup(w, ws, "Summary", 1, 0))
        return -1;
    worksheet_freeze_panes(ws, 1, 0);
    if (lx(w, worksheet_set_column(ws, 0, 0, 34, NULL)) ||
        lx(w, worksheet_set_column(ws, 1, 6, 10, NULL)))
        return -1;
    for (lxw_col_t c = 0; c < 7; c++)
        if (put_str(w, ws, 0, c, heads[c], f->header))
            return -1;
    for (size_t p = 0; p < np; p++) {
        row = (lxw_row_t)(p + 1);
        /* The product's name links to its sheet. */
        if (put_link(w, ws, &nlinks, row, 0, w->names[p], 0, 0, r->products[p].name, NULL) ||
            summary_row(w, row, NULL, (long)raci_view_team_size(r, (uint32_t)p),
                        (long)(w->ptask_off[p + 1] - w->ptask_off[p]), w->fcount[p], NULL))
            return -1;
    }
    row = (lxw_row_t)np;
    if (w->fcount[np][1] + w->fcount[np][2] + w->fcount[np][3] > 0) {
        row++;
        if (summary_row(w, row, "(whole roster)", -1, -1, w->fcount[np], NULL))
            return -1;
    }
    for (int s = RACI_SEV_INFO; s <= RACI_SEV_ERROR; s++)
        total[s] = raci_findings_count(w->fs, (enum raci_severity)s);
    row++;
    if (summary_row(w, row, "Total", (long)r->npersons, (long)r->ntasks, total, f->bold))
        return -1;

    /* The legend: what each colour means. */
    row += 2;
    if (put_str(w, ws, row, 0, "Legend", f->header) || put_str(w, ws, row, 1, "", f->header))
        return -1;
    {
        static const struct {
            int kind, sev;
            const char *sample, *meaning;
        } legend[] = {
            {LK_A, 0, "A", "Accountable: owns the outcome; exactly one per task"},
            {LK_R, 0, "R", "Responsible: does the work"},
            {LK_C, 0, "C", "Consulted: asked before the decision (two-way)"},
            {LK_I, 0, "I", "Informed: told after the decision (one-way)"},
            {LK_C, 0, "(C)", "Conditional: bracketed in the roster, involved only in some cases"},
            {LK_GEN, 0, "A/R", "Generated from the ruleset's default RACI (no tasks given)"},
            {LK_RAW, 3, "X?", "A letter that could not be read, shown as written"},
            {LK_NONE, 3, "", "A finding of severity error here (hover for its comment)"},
            {LK_NONE, 2, "", "A finding of severity warning here"},
            {LK_NONE, 1, "", "A finding of severity info here"},
        };
        for (size_t i = 0; i < sizeof legend / sizeof *legend; i++) {
            row++;
            if (put_str(w, ws, row, 0, legend[i].sample, f->cell[legend[i].kind][legend[i].sev]) ||
                put_str(w, ws, row, 1, legend[i].meaning, NULL))
                return -1;
        }
    }

    /* The heaviest accountability loads, as a table and a chart of it. */
    loads = calloc(r->npersons ? r->npersons : 1, sizeof *loads);
    if (!loads)
        return fail_nomem(w);
    for (size_t q = 0; q < r->npersons; q++)
        if (w->counts[q][1] > 0)
            loads[nloads++] = (struct load){(uint32_t)q, w->counts[q][1], r->persons[q].name};
    if (nloads > 1)
        qsort(loads, nloads, sizeof *loads, load_cmp);
    if (nloads > 10)
        nloads = 10;
    row += 2;
    if (put_str(w, ws, row, 0, "Heaviest accountability loads", f->header) ||
        put_str(w, ws, row, 1, "Tasks as A", f->header))
        goto out;
    lxw_row_t first = row + 1;
    for (size_t i = 0; i < nloads; i++) {
        row++;
        if (put_str(w, ws, row, 0, loads[i].name, NULL) ||
            put_num(w, ws, row, 1, loads[i].count, NULL))
            goto out;
    }
    if (nloads == 0) {
        if (put_str(w, ws, row + 1, 0, "(nobody is accountable for any task)", NULL))
            goto out;
    } else {
        lxw_chart *chart = workbook_add_chart(w->wb, LXW_CHART_BAR);
        lxw_chart_series *series;
        lxw_chart_fill fill = {0x1F4E79, 0, 0};
        lxw_chart_options opt = {0};
        if (!chart || !(series = chart_add_series(chart, NULL, NULL))) {
            fail_msg(w, "cannot add the accountability chart");
            goto out;
        }
        chart_series_set_categories(series, "Summary", first, 0, row, 0);
        chart_series_set_values(series, "Summary", first, 1, row, 1);
        chart_series_set_fill(series, &fill);
        chart_title_set_name(chart, "Heaviest accountability loads");
        chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
        /* In a bar chart the category axis is the vertical one (y), listed
         * bottom-up; reversed, the heaviest load is on top, as in the table. */
        chart_axis_set_reverse(chart->y_axis);
        chart_axis_set_name(chart->x_axis, "tasks as A");
        chart_axis_set_min(chart->x_axis, 0);
        chart_axis_set_num_format(chart->x_axis, "0");
        opt.x_scale = 1.3;
        opt.y_scale = 1.2;
        if (lx(w, worksheet_insert_chart_opt(ws, 0, 8, chart, &opt)))
            goto out;
    }
    rc = 0;
out:
    free(loads);
    return rc;
}

/* ------------------------------------------------------- product sheet -- */

static int fref_cmp(const void *a, const void *b)
{
    const struct fref *x = a, *y = b;
    if (x->row != y->row)
        return x->row < y->row ? -1 : 1;
    if (x->col != y->col)
        return x->col < y->col ? -1 : 1;
    return x->idx < y->idx ? -1 : x->idx > y->idx;
}

/* The comment for a cell with the findings refs[a..b): one "[rule] message"
 * line each, cut to XL_COMMENT_MAX bytes. *worst gets the worst severity. */
static char *comment_text(struct xw *w, const struct fref *refs, size_t a, size_t b, int *worst,
                          size_t *nlines)
{
    char *buf = malloc(XL_COMMENT_MAX + 1);
    size_t o = 0, i;

    *worst = SEV_NONE;
    *nlines = 0;
    if (!buf)
        return NULL;
    for (i = a; i < b; i++) {
        const struct raci_finding *f = &w->fs->v[refs[i].idx];
        int s = sev_index(f->severity), cut;
        /* Bytes spoken for: the text so far, a newline, an ellipsis should
         * this line be cut, and the tail line. */
        size_t used = o + (o ? 1 : 0) + 3 + XL_COMMENT_TAIL, room;
        char *line, *owned;
        const char *t;
        if (s > *worst)
            *worst = s;
        if (o > 0 && used + 40 > XL_COMMENT_MAX)
            break;
        room = XL_COMMENT_MAX - used;
        line = raci_str_printf("[%s] %s", f->rule ? f->rule : "?", f->message ? f->message : "");
        if (!line) {
            free(buf);
            return NULL;
        }
        t = raci_str_xml(line, room, &owned, &cut);
        if (!t) {
            free(line);
            free(buf);
            return NULL;
        }
        if (o)
            buf[o++] = '\n';
        memcpy(buf + o, t, strlen(t));
        o += strlen(t);
        if (cut) {
            memcpy(buf + o, "\xE2\x80\xA6", 3); /* an ellipsis */
            o += 3;
        }
        (*nlines)++;
        free(owned);
        free(line);
    }
    for (size_t j = i; j < b; j++) {
        int s = sev_index(w->fs->v[refs[j].idx].severity);
        if (s > *worst)
            *worst = s;
    }
    if (i < b) {
        o += (size_t)snprintf(buf + o, XL_COMMENT_MAX + 1 - o,
                              "\n\xE2\x80\xA6 and %zu more (see the Findings sheet)", b - i);
        (*nlines)++;
    }
    buf[o] = '\0';
    return buf;
}

/* "1 error, 2 warnings: single-accountable, missing-responsible" for the
 * findings refs[a..b), into b (rule ids once each, in order of appearance). */
static void findings_summary(struct xw *w, const struct fref *refs, size_t a, size_t b,
                             struct raci_str *out, int *worst)
{
    size_t n[SEV_N] = {0};
    static const char *const one[SEV_N] = {"", "info", "warning", "error"};
    static const char *const many[SEV_N] = {"", "infos", "warnings", "errors"};
    int first = 1;

    *worst = SEV_NONE;
    for (size_t i = a; i < b; i++) {
        int s = sev_index(w->fs->v[refs[i].idx].severity);
        n[s]++;
        if (s > *worst)
            *worst = s;
    }
    for (int s = RACI_SEV_ERROR; s >= RACI_SEV_INFO; s--) {
        if (!n[s])
            continue;
        raci_str_addf(out, "%s%zu %s", first ? "" : ", ", n[s], n[s] == 1 ? one[s] : many[s]);
        first = 0;
    }
    if (n[SEV_NONE])
        raci_str_addf(out, "%s%zu other", first ? "" : ", ", n[SEV_NONE]);
    raci_str_add(out, ":");
    for (size_t i = a; i < b; i++) {
        const char *rule = w->fs->v[refs[i].idx].rule;
        size_t j;
        if (!rule)
            continue;
        for (j = a; j < i; j++)
            if (w->fs->v[refs[j].idx].rule && strcmp(w->fs->v[refs[j].idx].rule, rule) == 0)
                break;
        if (j == i)
            raci_str_addf(out, "%s %s", i == a ? "" : ",", rule);
    }
}

/* Write a cell with its findings refs[*cur..) that sit at (row, col), if
 * any: the format fmts[worst severity], and a comment listing them. */
static int put_marked(struct xw *w, lxw_worksheet *ws, const struct fref *refs, size_t nrefs,
                      size_t *cur, lxw_row_t row, lxw_col_t col, const char *text,
                      lxw_format *const *fmts)
{
    size_t a = *cur, b = a;
    int worst = SEV_NONE, rc;
    size_t nlines;
    char *comment = NULL;

    while (b < nrefs && refs[b].row == row && refs[b].col == col)
        b++;
    *cur = b;
    if (b > a && !(comment = comment_text(w, refs, a, b, &worst, &nlines)))
        return fail_nomem(w);
    rc = put_str(w, ws, row, col, text, fmts[worst]);
    if (!rc && comment)
        rc = put_comment(w, ws, row, col, comment, nlines);
    free(comment);
    return rc;
}

static void join_titles(const struct raci_person *pe, struct raci_str *b)
{
    for (uint32_t i = 0; i < pe->ntitles; i++) {
        if (i)
            raci_str_add(b, "; ");
        raci_str_add(b, pe->titles[i] ? pe->titles[i] : "");
    }
}

/* The drop-down of valid letters (raci_letters_choices) over the matrix
 * of ntasks rows and ncols people: a warning, not a stop, since a manager
 * may still type "A/R/C". */
static int put_dropdown(struct xw *w, lxw_worksheet *ws, size_t ntasks, size_t ncols)
{
    static char title[] = "RACI letters";
    static char message[] = "Expected A, R, C or I, combined like A/R, or bracketed "
                            "like (C) when conditional. Keep this value anyway?";
    lxw_data_validation dv = {0};
    size_t n, i;
    const char *const *choices = raci_letters_choices(&n);
    char **list;
    int rc = -1;

    if (ncols == 0 || ntasks == 0)
        return 0;
    /* libxlsxwriter takes the list as char **: copies, not casts. */
    if (!(list = calloc(n + 1, sizeof(*list))))
        return fail_nomem(w);
    for (i = 0; i < n && (list[i] = raci_str_dup(choices[i])); i++)
        ;
    if (i < n) {
        fail_nomem(w);
        goto out;
    }
    dv.validate = LXW_VALIDATION_TYPE_LIST;
    dv.value_list = list;
    dv.ignore_blank = LXW_VALIDATION_ON;
    dv.dropdown = LXW_VALIDATION_ON;
    dv.show_error = LXW_VALIDATION_ON;
    dv.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
    dv.error_title = title;
    dv.error_message = message;
    rc = lx(w, worksheet_data_validation_range(ws, PRODUCT_HEAD_ROWS, 1,
                                               (lxw_row_t)(PRODUCT_HEAD_ROWS + ntasks - 1),
                                               (lxw_col_t)ncols, &dv));
out:
    for (i = 0; i < n; i++)
        free(list[i]);
    free(list);
    return rc;
}

static int write_product(struct xw *w, size_t p)
{
    const struct raci_roster *r = w->r;
    lxw_worksheet *ws = w->sheets[p];
    struct formats *f = &w->f;
    const uint32_t *cols = w->pcol + w->pcol_off[p];
    size_t ncols = w->pcol_off[p + 1] - w->pcol_off[p];
    const uint32_t *tasks = w->ptask + w->ptask_off[p];
    size_t ntasks = w->ptask_off[p + 1] - w->ptask_off[p], nrefs = 0, cur = 0;
    lxw_col_t fcol = (lxw_col_t)(ncols + 1);
    struct fref *refs = NULL;
    struct pair_letters *row_letters = NULL;
    int rc = -1;

    /* This product's findings, in the order their cells are written. */
    refs = calloc(w->foff[p + 1] - w->foff[p] + 1, sizeof *refs);
    row_letters = calloc(ncols ? ncols : 1, sizeof *row_letters);
    if (!refs || !row_letters) {
        fail_nomem(w);
        goto out;
    }
    for (size_t k = w->foff[p]; k < w->foff[p + 1]; k++) {
        const struct target *t = &w->tgt[w->fidx[k]];
        refs[nrefs++] = (struct fref){t->row, t->col, w->fidx[k]};
    }
    if (nrefs > 1)
        qsort(refs, nrefs, sizeof *refs, fref_cmp);
    set_columns(w, p, 1);

    if (page_setup(w, ws, r->products[p].name, PRODUCT_HEAD_ROWS, 1))
        goto out;
    worksheet_freeze_panes(ws, PRODUCT_HEAD_ROWS, 1);
    if (lx(w, worksheet_set_column(ws, 0, 0, 38, NULL)) ||
        lx(w, worksheet_set_column(ws, fcol, fcol, 44, NULL)) ||
        lx(w, worksheet_set_row(ws, 1, 36, NULL)))
        goto out;
    for (size_t k = 0; k < ncols; k++) {
        const char *name = r->persons[cols[k]].name;
        size_t len = name ? strlen(name) : 0;
        double width = len < 8 ? 10 : len > 20 ? 22 : (double)len + 2;
        if (lx(w, worksheet_set_column(ws, (lxw_col_t)(k + 1), (lxw_col_t)(k + 1), width, NULL)))
            goto out;
    }
    if (put_dropdown(w, ws, ntasks, ncols))
        goto out;

    /* Row 0: the product, then its people; findings about the product sit
     * on its name, findings about a person in it on the person's name. */
    if (put_marked(w, ws, refs, nrefs, &cur, 0, 0, r->products[p].name, f->product))
        goto out;
    for (size_t k = 0; k < ncols; k++)
        if (put_marked(w, ws, refs, nrefs, &cur, 0, (lxw_col_t)(k + 1), r->persons[cols[k]].name,
                       f->person))
            goto out;
    if (put_str(w, ws, 0, fcol, "Findings", f->header))
        goto out;
    /* Row 1: titles. */
    if (put_str(w, ws, 1, 0, "Task", f->header))
        goto out;
    for (size_t k = 0; k < ncols; k++) {
        struct raci_str t = {0};
        join_titles(&r->persons[cols[k]], &t);
        if (t.failed) {
            free(t.s);
            fail_nomem(w);
            goto out;
        }
        int e = put_str(w, ws, 1, (lxw_col_t)(k + 1), raci_str_cstr(&t), f->subheader);
        free(t.s);
        if (e)
            goto out;
    }
    if (put_str(w, ws, 1, fcol, "", f->header))
        goto out;

    /* One row a task, built whole before it is written. */
    for (size_t i = 0; i < ntasks; i++) {
        uint32_t t = tasks[i];
        lxw_row_t row = (lxw_row_t)(PRODUCT_HEAD_ROWS + i);
        size_t row_first, row_end;
        struct raci_str sum = {0};
        int worst, e;

        /* Targets are cells written here, so nothing should be left over
         * from rows above; skipping keeps a stray one from blocking. */
        while (cur < nrefs && refs[cur].row < row)
            cur++;
        row_first = row_end = cur;

        memset(row_letters, 0, ncols * sizeof *row_letters);
        for (size_t a = w->aoff[t]; a < w->aoff[t + 1];) {
            size_t b = a;
            while (b < w->aoff[t + 1] && w->akeys[b].person == w->akeys[a].person)
                b++;
            uint32_t col = w->colof[w->akeys[a].person];
            if (col != RACI_NONE)
                row_letters[col - 1] = pair_letters(w, a, b);
            a = b;
        }
        while (row_end < nrefs && refs[row_end].row == row)
            row_end++;

        if (put_marked(w, ws, refs, nrefs, &cur, row, 0, r->tasks[t].name, f->task))
            goto out;
        for (size_t k = 0; k < ncols; k++) {
            const struct pair_letters *pl = &row_letters[k];
            char text[32];
            int kind = letters_kind(pl);
            raci_letters_format(pl->l, text, sizeof text);
            if (put_marked(w, ws, refs, nrefs, &cur, row, (lxw_col_t)(k + 1),
                           kind == LK_RAW ? pl->raw : text, f->cell[kind]))
                goto out;
        }
        /* Anything left in this row sits on no column written above. */
        cur = row_end;
        if (row_end > row_first) {
            findings_summary(w, refs, row_first, row_end, &sum, &worst);
            if (sum.failed) {
                free(sum.s);
                fail_nomem(w);
                goto out;
            }
            e = put_str(w, ws, row, fcol, sum.s, f->summary[worst]);
            free(sum.s);
            if (e)
                goto out;
        }
    }
    rc = 0;
out:
    set_columns(w, p, 0);
    free(refs);
    free(row_letters);
    return rc;
}

/* -------------------------------------------------------- Findings ---- */

static int write_findings(struct xw *w)
{
    const struct raci_roster *r = w->r;
    const struct raci_findings *fs = w->fs;
    lxw_worksheet *ws = w->findings;
    struct formats *f = &w->f;
    static const char *const heads[] = {"Rule",   "Severity", "Product", "Task",
                                        "Person", "Message",  "File",    "Line",
                                        "Column", "Related",  "Go to"};
    static const double widths[] = {22, 9, 18, 28, 20, 60, 16, 6, 7, 24, 18};
    enum { NCOLS = sizeof heads / sizeof *heads };
    unsigned nlinks = 0;

    if (page_setup(w, ws, "Findings", 1, 0))
        return -1;
    worksheet_freeze_panes(ws, 1, 0);
    for (lxw_col_t c = 0; c < NCOLS; c++)
        if (lx(w, worksheet_set_column(ws, c, c, widths[c], NULL)) ||
            put_str(w, ws, 0, c, heads[c], f->header))
            return -1;
    if (lx(w, worksheet_autofilter(ws, 0, 0, (lxw_row_t)fs->n, NCOLS - 1)))
        return -1;
    for (size_t i = 0; i < fs->n; i++) {
        const struct raci_finding *fd = &fs->v[i];
        const struct target *t = &w->tgt[i];
        lxw_row_t row = (lxw_row_t)(i + 1);
        int s = sev_index(fd->severity);
        const char *product = w->fprod[i] != RACI_NONE ? r->products[w->fprod[i]].name : "";
        const char *task = fd->task < r->ntasks ? r->tasks[fd->task].name : "";
        const char *person = fd->person < r->npersons ? r->persons[fd->person].name : "";
        struct raci_str rel = {0};
        int e;

        if (put_str(w, ws, row, 0, fd->rule, NULL) ||
            put_str(w, ws, row, 1, raci_severity_name(fd->severity), f->sev[s]) ||
            put_str(w, ws, row, 2, product, NULL) || put_str(w, ws, row, 3, task, NULL) ||
            put_str(w, ws, row, 4, person, NULL) || put_str(w, ws, row, 5, fd->message, f->text) ||
            put_str(w, ws, row, 6, fd->loc.file, NULL))
            return -1;
        if (fd->loc.line && put_num(w, ws, row, 7, fd->loc.line, NULL))
            return -1;
        if (fd->loc.col && put_num(w, ws, row, 8, fd->loc.col, NULL))
            return -1;
        for (size_t k = 0; k < fd->nrelated; k++) {
            const struct raci_loc *l = &fd->related[k];
            /* The file only when it differs from the finding's own. */
            if (l->file && (!fd->loc.file || strcmp(l->file, fd->loc.file) != 0))
                raci_str_addf(&rel, "%s%s:%u", k ? ", " : "", l->file, (unsigned)l->line);
            else
                raci_str_addf(&rel, "%sline %u", k ? ", " : "", (unsigned)l->line);
        }
        if (rel.failed) {
            free(rel.s);
            return fail_nomem(w);
        }
        e = put_str(w, ws, row, 9, raci_str_cstr(&rel), NULL);
        free(rel.s);
        if (e)
            return -1;
        if (t->kind != T_NONE) {
            const char *sheet = t->kind == T_ROSTER ? "Roster" : w->names[t->product];
            char cell[32], *text;
            lxw_rowcol_to_cell(cell, t->row, t->col);
            text = raci_str_printf("%s!%s", sheet, cell);
            if (!text)
                return fail_nomem(w);
            e = put_link(w, ws, &nlinks, row, 10, sheet, t->row, t->col, text, NULL);
            free(text);
            if (e)
                return -1;
        }
    }
    return 0;
}

/* ---------------------------------------------------------- Roster ---- */

static int write_roster(struct xw *w)
{
    const struct raci_roster *r = w->r;
    const struct raci_ruleset *rs = w->rs;
    lxw_worksheet *ws = w->roster;
    struct formats *f = &w->f;
    static const char *const heads[] = {"Name",    "ID", "Titles", "Roles", "Products",
                                        "Manager", "R",  "A",      "C",     "I"};
    static const double widths[] = {24, 18, 30, 26, 26, 22, 5, 5, 5, 5};
    enum { NFIXED = sizeof heads / sizeof *heads };
    lxw_col_t last = (lxw_col_t)(NFIXED - 1 + r->nextra);
    uint32_t *stamp = NULL, *midx = NULL;
    size_t *moff = NULL;
    int rc = -1;

    if (page_setup(w, ws, "Roster", 1, 1))
        return -1;
    worksheet_freeze_panes(ws, 1, 1);
    for (lxw_col_t c = 0; c < NFIXED; c++)
        if (lx(w, worksheet_set_column(ws, c, c, widths[c], NULL)) ||
            put_str(w, ws, 0, c, heads[c], f->header))
            return -1;
    for (size_t k = 0; k < r->nextra; k++) {
        lxw_col_t c = (lxw_col_t)(NFIXED + k);
        if (lx(w, worksheet_set_column(ws, c, c, 18, NULL)) ||
            put_str(w, ws, 0, c, r->extra_names[k], f->header))
            return -1;
    }
    if (lx(w, worksheet_autofilter(ws, 0, 0, (lxw_row_t)r->npersons, last)))
        return -1;

    /* Each person's memberships, and stamp[p] == q + 1 when product p is
     * already listed for person q. */
    if (bucket(w, r->nmembers, r->npersons, member_person, &moff, &midx))
        goto out;
    stamp = calloc(r->nproducts ? r->nproducts : 1, sizeof *stamp);
    if (!stamp) {
        fail_nomem(w);
        goto out;
    }
    for (size_t q = 0; q < r->npersons; q++) {
        const struct raci_person *pe = &r->persons[q];
        lxw_row_t row = (lxw_row_t)(q + 1);
        struct raci_str titles = {0}, roles = {0}, products = {0};
        int e;

        join_titles(pe, &titles);
        for (size_t k = 0; rs && k < rs->nroles && k < RACI_MAX_ROLES; k++) {
            if (!(pe->roles & (UINT64_C(1) << k)))
                continue;
            raci_str_add(&roles, roles.len ? "; " : "");
            raci_str_add(&roles, rs->roles[k].name ? rs->roles[k].name : rs->roles[k].id);
        }
        if (!pe->roles)
            raci_str_add(&roles, "(unknown)");
        for (size_t k = moff[q]; k < moff[q + 1]; k++) {
            const struct raci_member *m = &r->members[midx[k]];
            if (m->product >= r->nproducts || stamp[m->product] == q + 1)
                continue;
            stamp[m->product] = (uint32_t)(q + 1);
            raci_str_add(&products, products.len ? "; " : "");
            raci_str_add(&products, r->products[m->product].name);
        }
        if (titles.failed || roles.failed || products.failed) {
            e = fail_nomem(w);
        } else {
            e = put_str(w, ws, row, 0, pe->name, NULL) || put_str(w, ws, row, 1, pe->id, NULL) ||
                put_str(w, ws, row, 2, raci_str_cstr(&titles), NULL) ||
                put_str(w, ws, row, 3, raci_str_cstr(&roles), NULL) ||
                put_str(w, ws, row, 4, raci_str_cstr(&products), NULL) ||
                put_str(w, ws, row, 5, pe->manager, NULL);
            for (int k = 0; !e && k < 4; k++)
                e = put_num(w, ws, row, (lxw_col_t)(6 + k), w->counts[q][k], NULL);
            for (size_t k = 0; !e && pe->extra && k < r->nextra; k++)
                e = put_str(w, ws, row, (lxw_col_t)(NFIXED + k), pe->extra[k], NULL);
        }
        free(titles.s);
        free(roles.s);
        free(products.s);
        if (e)
            goto out;
    }
    rc = 0;
out:
    free(stamp);
    free(moff);
    free(midx);
    return rc;
}

/* ----------------------------------------------------------- driver ---- */

/* The document date: SOURCE_DATE_EPOCH when it is set and sane, so that
 * reproducible builds can choose it, otherwise a fixed one. */
static time_t document_time(void)
{
    const char *s = getenv("SOURCE_DATE_EPOCH");
    char *end;
    long long v;

    if (!s || !*s)
        return (time_t)XL_FIXED_EPOCH;
    errno = 0;
    v = strtoll(s, &end, 10);
    if (errno || *end || v < 0 || v > 253402300799LL) /* up to 9999-12-31 */
        return (time_t)XL_FIXED_EPOCH;
    return (time_t)v;
}

static int add_sheets(struct xw *w)
{
    const struct raci_roster *r = w->r;
    size_t np = r->nproducts;
    const char **taken;
    static char title[] = "RACI matrix", author[] = "raci", comments[] = "Written by raci";
    lxw_doc_properties props = {0};

    props.title = title;
    props.author = author;
    props.comments = comments;
    props.created = document_time();
    if (lx(w, workbook_set_properties(w->wb, &props)))
        return -1;

    w->names = calloc(np ? np : 1, sizeof *w->names);
    w->sheets = calloc(np ? np : 1, sizeof *w->sheets);
    taken = calloc(np + 3, sizeof *taken);
    if (!w->names || !w->sheets || !taken) {
        free(taken);
        return fail_nomem(w);
    }
    taken[0] = "Summary";
    taken[1] = "Findings";
    taken[2] = "Roster";
    for (size_t p = 0; p < np; p++) {
        raci_sheetname_unique(r->products[p].name, taken, p + 3, w->names[p], sizeof w->names[p]);
        taken[p + 3] = w->names[p];
    }
    free(taken);

    if (!(w->summary = workbook_add_worksheet(w->wb, "Summary")))
        return fail_msg(w, "cannot add sheet 'Summary'");
    for (size_t p = 0; p < np; p++)
        if (!(w->sheets[p] = workbook_add_worksheet(w->wb, w->names[p])))
            return fail_msg(w, "cannot add sheet '%s'", w->names[p]);
    if (!(w->findings = workbook_add_worksheet(w->wb, "Findings")))
        return fail_msg(w, "cannot add sheet 'Findings'");
    if (!(w->roster = workbook_add_worksheet(w->wb, "Roster")))
        return fail_msg(w, "cannot add sheet 'Roster'");
    worksheet_set_comments_author(w->summary, "raci");
    for (size_t p = 0; p < np; p++)
        worksheet_set_comments_author(w->sheets[p], "raci");
    return 0;
}

static int build(struct xw *w)
{
    if (prepare_assignments(w) || prepare_products(w) || prepare_findings(w) || add_sheets(w) ||
        make_formats(w) || write_summary(w))
        return -1;
    for (size_t p = 0; p < w->r->nproducts; p++)
        if (write_product(w, p))
            return -1;
    return write_findings(w) || write_roster(w) ? -1 : 0;
}

static void xw_release(struct xw *w)
{
    free(w->why);
    free(w->names);
    free(w->sheets);
    free(w->fprod);
    free(w->foff);
    free(w->fidx);
    free(w->tgt);
    free(w->fcount);
    free(w->task_row);
    free(w->ptask_off);
    free(w->ptask);
    free(w->pcol_off);
    free(w->pcol);
    free(w->colof);
    free(w->akeys);
    free(w->aoff);
    free(w->counts);
}

/* The mode a new file would get (0666 less the umask), or the one of the
 * file being replaced, so that the rename changes nothing but content. */
static mode_t output_mode(const char *path)
{
    struct stat st;
    mode_t mask;

    if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
        return st.st_mode & 07777;
    /* umask can only be read by setting it; raci is single-threaded. */
    mask = umask(022);
    umask(mask);
    return 0666 & ~mask;
}

/* Describe w's failure in diag and return its code. */
static raci_error report(struct xw *w, struct raci_diag *diag)
{
    raci_error err = w->err;

    if (err == RACI_ERROR_NOMEM)
        raci_diag_set(diag, w->path, 0, 0, NULL, "unable to write workbook '%s': out of memory",
                      w->path);
    else if (w->why)
        raci_diag_set(diag, w->path, 0, 0, NULL, "unable to write workbook '%s': %s", w->path,
                      w->why);
    else
        raci_diag_set(diag, w->path, 0, 0, NULL, "unable to write workbook '%s': libxlsxwriter: %s",
                      w->path, lxw_strerror(w->lxerr));
    return err;
}

raci_error raci_xlsx_write(const char *path, const struct raci_roster *r,
                           const struct raci_ruleset *rs, const struct raci_findings *fs,
                           struct raci_diag *diag)
{
    static const struct raci_findings none = {0};
    struct xw w = {0};
    lxw_workbook_options opt = {0};
    char *tmp;
    int fd;
    raci_error err;

    w.path = path;
    w.r = r;
    w.rs = rs ? rs : r->rs;
    w.fs = fs ? fs : &none;

    /* Beside the target, so that rename() is atomic: same file system. */
    tmp = raci_str_printf("%s.tmpXXXXXX", path);
    if (!tmp) {
        raci_diag_set(diag, path, 0, 0, NULL, "unable to write workbook '%s': out of memory", path);
        return RACI_ERROR_NOMEM;
    }
    fd = mkstemp(tmp);
    if (fd < 0) {
        raci_diag_set(diag, path, 0, 0, NULL, "unable to write workbook '%s': %s", path,
                      strerror(errno));
        free(tmp);
        return RACI_ERROR_OUTPUT;
    }
    /* mkstemp makes the file private (0600); the workbook is not. */
    if (fchmod(fd, output_mode(path)) != 0 || close(fd) != 0) {
        int e = errno;
        unlink(tmp);
        raci_diag_set(diag, path, 0, 0, NULL, "unable to write workbook '%s': %s", path,
                      strerror(e));
        free(tmp);
        return RACI_ERROR_OUTPUT;
    }

    w.wb = workbook_new_opt(tmp, &opt);
    if (!w.wb) {
        fail_msg(&w, "cannot start a workbook (%s)", strerror(errno));
    } else if (build(&w) != 0) {
        /* Free it without writing: the temporary file is removed anyway. */
        lxw_workbook_free(w.wb);
    } else {
        lx(&w, workbook_close(w.wb));
    }
    if (w.err == RACI_OK && rename(tmp, path) != 0)
        fail_msg(&w, "%s", strerror(errno));
    if (w.err != RACI_OK) {
        unlink(tmp);
        err = report(&w, diag);
    } else {
        err = RACI_OK;
    }
    free(tmp);
    xw_release(&w);
    return err;
}
