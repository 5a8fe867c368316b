/*
 * export.c - the roster written back out as a long roster CSV, or as the
 * product matrices of raci's product sheets.
 *
 * The long export has to give back, read again, not only the same data but
 * the same order of people, products, tasks and teams: messages list
 * people in that order, and the second export must be the first's bytes.
 * The model keeps where each of them was first seen, so every row written
 * is placed by the (file, line) its data came from, and where no
 * assignment stands at the place a person, a team membership or a task was
 * first seen, a row without letters is written there for it. A place is a
 * cell's line, which may lie past its row's first line (a quoted line
 * break before it): a row written for a cell's place comes before every
 * row of a later row of the input, as its row did. The first row written
 * of a person on a product stands in their first row of it when its place
 * is at or before the membership's: the rows of a person's later rows start
 * after that row's last line.
 */
#include "raci/export.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "raci/csvout.h"
#include "raci/letters.h"
#include "raci/map.h"
#include "raci/str.h"
#include "raci/view.h"

/* No place: generated data, or a file the roster does not list. */
#define NOWHERE UINT64_MAX

/* What a row of the long export stands for; at one place, in this order. */
enum row_kind { ROW_NONE, ROW_MEMBER, ROW_TASK, ROW_ASSIGN };

/* A row, sorted by (at, kind, index, sub). A row of a later title takes the
 * person's first row's place, kind and index, and its title as sub: it
 * comes right after that row, and so it does again when read back. */
struct out_row {
    uint64_t at;    /* file index << 32 | line */
    unsigned kind;  /* enum row_kind */
    uint32_t index; /* the assignment, member, task or person; for ties */
    uint32_t sub;   /* a later title's index, else 0 */
    uint32_t person, product, task;
    uint32_t assign; /* ROW_ASSIGN's, else RACI_NONE */
    uint32_t title;  /* the person's title written: 0, or a later one's */
};

struct exporter {
    const struct raci_roster *r;
    struct out_row *rows;
    size_t n, cap;
    uint64_t *member_at;     /* per member: its person's first row on its product */
    uint64_t *person_at;     /* per person: their first row */
    uint64_t *task_at;       /* per task: its first row */
    uint8_t *generated;      /* per task: made from the ruleset */
    char **ids;              /* per person: an id made to keep them apart, or NULL */
    int org;                 /* write the id and reports_to columns */
    struct raci_map members; /* (person, product) -> member */
};

/* ------------------------------------------------------------- places -- */

static uint64_t row_place(const struct raci_roster *r, const char *file, uint32_t line)
{
    for (size_t i = 0; file && i < r->nfiles; i++)
        if (r->files[i] == file)
            return (uint64_t)i << 32 | line;
    return NOWHERE;
}

static uint64_t loc_place(const struct raci_roster *r, struct raci_loc l)
{
    return row_place(r, l.file, l.line);
}

static void keep_first(uint64_t *slot, uint64_t at)
{
    if (at < *slot)
        *slot = at;
}

static raci_error export_row(struct exporter *e, const struct out_row *row)
{
    if (e->n == e->cap) {
        size_t cap = e->cap ? 2 * e->cap : 64;
        struct out_row *v = realloc(e->rows, cap * sizeof(*v));
        if (!v)
            return RACI_ERROR_NOMEM;
        e->rows = v;
        e->cap = cap;
    }
    e->rows[e->n++] = *row;
    keep_first(&e->person_at[row->person], row->at);
    if (row->product != RACI_NONE) {
        uint32_t m = raci_map_get(&e->members, row->person, row->product);
        if (m != RACI_MAP_NONE)
            keep_first(&e->member_at[m], row->at);
    }
    return RACI_OK;
}

static int row_cmp(const void *pa, const void *pb)
{
    const struct out_row *a = pa, *b = pb;

    if (a->at != b->at)
        return a->at < b->at ? -1 : 1;
    if (a->kind != b->kind)
        return a->kind < b->kind ? -1 : 1;
    if (a->index != b->index)
        return a->index < b->index ? -1 : 1;
    return a->sub < b->sub ? -1 : a->sub > b->sub;
}

/* --------------------------------------------------------------- rows -- */

/* Every assignment that was read, and where each task was first given
 * letters. */
static raci_error assign_rows(struct exporter *e)
{
    const struct raci_roster *r = e->r;
    raci_error err = RACI_OK;

    for (size_t i = 0; i < r->nassigns && !err; i++) {
        const struct raci_assign *a = &r->assigns[i];
        struct out_row row = {0};
        if (a->flags & RACI_ASSIGN_GENERATED) {
            e->generated[a->task] = 1;
            continue;
        }
        row.at = row_place(r, a->loc.file, a->row_line);
        row.kind = ROW_ASSIGN;
        row.index = row.assign = (uint32_t)i;
        row.person = a->person;
        row.product = a->product;
        row.task = a->task;
        keep_first(&e->task_at[a->task], row.at);
        err = export_row(e, &row);
    }
    return err;
}

