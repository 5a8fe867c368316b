/*
 * map.h - a hash map from a pair of keys to a 32-bit value.
 *
 * The model looks things up by pairs: an interned string and a product (a
 * task's name within its product), a person and a product (a membership), a
 * task and a person (a cell of the matrix). Interned strings make pointer
 * keys exact, so a key is (a pointer-sized word, a 32-bit number).
 */
#ifndef RACI_MAP_H
#define RACI_MAP_H

#include <stddef.h>
#include <stdint.h>

#include "raci/error.h"

/* What raci_map_get returns for a pair that is not there. */
#define RACI_MAP_NONE UINT32_MAX

struct raci_map_entry {
    uintptr_t a;
    uint32_t b;
    uint32_t val1; /* the value plus one; 0: an empty slot */
};

/* Zero-initialise; raci_map_release frees it. */
struct raci_map {
    struct raci_map_entry *v;
    size_t n, cap; /* cap: a power of two, or 0 */
};

/* The value of (a, b), or RACI_MAP_NONE. */
uint32_t raci_map_get(const struct raci_map *m, uintptr_t a, uint32_t b);

/* Set (a, b) to val, replacing what it held; RACI_ERROR_NOMEM leaves m as
 * it was. val must not be RACI_MAP_NONE. */
raci_error raci_map_put(struct raci_map *m, uintptr_t a, uint32_t b, uint32_t val);

/* Make room for n entries in all, so that putting them resizes the table
 * no more (a map whose size is known is sized once, not doubled up to it);
 * RACI_ERROR_NOMEM leaves m as it was. */
raci_error raci_map_reserve(struct raci_map *m, size_t n);

void raci_map_release(struct raci_map *m);

#endif
