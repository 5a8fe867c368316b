/*
 * xlsx_table.c - a sheet's cells made into a table, and the spelling of a
 * workbook's values (xlsx_table.h).
 */
#include "raci/xlsx_table.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "raci/array.h"
#include "raci/loc.h"
#include "raci/table.h"
#include "raci/xlsx_read.h"

/* ------------------------------------------------------------- text -- */

static void note_bad(struct raci_xlsx_table_text *out, enum raci_str_bad what, uint32_t code)
{
    if (out->nbad++ == 0) {
        out->what = what;
        out->code = code;
    }
}

/* Append character cp (a surrogate, NUL or control character is noted). */
static void add_char(struct raci_str *b, uint32_t cp, struct raci_xlsx_table_text *out)
{
    char enc[4];

    if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF)) {
        note_bad(out, cp ? RACI_STR_BAD_UNPAIRED : RACI_STR_BAD_NUL, cp);
        cp = 0xFFFD;
    } else if (!raci_str_xml_char(cp)) {
        note_bad(out, RACI_STR_BAD_CONTROL, cp);
    }
    raci_str_addn(b, enc, raci_str_encode(cp, enc));
}

raci_error raci_xlsx_table_text(const char *raw, size_t len, struct raci_strpool *pool,
                                struct raci_xlsx_table_text *out)
{
    struct raci_str b = RACI_STR_INIT;
    size_t i = 0;

    memset(out, 0, sizeof(*out));
    while (i < len) {
        long unit = raci_str_xstring_unit(raw + i, len - i), low;
        uint32_t cp;
        size_t k;
        if (unit >= 0) {
            i += 7;
            /* A high surrogate and a low one are one character. */
            if (unit >= 0xD800 && unit <= 0xDBFF &&
                (low = raci_str_xstring_unit(raw + i, len - i)) >= 0xDC00 && low <= 0xDFFF) {
                unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                i += 7;
            }
            add_char(&b, (uint32_t)unit, out);
        } else if ((k = raci_str_decode(raw + i, len - i, &cp)) != 0) {
            add_char(&b, cp, out);
            i += k;
        } else {
            /* libxml2 gives UTF-8; a byte that is none is still said. */
            note_bad(out, RACI_STR_BAD_BYTE, (unsigned char)raw[i]);
            raci_str_add(&b, "\xEF\xBF\xBD");
            i++;
        }
    }
    if (!b.failed)
        out->text = raci_strpool_intern(pool, b.s ? b.s : "", b.len);
    raci_str_release(&b);
    return out->text ? RACI_OK : RACI_ERROR_NOMEM;
}

int raci_xlsx_table_number(const char *raw, char out[32])
{
    const char *p = raw;
    char *end;
    double v;

    while (*p == ' ')
        p++;
    /* Only what a cell's <v> holds: no hex, inf or nan that strtod takes. */
    if (!*p || strspn(p, "0123456789+-.eE ") != strlen(p))
        return -1;
    v = strtod(p, &end);
    while (*end == ' ')
        end++;
    if (end == p || *end || !isfinite(v))
        return -1;
    if (v == floor(v) && fabs(v) < 1e15) {
        snprintf(out, 32, "%.0f", v == 0 ? 0.0 : v);
        return 0;
    }
    snprintf(out, 32, "%.15G", v);
    /* "1E+20" as a spreadsheet writes it, "1.5E-07" as "1.5E-07" too. */
    return 0;
}

/* -------------------------------------------------------- references -- */

