/*
 * xlsx_roster.c - a workbook's sheets into the roster; raci's own workbook
 * read back as the roster it was made from (xlsx_roster.h).
 */
#include "raci/xlsx_roster.h"

#include <stdlib.h>
#include <string.h>

#include "raci/array.h"
#include "raci/shape.h"
#include "raci/table.h"

/* The header rows raci writes (xlsx_sheets.c). */
static const char *const summary_heads[] = {"Product",  "People", "Tasks", "Errors",
                                            "Warnings", "Infos",  "Status"};
static const char *const findings_heads[] = {"Rule",   "Severity", "Product", "Task",
                                             "Person", "Message",  "File",    "Line",
                                             "Column", "Related",  "Go to"};
static const char *const roster_heads[] = {"Name",    "ID", "Titles", "Roles", "Products",
                                           "Manager", "R",  "A",      "C",     "I"};
static const char *const rest_heads[] = {"Product", "Task",     "Person", "Title",
                                         "Letters", "Findings", "ID"};
#define NHEADS(a) (sizeof(a) / sizeof((a)[0]))

/* The columns of Other products (xlsx_rest.h) that are roster data. */
enum { RE_PRODUCT = 0, RE_TASK = 1, RE_PERSON = 2, RE_TITLE = 3, RE_LETTERS = 4, RE_ID = 6 };

/* The Roster sheet's columns that are roster data. */
enum { RO_NAME = 0, RO_ID = 1, RO_TITLES = 2, RO_MANAGER = 5 };

/* The columns of the long tables made, in the order of the header. */
enum { L_PERSON, L_TITLE, L_PRODUCT, L_TASK, L_RACI, L_ID, L_MANAGER, L_FIXED };
static const char *const long_heads[L_FIXED] = {"person", "title", "product",   "task",
                                                "raci",   "id",    "reports_to"};

static const struct raci_table *sheet_named(const struct raci_xlsx_read_book *b, const char *name)
{
    for (size_t i = 0; i < b->ntables; i++)
        if (strcmp(b->tables[i].sheet, name) == 0)
            return &b->tables[i];
    return NULL;
}

/* Does t's first row, row 1, start with the n texts of heads? */
static int has_heads(const struct raci_table *t, const char *const *heads, size_t n)
{
    if (!t || t->header.line != 1 || t->header.ncells < n)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (strcmp(t->header.cells[i].text, heads[i]) != 0)
            return 0;
    return 1;
}

int raci_xlsx_roster_is_own(const struct raci_xlsx_read_book *b)
{
    return has_heads(sheet_named(b, "Summary"), summary_heads, NHEADS(summary_heads)) &&
           has_heads(sheet_named(b, "Findings"), findings_heads, NHEADS(findings_heads)) &&
           has_heads(sheet_named(b, "Roster"), roster_heads, NHEADS(roster_heads));
}

/* The Findings column of product sheet t: the last column named so in row
 * 1 (raci writes it last; a person a manager added after it is read too);
 * 0 when there is none. */
static uint32_t product_findings_col(const struct raci_table *t)
{
    for (uint32_t k = t->header.ncells; k-- > 1;)
        if (strcmp(t->header.cells[k].text, "Findings") == 0)
            return k;
    return 0;
}

/* Is t a product sheet: the product in A1, a Findings column, "Task" in
 * A2? */
static int is_product_sheet(const struct raci_table *t)
{
    const struct raci_row *h = &t->header;
    return h->line == 1 && *h->cells[0].text && product_findings_col(t) && t->nrows >= 1 &&
           t->rows[0].line == 2 && strcmp(t->rows[0].cells[0].text, "Task") == 0;
}

/* Is t the Org chart sheet: a line of text starting as the writer starts
 * it (xlsx_org.h) and the legend, above a picture, which the reader does not
 * see? */
static int is_org_sheet(const struct raci_table *t)
{
    static const char org[] = "Org chart: ";
    const struct raci_row *h = &t->header;
    return h->line == 1 && h->ncells >= 1 && t->nrows <= 1 &&
           strncmp(h->cells[0].text, org, sizeof(org) - 1) == 0;
}

/* ------------------------------------------------------- long tables -- */

/* A long table being made from one sheet. */
struct long_table {
    struct raci_table t;
    const struct raci_table *src;
    uint32_t ncols;
    const char *blank;
    struct raci_strpool *pool;
};

