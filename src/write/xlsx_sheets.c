/*
 * xlsx_sheets.c - the Summary and Roster sheets.
 */
#include "raci/xlsx_sheets.h"

#include <stdlib.h>
#include <string.h>

#include "raci/view.h"
#include "raci/xlsx_book.h"
#include "raci/xlsx_fit.h"
#include "raci/xlsx_header.h"
#include "raci/xlsx_person.h"
#include "raci/xlsx_provenance.h"

/* --------------------------------------------------------- Summary ---- */

/* How many tasks a person is accountable for, for the chart. */
struct summary_sheet_load {
    uint32_t person, count;
    const char *name;
};

/* Heaviest first, then by name, then in roster order. */
static int summary_sheet_load_cmp(const void *a, const void *b)
{
    const struct summary_sheet_load *x = a, *y = b;
    int c;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    c = strcmp(x->name, y->name);
    if (c)
        return c;
    return x->person < y->person ? -1 : x->person > y->person;
}

/* One row of the table: label (NULL when written already), people and
 * tasks (when with_sizes), findings by severity, PASS or FAIL. */
static int summary_sheet_row(struct raci_xlsx_book *b, uint32_t row, const char *label,
                             const struct raci_xlsx_layout_counts *c, int with_sizes,
                             lxw_format *label_fmt)
{
    lxw_worksheet *ws = b->summary;
    int fail = c->findings[RACI_SEV_ERROR] > 0;

    if (label && raci_xlsx_book_str(b, ws, row, 0, label, label_fmt))
        return -1;
    if (with_sizes && (raci_xlsx_book_num(b, ws, row, 1, (double)c->people, NULL) ||
                       raci_xlsx_book_num(b, ws, row, 2, (double)c->tasks, NULL)))
        return -1;
    if (raci_xlsx_book_num(b, ws, row, 3, (double)c->findings[RACI_SEV_ERROR], NULL) ||
        raci_xlsx_book_num(b, ws, row, 4, (double)c->findings[RACI_SEV_WARNING], NULL) ||
        raci_xlsx_book_num(b, ws, row, 5, (double)c->findings[RACI_SEV_INFO], NULL))
        return -1;
    return raci_xlsx_book_str(b, ws, row, 6, fail ? "FAIL" : "PASS", fail ? b->f.fail : b->f.pass);
}

/* The row that says how many products the Summary leaves out. */
static int summary_sheet_more(struct raci_xlsx_book *b, uint32_t row, size_t more)
{
    char *text = raci_str_printf("\xE2\x80\xA6 and %zu more product%s: every finding is in "
                                 "Findings, every product on its sheet or in Other products",
                                 more, more == 1 ? "" : "s");
    int rc;

    if (!text)
        return raci_xlsx_book_nomem(b);
    rc = raci_xlsx_book_str(b, b->summary, row, 0, text, NULL);
    free(text);
    return rc;
}

/* The table: a row per product (its name links to its sheet), one for the
 * findings about no product when there are any, the total. *last gets the
 * last row written. */
