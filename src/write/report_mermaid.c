/*
 * report_mermaid.c - the reporting lines as a Mermaid flowchart in the
 * Markdown report (report_mermaid.h says what is drawn, and how labels are
 * written).
 */
#include "raci/report_mermaid.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "raci/str.h"
#include "raci/view.h"

/* The entity code Mermaid takes for character c in a quoted label, or NULL
 * when c goes in as it is. */
static const char *mermaid_entity(char c)
{
    switch (c) {
    case '"':
        return "#quot;";
    case '#':
        return "#35;";
    case '&':
        return "#amp;";
    case '<':
        return "#lt;";
    case '>':
        return "#gt;";
    case '`':
        return "#96;";
    default:
        return NULL;
    }
}

/* Write s as label text (report_mermaid.h): at most RACI_MERMAID_MAX_TEXT
 * bytes written, whole characters and codes, then an ellipsis when cut. */
static void mermaid_text(FILE *out, const char *s)
{
    char esc[RACI_STR_ESCAPE_SIZE];
    size_t written = 0;

    while (*s) {
        size_t n;
        const char *piece;
        if (*s == '\r' || *s == '\n') {
            piece = "<br>";
            n = s[0] == '\r' && s[1] == '\n' ? 2 : 1;
        } else if (n = raci_str_escape(s, esc), esc[0])
            piece = esc;
        else
            piece = mermaid_entity(*s);
        size_t len = piece ? strlen(piece) : n;
        if (written + len > RACI_MERMAID_MAX_TEXT) {
            fputs("…", out);
            return;
        }
        if (piece)
            fputs(piece, out);
        else
            fwrite(s, 1, n, out);
        written += len;
        s += n;
    }
}

/* Whether anyone on r has a reports_to: without one there is no chart. */
static int has_lines(const struct raci_roster *r)
{
    for (uint32_t i = 0; i < r->npersons; i++)
        if (*r->persons[i].manager)
            return 1;
    return 0;
}

/* The first person whose reports_to names the same missing manager as
 * person i's (i itself when none before): that manager's one node. The
 * chart is of RACI_MERMAID_MAX_PEOPLE people at most, so the scan back is
 * bounded. */
static uint32_t missing_first(const struct raci_roster *r, uint32_t i)
{
    for (uint32_t k = 0; k < i; k++)
        if (r->persons[k].manager_idx == RACI_NONE &&
            !strcmp(r->persons[k].manager, r->persons[i].manager))
            return k;
    return i;
}

/* The nodes: one per person, then one per missing manager. */
static void mermaid_nodes(FILE *out, const struct raci_roster *r)
{
    for (uint32_t i = 0; i < r->npersons; i++) {
        const struct raci_person *p = &r->persons[i];
        fprintf(out, "    p%u[\"", i);
        mermaid_text(out, p->name);
        if (p->ntitles) {
            fputs("<br>", out);
            mermaid_text(out, p->titles[0]);
        }
        fputs("\"]\n", out);
    }
    for (uint32_t i = 0; i < r->npersons; i++) {
        const struct raci_person *p = &r->persons[i];
        if (!*p->manager || p->manager_idx != RACI_NONE || missing_first(r, i) != i)
            continue;
        fprintf(out, "    m%u[\"", i);
        mermaid_text(out, p->manager);
        fputs("<br>(not on the roster)\"]:::missing\n", out);
    }
}

/* The edges, manager to report, in the reports' roster order; the indexes
 * of a loop's edges (linkStyle counts edges from 0) go into loops. */
static void mermaid_edges(FILE *out, const struct raci_roster *r, struct raci_str *loops)
{
    size_t k = 0;
    for (uint32_t i = 0; i < r->npersons; i++) {
        const struct raci_person *p = &r->persons[i];
        if (p->manager_idx == i || !*p->manager)
            continue;
        if (p->manager_idx == RACI_NONE)
            fprintf(out, "    m%u --> p%u\n", missing_first(r, i), i);
        else
            fprintf(out, "    p%u --> p%u\n", p->manager_idx, i);
        if (raci_view_in_loop(r, i) && raci_view_in_loop(r, p->manager_idx))
            raci_str_addf(loops, "%s%zu", loops->len ? "," : "", k);
        k++;
    }
}

/* class lines: the people over span-of-control's limit (its findings, as
 * reported) and the people of loops. */
static raci_error mermaid_classes(FILE *out, const struct raci_report *rep)
{
    const struct raci_roster *r = rep->roster;
    const struct raci_selection *s = rep->findings;
    uint8_t *span = calloc(r->npersons ? r->npersons : 1, 1);
    const char *sep = "    class ";

    if (!span)
        return RACI_ERROR_NOMEM;
    for (size_t i = 0; s && i < s->n; i++)
        if (!strcmp(s->v[i]->rule, "span-of-control") && s->v[i]->person < r->npersons)
            span[s->v[i]->person] = 1;
    for (uint32_t i = 0; i < r->npersons; i++)
        if (span[i]) {
            fprintf(out, "%sp%u", sep, i);
            sep = ",";
        }
    if (*sep == ',')
        fputs(" span\n", out);
    sep = "    class ";
    for (uint32_t i = 0; i < r->npersons; i++)
        if (raci_view_in_loop(r, i)) {
            fprintf(out, "%sp%u", sep, i);
            sep = ",";
        }
    if (*sep == ',')
        fputs(" loop\n", out);
    free(span);
    return RACI_OK;
}

raci_error raci_report_mermaid(FILE *out, const struct raci_report *rep)
{
    const struct raci_roster *r = rep->roster;
    struct raci_str loops = RACI_STR_INIT;
    raci_error err;

    if (!r || !has_lines(r))
        return RACI_OK;
    fputs("\n#### Reporting lines\n\n", out);
    if (r->npersons > RACI_MERMAID_MAX_PEOPLE) {
        fprintf(out,
                "The chart of %zu people is left out (more than %d); `raci --report "
                "svg=org.svg` draws it.\n",
                r->npersons, RACI_MERMAID_MAX_PEOPLE);
        return ferror(out) ? RACI_ERROR_OUTPUT : RACI_OK;
    }
    fputs("```mermaid\nflowchart TD\n", out);
    mermaid_nodes(out, r);
    mermaid_edges(out, r, &loops);
    fputs("    classDef span stroke-width:4px\n"
          "    classDef missing stroke-dasharray:5 5\n"
          "    classDef loop stroke:#d00,stroke-width:2px\n",
          out);
    err = mermaid_classes(out, rep);
    if (loops.len)
        fprintf(out, "    linkStyle %s stroke:#d00,stroke-width:2px\n", raci_str_cstr(&loops));
    if (!err && loops.failed)
        err = RACI_ERROR_NOMEM;
    raci_str_release(&loops);
    fputs("```\n\nThick border: more direct reports than the limit; dashed: a manager who is "
          "not on the roster; red: a reporting loop.\n",
          out);
    if (!err && ferror(out))
        err = RACI_ERROR_OUTPUT;
    return err;
}
