/*
 * report_html_matrix.c - the HTML page's RACI matrices: per product, its
 * tasks by its people, coloured as the workbook's product sheets are, with
 * the cells and tasks that findings are about marked.
 */
#include "raci/report_html_matrix.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "raci/letters.h"
#include "raci/map.h"
#include "raci/report_html.h"
#include "raci/str.h"
#include "raci/view.h"

/* The findings about each task and person (RACI_NONE: the task alone), as
 * lists through the findings: the first of (t, q) is first's value, the
 * one after finding i next[i] (UINT32_MAX ends a list), in the view's
 * order. So a cell reads its own findings, never its task's others: a task
 * of many people with many findings costs no more than its findings. */
struct hmatrix_index {
    const struct raci_report *r;
    struct raci_map first;
    uint32_t *next;
};

static int hmatrix_index_build(struct hmatrix_index *x, const struct raci_report *r)
{
    const struct raci_selection *fs = r->findings;
    size_t nt = r->roster->ntasks;

    x->r = r;
    x->next = malloc((fs->n ? fs->n : 1) * sizeof(*x->next));
    if (!x->next)
        return 1;
    for (size_t i = fs->n; i-- > 0;) {
        uint32_t t = fs->v[i]->task, q = fs->v[i]->person;
        x->next[i] = UINT32_MAX;
        if (t != RACI_NONE && t < nt) {
            x->next[i] = raci_map_get(&x->first, t, q); /* RACI_MAP_NONE is UINT32_MAX */
            if (raci_map_put(&x->first, t, q, (uint32_t)i) != RACI_OK)
                return 1;
        }
    }
    return 0;
}

static void hmatrix_index_release(struct hmatrix_index *x)
{
    raci_map_release(&x->first);
    free(x->next);
}

/* The findings about task t and person q (RACI_NONE: about the task
 * alone): their worst severity (0 for none), and "[rule] message; ..."
 * appended to tip. */
static int hmatrix_findings(const struct hmatrix_index *x, uint32_t t, uint32_t q,
                            struct raci_str *tip)
{
    int worst = 0;

    for (uint32_t i = raci_map_get(&x->first, t, q); i != UINT32_MAX; i = x->next[i]) {
        const struct raci_finding *f = x->r->findings->v[i];
        if ((int)f->severity > worst)
            worst = (int)f->severity;
        raci_str_addf(tip, "%s[%s] %s", tip->len ? "; " : "", f->rule, f->message);
    }
    return worst;
}

/* The class of the cell of pair pr (NULL for none): its look (view.h), as
 * the workbook's product sheets colour it. */
static const char *hmatrix_class(const struct raci_pair *pr)
{
    static const char *const look_class[] = {
        [RACI_PAIR_LOOK_PLAIN] = "",          [RACI_PAIR_LOOK_A] = "l-a",
        [RACI_PAIR_LOOK_R] = "l-r",           [RACI_PAIR_LOOK_C] = "l-c",
        [RACI_PAIR_LOOK_I] = "l-i",           [RACI_PAIR_LOOK_GENERATED] = "l-gen",
        [RACI_PAIR_LOOK_UNREAD] = "l-unread",
    };
    return look_class[raci_view_pair_look(pr)];
}

/* Open tag with class look (may be "") and, when worst is a severity, the
 * mark of it, and the findings' text tip as its title. */
static int hmatrix_open(xmlTextWriterPtr w, const char *tag, const char *look, int worst,
                        const struct raci_str *tip)
{
    char cls[48];

    snprintf(cls, sizeof(cls), "%s%s%s", look, worst && *look ? " " : "",
             worst ? worst == RACI_SEV_ERROR     ? "mark-error"
                     : worst == RACI_SEV_WARNING ? "mark-warning"
                                                 : "mark-info"
                   : "");
    if (tip->failed)
        return 1;
    return raci_report_html_open(w, tag, *cls ? cls : NULL) ||
           (worst && raci_report_html_attr(w, "title", raci_str_cstr(tip)));
}

static int hmatrix_cell(xmlTextWriterPtr w, const struct hmatrix_index *x, uint32_t t, uint32_t q)
{
    const struct raci_pair *pr = raci_view_pair(x->r->roster, t, q);
    struct raci_str tip = RACI_STR_INIT;
    char text[32] = "";
    int worst = hmatrix_findings(x, t, q, &tip), bad;

    if (pr && pr->letters)
        raci_letters_format((struct raci_letters){pr->letters, pr->conditional}, text,
                            sizeof(text));
    else if (pr && pr->raw && !worst)
        raci_str_add(&tip, "could not be read as letters");
    if (pr && (pr->flags & RACI_PAIR_GENERATED) && !worst)
        raci_str_add(&tip, "from the ruleset's default RACI");
    bad = hmatrix_open(w, "td", hmatrix_class(pr), worst, &tip) ||
          (!worst && tip.len && raci_report_html_attr(w, "title", raci_str_cstr(&tip))) ||
          raci_report_html_text(w, pr && !pr->letters ? pr->raw : text) ||
          raci_report_html_close(w);
    raci_str_release(&tip);
    return bad;
}

/* A task's row: its name, marked by the findings about it alone, then its
 * cells. */
