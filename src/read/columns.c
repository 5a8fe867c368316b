/*
 * columns.c - what each column of a header is: its kind by its aliases, and
 * the columns that repeat an earlier one.
 */
#include "raci/columns.h"

#include <stdlib.h>
#include <string.h>

#include "raci/map.h"
#include "raci/str.h"

/* Each kind's aliases, as matching keys (raci_str_key). */
static const char *const aliases[RACI_COLUMN_KINDS][8] = {
    [RACI_COLUMN_PERSON] = {"person", "name", "employee", "member", "full name", "employee name",
                            NULL},
    [RACI_COLUMN_TITLE] = {"title", "job title", "role", "position", NULL},
    [RACI_COLUMN_PRODUCT] = {"product", "team", "squad", "project", NULL},
    [RACI_COLUMN_TASK] = {"task", "activity", "responsibility", "deliverable", NULL},
    [RACI_COLUMN_RACI] = {"raci", "letter", "letters", "assignment", NULL},
    [RACI_COLUMN_ID] = {"id", "email", "employee id", NULL},
    [RACI_COLUMN_REPORTS_TO] = {"reports to", "manager", NULL},
};

static const char *const kind_names[RACI_COLUMN_KINDS + 1] = {
    "person", "title", "product", "task", "raci", "id", "reports_to", ""};

const char *raci_columns_kind_name(enum raci_column_kind kind)
{
    return kind_names[kind <= RACI_COLUMN_KINDS ? kind : RACI_COLUMN_KINDS];
}

/* The kind a header's matching key names; OTHER for none. */
static enum raci_column_kind kind_of(const char *key)
{
    for (int k = 0; k < RACI_COLUMN_KINDS; k++)
        for (int i = 0; aliases[k][i]; i++)
            if (strcmp(key, aliases[k][i]) == 0)
                return (enum raci_column_kind)k;
    return RACI_COLUMN_OTHER;
}

void raci_columns_label(uint32_t i, char out[8])
{
    char rev[8];
    size_t n = 0;

    /* Bijective base 26: A..Z, AA..ZZ, AAA... */
    for (uint64_t v = (uint64_t)i + 1; v && n < 7; v = (v - 1) / 26)
        rev[n++] = (char)('A' + (v - 1) % 26);
    for (size_t k = 0; k < n; k++)
        out[k] = rev[n - 1 - k];
    out[n] = '\0';
}

/* Trimmed copy of a header's text, interned. */
static const char *trimmed(struct raci_strpool *pool, const char *s)
{
    size_t n;
    while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
        s++;
    n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
        n--;
    return raci_strpool_intern(pool, s, n);
}

/* Column i, of matching key key, is OTHER: count it among the OTHER columns
 * of its key, and flag it when an earlier one has that key. seen maps (key,
 * 0) to the first such column and (key, 1) to how many there are. */
static raci_error count_other(struct raci_columns *c, struct raci_map *seen, uint32_t i,
                              const char *key)
{
    struct raci_column *col = &c->v[i];
    uint32_t first = raci_map_get(seen, (uintptr_t)key, 0);

    col->kind = RACI_COLUMN_OTHER;
    if (first == RACI_MAP_NONE)
        return raci_map_put(seen, (uintptr_t)key, 0, i) || raci_map_put(seen, (uintptr_t)key, 1, 1)
                   ? RACI_ERROR_NOMEM
                   : RACI_OK;
    col->nth = raci_map_get(seen, (uintptr_t)key, 1);
    if (*key && !(col->flags & RACI_COLUMN_AGAIN)) {
        col->flags |= RACI_COLUMN_AGAIN;
        col->first = first;
    }
    return raci_map_put(seen, (uintptr_t)key, 1, col->nth + 1);
}

raci_error raci_columns_read(struct raci_columns *c, const struct raci_table *t,
                             struct raci_strpool *pool)
{
    struct raci_map seen = {0};
    raci_error err = RACI_OK;

    memset(c, 0, sizeof(*c));
    for (int k = 0; k < RACI_COLUMN_KINDS; k++)
        c->of[k] = -1;
    c->n = t->header.ncells;
    if (!(c->v = calloc(c->n ? c->n : 1, sizeof(*c->v))))
        return RACI_ERROR_NOMEM;
    for (uint32_t i = 0; i < c->n && !err; i++) {
        struct raci_column *col = &c->v[i];
        char label[8];
        const char *key;
        raci_columns_label(i, label);
        col->name = trimmed(pool, t->header.cells[i].text);
        col->label = raci_strpool_add(pool, label);
        key = col->name ? raci_strpool_key(pool, col->name) : NULL;
        if (!col->name || !col->label || !key) {
            err = RACI_ERROR_NOMEM;
            break;
        }
        col->first = i;
        col->kind = kind_of(key);
        if (col->kind == RACI_COLUMN_OTHER)
            err = count_other(c, &seen, i, key);
        else if (c->of[col->kind] < 0)
            c->of[col->kind] = (int)i;
        else {
            /* A kind named again: the first one is read, this one is kept as
             * another column. */
            col->flags = RACI_COLUMN_AGAIN | RACI_COLUMN_AGAIN_KNOWN;
            col->first = (uint32_t)c->of[col->kind];
            err = count_other(c, &seen, i, key);
        }
    }
    raci_map_release(&seen);
    if (err)
        raci_columns_release(c);
    return err;
}

void raci_columns_release(struct raci_columns *c)
{
    free(c->v);
    memset(c, 0, sizeof(*c));
}
