/*
 * orgchart.c - the org chart picture, drawn by Graphviz's own library:
 * built with cgraph, laid out by gvLayout's dot, rendered to memory.
 *
 * Labels are Graphviz's plain labels, not HTML-like ones: Graphviz escapes
 * a plain label's text for SVG itself (quotes, &, <), so names go in
 * nearly as they are. Two characters mean something to a plain label: a
 * backslash starts an escape sequence (\N is the node's name), so it is
 * doubled; and an HTML entity in it is read as its character (make_label
 * decodes them, for every format), so that a name "Flo &amp; Co" would be
 * drawn "Flo & Co": each '&' goes in as the entity &amp;.
 */
#include "raci/orgchart.h"

#include <gvc.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "raci/array.h"
#include "raci/map.h"
#include "raci/orgchart_png.h"
#include "raci/roster.h"
#include "raci/str.h"
#include "raci/strpool.h"
#include "raci/view.h"

/* Per person: what the findings say about them, and whether they are
 * drawn. Layers and loops are the roster's (raci_view_layer,
 * raci_view_in_loop). */
enum { MARK_SPAN = 1, MARK_SHOWN = 2 };

/*
 * Object IDs in the order objects are made. cgraph's own ID of a named
 * object is the address of its copy of the name, and it keeps subgraphs,
 * clusters included, in the order of their IDs: clusters were laid out and
 * written in the order of the heap, which changed with anything allocated
 * before. Here a name's ID is 2 * (the names seen before it + 1), even as
 * cgraph wants IDs of names (anonymous ones, edges', are odd: cgraph's).
 */
struct chart_ids {
    Agiddisc_t disc; /* first: the discipline's state is the struct */
    struct raci_strpool *pool;
    struct raci_map index; /* interned name -> its index */
    const char **name;     /* by index */
    size_t n, cap;
};

static void *ids_open(Agraph_t *g, Agdisc_t *disc)
{
    (void)g;
    return disc->id;
}

static long ids_map(void *state, int objtype, char *str, IDTYPE *id, int createflag)
{
    struct chart_ids *ids = state;
    if (!str)
        return AgIdDisc.map(state, objtype, NULL, id, createflag);
    const char *s = raci_strpool_intern(ids->pool, str, strlen(str));
    uint32_t k = s ? raci_map_get(&ids->index, (uintptr_t)s, 0) : RACI_MAP_NONE;
    if (k == RACI_MAP_NONE) {
        if (!s || !createflag ||
            raci_array_grow(&ids->name, &ids->cap, ids->n + 1, sizeof(*ids->name)) ||
            raci_map_put(&ids->index, (uintptr_t)s, 0, (uint32_t)ids->n))
            return 0;
        ids->name[k = (uint32_t)ids->n++] = s;
    }
    *id = 2 * ((IDTYPE)k + 1);
    return 1;
}

/* Names live in the pool until the graph is closed. */
static void ids_free(void *state, int objtype, IDTYPE id)
{
    (void)state, (void)objtype, (void)id;
}

static char *ids_print(void *state, int objtype, IDTYPE id)
{
    struct chart_ids *ids = state;
    (void)objtype;
    return id % 2 == 0 && id / 2 - 1 < ids->n ? (char *)ids->name[id / 2 - 1] : NULL;
}

static void ids_close(void *state)
{
    struct chart_ids *ids = state;
    raci_strpool_free(ids->pool);
    raci_map_release(&ids->index);
    free(ids->name);
    ids->pool = NULL;
    ids->name = NULL;
}

struct chart {
    struct chart_ids ids;
    Agdisc_t disc;
    const struct raci_report *rep;
    const struct raci_roster *r;
    Agraph_t *g;
    Agnode_t **node;    /* per person, NULL when hidden */
    uint8_t *mark;      /* per person, MARK_* */
    uint8_t *nopo;      /* per product: product-without-po */
    uint32_t *below;    /* per person: hidden people below them, when collapsed */
    uint32_t *anc;      /* per person: the ancestor drawn on layer cut */
    size_t hidden, cut; /* people hidden; the deepest layer drawn (0: all) */
    size_t dropped;     /* of them, people of the top layer or a loop left out */
};

/* cgraph takes char * for what it only reads. */
static void set(void *obj, const char *name, const char *value)
{
    agsafeset(obj, (char *)name, (char *)value, (char *)"");
}