static int hmatrix_row(xmlTextWriterPtr w, const struct hmatrix_index *x, uint32_t t,
                       const uint32_t *people, size_t npeople)
{
    struct raci_str tip = RACI_STR_INIT;
    int worst = hmatrix_findings(x, t, RACI_NONE, &tip);
    int bad = raci_report_html_open(w, "tr", NULL) || hmatrix_open(w, "th", "task", worst, &tip) ||
              raci_report_html_text(w, x->r->roster->tasks[t].name) || raci_report_html_close(w);

    raci_str_release(&tip);
    for (size_t k = 0; !bad && k < npeople; k++)
        bad = hmatrix_cell(w, x, t, people[k]);
    return bad || raci_report_html_close(w);
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

static int hmatrix_product(xmlTextWriterPtr w, const struct hmatrix_index *x, uint32_t p)
{
    const struct raci_roster *ro = x->r->roster;
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
    for (size_t i = 0; !bad && i < ntasks; i++)
        bad = hmatrix_row(w, x, tasks[i], people, npeople);
    return bad || raci_report_html_close(w) || raci_report_html_close(w) ||
           raci_report_html_close(w) || raci_report_html_close(w);
}

/* What the colours and the marks mean. */
static int hmatrix_legend(xmlTextWriterPtr w)
{
    static const char *const keys[][2] = {
        {"l-a", "A accountable"},     {"l-r", "R responsible"},         {"l-c", "C consulted"},
        {"l-i", "I informed"},        {"l-gen", "ruleset's default"},   {"l-unread", "unreadable"},
        {"mark-error", "error here"}, {"mark-warning", "warning here"}, {"mark-info", "info here"},
    };
    int bad = raci_report_html_open(w, "p", "legend");

    for (size_t i = 0; !bad && i < sizeof(keys) / sizeof(keys[0]); i++)
        bad = raci_report_html_elem(w, "span", keys[i][0], keys[i][1]);
    return bad || raci_report_html_close(w);
}

/* Of a large roster: why the matrices of the other products are left
 * out. Those past --max-sheets first, then those too wide for one. */
static int hmatrix_left_out(xmlTextWriterPtr w, const struct raci_report_html_plan *pl)
{
    size_t more = pl->nproducts - pl->ndrawn;
    int one = more == 1;
    /* "the other product", "the other 25 products", "the 2 products" */
    char count[48];
    char *limit, *wide, *text;
    int bad;

    if (one)
        snprintf(count, sizeof count, "%sproduct", pl->ndrawn ? "other " : "");
    else
        snprintf(count, sizeof count, "%s%zu products", pl->ndrawn ? "other " : "", more);
    limit =
        more == pl->nwide ? raci_str_printf("%s", "")
        : pl->ndrawn == 0
            ? raci_str_printf("No product has a matrix here (--max-sheets 0). ")
            : raci_str_printf("Only the %zu product%s with the most findings "
                              "(errors first, then warnings, then infos)%s %s a "
                              "matrix here, as in the workbook (--max-sheets "
                              "%zu). ",
                              pl->ndrawn, pl->ndrawn == 1 ? "" : "s",
                              pl->nwide ? " of at most " RACI_REPORT_HTML_MAX_NAMED " people" : "",
                              pl->ndrawn == 1 ? "has" : "have", pl->max);
    wide = !pl->nwide
               ? raci_str_printf("%s", "")
               : raci_str_printf("%zu product%s of more than " RACI_REPORT_HTML_MAX_NAMED
                                 " people %s no matrix here, whatever %s findings: a table that "
                                 "wide is no reading. ",
                                 pl->nwide, pl->nwide == 1 ? "" : "s",
                                 pl->nwide == 1 ? "has" : "have", pl->nwide == 1 ? "its" : "their");
    text = limit && wide
               ? raci_str_printf("%s%sThe %s of the %s, listed below, %s left out so that the page "
                                 "stays small enough for a browser to open: --format json lists "
                                 "all %s findings, and the workbook%s has %s letters.",
                                 limit, wide, one ? "matrix" : "matrices", count,
                                 one ? "is" : "are", one ? "its" : "their",
                                 pl->nwide ? "" : "'s Other products sheet", one ? "its" : "their")
               : NULL;
    bad = !text || raci_report_html_open(w, "p", "left-out") ||
          raci_report_html_attr(w, "id", "left-out") || raci_report_html_text(w, text) ||
          raci_report_html_close(w);
    free(limit);
    free(wide);
    free(text);
    return bad;
}

/* The products whose matrix is left out, by name, in roster order. */
static int hmatrix_others(xmlTextWriterPtr w, const struct raci_report *r,
                          const struct raci_report_html_plan *pl)
{
    int bad = raci_report_html_open(w, "ul", "others") ||
              raci_report_html_attr(w, "id", "other-products");

    for (size_t p = 0; !bad && p < pl->nproducts; p++)
        if (!pl->drawn[p])
            bad = raci_report_html_elem(w, "li", NULL, r->roster->products[p].name);
    return bad || raci_report_html_close(w);
}

int raci_report_html_matrix(xmlTextWriterPtr w, const struct raci_report *r,
                            const struct raci_report_html_plan *pl)
{
    struct hmatrix_index x = {0};
    int bad;

    if (!r->roster)
        return 0;
    bad = hmatrix_index_build(&x, r) || raci_report_html_open(w, "section", NULL) ||
          raci_report_html_attr(w, "id", "matrices") ||
          raci_report_html_elem(w, "h2", NULL, "RACI matrices") ||
          (pl->ndrawn < pl->nproducts && hmatrix_left_out(w, pl)) || hmatrix_legend(w);
    for (uint32_t p = 0; !bad && p < pl->nproducts; p++)
        if (pl->drawn[p])
            bad = hmatrix_product(w, &x, p);
    if (!bad && pl->ndrawn < pl->nproducts)
        bad = raci_report_html_elem(w, "h3", NULL, "Products without a matrix here") ||
              hmatrix_others(w, r, pl);
    hmatrix_index_release(&x);
    return bad || raci_report_html_close(w);
}
