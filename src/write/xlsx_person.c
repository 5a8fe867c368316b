/*
 * xlsx_person.c - findings marked on the Roster's names (xlsx_person.h).
 */
#include "raci/xlsx_person.h"

#include <stdlib.h>
#include <string.h>

#include "raci/xlsx_book.h"

/* A comment longer than this is cut: the Findings sheet has everything. */
#define PERSON_COMMENT_MAX 4000

int raci_xlsx_person_build(struct raci_xlsx_person *pm, struct raci_xlsx_book *b)
{
    size_t n = b->fs ? b->fs->n : 0, *fill;
    uint32_t nrows = (uint32_t)b->r->npersons + 1, per = raci_xlsx_layout_part_rows(b->lay);

    memset(pm, 0, sizeof(*pm));
    pm->nrows = nrows;
    pm->off = calloc((size_t)nrows + 1, sizeof(*pm->off));
    pm->finding = calloc(n ? n : 1, sizeof(*pm->finding));
    fill = calloc((size_t)nrows + 1, sizeof(*fill));
    if (!pm->off || !pm->finding || !fill) {
        free(fill);
        raci_xlsx_person_release(pm);
        return raci_xlsx_book_nomem(b);
    }
    for (size_t i = 0; i < n; i++) {
        struct raci_xlsx_layout_target t = raci_xlsx_layout_target(b->lay, i);
        uint32_t k = t.part * per + t.row; /* the row were Roster not split */
        if (t.sheet == RACI_XLSX_LAYOUT_ROSTER && t.col == 0 && k < nrows)
            pm->off[k + 1]++;
    }
    for (uint32_t k = 0; k < nrows; k++)
        pm->off[k + 1] += pm->off[k];
    memcpy(fill, pm->off, ((size_t)nrows + 1) * sizeof(*fill));
    for (size_t i = 0; i < n; i++) { /* in the findings' order */
        struct raci_xlsx_layout_target t = raci_xlsx_layout_target(b->lay, i);
        uint32_t k = t.part * per + t.row;
        if (t.sheet == RACI_XLSX_LAYOUT_ROSTER && t.col == 0 && k < nrows)
            pm->finding[fill[k]++] = (uint32_t)i;
    }
    free(fill);
    return 0;
}

void raci_xlsx_person_release(struct raci_xlsx_person *pm)
{
    free(pm->off);
    free(pm->finding);
    memset(pm, 0, sizeof(*pm));
}

/* The comment of findings finding[a..e): "[rule] message" a line, XML-safe,
 * cut (with an ellipsis line) past PERSON_COMMENT_MAX bytes, into out;
 * *worst gets their worst severity. */
static void person_comment(const struct raci_xlsx_book *b, const struct raci_xlsx_person *pm,
                           size_t a, size_t e, struct raci_str *out, int *worst)
{
    *worst = 0;
    for (size_t i = a; i < e; i++) {
        const struct raci_finding *f = &b->fs->v[pm->finding[i]];
        int s = raci_xlsx_layout_severity(f->severity);
        char *line, *owned = NULL;
        const char *t;
        if (s > *worst)
            *worst = s;
        if (out->len > PERSON_COMMENT_MAX) {
            if (i + 1 == e)
                raci_str_addf(out, "\n\xE2\x80\xA6 and more (see the Findings sheet)");
            continue;
        }
        line = raci_str_printf("[%s] %s", f->rule ? f->rule : "?", f->message ? f->message : "");
        t = line ? raci_str_xml(line, PERSON_COMMENT_MAX, &owned, NULL) : NULL;
        if (!t) {
            out->failed = 1;
        } else {
            raci_str_add(out, i > a ? "\n" : "");
            raci_str_add(out, t);
        }
        free(owned);
        free(line);
    }
}

int raci_xlsx_person_name(struct raci_xlsx_book *b, const struct raci_xlsx_person *pm, uint32_t q,
                          const char *name)
{
    lxw_worksheet *ws = b->roster;
    uint32_t row = raci_xlsx_layout_roster_row(b->lay, q);
    struct raci_str text = RACI_STR_INIT;
    size_t a, e;
    int worst, rc;

    if (!pm->off || q + 1 >= pm->nrows || pm->off[q + 1] == pm->off[q + 2])
        return raci_xlsx_book_str(b, ws, row, 0, name, b->f.text);
    a = pm->off[q + 1];
    e = pm->off[q + 2];
    person_comment(b, pm, a, e, &text, &worst);
    if (text.failed) {
        raci_str_release(&text);
        return raci_xlsx_book_nomem(b);
    }
    rc = raci_xlsx_book_str(b, ws, row, 0, name, b->f.sev[worst]);
    if (!rc)
        rc = raci_xlsx_book_comment(b, ws, row, 0, raci_str_cstr(&text), e - a);
    raci_str_release(&text);
    return rc;
}