int raci_xlsx_table_ref(const char *ref, uint32_t *row, uint32_t *col)
{
    const char *p = ref;
    uint64_t c = 0, r = 0;

    if (*p == '$')
        p++;
    for (; (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z'); p++) {
        c = c * 26 + (uint64_t)((*p | 0x20) - 'a' + 1);
        if (c > UINT32_MAX)
            return -1;
    }
    if (*p == '$')
        p++;
    for (; *p >= '0' && *p <= '9'; p++) {
        r = r * 10 + (uint64_t)(*p - '0');
        if (r > UINT32_MAX)
            return -1;
    }
    if (*p || c == 0 || r == 0)
        return -1;
    *row = (uint32_t)r;
    *col = (uint32_t)c;
    return 0;
}

int raci_xlsx_table_range(const char *ref, struct raci_xlsx_table_merge *m)
{
    const char *colon = strchr(ref, ':');
    char first[RACI_LOC_CELL_SIZE];
    size_t n = colon ? (size_t)(colon - ref) : strlen(ref);

    if (n >= sizeof(first))
        return -1;
    memcpy(first, ref, n);
    first[n] = '\0';
    if (raci_xlsx_table_ref(first, &m->r1, &m->c1))
        return -1;
    if (!colon) {
        m->r2 = m->r1;
        m->c2 = m->c1;
    } else if (raci_xlsx_table_ref(colon + 1, &m->r2, &m->c2)) {
        return -1;
    }
    if (m->r2 < m->r1 || m->c2 < m->c1) { /* B2:A1 is A1:B2 */
        uint32_t r = m->r1 < m->r2 ? m->r1 : m->r2, c = m->c1 < m->c2 ? m->c1 : m->c2;
        m->r2 = m->r1 > m->r2 ? m->r1 : m->r2;
        m->c2 = m->c1 > m->c2 ? m->c1 : m->c2;
        m->r1 = r;
        m->c1 = c;
    }
    return 0;
}

/* ------------------------------------------------------------- cells -- */

raci_error raci_xlsx_table_add(struct raci_xlsx_table *s, uint32_t row, uint32_t col,
                               const struct raci_xlsx_table_text *v)
{
    if (!*v->text)
        return RACI_OK;
    if (raci_array_grow(&s->cells, &s->cap, s->n + 1, sizeof(*s->cells)))
        return RACI_ERROR_NOMEM;
    s->cells[s->n].row = row;
    s->cells[s->n].col = col;
    s->cells[s->n].v = *v;
    s->cells[s->n].copy = 0;
    s->n++;
    return RACI_OK;
}

raci_error raci_xlsx_table_merge(struct raci_xlsx_table *s, const struct raci_xlsx_table_merge *m)
{
    if (raci_array_grow(&s->merges, &s->cap_merges, s->nmerges + 1, sizeof(*s->merges)))
        return RACI_ERROR_NOMEM;
    s->merges[s->nmerges++] = *m;
    return RACI_OK;
}

/* By row, column, then a written cell before a filled-in one. */
static int cell_cmp(const void *pa, const void *pb)
{
    const struct raci_xlsx_table_cell *a = pa, *b = pb;

    if (a->row != b->row)
        return a->row < b->row ? -1 : 1;
    if (a->col != b->col)
        return a->col < b->col ? -1 : 1;
    return a->copy < b->copy ? -1 : a->copy > b->copy;
}

static const struct raci_xlsx_table_cell *find_cell(const struct raci_xlsx_table *s, uint32_t row,
                                                    uint32_t col)
{
    struct raci_xlsx_table_cell key = {row, col, {NULL, 0, 0, 0}, 0};
    if (s->n == 0)
        return NULL;
    return bsearch(&key, s->cells, s->n, sizeof(*s->cells), cell_cmp);
}

static raci_error budget_spent(struct raci_diag *diag, uint32_t row, uint32_t col, const char *what)
{
    return raci_diag_set(diag, NULL, row, col, NULL,
                         "%s: the workbook holds more than %u cells, the most raci reads (empty "
                         "cells that fill out a row up to its header's last column count): "
                         "remove what is not the roster, or split the workbook",
                         what, RACI_XLSX_READ_MAX_CELLS);
}

/* Give each merged range's top-left value to its other cells, appended
 * after the written cells (sorted, and looked up among themselves only). */
static raci_error fill_merges(struct raci_xlsx_table *s, size_t budget, struct raci_diag *diag)
{
    size_t written = s->n;

    for (size_t i = 0; i < s->nmerges; i++) {
        const struct raci_xlsx_table_merge *m = &s->merges[i];
        const struct raci_xlsx_table_cell *tl;
        struct raci_xlsx_table_cell copy;
        uint64_t area = (uint64_t)(m->r2 - m->r1 + 1) * (m->c2 - m->c1 + 1);
        size_t n = s->n, at;

        s->n = written;
        tl = find_cell(s, m->r1, m->c1);
        s->n = n;
        if (!tl || area < 2)
            continue;
        if (area > budget || s->n + area > budget)
            return budget_spent(diag, m->r1, m->c1, "a merged range is too large");
        at = (size_t)(tl - s->cells); /* the array may move as it grows */
        if (raci_array_grow(&s->cells, &s->cap, s->n + (size_t)area, sizeof(*s->cells)))
            return RACI_ERROR_NOMEM;
        copy = s->cells[at];
        copy.v.nbad = 0; /* said once, at the top-left cell */
        copy.copy = (uint32_t)i + 1;
        for (uint32_t r = m->r1; r <= m->r2; r++)
            for (uint32_t c = m->c1; c <= m->c2; c++) {
                if (r == m->r1 && c == m->c1)
                    continue;
                copy.row = r;
                copy.col = c;
                s->cells[s->n++] = copy;
            }
    }
    return RACI_OK;
}

/* Sort the cells, fill the merged ranges, and keep one cell a place: the
 * one written, else the first range's. */
static raci_error settle(struct raci_xlsx_table *s, size_t budget, struct raci_diag *diag)
{
    size_t k = 0;
    raci_error err;

    if (s->n == 0) /* an empty sheet: nothing to sort, nothing merged has a value */
        return RACI_OK;
    qsort(s->cells, s->n, sizeof(*s->cells), cell_cmp);
    if ((err = fill_merges(s, budget, diag)))
        return err;
    qsort(s->cells, s->n, sizeof(*s->cells), cell_cmp);
    for (size_t i = 0; i < s->n; i++)
        if (k == 0 || s->cells[i].row != s->cells[k - 1].row ||
            s->cells[i].col != s->cells[k - 1].col)
            s->cells[k++] = s->cells[i];
    s->n = k;
    return RACI_OK;
}

/* What the reader would note in cell c, the table's cell, into t. */
static raci_error flag_cell(struct raci_table *t, const struct raci_xlsx_table_cell *c,
                            const struct raci_cell *cell)
{
    struct raci_cell_note note = {0};
    size_t len = strlen(c->v.text);

    if (c->v.nbad) {
        note.flags |= RACI_READER_BAD_TEXT;
        note.bad_line = c->row;
        note.bad_col = c->col;
        note.bad_what = c->v.what;
        note.bad_code = c->v.code;
        note.nbad = c->v.nbad;
    }
    if (len > RACI_READER_CELL_UNITS &&
        (note.units = (uint32_t)raci_str_units(c->v.text, len)) > RACI_READER_CELL_UNITS)
        note.flags |= RACI_READER_LONG;
    return note.flags ? raci_table_note_add(t, cell, &note) : RACI_OK;
}

/* The row of cells [a, e) (all on one row), width cells wide, into out. */
static raci_error lay_row(struct raci_table *t, const struct raci_xlsx_table *s, size_t a, size_t e,
                          uint32_t width, const char *blank, struct raci_row *out)
{
    uint32_t row = s->cells[a].row;

    if (!(out->cells = raci_table_cells(t, width)))
        return RACI_ERROR_NOMEM;
    out->line = row;
    out->ncells = width;
    for (uint32_t c = 0; c < width; c++) {
        out->cells[c].text = blank;
        out->cells[c].line = row;
        out->cells[c].col = c + 1;
    }
    for (size_t i = a; i < e; i++) {
        struct raci_cell *cell = &out->cells[s->cells[i].col - 1];
        raci_error err;
        cell->text = s->cells[i].v.text;
        if ((err = flag_cell(t, &s->cells[i], cell)))
            return err;
    }
    return RACI_OK;
}

raci_error raci_xlsx_table_finish(struct raci_xlsx_table *s, struct raci_table *t,
                                  struct raci_strpool *pool, size_t *budget, int *empty,
                                  struct raci_diag *diag)
{
    const char *blank = raci_strpool_add(pool, "");
    uint32_t hwidth = 0;
    raci_error err;

    *empty = 0;
    if (!blank)
        return RACI_ERROR_NOMEM;
    if ((err = settle(s, *budget, diag)))
        return err;
    if (s->n == 0) {
        *empty = 1;
        return RACI_OK;
    }
    for (size_t a = 0, e; a < s->n; a = e) {
        uint32_t width;
        struct raci_row *row;
        for (e = a + 1; e < s->n && s->cells[e].row == s->cells[a].row; e++)
            ;
        width = s->cells[e - 1].col;
        if (a == 0)
            hwidth = width;
        else if (width < hwidth)
            width = hwidth;
        if (width > *budget)
            return budget_spent(diag, s->cells[a].row, 1, "the sheet is too large");
        *budget -= width;
        if (a == 0) {
            row = &t->header;
        } else {
            if (raci_array_grow(&t->rows, &t->cap, t->nrows + 1, sizeof(*t->rows)))
                return RACI_ERROR_NOMEM;
            row = &t->rows[t->nrows++];
        }
        if ((err = lay_row(t, s, a, e, width, blank, row)))
            return err;
    }
    raci_table_finish(t);
    return RACI_OK;
}

void raci_xlsx_table_release(struct raci_xlsx_table *s)
{
    free(s->cells);
    free(s->merges);
    memset(s, 0, sizeof(*s));
}
