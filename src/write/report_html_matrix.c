/*
 * report_html_matrix.c - the HTML page's RACI matrices: per product, its
 * tasks by its people, coloured as the workbook's product sheets are.
 */
#include "raci/report_html_matrix.h"

#include <stdio.h>

#include "raci/letters.h"
#include "raci/report_html.h"
#include "raci/view.h"

/* The class of the cell of pair pr (NULL for none): its strongest letter,
 * as xlsx_product.c picks the cell's look. */
static const char *hmatrix_class(const struct raci_pair *pr)
{
    unsigned m;

    if (!pr)
        return NULL;
    m = pr->letters;
    if (!m)
        return pr->raw ? "l-unread" : NULL;
    if (pr->flags & RACI_PAIR_GENERATED)
        return "l-gen";
    return m & RACI_A ? "l-a" : m & RACI_R ? "l-r" : m & RACI_C ? "l-c" : "l-i";
}

static int hmatrix_cell(xmlTextWriterPtr w, const struct raci_pair *pr)
{
    char text[32] = "";

    if (pr && pr->letters)
        raci_letters_format((struct raci_letters){pr->letters, pr->conditional}, text,
                            sizeof(text));
    if (raci_report_html_open(w, "td", hmatrix_class(pr)))
        return 1;
    if (pr && !pr->letters && pr->raw)
        return raci_report_html_attr(w, "title", "could not be read as letters") ||
               raci_report_html_text(w, pr->raw) || raci_report_html_close(w);
    if (pr && (pr->flags & RACI_PAIR_GENERATED) &&
        raci_report_html_attr(w, "title", "from the ruleset's default RACI"))
        return 1;
    return raci_report_html_text(w, text) || raci_report_html_close(w);
}

/* The head row: "Task", then each person's name and first title. */
static int hmatrix_head(xmlTextWriterPtr w, const struct raci_roster *ro, const uint32_t *people,
                        size_t n)
{
    int bad = raci_report_html_open(w, "thead", NULL) || raci_report_html_open(w, "tr", NULL) ||
              raci_report_html_elem(w, "th", "task", "Task");

    for (size_t k = 0; !bad && k < n; k++) {
        const struct raci_person *q = &ro->persons[people[k]];
        bad = raci_report_html_open(w, "th", "person") ||
              raci_report_html_elem(w, "span", "name", q->name) ||
              (q->ntitles > 0 && raci_report_html_elem(w, "span", "title", q->titles[0])) ||
              raci_report_html_close(w);
    }
    return bad || raci_report_html_close(w) || raci_report_html_close(w);
}

static int hmatrix_product(xmlTextWriterPtr w, const struct raci_roster *ro, uint32_t p)
{
    size_t npeople, ntasks;
    const uint32_t *people = raci_view_product_people(ro, p, &npeople);
    const uint32_t *tasks = raci_view_product_tasks(ro, p, &ntasks);
    char id[32];
    int bad;

    snprintf(id, sizeof(id), "product-%u", (unsigned)p);
    bad = raci_report_html_open(w, "section", "product") || raci_report_html_attr(w, "id", id) ||
          raci_report_html_elem(w, "h3", NULL, ro->products[p].name);
    if (!bad && ntasks == 0)
        return raci_report_html_elem(w, "p", NULL, "No tasks.") || raci_report_html_close(w);
    bad = bad || raci_report_html_open(w, "div", "scroll") ||
          raci_report_html_open(w, "table", "matrix") || hmatrix_head(w, ro, people, npeople) ||
          raci_report_html_open(w, "tbody", NULL);
    for (size_t i = 0; !bad && i < ntasks; i++) {
        bad = raci_report_html_open(w, "tr", NULL) ||
              raci_report_html_elem(w, "th", "task", ro->tasks[tasks[i]].name);
        for (size_t k = 0; !bad && k < npeople; k++)
            bad = hmatrix_cell(w, raci_view_pair(ro, tasks[i], people[k]));
        bad = bad || raci_report_html_close(w);
    }
    return bad || raci_report_html_close(w) || raci_report_html_close(w) ||
           raci_report_html_close(w) || raci_report_html_close(w);
}

/* What the colours mean. */
static int hmatrix_legend(xmlTextWriterPtr w)
{
    static const char *const keys[][2] = {
        {"l-a", "A accountable"}, {"l-r", "R responsible"},       {"l-c", "C consulted"},
        {"l-i", "I informed"},    {"l-gen", "ruleset's default"}, {"l-unread", "unreadable"},
    };
    int bad = raci_report_html_open(w, "p", "legend");

    for (size_t i = 0; !bad && i < sizeof(keys) / sizeof(keys[0]); i++)
        bad = raci_report_html_elem(w, "span", keys[i][0], keys[i][1]);
    return bad || raci_report_html_close(w);
}

int raci_report_html_matrix(xmlTextWriterPtr w, const struct raci_report *r)
{
    const struct raci_roster *ro = r->roster;
    int bad;

    if (!ro)
        return 0;
    bad = raci_report_html_open(w, "section", NULL) || raci_report_html_attr(w, "id", "matrices") ||
          raci_report_html_elem(w, "h2", NULL, "RACI matrices") || hmatrix_legend(w);
    for (uint32_t p = 0; !bad && p < ro->nproducts; p++)
        bad = hmatrix_product(w, ro, p);
    return bad || raci_report_html_close(w);
}