static raci_error long_init(struct long_table *l, const struct raci_table *src,
                            const struct raci_table *roster, struct raci_strpool *pool)
{
    uint32_t nextra = 0;

    memset(l, 0, sizeof(*l));
    if (src == roster && roster->header.ncells > NHEADS(roster_heads))
        nextra = roster->header.ncells - (uint32_t)NHEADS(roster_heads);
    l->src = src;
    l->pool = pool;
    l->ncols = L_FIXED + nextra;
    l->t.file = src->file;
    l->t.sheet = src->sheet;
    l->t.encoding = src->encoding;
    l->t.delimiter = ',';
    l->t.header.line = 1;
    l->t.header.ncells = l->ncols;
    if (!(l->blank = raci_strpool_add(pool, "")) ||
        !(l->t.header.cells = raci_table_cells(&l->t, l->ncols)))
        return RACI_ERROR_NOMEM;
    for (uint32_t k = 0; k < l->ncols; k++) {
        struct raci_cell *c = &l->t.header.cells[k];
        c->text = k < L_FIXED ? raci_strpool_add(pool, long_heads[k])
                              : roster->header.cells[NHEADS(roster_heads) + k - L_FIXED].text;
        c->line = 1;
        c->col = k + 1;
        if (!c->text)
            return RACI_ERROR_NOMEM;
    }
    return RACI_OK;
}

/* A new row of l, every cell empty at line:1. */
static struct raci_row *long_row(struct long_table *l, uint32_t line)
{
    struct raci_row *row;

    if (raci_array_grow(&l->t.rows, &l->t.cap, l->t.nrows + 1, sizeof(*l->t.rows)))
        return NULL;
    row = &l->t.rows[l->t.nrows];
    if (!(row->cells = raci_table_cells(&l->t, l->ncols)))
        return NULL;
    l->t.nrows++;
    row->line = line;
    row->ncells = l->ncols;
    for (uint32_t k = 0; k < l->ncols; k++) {
        row->cells[k].text = l->blank;
        row->cells[k].line = line;
        row->cells[k].col = 1;
    }
    return row;
}

/* Column k of row gets cell from of the sheet; with what the reader
 * flagged in it when flags (a cell used on several rows is flagged on
 * one). */
static raci_error put(struct long_table *l, struct raci_row *row, uint32_t k,
                      const struct raci_cell *from, int flags)
{
    struct raci_cell *c = &row->cells[k];
    const struct raci_cell_note *n;

    if (!from)
        return RACI_OK;
    *c = *from;
    if (!flags || !l->src->nnotes || !(n = raci_table_note(l->src, from)))
        return RACI_OK;
    return raci_table_note_add(&l->t, c, n);
}

/* Put a copy of cell from with the text s (n bytes) instead. */
static raci_error put_text(struct long_table *l, struct raci_row *row, uint32_t k,
                           const struct raci_cell *from, const char *s, size_t n, int flags)
{
    raci_error err = put(l, row, k, from, flags);

    if (!err && from && !(row->cells[k].text = raci_strpool_intern(l->pool, s, n)))
        err = RACI_ERROR_NOMEM;
    return err;
}

static const struct raci_cell *cell_of(const struct raci_row *row, uint32_t k)
{
    return row && k < row->ncells ? &row->cells[k] : NULL;
}

/* Hand l to the roster; the diag of a failure is put on l's sheet. */
static raci_error long_add(struct raci_roster *r, struct long_table *l, struct raci_diag *diag)
{
    raci_error err;

    raci_table_finish(&l->t); /* its notes came in the order of its columns */
    err = raci_shape_add_as(r, &l->t, RACI_INPUT_ROSTER, diag); /* long by making */
    if (err == RACI_ERROR_INPUT && !diag->sheet && raci_diag_set_sheet(diag, l->t.sheet))
        err = RACI_ERROR_NOMEM;
    raci_reader_release(&l->t);
    return err;
}

/* ------------------------------------------------------------ Roster -- */

/* The length of the first title in a "; "-joined list s. */
static size_t joined_first(const char *s)
{
    const char *sep = strstr(s, "; ");
    return sep ? (size_t)(sep - s) : strlen(s);
}

/* Person row q of the Roster sheet: a row of l per title. */
static raci_error roster_person(struct long_table *l, const struct raci_row *src)
{
    const struct raci_cell *titles = cell_of(src, RO_TITLES);
    const char *s = titles ? titles->text : "";
    int first = 1;
    raci_error err = RACI_OK;

    do {
        size_t n = joined_first(s);
        struct raci_row *row = long_row(l, src->line);
        if (!row)
            return RACI_ERROR_NOMEM;
        if ((err = put(l, row, L_PERSON, cell_of(src, RO_NAME), first)) ||
            (err = put_text(l, row, L_TITLE, titles, s, n, first)) ||
            (err = put(l, row, L_ID, cell_of(src, RO_ID), first)) ||
            (err = put(l, row, L_MANAGER, cell_of(src, RO_MANAGER), first)))
            return err;
        for (uint32_t k = L_FIXED; k < l->ncols && !err; k++)
            err = put(l, row, k, cell_of(src, (uint32_t)NHEADS(roster_heads) + k - L_FIXED), first);
        s += n;
        if (*s)
            s += 2; /* "; " */
        first = 0;
    } while (*s && !err);
    return err;
}

