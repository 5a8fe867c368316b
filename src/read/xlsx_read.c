/*
 * xlsx_read.c - the sheets of an .xlsx workbook, as tables (xlsx_read.h):
 * the workbook's parts in the order they are needed, each read node by
 * node (xlsx_part.h), each sheet's cells laid out by xlsx_table.h.
 */
#include "raci/xlsx_read.h"

#include <stdlib.h>
#include <string.h>

#include "raci/array.h"
#include "raci/str.h"
#include "raci/xlsx_part.h"
#include "raci/xlsx_table.h"

#define WORKBOOK      "xl/workbook.xml"
#define WORKBOOK_RELS "xl/_rels/workbook.xml.rels"

/* A sheet the workbook lists. */
struct sheet_ref {
    const char *name; /* interned */
    char *rid;        /* its relationship's id */
    char *part;       /* its part, or NULL: no sheet of cells (a chart sheet) */
    int found;        /* its relationship was found */
};

/* The workbook being read. */
struct book {
    struct raci_xlsx_part_zip *z;
    struct raci_xlsx_read_book *out;
    struct raci_strpool *pool;
    struct raci_diag *diag;
    size_t budget; /* cells the tables may still take */
    struct raci_xlsx_table_text *sst;
    size_t nsst, cap_sst;
    char *sst_part;
    struct sheet_ref *sheets;
    size_t nsheets, cap_sheets;
};

static int is_start(enum raci_xlsx_part_node n, const struct raci_xlsx_part *p, const char *name)
{
    return n == RACI_XLSX_PART_START && strcmp(raci_xlsx_part_name(p), name) == 0;
}

static int is_close(enum raci_xlsx_part_node n, const struct raci_xlsx_part *p, const char *name)
{
    return n == RACI_XLSX_PART_CLOSE && strcmp(raci_xlsx_part_name(p), name) == 0;
}

/* ---------------------------------------------------------- workbook -- */

/* A <sheet name= r:id=> of the workbook. */
static raci_error add_sheet(struct book *b, struct raci_xlsx_part *p)
{
    char *name = raci_xlsx_part_attr(p, "name", 0);
    struct sheet_ref *s;
    raci_error err = RACI_OK;

    if (b->nsheets >= RACI_XLSX_READ_MAX_SHEETS)
        err = raci_xlsx_part_fail(p,
                                  "workbook has more than %u sheets, the most raci reads: "
                                  "split it, or keep the roster's sheets alone",
                                  RACI_XLSX_READ_MAX_SHEETS);
    else if (raci_array_grow(&b->sheets, &b->cap_sheets, b->nsheets + 1, sizeof(*b->sheets)))
        err = RACI_ERROR_NOMEM;
    if (!err) {
        s = &b->sheets[b->nsheets++];
        s->rid = raci_xlsx_part_attr(p, "id", 1);
        if (!(s->name = raci_strpool_add(b->pool, name ? name : "")))
            err = RACI_ERROR_NOMEM;
        else if (!s->rid)
            err = raci_xlsx_part_fail(p,
                                      "sheet '%s' in '%s' has no r:id: the workbook is "
                                      "damaged; save it again from the spreadsheet",
                                      s->name, WORKBOOK);
    }
    free(name);
    return err;
}

static raci_error read_workbook(struct book *b)
{
    struct raci_xlsx_part *p;
    enum raci_xlsx_part_node n;
    raci_error err;

    if (!raci_xlsx_part_exists(b->z, WORKBOOK))
        return raci_xlsx_part_zip_fail(b->z,
                                       "file is a zip archive but no .xlsx workbook: it has no "
                                       "part '%s' (a .docx, .ods or .zip is no workbook); save "
                                       "it from the spreadsheet as an Excel Workbook (.xlsx)",
                                       WORKBOOK);
    if ((err = raci_xlsx_part_open(&p, b->z, WORKBOOK, NULL)))
        return err;
    while (!(err = raci_xlsx_part_next(p, &n)) && n != RACI_XLSX_PART_DONE)
        if (is_start(n, p, "sheet") && (err = add_sheet(b, p)))
            break;
    raci_xlsx_part_close(p);
    if (!err && b->nsheets == 0)
        err = raci_xlsx_part_zip_fail(b->z,
                                      "workbook lists no sheets in '%s': save it again "
                                      "from the spreadsheet",
                                      WORKBOOK);
    return err;
}

/* The part a relationship of the workbook targets: relative to xl/, or
 * from the archive's root when it starts with '/'; "." and ".." resolved. */