/* Text as a plain label takes it: what XML cannot hold (a control
 * character, a byte that is no UTF-8) shown as U+FFFD, as every XML output
 * of raci does (raci_str_xml), since Graphviz writes it into the SVG as it
 * is; backslashes doubled, '&' as &amp; (an entity is read as its
 * character). */
static void add_label_text(struct raci_str *b, const char *text)
{
    char *owned = NULL;
    const char *s = raci_str_xml(text, SIZE_MAX, &owned, NULL);

    if (!s) {
        b->failed = 1;
        return;
    }
    for (; *s; s++)
        raci_str_add(b, *s == '\\' ? "\\\\" : *s == '&' ? "&amp;" : (char[]){*s, '\0'});
    free(owned);
}

/* Marks from the findings reported: spans over the limit, products with no
 * PO. */
static void chart_findings(struct chart *c)
{
    const struct raci_selection *s = c->rep->findings;
    for (size_t i = 0; s && i < s->n; i++) {
        const struct raci_finding *f = s->v[i];
        if (!strcmp(f->rule, "span-of-control") && f->person < c->r->npersons)
            c->mark[f->person] |= MARK_SPAN;
        else if (!strcmp(f->rule, "product-without-po") && f->product < c->r->nproducts)
            c->nopo[f->product] = 1;
    }
}

/* Largest team first, then in roster order. */
static int chart_team_cmp(const void *a, const void *b)
{
    const uint64_t *x = a, *y = b;
    return *x < *y ? -1 : *x > *y;
}

/*
 * When the layers kept are still over the limit (an HR export where
 * thousands of people have no manager on the roster, or a loop with
 * everyone under it), Graphviz would spend minutes on them: keep the
 * RACI_ORGCHART_MAX_NODES people drawn with the most people below them,
 * roster order among equals, and leave the others out, counted in dropped.
 * Each is ranked by a key of its team's size, inverted, and its index, so
 * that one sort of integers orders them. 0 when out of memory.
 */
static int chart_keep_largest(struct chart *c)
{
    uint32_t np = (uint32_t)c->r->npersons;
    size_t n = 0;
    uint64_t *key = malloc((np ? np : 1) * sizeof(*key));

    if (!key)
        return 0;
    for (uint32_t i = 0; i < np; i++)
        if (c->mark[i] & MARK_SHOWN)
            key[n++] = ((uint64_t)(UINT32_MAX - c->below[i]) << 32) | i;
    if (n > RACI_ORGCHART_MAX_NODES) {
        qsort(key, n, sizeof(*key), chart_team_cmp);
        for (size_t k = RACI_ORGCHART_MAX_NODES; k < n; k++) {
            uint32_t i = (uint32_t)(key[k] & UINT32_MAX);
            c->mark[i] &= (uint8_t)~MARK_SHOWN;
            c->dropped += 1 + c->below[i];
            c->hidden++;
        }
    }
    free(key);
    return 1;
}

/* Choose the deepest layer that keeps the chart under the limit, and
 * count, for each person drawn at it, the people hidden below. */
static int chart_collapse(struct chart *c)
{
    const struct raci_roster *r = c->r;
    uint32_t np = (uint32_t)r->npersons;
    size_t maxl = 0;
    for (uint32_t i = 0; i < np; i++)
        maxl = raci_view_layer(r, i) > maxl ? raci_view_layer(r, i) : maxl;
    size_t *per = calloc(maxl + 2, sizeof(*per));
    if (!per)
        return 0;
    for (uint32_t i = 0; i < np; i++)
        per[raci_view_layer(r, i)]++;
    size_t shown = per[0]; /* loops are always drawn */
    c->cut = 0;
    if (np > RACI_ORGCHART_MAX_NODES) {
        for (c->cut = 1; c->cut <= maxl && shown + per[c->cut] <= RACI_ORGCHART_MAX_NODES; c->cut++)
            shown += per[c->cut];
        c->cut = c->cut > 1 ? c->cut - 1 : 1;
    }
    free(per);
    for (uint32_t i = 0; i < np; i++)
        if (!c->cut || raci_view_layer(r, i) <= c->cut)
            c->mark[i] |= MARK_SHOWN;
    /* Each hidden person counts for their ancestor on layer cut: people
     * taken layer by layer (a counting sort), each takes their manager's. */
    uint32_t *order = c->cut ? malloc((np ? np : 1) * sizeof(*order)) : NULL;
    size_t *start = c->cut ? calloc(maxl + 2, sizeof(*start)) : NULL;
    if (c->cut && (!order || !start)) {
        free(order);
        free(start);
        return 0;
    }
    for (uint32_t i = 0; c->cut && i < np; i++)
        start[raci_view_layer(r, i) + 1]++;
    for (size_t l = 1; c->cut && l <= maxl + 1; l++)
        start[l] += start[l - 1];
    for (uint32_t i = 0; c->cut && i < np; i++)
        order[start[raci_view_layer(r, i)]++] = i;
    for (size_t k = 0; c->cut && k < np; k++) {
        uint32_t i = order[k];
        if (raci_view_layer(r, i) <= c->cut) {
            c->anc[i] = i;
            continue;
        }
        c->anc[i] = c->anc[r->persons[i].manager_idx];
        c->below[c->anc[i]]++;
        c->hidden++;
    }
    int ok = !c->cut || chart_keep_largest(c);
    free(order);
    free(start);
    return ok;
}

