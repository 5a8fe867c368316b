/*
 * map.c - open addressing with linear probing, kept at most three quarters
 * full (a lookup reads a few neighbouring entries of one cache line or two;
 * half full would take up to twice the memory). An entry keeps its value
 * plus one, so that a slot of zeroes (calloc's) is empty and an entry is
 * 16 bytes.
 */
#include "raci/map.h"

#include <assert.h>
#include <stdlib.h>

static size_t slot_of(uintptr_t a, uint32_t b, size_t cap)
{
    uint64_t h = (uint64_t)a * 0x9E3779B97F4A7C15u ^ ((uint64_t)b * 0xC2B2AE3D27D4EB4Fu);
    return (size_t)(h ^ (h >> 29)) & (cap - 1);
}

uint32_t raci_map_get(const struct raci_map *m, uintptr_t a, uint32_t b)
{
    if (!m->cap)
        return RACI_MAP_NONE;
    for (size_t i = slot_of(a, b, m->cap);; i = (i + 1) & (m->cap - 1)) {
        const struct raci_map_entry *e = &m->v[i];
        if (!e->val1)
            return RACI_MAP_NONE;
        if (e->a == a && e->b == b)
            return e->val1 - 1;
    }
}

/* Does a table of cap entries hold n? */
static int holds(size_t cap, size_t n)
{
    return n <= cap / 4 * 3;
}

static raci_error resize(struct raci_map *m, size_t cap)
{
    struct raci_map_entry *v;

    if (cap > SIZE_MAX / sizeof(*v) || !(v = calloc(cap, sizeof(*v))))
        return RACI_ERROR_NOMEM;
    for (size_t i = 0; i < m->cap; i++) {
        size_t j;
        if (!m->v[i].val1)
            continue;
        for (j = slot_of(m->v[i].a, m->v[i].b, cap); v[j].val1; j = (j + 1) & (cap - 1))
            ;
        v[j] = m->v[i];
    }
    free(m->v);
    m->v = v;
    m->cap = cap;
    return RACI_OK;
}

raci_error raci_map_put(struct raci_map *m, uintptr_t a, uint32_t b, uint32_t val)
{
    size_t i;

    assert(val != RACI_MAP_NONE);
    if (!holds(m->cap, m->n + 1) && resize(m, m->cap ? m->cap * 2 : 64) != RACI_OK)
        return RACI_ERROR_NOMEM;
    for (i = slot_of(a, b, m->cap); m->v[i].val1 && !(m->v[i].a == a && m->v[i].b == b);
         i = (i + 1) & (m->cap - 1))
        ;
    if (!m->v[i].val1)
        m->n++;
    m->v[i] = (struct raci_map_entry){a, b, val + 1};
    return RACI_OK;
}

raci_error raci_map_reserve(struct raci_map *m, size_t n)
{
    size_t cap = m->cap ? m->cap : 64;

    while (!holds(cap, n)) {
        if (cap > SIZE_MAX / 2)
            return RACI_ERROR_NOMEM;
        cap *= 2;
    }
    return cap == m->cap ? RACI_OK : resize(m, cap);
}

void raci_map_release(struct raci_map *m)
{
    free(m->v);
    m->v = NULL;
    m->n = m->cap = 0;
}