static char *resolve(const char *target)
{
    struct raci_str b = RACI_STR_INIT;
    const char *s = target;

    if (*s == '/')
        s++;
    else
        raci_str_add(&b, "xl/");
    while (*s) {
        size_t n = strcspn(s, "/");
        if (n == 2 && s[0] == '.' && s[1] == '.') {
            /* Drop the last folder written. */
            while (b.len > 0 && b.s[b.len - 1] == '/')
                b.len--;
            while (b.len > 0 && b.s[b.len - 1] != '/')
                b.len--;
        } else if (!(n == 1 && s[0] == '.') && n > 0) {
            raci_str_addn(&b, s, n);
            if (s[n] == '/')
                raci_str_addc(&b, '/');
        }
        s += n + (s[n] == '/');
    }
    if (b.s)
        b.s[b.len] = '\0';
    return raci_str_take(&b);
}

static int ends_with(const char *s, const char *tail)
{
    size_t n = strlen(s), k = strlen(tail);
    return n >= k && strcmp(s + n - k, tail) == 0;
}

/* A <Relationship Id= Type= Target=> of the workbook. */
static raci_error add_rel(struct book *b, struct raci_xlsx_part *p)
{
    char *id = raci_xlsx_part_attr(p, "Id", 0), *type = raci_xlsx_part_attr(p, "Type", 0);
    char *target = raci_xlsx_part_attr(p, "Target", 0),
         *mode = raci_xlsx_part_attr(p, "TargetMode", 0);
    raci_error err = RACI_OK;

    if (id && type && target && !(mode && strcmp(mode, "External") == 0)) {
        if (ends_with(type, "/sharedStrings") && !b->sst_part) {
            if (!(b->sst_part = resolve(target)))
                err = RACI_ERROR_NOMEM;
        }
        for (size_t i = 0; i < b->nsheets && !err; i++) {
            struct sheet_ref *s = &b->sheets[i];
            if (s->found || strcmp(s->rid, id) != 0)
                continue;
            s->found = 1;
            if (ends_with(type, "/worksheet") && !(s->part = resolve(target)))
                err = RACI_ERROR_NOMEM;
        }
    }
    free(id);
    free(type);
    free(target);
    free(mode);
    return err;
}

static raci_error read_rels(struct book *b)
{
    struct raci_xlsx_part *p;
    enum raci_xlsx_part_node n;
    raci_error err;

    if (!raci_xlsx_part_exists(b->z, WORKBOOK_RELS))
        return raci_xlsx_part_zip_fail(b->z,
                                       "workbook has no part '%s', which says where its sheets "
                                       "are: the workbook is damaged; save it again from the "
                                       "spreadsheet",
                                       WORKBOOK_RELS);
    if ((err = raci_xlsx_part_open(&p, b->z, WORKBOOK_RELS, NULL)))
        return err;
    while (!(err = raci_xlsx_part_next(p, &n)) && n != RACI_XLSX_PART_DONE)
        if (is_start(n, p, "Relationship") && (err = add_rel(b, p)))
            break;
    raci_xlsx_part_close(p);
    for (size_t i = 0; i < b->nsheets && !err; i++) {
        const struct sheet_ref *s = &b->sheets[i];
        if (!s->found || (s->part && !raci_xlsx_part_exists(b->z, s->part)))
            err = raci_xlsx_part_zip_fail(b->z,
                                          "sheet '%s' has no part in the archive (%s '%s'): the "
                                          "workbook is damaged; save it again from the "
                                          "spreadsheet",
                                          s->name, s->found ? "no" : "no relationship",
                                          s->found ? s->part : s->rid);
    }
    return err;
}

/* ---------------------------------------------------- shared strings -- */

/* The shared strings: each <si>'s <t> texts joined, but those of phonetic
 * guides (<rPh>). */