/* Whether the words of a and b are the same (their matching keys, as
 * raci_str_key makes them: case and punctuation aside). Out of memory
 * says no, and the line is drawn. */
static int same_words(const char *a, const char *b)
{
    char *ka = raci_str_key(a), *kb = raci_str_key(b);
    int same = ka && kb && !strcmp(ka, kb);
    free(ka);
    free(kb);
    return same;
}

/* The label of person i: name, first title, roles; the roles left out when
 * they say what the title says ("Engineering Manager" twice, or "Product
 * Owner / Product Manager" over "Product Owner, Product Manager"). */
static char *person_label(const struct chart *c, uint32_t i)
{
    const struct raci_person *p = &c->r->persons[i];
    const struct raci_ruleset *rs = c->rep->rs ? c->rep->rs : c->r->rs;
    struct raci_str b = RACI_STR_INIT, roles = RACI_STR_INIT;
    add_label_text(&b, p->name);
    if (p->ntitles) {
        raci_str_add(&b, "\\n");
        add_label_text(&b, p->titles[0]);
    }
    for (size_t k = 0, n = 0; rs && k < rs->nroles && k < 64; k++)
        if (p->roles & (UINT64_C(1) << k)) {
            raci_str_add(&roles, n++ ? ", " : "");
            raci_str_add(&roles, rs->roles[k].name ? rs->roles[k].name : rs->roles[k].id);
        }
    if (roles.failed)
        b.failed = 1;
    else if (roles.len && !(p->ntitles && same_words(raci_str_cstr(&roles), p->titles[0]))) {
        raci_str_add(&b, "\\n");
        add_label_text(&b, raci_str_cstr(&roles));
    }
    raci_str_release(&roles);
    if (c->below && c->below[i])
        raci_str_addf(&b, "\\n(+%u below, not drawn)", c->below[i]);
    return raci_str_take(&b);
}

/* The graph a person is drawn in: their product's cluster when they are on
 * exactly one, else the top. */
static Agraph_t *person_graph(const struct chart *c, uint32_t i, Agraph_t **cluster)
{
    size_t n;
    const uint32_t *m = raci_view_person_members(c->r, i, &n);
    if (n != 1)
        return c->g;
    uint32_t prod = c->r->members[m[0]].product;
    if (!cluster[prod]) {
        char name[32];
        snprintf(name, sizeof name, "cluster_product%u", prod);
        struct raci_str b = RACI_STR_INIT;
        add_label_text(&b, c->r->products[prod].name);
        if (c->nopo[prod])
            raci_str_add(&b, " (no Product Owner)");
        cluster[prod] = agsubg(c->g, name, 1);
        if (!cluster[prod] || b.failed) {
            raci_str_release(&b);
            return NULL;
        }
        set(cluster[prod], "label", raci_str_cstr(&b));
        set(cluster[prod], "style", "rounded");
        /* At the foot: a loop's red edge, drawn up to a manager, would
         * cross a label at the head. */
        set(cluster[prod], "labelloc", "b");
        if (c->nopo[prod])
            set(cluster[prod], "fontcolor", "red");
        raci_str_release(&b);
    }
    return cluster[prod];
}

/* The node of a manager reports_to names who is not on the roster: one per
 * name as written, dashed. */
static Agnode_t *missing_node(struct chart *c, const char *manager)
{
    struct raci_str name = RACI_STR_INIT, label = RACI_STR_INIT;
    char *owned = NULL;
    /* The node's name is in the SVG too (its title, a comment): XML-safe. */
    const char *safe = raci_str_xml(manager, SIZE_MAX, &owned, NULL);
    if (!safe)
        return NULL;
    raci_str_addf(&name, "missing:%s", safe);
    free(owned);
    add_label_text(&label, manager);
    raci_str_add(&label, "\\n(not on the roster)");
    Agnode_t *n =
        name.failed || label.failed ? NULL : agnode(c->g, (char *)raci_str_cstr(&name), 1);
    if (n) {
        set(n, "label", raci_str_cstr(&label));
        set(n, "style", "dashed");
    }
    raci_str_release(&name);
    raci_str_release(&label);
    return n;
}

