/*
 * findings.c - the list of findings: adding, relating rows, sorting; and a
 * finding's identity: the entity keys that name its subject, and its
 * fingerprint.
 */
#include "raci/findings.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "raci/array.h"
#include "raci/str.h"

struct raci_finding *raci_findings_add(struct raci_findings *fs, const char *rule,
                                       enum raci_severity severity, struct raci_loc loc,
                                       uint32_t product, uint32_t task, uint32_t person,
                                       const char *entity, const char *fmt, ...)
{
    struct raci_finding *f;
    va_list ap;

    if (raci_array_grow(&fs->v, &fs->cap, fs->n + 1, sizeof(*fs->v)) != RACI_OK)
        return NULL;
    f = &fs->v[fs->n];
    memset(f, 0, sizeof(*f));
    va_start(ap, fmt);
    f->message = raci_str_vprintf(fmt, ap);
    va_end(ap);
    f->entity = raci_str_dup(entity ? entity : "");
    if (!f->message || !f->entity) {
        free(f->message);
        free(f->entity);
        return NULL;
    }
    f->rule = rule;
    f->severity = severity;
    f->loc = loc;
    f->product = product;
    f->task = task;
    f->person = person;
    fs->n++;
    return f;
}

static int loc_equal(struct raci_loc a, struct raci_loc b)
{
    return a.file == b.file && a.sheet == b.sheet && a.line == b.line && a.col == b.col;
}

static int loc_cmp(const struct raci_loc *a, const struct raci_loc *b)
{
    int c;
    if (a->file != b->file) {
        if (!a->file || !b->file)
            return a->file ? -1 : 1;
        if ((c = strcmp(a->file, b->file)) != 0)
            return c;
    }
    /* A workbook's sheets by name (a text file's place has none). */
    if (a->sheet != b->sheet) {
        if (!a->sheet || !b->sheet)
            return a->sheet ? 1 : -1;
        if ((c = strcmp(a->sheet, b->sheet)) != 0)
            return c;
    }
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    if (a->col != b->col)
        return a->col < b->col ? -1 : 1;
    return 0;
}

raci_error raci_findings_relate(struct raci_finding *f, struct raci_loc loc)
{
    if (loc_equal(loc, f->loc) || (f->nrelated && loc_equal(loc, f->related[f->nrelated - 1])))
        return RACI_OK;
    if (raci_array_grow(&f->related, &f->cap_related, f->nrelated + 1, sizeof(*f->related)) !=
        RACI_OK)
        return RACI_ERROR_NOMEM;
    f->related[f->nrelated++] = loc;
    return RACI_OK;
}

static int related_cmp(const void *a, const void *b)
{
    return loc_cmp(a, b);
}

/* A finding's rows read top to bottom, each once. */
static void tidy_related(struct raci_finding *f)
{
    size_t k = 0;

    if (f->nrelated > 1)
        qsort(f->related, f->nrelated, sizeof(*f->related), related_cmp);
    for (size_t i = 0; i < f->nrelated; i++)
        if (!loc_equal(f->related[i], f->loc) &&
            (k == 0 || !loc_equal(f->related[i], f->related[k - 1])))
            f->related[k++] = f->related[i];
    f->nrelated = k;
}

static int finding_cmp(const void *pa, const void *pb)
{
    const struct raci_finding *a = pa, *b = pb;
    int c = loc_cmp(&a->loc, &b->loc);
    if (c)
        return c;
    if ((c = strcmp(a->rule, b->rule)) != 0)
        return c;
    if ((c = strcmp(a->message, b->message)) != 0)
        return c;
    return strcmp(a->entity, b->entity);
}

void raci_findings_sort(struct raci_findings *fs)
{
    for (size_t i = 0; i < fs->n; i++)
        tidy_related(&fs->v[i]);
    if (fs->n > 1)
        qsort(fs->v, fs->n, sizeof(*fs->v), finding_cmp);
}

size_t raci_findings_count(const struct raci_findings *fs, enum raci_severity s)
{
    size_t n = 0;
    for (size_t i = 0; i < fs->n; i++)
        if (fs->v[i].severity == s)
            n++;
    return n;
}

static uint64_t fnv1a(uint64_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211u;
    }
    return h;
}