/* A task first seen where none of its letters are: a row for it there. */
static raci_error task_rows(struct exporter *e)
{
    const struct raci_roster *r = e->r;
    raci_error err = RACI_OK;

    for (uint32_t t = 0; t < r->ntasks && !err; t++) {
        const struct raci_task *task = &r->tasks[t];
        struct out_row row = {0};
        size_t nmem;
        const uint32_t *mem = raci_view_product_members(r, task->product, &nmem);
        /* Placed by its row's first line, as an assignment is: read back,
         * the task cell of this export's row lies past a line break in the
         * person's, title's or product's cell, and the row must still come
         * first, standing in for the membership its person cell gives. */
        uint64_t at = row_place(r, task->loc.file, task->row_line);
        if (e->generated[t] || e->task_at[t] <= at || !nmem)
            continue;
        row.at = at;
        row.kind = ROW_TASK;
        row.index = t;
        row.person = r->members[mem[0]].person; /* the team's first: stable when read again */
        row.product = task->product;
        row.task = t;
        row.assign = RACI_NONE;
        err = export_row(e, &row);
    }
    return err;
}

/* A membership, a person, a later title, each where no row stands for it. */
static raci_error people_rows(struct exporter *e)
{
    const struct raci_roster *r = e->r;
    raci_error err = RACI_OK;

    for (uint32_t m = 0; m < r->nmembers && !err; m++) {
        const struct raci_member *mb = &r->members[m];
        struct out_row row = {0,           ROW_MEMBER, m,         0, mb->person,
                              mb->product, RACI_NONE,  RACI_NONE, 0};
        row.at = loc_place(r, mb->loc);
        if (e->member_at[m] > row.at)
            err = export_row(e, &row);
    }
    for (uint32_t p = 0; p < r->npersons && !err; p++) {
        struct out_row row = {0, ROW_NONE, p, 0, p, RACI_NONE, RACI_NONE, RACI_NONE, 0};
        row.at = loc_place(r, r->persons[p].loc);
        if (e->person_at[p] > row.at)
            err = export_row(e, &row);
    }
    return err;
}

/* A row for each title of a person after the first, right after their
 * first row (every person has one by now). */
static raci_error title_rows(struct exporter *e)
{
    const struct raci_roster *r = e->r;
    uint32_t *first = malloc((r->npersons ? r->npersons : 1) * sizeof(*first));
    size_t n = e->n;
    raci_error err = RACI_OK;

    if (!first)
        return RACI_ERROR_NOMEM;
    memset(first, 0xff, (r->npersons ? r->npersons : 1) * sizeof(*first));
    for (size_t i = 0; i < n; i++) {
        uint32_t p = e->rows[i].person;
        if (first[p] == RACI_NONE || row_cmp(&e->rows[i], &e->rows[first[p]]) < 0)
            first[p] = (uint32_t)i;
    }
    for (uint32_t p = 0; p < r->npersons && !err; p++) {
        struct out_row row;
        if (first[p] == RACI_NONE)
            continue;
        row = e->rows[first[p]];
        row.product = row.task = row.assign = RACI_NONE;
        for (uint32_t k = 1; k < r->persons[p].ntitles && !err; k++) {
            row.sub = row.title = k;
            err = export_row(e, &row);
        }
    }
    free(first);
    return err;
}

/* ---------------------------------------------------------------- ids -- */

struct named {
    char *key;
    uint32_t person;
};

static int named_cmp(const void *pa, const void *pb)
{
    const struct named *a = pa, *b = pb;
    int c = strcmp(a->key, b->key);
    return c ? c : (a->person > b->person) - (a->person < b->person);
}

static const char *id_of(const struct exporter *e, uint32_t p)
{
    return e->ids[p] ? e->ids[p] : e->r->persons[p].id;
}

static int id_taken(const struct exporter *e, const char *id)
{
    for (uint32_t q = 0; q < e->r->npersons; q++)
        if (strcmp(id_of(e, q), id) == 0)
            return 1;
    return 0;
}

/* "Product Owner (Beta)": the name and the person's first product; " #2"
 * and on when that is someone's id already. */