static raci_error read_sst(struct book *b)
{
    struct raci_xlsx_part *p;
    enum raci_xlsx_part_node n;
    struct raci_str text = RACI_STR_INIT;
    int in_si = 0, in_t = 0, in_rph = 0;
    char what[48];
    raci_error err;

    if (!b->sst_part && raci_xlsx_part_exists(b->z, "xl/sharedStrings.xml") &&
        !(b->sst_part = raci_str_dup("xl/sharedStrings.xml")))
        return RACI_ERROR_NOMEM;
    if (!b->sst_part || !raci_xlsx_part_exists(b->z, b->sst_part))
        return RACI_OK;
    if ((err = raci_xlsx_part_open(&p, b->z, b->sst_part, NULL)))
        return err;
    while (!(err = raci_xlsx_part_next(p, &n)) && n != RACI_XLSX_PART_DONE) {
        int closes_si = is_close(n, p, "si") || (is_start(n, p, "si") && raci_xlsx_part_empty(p));
        if (is_start(n, p, "si")) {
            in_si = 1;
            raci_str_reset(&text);
        } else if (in_si && is_start(n, p, "rPh") && !raci_xlsx_part_empty(p)) {
            in_rph = 1;
        } else if (is_close(n, p, "rPh")) {
            in_rph = 0;
        } else if (in_si && !in_rph && is_start(n, p, "t") && !raci_xlsx_part_empty(p)) {
            in_t = 1;
        } else if (is_close(n, p, "t")) {
            in_t = 0;
        } else if (in_t && n == RACI_XLSX_PART_TEXT) {
            snprintf(what, sizeof(what), "shared string %zu", b->nsst);
            if ((err = raci_xlsx_part_add_text(p, &text, what)))
                break;
        }
        if (!closes_si)
            continue;
        in_si = in_t = in_rph = 0;
        if (b->nsst >= RACI_XLSX_READ_MAX_CELLS) {
            err = raci_xlsx_part_fail(p,
                                      "workbook has more than %u shared strings, the most "
                                      "raci reads",
                                      RACI_XLSX_READ_MAX_CELLS);
            break;
        }
        if (raci_array_grow(&b->sst, &b->cap_sst, b->nsst + 1, sizeof(*b->sst)) ||
            raci_xlsx_table_text(text.s ? text.s : "", text.len, b->pool, &b->sst[b->nsst])) {
            err = RACI_ERROR_NOMEM;
            break;
        }
        b->nsst++;
    }
    raci_xlsx_part_close(p);
    raci_str_release(&text);
    return err;
}

/* ------------------------------------------------------------ sheets -- */

/* Where a sheet's reading is. */
struct sheet_state {
    struct book *b;
    struct raci_xlsx_part *p;
    struct raci_xlsx_table tab;
    uint32_t row, col;   /* the row being read, and its last cell's column */
    uint32_t crow, ccol; /* the cell being read */
    char type[16];       /* its t= */
    int in_cell, in_v, in_is, in_t, in_rph, has_value;
    struct raci_str text;
};

static raci_error past_excel(struct sheet_state *st, const char *what, const char *ref)
{
    return raci_xlsx_part_fail(st->p,
                               "%s '%s' is past Excel's last cell, XFD1048576: the workbook is "
                               "damaged; save it again from the spreadsheet",
                               what, ref);
}

/* <row r=>: rows without r follow the one before. */
static raci_error start_row(struct sheet_state *st)
{
    char *r = raci_xlsx_part_attr(st->p, "r", 0);
    uint32_t row = st->row + 1;
    raci_error err = RACI_OK;

    if (r) {
        char *end;
        unsigned long v = strtoul(r, &end, 10);
        if (!*end && end != r && v > 0)
            row = v > RACI_XLSX_READ_MAX_ROWS ? RACI_XLSX_READ_MAX_ROWS + 1 : (uint32_t)v;
    }
    raci_xlsx_part_at(st->p, row, 1);
    if (row > RACI_XLSX_READ_MAX_ROWS)
        err = past_excel(st, "row", r ? r : "");
    st->row = row;
    st->col = 0;
    free(r);
    return err;
}

/* <c r= t=>: cells without r follow the one before. */
static raci_error start_cell(struct sheet_state *st)
{
    char *r = raci_xlsx_part_attr(st->p, "r", 0), *t = raci_xlsx_part_attr(st->p, "t", 0);
    raci_error err = RACI_OK;

    st->crow = st->row ? st->row : 1;
    st->ccol = st->col + 1;
    if (r && raci_xlsx_table_ref(r, &st->crow, &st->ccol))
        err = raci_xlsx_part_fail(st->p,
                                  "cell reference '%s' is no A1 reference: the workbook "
                                  "is damaged; save it again from the spreadsheet",
                                  r);
    raci_xlsx_part_at(st->p, st->crow, st->ccol);
    if (!err && (st->crow > RACI_XLSX_READ_MAX_ROWS || st->ccol > RACI_XLSX_READ_MAX_COLS))
        err = past_excel(st, "cell", r ? r : "");
    snprintf(st->type, sizeof(st->type), "%s", t ? t : "n");
    st->col = st->ccol;
    st->in_cell = 1;
    st->has_value = 0;
    raci_str_reset(&st->text);
    free(r);
    free(t);
    return err;
}