void raci_findings_fingerprint(const struct raci_finding *f, char out[RACI_FINGERPRINT_SIZE])
{
    uint64_t h = 14695981039346656037u;

    /* The rule with its NUL, so that ("a", "bc") and ("ab", "c") differ. */
    h = fnv1a(h, f->rule, strlen(f->rule) + 1);
    h = fnv1a(h, f->entity, strlen(f->entity));
    snprintf(out, RACI_FINGERPRINT_SIZE, "%016llx", (unsigned long long)h);
}

void raci_findings_release(struct raci_findings *fs)
{
    if (!fs)
        return;
    for (size_t i = 0; i < fs->n; i++) {
        free(fs->v[i].message);
        free(fs->v[i].related);
        free(fs->v[i].entity);
    }
    free(fs->v);
    memset(fs, 0, sizeof(*fs));
}

/* ------------------------------------------------------ entity keys -- */

static void entity_add_product(struct raci_str *b, const struct raci_roster *r, uint32_t product)
{
    raci_str_add(b, "product:");
    raci_str_addkey(b, r->products[product].name);
}

static void entity_add_task(struct raci_str *b, const struct raci_roster *r, uint32_t task)
{
    entity_add_product(b, r, r->tasks[task].product);
    raci_str_add(b, "/task:");
    raci_str_addkey(b, r->tasks[task].name);
}

static void entity_add_person(struct raci_str *b, const struct raci_roster *r, uint32_t person)
{
    const struct raci_person *p = &r->persons[person];
    /* An id is the person's identity as the roster gives it: kept as it is
     * written, where a name is matched by its key. */
    if (*p->id) {
        raci_str_add(b, "person:id:");
        raci_str_add(b, p->id);
    } else {
        raci_str_add(b, "person:");
        raci_str_addkey(b, p->name);
    }
}

char *raci_findings_entity_product(const struct raci_roster *r, uint32_t product)
{
    struct raci_str b = RACI_STR_INIT;
    entity_add_product(&b, r, product);
    return raci_str_take(&b);
}

char *raci_findings_entity_task(const struct raci_roster *r, uint32_t task)
{
    struct raci_str b = RACI_STR_INIT;
    entity_add_task(&b, r, task);
    return raci_str_take(&b);
}

char *raci_findings_entity_person(const struct raci_roster *r, uint32_t person)
{
    struct raci_str b = RACI_STR_INIT;
    entity_add_person(&b, r, person);
    return raci_str_take(&b);
}

char *raci_findings_entity_cell(const struct raci_roster *r, uint32_t task, uint32_t person)
{
    struct raci_str b = RACI_STR_INIT;
    entity_add_task(&b, r, task);
    raci_str_addc(&b, '/');
    entity_add_person(&b, r, person);
    return raci_str_take(&b);
}

char *raci_findings_entity_row(const struct raci_roster *r, const struct raci_row_issue *issue)
{
    static const char *const kind[] = {"", "ragged", "no-person", "no-title"};
    struct raci_str b = RACI_STR_INIT;
    unsigned k = (unsigned)issue->problem;

    raci_str_add(&b, "row:");
    raci_str_add(&b, k < sizeof kind / sizeof *kind ? kind[k] : "");
    raci_str_addc(&b, '/');
    if (issue->person != RACI_NONE)
        entity_add_person(&b, r, issue->person);
    else
        raci_str_add(&b, "person:");
    return raci_str_take(&b);
}

char *raci_findings_entity_cell_issue(const struct raci_roster *r,
                                      const struct raci_cell_issue *issue)
{
    struct raci_str b = RACI_STR_INIT;

    raci_str_add(&b, issue->header ? "header:" : "cell:");
    raci_str_addkey(&b, issue->column);
    if (issue->person != RACI_NONE) {
        raci_str_addc(&b, '/');
        entity_add_person(&b, r, issue->person);
    }
    return raci_str_take(&b);
}

char *raci_findings_entity_waiver(const struct raci_waiver *w)
{
    const char *field[3] = {w->product, w->task, w->person};
    static const char *const label[3] = {"product", "task", "person"};
    struct raci_str b = RACI_STR_INIT;

    raci_str_add(&b, "waiver:");
    raci_str_add(&b, w->rule->id);
    for (int i = 0; i < 3; i++) {
        if (!field[i])
            continue;
        raci_str_addf(&b, "/%s:", label[i]);
        raci_str_addkey(&b, field[i]);
    }
    return raci_str_take(&b);
}