static char *made_id(const struct exporter *e, uint32_t p)
{
    const struct raci_roster *r = e->r;
    size_t nm;
    const uint32_t *mem = raci_view_person_members(r, p, &nm);
    char *id = nm ? raci_str_printf("%s (%s)", r->persons[p].name,
                                    r->products[r->members[mem[0]].product].name)
                  : raci_str_printf("%s (%u)", r->persons[p].name, p + 1);

    for (unsigned k = 2; id && id_taken(e, id); k++) {
        char *next = raci_str_printf("%s #%u", id, k);
        free(id);
        id = next;
    }
    return id;
}

/* An id for each person after the first of those with one name and no id. */
static raci_error make_ids(struct exporter *e)
{
    const struct raci_roster *r = e->r;
    struct named *v = calloc(r->npersons ? r->npersons : 1, sizeof(*v));
    size_t n = 0;
    raci_error err = RACI_OK;

    if (!v)
        return RACI_ERROR_NOMEM;
    for (uint32_t p = 0; p < r->npersons && !err; p++) {
        if (*r->persons[p].id)
            continue;
        v[n].person = p;
        if (!(v[n++].key = raci_str_key(r->persons[p].name)))
            err = RACI_ERROR_NOMEM;
    }
    if (!err)
        qsort(v, n, sizeof(*v), named_cmp);
    for (size_t i = 1; i < n && !err; i++) {
        if (strcmp(v[i].key, v[i - 1].key) != 0)
            continue;
        if (!(e->ids[v[i].person] = made_id(e, v[i].person)))
            err = RACI_ERROR_NOMEM;
        e->org = 1;
    }
    for (size_t i = 0; i < n; i++)
        free(v[i].key);
    free(v);
    return err;
}

/* ------------------------------------------------------------ writing -- */

static void write_header(struct raci_csvout *w, const struct exporter *e)
{
    static const char *const head[] = {"person", "title", "product", "task", "raci"};

    for (size_t i = 0; i < sizeof head / sizeof *head; i++)
        raci_csvout_field(w, head[i]);
    if (e->org) {
        raci_csvout_field(w, "id");
        raci_csvout_field(w, "reports_to");
    }
    for (size_t k = 0; k < e->r->nextra; k++)
        raci_csvout_field(w, e->r->extra_names[k]);
    raci_csvout_end(w);
}

/* The letters of assignment a as the reader reads them back. */
static void write_letters(struct raci_csvout *w, const struct raci_assign *a)
{
    char buf[32];
    struct raci_letters l = {a->letters, a->conditional};

    if (a->flags & RACI_ASSIGN_UNKNOWN) {
        raci_csvout_field(w, a->raw);
        return;
    }
    raci_letters_format(l, buf, sizeof buf);
    raci_csvout_field(w, buf);
}

static void write_row(struct raci_csvout *w, const struct exporter *e, const struct out_row *row)
{
    const struct raci_roster *r = e->r;
    const struct raci_person *pe = &r->persons[row->person];
    uint32_t title = row->title;

    raci_csvout_field(w, pe->name);
    raci_csvout_field(w, title < pe->ntitles ? pe->titles[title] : "");
    raci_csvout_field(w, row->product != RACI_NONE ? r->products[row->product].name : "");
    raci_csvout_field(w, row->task != RACI_NONE ? r->tasks[row->task].name : "");
    if (row->assign != RACI_NONE)
        write_letters(w, &r->assigns[row->assign]);
    else
        raci_csvout_field(w, "");
    if (e->org) {
        raci_csvout_field(w, id_of(e, row->person));
        raci_csvout_field(w, pe->manager);
    }
    for (size_t k = 0; k < r->nextra; k++)
        raci_csvout_field(w, pe->extra ? pe->extra[k] : NULL);
    raci_csvout_end(w);
}

static raci_error exporter_init(struct exporter *e, const struct raci_roster *r)
{
    size_t np = r->npersons ? r->npersons : 1, nm = r->nmembers ? r->nmembers : 1;
    size_t nt = r->ntasks ? r->ntasks : 1;

    memset(e, 0, sizeof(*e));
    e->r = r;
    e->member_at = malloc(nm * sizeof(*e->member_at));
    e->person_at = malloc(np * sizeof(*e->person_at));
    e->task_at = malloc(nt * sizeof(*e->task_at));
    e->generated = calloc(nt, 1);
    e->ids = calloc(np, sizeof(*e->ids));
    if (!e->member_at || !e->person_at || !e->task_at || !e->generated || !e->ids)
        return RACI_ERROR_NOMEM;
    memset(e->member_at, 0xff, nm * sizeof(*e->member_at));
    memset(e->person_at, 0xff, np * sizeof(*e->person_at));
    memset(e->task_at, 0xff, nt * sizeof(*e->task_at));
    for (uint32_t m = 0; m < r->nmembers; m++)
        if (raci_map_put(&e->members, r->members[m].person, r->members[m].product, m))
            return RACI_ERROR_NOMEM;
    for (uint32_t p = 0; p < r->npersons; p++)
        if (*r->persons[p].id || *r->persons[p].manager)
            e->org = 1;
    return RACI_OK;
}