/* The text of the cell just read, as a spreadsheet shows it. */
static raci_error cell_value(struct sheet_state *st, struct raci_xlsx_table_text *v)
{
    const char *raw = st->text.s ? st->text.s : "";
    char num[32];

    memset(v, 0, sizeof(*v));
    if (strcmp(st->type, "s") == 0) {
        char *end;
        unsigned long i = strtoul(raw, &end, 10);
        if (end == raw || *end || i >= st->b->nsst)
            return raci_xlsx_part_fail(st->p,
                                       "cell refers to shared string '%s', but the workbook has "
                                       "%zu: the workbook is damaged; save it again from the "
                                       "spreadsheet",
                                       raw, st->b->nsst);
        *v = st->b->sst[i];
        return RACI_OK;
    }
    if (strcmp(st->type, "b") == 0 && (strcmp(raw, "1") == 0 || strcmp(raw, "0") == 0))
        raw = *raw == '1' ? "TRUE" : "FALSE";
    else if (strcmp(st->type, "n") == 0 && raci_xlsx_table_number(raw, num) == 0)
        raw = num;
    return raci_xlsx_table_text(raw, strlen(raw), st->b->pool, v);
}

static raci_error end_cell(struct sheet_state *st)
{
    struct raci_xlsx_table_text v;
    raci_error err;

    st->in_cell = st->in_v = st->in_is = st->in_t = st->in_rph = 0;
    if (!st->has_value)
        return RACI_OK;
    if ((err = cell_value(st, &v)))
        return err;
    if (*v.text && st->tab.n >= st->b->budget)
        return raci_xlsx_part_fail(st->p,
                                   "the workbook holds more than %u cells, the most raci reads: "
                                   "remove what is not the roster, or split the workbook",
                                   RACI_XLSX_READ_MAX_CELLS);
    return raci_xlsx_table_add(&st->tab, st->crow, st->ccol, &v);
}

/* <mergeCell ref=>. */
static raci_error merge_cell(struct sheet_state *st)
{
    char *ref = raci_xlsx_part_attr(st->p, "ref", 0);
    struct raci_xlsx_table_merge m;
    raci_error err = RACI_OK;

    if (!ref || raci_xlsx_table_range(ref, &m))
        err = raci_xlsx_part_fail(st->p,
                                  "merged range '%s' is no range such as 'A1:B3': the "
                                  "workbook is damaged; save it again from the spreadsheet",
                                  ref ? ref : "");
    else if (m.r2 > RACI_XLSX_READ_MAX_ROWS || m.c2 > RACI_XLSX_READ_MAX_COLS)
        err = past_excel(st, "merged range", ref);
    else
        err = raci_xlsx_table_merge(&st->tab, &m);
    free(ref);
    return err;
}

/* An element's start within a sheet. */
static raci_error sheet_start(struct sheet_state *st)
{
    struct raci_xlsx_part *p = st->p;
    const char *name = raci_xlsx_part_name(p);
    int empty = raci_xlsx_part_empty(p);
    raci_error err = RACI_OK;

    if (strcmp(name, "row") == 0)
        return start_row(st);
    if (strcmp(name, "c") == 0)
        return (err = start_cell(st)) || !empty ? err : end_cell(st);
    if (strcmp(name, "mergeCell") == 0)
        return merge_cell(st);
    if (!st->in_cell || empty)
        return RACI_OK;
    if (strcmp(name, "v") == 0 && !st->in_is)
        st->in_v = st->has_value = 1;
    else if (strcmp(name, "is") == 0)
        st->in_is = st->has_value = 1;
    else if (st->in_is && strcmp(name, "rPh") == 0)
        st->in_rph = 1;
    else if (st->in_is && !st->in_rph && strcmp(name, "t") == 0)
        st->in_t = 1;
    return RACI_OK;
}

static raci_error sheet_close(struct sheet_state *st)
{
    const char *name = raci_xlsx_part_name(st->p);

    if (strcmp(name, "c") == 0)
        return st->in_cell ? end_cell(st) : RACI_OK;
    if (strcmp(name, "v") == 0)
        st->in_v = 0;
    else if (strcmp(name, "t") == 0)
        st->in_t = 0;
    else if (strcmp(name, "rPh") == 0)
        st->in_rph = 0;
    else if (strcmp(name, "is") == 0)
        st->in_is = 0;
    return RACI_OK;
}