static int summary_sheet_products(struct raci_xlsx_book *b, uint32_t *last)
{
    static const char *const summary_heads[] = {"Product",  "People", "Tasks", "Errors",
                                                "Warnings", "Infos",  "Status"};
    const struct raci_roster *r = b->r;
    const struct raci_xlsx_layout *lay = b->lay;
    const struct raci_xlsx_layout_counts *whole = raci_xlsx_layout_counts(lay, RACI_NONE);
    lxw_worksheet *ws = b->summary;
    unsigned nlinks = 0;
    uint32_t row = 0;
    size_t nwhole, nshown;
    const uint32_t *worst;

    if (raci_xlsx_book_page_setup(b, ws, "Summary", 1, 0))
        return -1;
    worksheet_freeze_panes(ws, 1, 0);
    if (raci_xlsx_book_check(b, worksheet_set_column(ws, 0, 0, 34, NULL)) ||
        raci_xlsx_book_check(b, worksheet_set_column(ws, 1, 6, 10, NULL)))
        return -1;
    for (uint32_t c = 0; c < 7; c++)
        if (raci_xlsx_book_str(b, ws, 0, c, summary_heads[c], b->f.header))
            return -1;
    /* Every product in roster order; or, with an Other products sheet, the
     * worst few (xlsx_layout.h), then how many more there are. */
    worst = raci_xlsx_layout_worst(lay, &nshown);
    if (raci_xlsx_layout_parts(lay, RACI_XLSX_LAYOUT_REST) == 0)
        worst = NULL;
    else if (nshown > RACI_XLSX_LAYOUT_SUMMARY_WORST)
        nshown = RACI_XLSX_LAYOUT_SUMMARY_WORST;
    for (uint32_t k = 0; k < nshown; k++) {
        uint32_t p = worst ? worst[k] : k;
        struct raci_xlsx_layout_target t = raci_xlsx_layout_product_target(lay, p);
        row = k + 1;
        if ((t.sheet == RACI_XLSX_LAYOUT_NOWHERE
                 ? raci_xlsx_book_str(b, ws, row, 0, r->products[p].name, NULL)
                 : raci_xlsx_book_link(b, ws, &nlinks, row, 0,
                                       raci_xlsx_layout_target_sheet(lay, &t), t.row, t.col,
                                       r->products[p].name, NULL)) ||
            summary_sheet_row(b, row, NULL, raci_xlsx_layout_counts(lay, p), 1, NULL))
            return -1;
    }
    row = (uint32_t)nshown;
    if (nshown < r->nproducts && summary_sheet_more(b, ++row, r->nproducts - nshown))
        return -1;
    nwhole = whole->findings[RACI_SEV_INFO] + whole->findings[RACI_SEV_WARNING] +
             whole->findings[RACI_SEV_ERROR];
    if (nwhole > 0) {
        row++;
        if (summary_sheet_row(b, row, "(whole roster)", whole, 0, NULL))
            return -1;
    }
    row++;
    *last = row;
    return summary_sheet_row(b, row, "Total", raci_xlsx_layout_total(lay), 1, b->f.bold);
}

/* The legend, from row on: what each colour means. *last gets the last row
 * written. */
static int summary_sheet_legend(struct raci_xlsx_book *b, uint32_t row, uint32_t *last)
{
    static const struct {
        int look, sev;
        const char *sample, *meaning;
    } legend[] = {
        {RACI_XLSX_BOOK_A, 0, "A", "Accountable: owns the outcome; exactly one per task"},
        {RACI_XLSX_BOOK_R, 0, "R", "Responsible: does the work"},
        {RACI_XLSX_BOOK_C, 0, "C", "Consulted: asked before the decision (two-way)"},
        {RACI_XLSX_BOOK_I, 0, "I", "Informed: told after the decision (one-way)"},
        {RACI_XLSX_BOOK_C, 0, "(C)",
         "Conditional: bracketed in the roster, involved only in some cases"},
        {RACI_XLSX_BOOK_GENERATED, 0, "A/R",
         "Generated from the ruleset's default RACI (no tasks given)"},
        {RACI_XLSX_BOOK_UNREAD, 3, "X?", "A letter that could not be read, shown as written"},
        {RACI_XLSX_BOOK_PLAIN, 3, "", "A finding of severity error here (hover for its comment)"},
        {RACI_XLSX_BOOK_PLAIN, 2, "", "A finding of severity warning here"},
        {RACI_XLSX_BOOK_PLAIN, 1, "", "A finding of severity info here"},
    };
    lxw_worksheet *ws = b->summary;

    if (raci_xlsx_book_str(b, ws, row, 0, "Legend", b->f.header) ||
        raci_xlsx_book_str(b, ws, row, 1, "", b->f.header))
        return -1;
    for (size_t i = 0; i < sizeof(legend) / sizeof(legend[0]); i++) {
        row++;
        if (raci_xlsx_book_str(b, ws, row, 0, legend[i].sample,
                               b->f.cell[legend[i].look][legend[i].sev]) ||
            raci_xlsx_book_str(b, ws, row, 1, legend[i].meaning, NULL))
            return -1;
    }
    *last = row;
    return 0;
}

/* A bar chart of the loads in rows first..last, beside the table. */
static int summary_sheet_chart(struct raci_xlsx_book *b, uint32_t first, uint32_t last)
{
    lxw_chart *chart = workbook_add_chart(b->wb, LXW_CHART_BAR);
    lxw_chart_series *series;
    lxw_chart_fill fill = {0x1F4E79, 0, 0};
    lxw_chart_options opt = {0};

    if (!chart || !(series = chart_add_series(chart, NULL, NULL)))
        return raci_xlsx_book_fail(b, "cannot add the accountability chart");
    chart_series_set_categories(series, "Summary", first, 0, last, 0);
    chart_series_set_values(series, "Summary", first, 1, last, 1);
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
    return raci_xlsx_book_check(b, worksheet_insert_chart_opt(b->summary, 0, 8, chart, &opt));
}