static raci_error add_roster(struct raci_roster *r, const struct raci_table *roster,
                             struct raci_diag *diag)
{
    struct long_table l;
    raci_error err = long_init(&l, roster, roster, r->pool);

    for (size_t i = 0; i < roster->nrows && !err; i++)
        err = roster_person(&l, &roster->rows[i]);
    if (err) {
        raci_reader_release(&l.t);
        return err;
    }
    return long_add(r, &l, diag);
}

/* ---------------------------------------------------------- products -- */

/* The Roster sheet in its parts, "Roster", "Roster (2)", ... (a sheet
 * splits at Excel's row limit, xlsx_layout.h): n tables from v on. */
struct roster_parts {
    const struct raci_table *v;
    size_t n;
};

/* The Roster sheet's row of the person named name, whose titles are
 * titles: the first of that name and titles, else the first of that
 * name; NULL when the sheet has none. */
static const struct raci_row *roster_row(const struct roster_parts *ro, const char *name,
                                         const char *titles)
{
    const struct raci_row *found = NULL;

    for (size_t k = 0; k < ro->n; k++)
        for (size_t i = 0; i < ro->v[k].nrows; i++) {
            const struct raci_row *row = &ro->v[k].rows[i];
            const struct raci_cell *t = cell_of(row, RO_TITLES);
            if (strcmp(row->cells[RO_NAME].text, name) != 0)
                continue;
            if (t && strcmp(t->text, titles) == 0)
                return row;
            if (!found)
                found = row;
        }
    return found;
}

/* A row of l for person column k of product sheet t, on the row of the
 * sheet line (its letters in column k of that row, if any). */
static raci_error product_row(struct long_table *l, const struct roster_parts *roster, uint32_t k,
                              const struct raci_row *task, int first)
{
    const struct raci_table *t = l->src;
    const struct raci_cell *name = &t->header.cells[k], *title = cell_of(&t->rows[0], k);
    const struct raci_row *who = roster_row(roster, name->text, title ? title->text : "");
    struct raci_row *row = long_row(l, task ? task->line : 1);
    raci_error err;

    if (!row)
        return RACI_ERROR_NOMEM;
    if ((err = put(l, row, L_PERSON, name, !task)) ||
        (err = put_text(l, row, L_TITLE, title, title ? title->text : "",
                        title ? joined_first(title->text) : 0, !task)) ||
        (err = put(l, row, L_PRODUCT, &t->header.cells[0], first)))
        return err;
    /* Identity and manager come from the Roster sheet, said at the name. */
    if (who && ((err = put(l, row, L_ID, name, 0)) || (err = put(l, row, L_MANAGER, name, 0))))
        return err;
    if (who) {
        row->cells[L_ID].text = cell_of(who, RO_ID) ? cell_of(who, RO_ID)->text : l->blank;
        row->cells[L_MANAGER].text =
            cell_of(who, RO_MANAGER) ? cell_of(who, RO_MANAGER)->text : l->blank;
    }
    if (task && ((err = put(l, row, L_TASK, &task->cells[0], first)) ||
                 (err = put(l, row, L_RACI, cell_of(task, k), 1))))
        return err;
    return RACI_OK;
}

/* Product sheet t: its people each a member, then each task's letters. */
static raci_error add_product(struct raci_roster *r, const struct raci_table *t,
                              const struct roster_parts *roster, struct raci_diag *diag)
{
    uint32_t fcol = product_findings_col(t), n = t->header.ncells, first = fcol == 1 ? 2 : 1;
    struct long_table l;
    raci_error err = long_init(&l, t, roster->v, r->pool);

    /* The people: every column of row 1 but A and Findings. */
    for (uint32_t k = first; k < n && !err; k++)
        if (k != fcol)
            err = product_row(&l, roster, k, NULL, k == first);
    for (size_t i = 1; i < t->nrows && !err; i++) {
        const struct raci_row *task = &t->rows[i];
        int any = 0;
        if (!*task->cells[0].text)
            continue;
        for (uint32_t k = first; k < n && k < task->ncells && !err; k++)
            if (k != fcol && *task->cells[k].text)
                err = product_row(&l, roster, k, task, !any++);
        /* A task nobody has letters on is still the product's task. */
        if (!err && !any && first < n)
            err = product_row(&l, roster, first, task, 1);
    }
    if (err) {
        raci_reader_release(&l.t);
        return err;
    }
    return long_add(r, &l, diag);
}