/* A node per person drawn, then an edge per reporting line between them. */
static int chart_people(struct chart *c)
{
    const struct raci_roster *r = c->r;
    Agraph_t **cluster = calloc(r->nproducts ? r->nproducts : 1, sizeof(*cluster));
    int ok = cluster != NULL;

    for (uint32_t i = 0; ok && i < r->npersons; i++) {
        if (!(c->mark[i] & MARK_SHOWN))
            continue;
        char name[32], *label = person_label(c, i);
        Agraph_t *in = person_graph(c, i, cluster);
        snprintf(name, sizeof name, "p%u", i);
        c->node[i] = in && label ? agnode(in, name, 1) : NULL;
        if (c->node[i]) {
            set(c->node[i], "label", label);
            if (c->mark[i] & MARK_SPAN)
                set(c->node[i], "penwidth", "4");
        }
        ok = c->node[i] != NULL;
        free(label);
    }
    for (uint32_t i = 0; ok && i < r->npersons; i++) {
        const struct raci_person *p = &r->persons[i];
        Agnode_t *from = NULL;
        if (!c->node[i] || p->manager_idx == i)
            continue;
        if (p->manager_idx != RACI_NONE)
            from = c->node[p->manager_idx];
        else if (*p->manager && !(from = missing_node(c, p->manager)))
            ok = 0;
        if (!from)
            continue;
        Agedge_t *e = agedge(c->g, from, c->node[i], NULL, 1);
        if (!e)
            ok = 0;
        else if (raci_view_in_loop(r, i) && raci_view_in_loop(r, p->manager_idx)) {
            set(e, "color", "red");
            set(e, "penwidth", "2");
        }
    }
    free(cluster);
    return ok;
}

/* The legend: one sample of each mark. */
static int chart_legend(struct chart *c)
{
    Agraph_t *l = agsubg(c->g, (char *)"cluster_legend", 1);
    if (!l)
        return 0;
    set(l, "label", "Legend");
    Agnode_t *a = agnode(l, (char *)"legend:span", 1), *b = agnode(l, (char *)"legend:missing", 1);
    Agnode_t *x = agnode(l, (char *)"legend:loop1", 1), *y = agnode(l, (char *)"legend:loop2", 1);
    Agnode_t *p = agnode(l, (char *)"legend:nopo", 1);
    if (!a || !b || !x || !y || !p)
        return 0;
    set(a, "label", "thick border:\\nmore direct reports than the limit");
    set(a, "penwidth", "4");
    set(b, "label", "dashed:\\na manager not on the roster");
    set(b, "style", "dashed");
    set(x, "label", "red line:");
    set(y, "label", "a reporting loop");
    set(p, "label", "red product label:\\na product without a Product Owner");
    set(p, "fontcolor", "red");
    Agedge_t *e = agedge(l, x, y, NULL, 1);
    if (!e)
        return 0;
    set(e, "color", "red");
    return 1;
}

/* The picture's label: what it shows, and what it leaves out. */
static int chart_title(struct chart *c)
{
    struct raci_str b = RACI_STR_INIT;
    raci_str_addf(&b, "Org chart: %zu people", c->r->npersons);
    if (c->cut)
        raci_str_addf(&b, "; collapsed below layer %zu, %zu people not drawn (more than %d)",
                      c->cut, c->hidden, RACI_ORGCHART_MAX_NODES);
    if (c->dropped)
        raci_str_addf(&b,
                      "; at the top, only the %d with the largest teams (%zu people left out "
                      "with the rest)",
                      RACI_ORGCHART_MAX_NODES, c->dropped);
    if (!b.failed) {
        set(c->g, "label", raci_str_cstr(&b));
        set(c->g, "labelloc", "t");
    }
    raci_str_release(&b);
    return !b.failed;
}

static void chart_release(struct chart *c)
{
    if (c->g)
        agclose(c->g);
    else
        raci_strpool_free(c->ids.pool);
    free(c->node);
    free(c->mark);
    free(c->nopo);
    free(c->below);
    free(c->anc);
}

/* Build the whole graph into c (released by chart_release, also on
 * failure). */