/* The ten heaviest accountability loads (tasks as A), from row on, as a
 * table and a chart of it. */
static int summary_sheet_loads(struct raci_xlsx_book *b, uint32_t row)
{
    const struct raci_roster *r = b->r;
    lxw_worksheet *ws = b->summary;
    struct summary_sheet_load *loads = calloc(r->npersons ? r->npersons : 1, sizeof(*loads));
    size_t nloads = 0;
    uint32_t first = row + 1;
    int rc = -1;

    if (!loads)
        return raci_xlsx_book_nomem(b);
    for (uint32_t q = 0; q < r->npersons; q++) {
        uint32_t as_a = raci_view_counts(r, q)[1];
        if (as_a > 0)
            loads[nloads++] = (struct summary_sheet_load){q, as_a, r->persons[q].name};
    }
    if (nloads > 1)
        qsort(loads, nloads, sizeof(*loads), summary_sheet_load_cmp);
    if (nloads > 10)
        nloads = 10;
    if (raci_xlsx_book_str(b, ws, row, 0, "Heaviest accountability loads", b->f.header) ||
        raci_xlsx_book_str(b, ws, row, 1, "Tasks as A", b->f.header))
        goto out;
    for (size_t i = 0; i < nloads; i++) {
        row++;
        if (raci_xlsx_book_str(b, ws, row, 0, loads[i].name, NULL) ||
            raci_xlsx_book_num(b, ws, row, 1, loads[i].count, NULL))
            goto out;
    }
    if (nloads == 0)
        rc = raci_xlsx_book_str(b, ws, row + 1, 0, "(nobody is accountable for any task)", NULL);
    else
        rc = summary_sheet_chart(b, first, row);
out:
    free(loads);
    return rc;
}

int raci_xlsx_sheets_summary(struct raci_xlsx_book *b)
{
    uint32_t row;

    if (summary_sheet_products(b, &row) || raci_xlsx_provenance_write(b, row + 2, &row) ||
        summary_sheet_legend(b, row + 2, &row))
        return -1;
    return summary_sheet_loads(b, row + 2);
}

/* ---------------------------------------------------------- Roster ---- */

/* The Roster's fixed columns: name, id, titles, roles, products, manager,
 * R, A, C, I; each as wide as its content within [min, cap]. The roster's
 * extra columns follow, within ROSTER_EXTRA_MIN and ROSTER_EXTRA_CAP. */
static const char *const roster_heads[] = {"Name",    "ID", "Titles", "Roles", "Products",
                                           "Manager", "R",  "A",      "C",     "I"};
static const double roster_min[] = {12, 6, 12, 10, 12, 10, 5, 5, 5, 5};
static const double roster_cap[] = {30, 40, 40, 30, 40, 28, 5, 5, 5, 5};
#define ROSTER_NFIXED    (sizeof(roster_heads) / sizeof(roster_heads[0]))
#define ROSTER_EXTRA_MIN 8.0
#define ROSTER_EXTRA_CAP 30.0

/* The texts of one person's row, by column (NULL: none), and the lists
 * that make some of them. */
struct roster_sheet_texts {
    const char **text; /* RACI_XLSX_LAYOUT_ROSTER_COLS + the extra columns */
    struct raci_xlsx_book_list titles, roles, products;
};

/* Person q's roles (by the ruleset's names) and products, into roles and
 * products. */
static void roster_sheet_roles_products(const struct raci_xlsx_book *b, uint32_t q,
                                        struct raci_xlsx_book_list *roles,
                                        struct raci_xlsx_book_list *products)
{
    const struct raci_roster *r = b->r;
    const struct raci_ruleset *rs = b->rs;
    const struct raci_person *pe = &r->persons[q];
    size_t n;
    const uint32_t *members = raci_view_person_members(r, q, &n);

    for (size_t k = 0; rs && k < rs->nroles && k < RACI_MAX_ROLES; k++) {
        if (!(pe->roles & (UINT64_C(1) << k)))
            continue;
        raci_xlsx_book_list_add(roles, rs->roles[k].name ? rs->roles[k].name : rs->roles[k].id);
    }
    if (!pe->roles)
        raci_xlsx_book_list_add(roles, "(unknown)");
    /* A person is on a product's team once (roster.h). */
    for (size_t k = 0; k < n; k++) {
        uint32_t p = r->members[members[k]].product;
        if (p >= r->nproducts)
            continue;
        raci_xlsx_book_list_add(products, r->products[p].name);
    }
}