/* Read sheet s into the next table of the book (none when it is empty). */
static raci_error read_sheet(struct book *b, const struct sheet_ref *s)
{
    struct sheet_state st = {.b = b};
    struct raci_table t = {0};
    enum raci_xlsx_part_node n;
    int empty = 0;
    raci_error err;

    if ((err = raci_xlsx_part_open(&st.p, b->z, s->part, s->name)))
        return err;
    while (!(err = raci_xlsx_part_next(st.p, &n)) && n != RACI_XLSX_PART_DONE) {
        if (n == RACI_XLSX_PART_START)
            err = sheet_start(&st);
        else if (n == RACI_XLSX_PART_CLOSE)
            err = sheet_close(&st);
        else if (n == RACI_XLSX_PART_TEXT && (st.in_v || st.in_t))
            err = raci_xlsx_part_add_text(st.p, &st.text, "cell");
        if (err)
            break;
    }
    raci_xlsx_part_at(st.p, 0, 0);
    if (!err)
        err = raci_xlsx_table_finish(&st.tab, &t, b->pool, &b->budget, &empty, b->diag);
    if (err == RACI_ERROR_INPUT && !b->diag->file) {
        /* xlsx_table.c knows the cell, not the file: say both. */
        char *msg = raci_str_dup(b->diag->message ? b->diag->message : "");
        raci_xlsx_part_at(st.p, b->diag->line, b->diag->col);
        err = msg ? raci_xlsx_part_fail(st.p, "%s", msg) : RACI_ERROR_NOMEM;
        free(msg);
    }
    raci_xlsx_part_close(st.p);
    raci_xlsx_table_release(&st.tab);
    raci_str_release(&st.text);
    if (!err && !empty) {
        t.file = b->out->file;
        t.sheet = s->name;
        t.encoding = "UTF-8";
        t.delimiter = ',';
        if (raci_array_grow(&b->out->tables, &b->out->cap, b->out->ntables + 1,
                            sizeof(*b->out->tables)))
            err = RACI_ERROR_NOMEM;
        else
            b->out->tables[b->out->ntables++] = t;
    }
    if (err || empty)
        raci_reader_release(&t);
    return err;
}

/* ---------------------------------------------------------- public API -- */

int raci_xlsx_read_is_zip(const char *data, size_t len)
{
    return len >= 4 && data[0] == 'P' && data[1] == 'K' &&
           ((data[2] == 3 && data[3] == 4) || (data[2] == 5 && data[3] == 6));
}

static void book_release(struct book *b)
{
    for (size_t i = 0; i < b->nsheets; i++) {
        free(b->sheets[i].rid);
        free(b->sheets[i].part);
    }
    free(b->sheets);
    free(b->sst);
    free(b->sst_part);
    raci_xlsx_part_zip_close(b->z);
}

raci_error raci_xlsx_read_mem(struct raci_xlsx_read_book *out, const char *data, size_t len,
                              const char *display, struct raci_strpool *pool,
                              struct raci_diag *diag)
{
    struct raci_diag scratch = {0};
    struct book b = {0};
    raci_error err;

    raci_xlsx_read_release(out);
    b.out = out;
    b.pool = pool;
    b.diag = diag ? diag : &scratch;
    b.budget = RACI_XLSX_READ_MAX_CELLS;
    if (!(out->file = raci_strpool_add(pool, display ? display : "<memory>"))) {
        err = RACI_ERROR_NOMEM;
    } else if (len > RACI_READER_MAX_FILE) {
        err = raci_diag_set(b.diag, out->file, 0, 0, NULL,
                            "file is larger than %u MiB, the most raci reads in one roster: "
                            "split the workbook",
                            RACI_READER_MAX_FILE / (1024u * 1024u));
    } else if (!(err = raci_xlsx_part_zip_open(&b.z, data, len, out->file, b.diag)) &&
               !(err = read_workbook(&b)) && !(err = read_rels(&b)) && !(err = read_sst(&b))) {
        out->nsheets = b.nsheets;
        for (size_t i = 0; i < b.nsheets && !err; i++)
            if (b.sheets[i].part)
                err = read_sheet(&b, &b.sheets[i]);
        if (!err && out->ntables == 0)
            err = raci_xlsx_part_zip_fail(b.z, "workbook has no data: every sheet of it is "
                                               "empty (expected a sheet whose first row is a "
                                               "header such as 'person,title,product,task,raci')");
    }
    book_release(&b);
    raci_diag_release(&scratch);
    if (err) {
        const char *file = out->file;
        raci_xlsx_read_release(out);
        out->file = file;
    }
    return err;
}

void raci_xlsx_read_release(struct raci_xlsx_read_book *b)
{
    if (!b)
        return;
    for (size_t i = 0; i < b->ntables; i++)
        raci_reader_release(&b->tables[i]);
    free(b->tables);
    memset(b, 0, sizeof(*b));
}