static raci_error chart_build(struct chart *c, const struct raci_report *rep)
{
    static const struct raci_roster empty = {0};
    *c = (struct chart){.rep = rep, .r = rep->roster ? rep->roster : &empty};
    size_t np = c->r->npersons ? c->r->npersons : 1;
    c->node = calloc(np, sizeof(*c->node));
    c->mark = calloc(np, 1);
    c->below = calloc(np, sizeof(*c->below));
    c->anc = calloc(np, sizeof(*c->anc));
    c->nopo = calloc(c->r->nproducts ? c->r->nproducts : 1, 1);
    c->ids.disc = AgIdDisc;
    c->ids.disc.open = ids_open;
    c->ids.disc.map = ids_map;
    c->ids.disc.free = ids_free;
    c->ids.disc.print = ids_print;
    c->ids.disc.close = ids_close;
    c->disc = (Agdisc_t){&AgMemDisc, &c->ids.disc, &AgIoDisc};
    c->ids.pool = raci_strpool_new();
    c->g = c->ids.pool ? agopen((char *)"org", Agdirected, &c->disc) : NULL;
    if (!c->node || !c->mark || !c->below || !c->anc || !c->nopo || !c->g)
        return RACI_ERROR_NOMEM;
    set(c->g, "rankdir", "TB");
    set(c->g, "fontname", "sans-serif");
    agattr(c->g, AGNODE, (char *)"shape", (char *)"box");
    agattr(c->g, AGNODE, (char *)"fontname", (char *)"sans-serif");
    chart_findings(c);
    if (!chart_collapse(c) || !chart_people(c) || !chart_legend(c) || !chart_title(c))
        return RACI_ERROR_NOMEM;
    return RACI_OK;
}

/*
 * The one Graphviz context of the process, made on first use and never
 * freed. Graphviz 2.42's pango plugin keeps a font name from the first
 * context past gvFreeContext, and a second context reads it after it was
 * freed (valgrind shows it with an svg and a png report in one run): one
 * context, kept, has no such second life.
 */
static GVC_t *chart_context(void)
{
    static GVC_t *gvc;
    if (!gvc)
        gvc = gvContext();
    return gvc;
}

/* Lay c out with dot and write it to out in Graphviz's format fmt. */
static raci_error chart_render(struct chart *c, const char *fmt, FILE *out)
{
    GVC_t *gvc = chart_context();
    char *data = NULL;
    unsigned int len = 0;
    raci_error err = RACI_OK;

    if (!gvc)
        return RACI_ERROR_NOMEM;
    /* Cairo draws no bitmap past 32767 pixels a side, and Graphviz says so
     * on standard error when it shrinks one: a PNG is kept within 300
     * inches, 28,800 pixels at its 96 dots an inch, and only a wider chart
     * (a collapsed one of 300 people side by side) is scaled down. */
    if (!strcmp(fmt, "png"))
        set(c->g, "size", "300,300");
    if (gvLayout(gvc, c->g, "dot") != 0)
        err = RACI_ERROR_OUTPUT;
    else if (!strcmp(fmt, "png")) {
        err = raci_orgchart_png_render(gvc, c->g, out);
        gvFreeLayout(gvc, c->g);
    } else {
        if (gvRenderData(gvc, c->g, fmt, &data, &len) != 0 || !data)
            err = RACI_ERROR_OUTPUT;
        else if (fwrite(data, 1, len, out) != len)
            err = RACI_ERROR_OUTPUT;
        gvFreeRenderData(data);
        gvFreeLayout(gvc, c->g);
    }
    return err;
}

static raci_error orgchart_write(FILE *out, const struct raci_report *r, const char *fmt)
{
    struct chart c;
    raci_error err = chart_build(&c, r);
    if (!err)
        err = chart_render(&c, fmt, out);
    chart_release(&c);
    return err;
}

raci_error raci_orgchart_svg(FILE *out, const struct raci_report *r)
{
    return orgchart_write(out, r, "svg");
}

raci_error raci_orgchart_png(FILE *out, const struct raci_report *r)
{
    return orgchart_write(out, r, "png");
}

raci_error raci_orgchart_count(const struct raci_report *r, size_t *nodes, size_t *edges,
                               size_t *hidden)
{
    struct chart c;
    raci_error err = chart_build(&c, r);
    if (!err) {
        *nodes = (size_t)agnnodes(c.g);
        *edges = (size_t)agnedges(c.g);
        *hidden = c.hidden;
    }
    chart_release(&c);
    return err;
}