/* ---------------------------------------------------- Other products -- */

/* Is t a part of Other products: its name and header as raci writes them? */
static int is_rest_sheet(const struct raci_table *t)
{
    return strncmp(t->sheet, "Other products", 14) == 0 &&
           has_heads(t, rest_heads, NHEADS(rest_heads));
}

/* A part of Other products: a row of the roster per row, each pair's
 * product, task, person, first title, letters and id; its Findings column
 * is raci's, and is left alone. The manager is the Roster sheet's. */
static raci_error add_rest(struct raci_roster *r, const struct raci_table *t,
                           const struct roster_parts *ro, struct raci_diag *diag)
{
    struct long_table l;
    raci_error err = long_init(&l, t, ro->v, r->pool);

    for (size_t i = 0; i < t->nrows && !err; i++) {
        const struct raci_row *src = &t->rows[i];
        const struct raci_cell *title = cell_of(src, RE_TITLE);
        struct raci_row *row = long_row(&l, src->line);
        if (!row) {
            err = RACI_ERROR_NOMEM;
            break;
        }
        if ((err = put(&l, row, L_PERSON, cell_of(src, RE_PERSON), 1)) ||
            (err = put_text(&l, row, L_TITLE, title, title ? title->text : "",
                            title ? joined_first(title->text) : 0, 1)) ||
            (err = put(&l, row, L_PRODUCT, cell_of(src, RE_PRODUCT), 1)) ||
            (err = put(&l, row, L_TASK, cell_of(src, RE_TASK), 1)) ||
            (err = put(&l, row, L_RACI, cell_of(src, RE_LETTERS), 1)))
            break;
        err = put(&l, row, L_ID, cell_of(src, RE_ID), 1);
    }
    if (err) {
        raci_reader_release(&l.t);
        return err;
    }
    return long_add(r, &l, diag);
}

/* ------------------------------------------------------------ sheets -- */

/* Sheet t as it is; the diag of a failure is put on its sheet. */
static raci_error book_table(struct raci_roster *r, const struct raci_table *t,
                             enum raci_detect_input input, struct raci_diag *diag)
{
    raci_error err = raci_shape_add_as(r, t, input, diag);

    if (err == RACI_ERROR_INPUT && !diag->sheet && raci_diag_set_sheet(diag, t->sheet))
        err = RACI_ERROR_NOMEM;
    return err;
}

/* Is t part k > 1 of the sheet called name with the header heads (a sheet
 * split at Excel's row limit: "Findings (2)")? */
static int is_later_part(const struct raci_table *t, const char *name, const char *const *heads,
                         size_t nheads)
{
    size_t n = strlen(name);
    return strncmp(t->sheet, name, n) == 0 && strncmp(t->sheet + n, " (", 2) == 0 &&
           has_heads(t, heads, nheads);
}

raci_error raci_xlsx_roster_add(struct raci_roster *r, const struct raci_xlsx_read_book *b,
                                enum raci_detect_input input, struct raci_diag *diag)
{
    struct raci_diag scratch = {0};
    int own = input != RACI_INPUT_MATRIX && raci_xlsx_roster_is_own(b);
    struct roster_parts ro = {own ? sheet_named(b, "Roster") : NULL, own};
    size_t nfiles = r->nfiles;
    raci_error err = RACI_OK;

    if (!diag)
        diag = &scratch;
    /* The parts of Roster follow it, each a table of its own. */
    while (own && ro.v + ro.n < b->tables + b->ntables &&
           is_later_part(ro.v + ro.n, "Roster", roster_heads, NHEADS(roster_heads)))
        ro.n++;
    for (size_t k = 0; own && k < ro.n && !err; k++)
        err = add_roster(r, &ro.v[k], diag);
    for (size_t i = 0; i < b->ntables && !err; i++) {
        const struct raci_table *t = &b->tables[i];
        if (!own)
            err = book_table(r, t, input, diag);
        else if ((t < ro.v || t >= ro.v + ro.n) && strcmp(t->sheet, "Summary") != 0 &&
                 strcmp(t->sheet, "Findings") != 0 && !is_org_sheet(t) &&
                 !is_later_part(t, "Findings", findings_heads, NHEADS(findings_heads)))
            err = is_product_sheet(t) ? add_product(r, t, &ro, diag)
                  : is_rest_sheet(t)  ? add_rest(r, t, &ro, diag)
                                      : book_table(r, t, input, diag);
    }
    /* Each table added listed the file: a workbook is one file. */
    if (r->nfiles > nfiles + 1)
        r->nfiles = nfiles + 1;
    raci_diag_release(&scratch);
    return err;
}