/* Person q's texts into t (its text array given, of every column);
 * released with roster_sheet_texts_release. */
static void roster_sheet_texts(const struct raci_xlsx_book *b, uint32_t q,
                               struct roster_sheet_texts *t)
{
    const struct raci_roster *r = b->r;
    const struct raci_person *pe = &r->persons[q];

    memset(t->text, 0, (ROSTER_NFIXED + r->nextra) * sizeof(*t->text));
    t->titles = t->roles = t->products = (struct raci_xlsx_book_list)RACI_XLSX_BOOK_LIST_INIT;
    raci_xlsx_book_titles(pe, &t->titles);
    roster_sheet_roles_products(b, q, &t->roles, &t->products);
    t->text[0] = pe->name;
    t->text[1] = pe->id;
    t->text[2] = raci_str_cstr(&t->titles.text);
    t->text[3] = raci_str_cstr(&t->roles.text);
    t->text[4] = raci_str_cstr(&t->products.text);
    t->text[5] = pe->manager;
    for (size_t k = 0; pe->extra && k < r->nextra; k++)
        t->text[ROSTER_NFIXED + k] = pe->extra[k];
}

static void roster_sheet_texts_release(struct roster_sheet_texts *t)
{
    raci_xlsx_book_list_release(&t->titles);
    raci_xlsx_book_list_release(&t->roles);
    raci_xlsx_book_list_release(&t->products);
}

/* The width of column c for content that wide. */
static double roster_sheet_column(double content, size_t c)
{
    return c < ROSTER_NFIXED ? raci_xlsx_fit_column(content, roster_min[c], roster_cap[c])
                             : raci_xlsx_fit_column(content, ROSTER_EXTRA_MIN, ROSTER_EXTRA_CAP);
}

/* Whether column c, of content that wide so far, may still get wider. */
static int roster_sheet_open(double content, size_t c)
{
    return roster_sheet_column(content, c) < (c < ROSTER_NFIXED ? roster_cap[c] : ROSTER_EXTRA_CAP);
}

/* The widths of the columns (ncols), from the headings and every person's
 * row, into widths; t is room for a row's texts. */
static void roster_sheet_widths(const struct raci_xlsx_book *b, size_t ncols, double *widths,
                                struct roster_sheet_texts *t)
{
    const struct raci_roster *r = b->r;

    size_t open = 0; /* the columns not at their cap yet */

    for (size_t c = 0; c < ncols; c++) {
        const char *head = c < ROSTER_NFIXED ? roster_heads[c] : r->extra_names[c - ROSTER_NFIXED];
        widths[c] = raci_xlsx_fit_text_width(head, RACI_XLSX_FIT_PT) * 1.1;
        open += roster_sheet_open(widths[c], c);
    }
    /* A column at its cap gets no wider: its cells are measured no
     * further, and once every column is, no row is made. */
    for (uint32_t q = 0; open > 0 && q < r->npersons; q++) {
        roster_sheet_texts(b, q, t);
        for (size_t c = 0; c < ncols; c++) {
            double w;
            if (!roster_sheet_open(widths[c], c))
                continue;
            w = raci_xlsx_fit_text_width(t->text[c], RACI_XLSX_FIT_PT);
            if (w > widths[c])
                widths[c] = w;
            open -= !roster_sheet_open(widths[c], c);
        }
        roster_sheet_texts_release(t);
    }
    for (size_t c = 0; c < ncols; c++)
        widths[c] = roster_sheet_column(widths[c], c);
}

/* The heading row, column widths and the autofilter of part k, of rows
 * people. */