static void exporter_release(struct exporter *e)
{
    for (size_t p = 0; e->ids && p < e->r->npersons; p++)
        free(e->ids[p]);
    free(e->ids);
    free(e->rows);
    free(e->member_at);
    free(e->person_at);
    free(e->task_at);
    free(e->generated);
    raci_map_release(&e->members);
}

raci_error raci_export_roster(FILE *out, const struct raci_roster *r)
{
    struct exporter e;
    struct raci_csvout w;
    raci_error err = exporter_init(&e, r);

    if (!err)
        err = assign_rows(&e);
    if (!err)
        err = task_rows(&e);
    if (!err)
        err = people_rows(&e);
    if (!err)
        err = title_rows(&e);
    if (!err)
        err = make_ids(&e);
    if (!err) {
        if (e.n)
            qsort(e.rows, e.n, sizeof(*e.rows), row_cmp);
        raci_csvout_init(&w, out);
        write_header(&w, &e);
        for (size_t i = 0; i < e.n; i++)
            write_row(&w, &e, &e.rows[i]);
        err = raci_csvout_status(&w);
    }
    exporter_release(&e);
    return err;
}

/* ------------------------------------------------------------- matrix -- */

/* Whether any of task t's letters were generated from the ruleset. */
static int task_generated(const struct raci_roster *r, uint32_t t)
{
    size_t n;
    const uint32_t *a = raci_view_task_assigns(r, t, &n);
    for (size_t i = 0; i < n; i++)
        if (r->assigns[a[i]].flags & RACI_ASSIGN_GENERATED)
            return 1;
    return 0;
}

/* A person's titles in one cell, as the product sheet shows them. */
static raci_error write_titles(struct raci_csvout *w, const struct raci_person *pe)
{
    struct raci_str b = RACI_STR_INIT;
    raci_error err;

    for (uint32_t i = 0; i < pe->ntitles; i++) {
        raci_str_add(&b, i ? "; " : "");
        raci_str_add(&b, pe->titles[i]);
    }
    err = b.failed ? RACI_ERROR_NOMEM : RACI_OK;
    raci_csvout_field(w, raci_str_cstr(&b));
    raci_str_release(&b);
    return err;
}

static void write_cell(struct raci_csvout *w, const struct raci_pair *pr)
{
    char buf[32];
    struct raci_letters l;

    if (!pr || (!pr->letters && !pr->raw)) {
        raci_csvout_field(w, "");
        return;
    }
    if (!pr->letters) {
        raci_csvout_field(w, pr->raw);
        return;
    }
    l.mask = pr->letters;
    l.conditional = pr->conditional;
    raci_letters_format(l, buf, sizeof buf);
    raci_csvout_field(w, buf);
}

static raci_error write_product(struct raci_csvout *w, const struct raci_roster *r, uint32_t p)
{
    size_t npeople, ntasks;
    const uint32_t *people = raci_view_product_people(r, p, &npeople);
    const uint32_t *tasks = raci_view_product_tasks(r, p, &ntasks);
    raci_error err = RACI_OK;

    raci_csvout_field(w, r->products[p].name);
    for (size_t k = 0; k < npeople; k++)
        raci_csvout_field(w, r->persons[people[k]].name);
    raci_csvout_end(w);
    raci_csvout_field(w, "Task");
    for (size_t k = 0; k < npeople && !err; k++)
        err = write_titles(w, &r->persons[people[k]]);
    raci_csvout_end(w);
    for (size_t i = 0; i < ntasks && !err; i++) {
        if (task_generated(r, tasks[i]))
            continue;
        raci_csvout_field(w, r->tasks[tasks[i]].name);
        for (size_t k = 0; k < npeople; k++)
            write_cell(w, raci_view_pair(r, tasks[i], people[k]));
        raci_csvout_end(w);
    }
    return err;
}

raci_error raci_export_matrix(FILE *out, const struct raci_roster *r)
{
    struct raci_csvout w;
    raci_error err = RACI_OK;

    raci_csvout_init(&w, out);
    for (uint32_t p = 0; p < r->nproducts && !err; p++) {
        if (p)
            raci_csvout_blank(&w);
        err = write_product(&w, r, p);
    }
    return err ? err : raci_csvout_status(&w);
}