static int roster_sheet_head(struct raci_xlsx_book *b, const double *widths, uint32_t k,
                             size_t rows)
{
    const struct raci_roster *r = b->r;
    lxw_worksheet *ws = b->roster;
    lxw_col_t last = (lxw_col_t)(ROSTER_NFIXED - 1 + r->nextra);

    _Static_assert(ROSTER_NFIXED == RACI_XLSX_LAYOUT_ROSTER_COLS, "the layout counts these");
    if (raci_xlsx_header_page_setup(b, ws,
                                    raci_xlsx_layout_part_sheet(b->lay, RACI_XLSX_LAYOUT_ROSTER, k),
                                    1, 1, raci_xlsx_header_fit_scale(widths, (size_t)last + 1)))
        return -1;
    worksheet_freeze_panes(ws, 1, 1);
    for (lxw_col_t c = 0; c <= last; c++) {
        const char *head = c < ROSTER_NFIXED ? roster_heads[c] : r->extra_names[c - ROSTER_NFIXED];
        if (raci_xlsx_book_check(b, worksheet_set_column(ws, c, c, widths[c], NULL)) ||
            raci_xlsx_book_str(b, ws, 0, c, head, b->f.header))
            return -1;
    }
    return raci_xlsx_book_check(b, worksheet_autofilter(ws, 0, 0, (lxw_row_t)rows, last));
}

/* Person q's row, its height first, its name marked with the findings
 * about the person (pm); t is room for its texts. */
static int roster_sheet_person(struct raci_xlsx_book *b, uint32_t q, const double *widths,
                               const struct raci_xlsx_person *pm, struct roster_sheet_texts *t)
{
    const struct raci_roster *r = b->r;
    const uint32_t *counts = raci_view_counts(r, q);
    lxw_worksheet *ws = b->roster;
    uint32_t row = raci_xlsx_layout_roster_row(b->lay, q);
    size_t ncols = ROSTER_NFIXED + r->nextra, lines = 1;
    int e = 0;

    roster_sheet_texts(b, q, t);
    for (size_t c = 0; c < ncols; c++) {
        size_t n = raci_xlsx_fit_lines(t->text[c], widths[c], RACI_XLSX_FIT_PT);
        if (n > lines)
            lines = n;
    }
    if (lines > 1)
        e = raci_xlsx_book_check(
            b, worksheet_set_row(ws, row, raci_xlsx_fit_height(lines, RACI_XLSX_FIT_PT), NULL));
    e = e || raci_xlsx_person_name(b, pm, q, t->text[0]) ||
        raci_xlsx_book_str(b, ws, row, 1, t->text[1], b->f.text) ||
        raci_xlsx_book_list_write(b, ws, row, 2, &t->titles, "title", b->f.text) ||
        raci_xlsx_book_list_write(b, ws, row, 3, &t->roles, "role", b->f.text) ||
        raci_xlsx_book_list_write(b, ws, row, 4, &t->products, "product", b->f.text) ||
        raci_xlsx_book_str(b, ws, row, 5, t->text[5], b->f.text);
    for (uint32_t k = 0; !e && k < 4; k++)
        e = raci_xlsx_book_num(b, ws, row, 6 + k, counts[k], b->f.count);
    for (size_t k = ROSTER_NFIXED; !e && k < ncols; k++)
        e = raci_xlsx_book_str(b, ws, row, (uint32_t)k, t->text[k], b->f.text);
    roster_sheet_texts_release(t);
    return e ? -1 : 0;
}

int raci_xlsx_sheets_roster(struct raci_xlsx_book *b)
{
    size_t ncols = ROSTER_NFIXED + b->r->nextra, n = b->r->npersons;
    size_t per = raci_xlsx_layout_part_rows(b->lay);
    double *widths = calloc(ncols, sizeof(*widths));
    struct roster_sheet_texts t;
    struct raci_xlsx_person pm;
    int rc = -1;

    t.text = calloc(ncols, sizeof(*t.text));
    if (!widths || !t.text) {
        free(widths);
        free(t.text);
        return raci_xlsx_book_nomem(b);
    }
    roster_sheet_widths(b, ncols, widths, &t);
    if (raci_xlsx_person_build(&pm, b) == 0) {
        rc = 0;
        /* Each part: its head, then its people (one part, headed, for none). */
        for (uint32_t q = 0; rc == 0 && (q < n || q == 0); q++) {
            if (q % per == 0) {
                uint32_t k = raci_xlsx_layout_roster_part(b->lay, q);
                b->roster = b->parts[RACI_XLSX_LAYOUT_ROSTER][k];
                rc = roster_sheet_head(b, widths, k, n - q < per ? n - q : per);
            }
            if (rc == 0 && q < n)
                rc = roster_sheet_person(b, q, widths, &pm, &t);
        }
        raci_xlsx_person_release(&pm);
    }
    free(widths);
    free(t.text);
    return rc;
}
