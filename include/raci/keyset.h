/*
 * keyset.h - a set of keys (strings), each with a value: the ruleset's
 * look-ups (which roles a title pattern names, which task a name or alias
 * is, which words are seniority words), each in constant time, so that a
 * ruleset of many thousand titles loads and matches in time linear in its
 * size.
 *
 * Keys are borrowed: each must stay alive, unchanged, as long as the set.
 * A ruleset adds its own copies, which live as long as it does.
 */
#ifndef RACI_KEYSET_H
#define RACI_KEYSET_H

#include <stddef.h>
#include <stdint.h>

#include "raci/error.h"

struct raci_keyset_slot {
    const char *key; /* NULL: empty */
    size_t len;
    uint64_t hash;
    uint64_t val;
};

/* Zero-initialise; raci_keyset_release frees it. */
struct raci_keyset {
    struct raci_keyset_slot *slots;
    size_t n, cap; /* cap: a power of two, or 0 */
};

/* Is key[0..len) in s? Its value in *val (val may be NULL). */
int raci_keyset_get(const struct raci_keyset *s, const char *key, size_t len, uint64_t *val);

/* The set's own copy of key[0..len) (the pointer it was added with), or
 * NULL when it is not in s: one pointer for each distinct key. */
const char *raci_keyset_key(const struct raci_keyset *s, const char *key, size_t len);

/* Set key (NUL-terminated, borrowed) to val: added, or its value replaced
 * (the key first added is kept). RACI_ERROR_NOMEM leaves s as it was. */
raci_error raci_keyset_put(struct raci_keyset *s, const char *key, uint64_t val);

/* The same for key[0..len), which need not be terminated (a prefix of a
 * string the caller keeps). */
raci_error raci_keyset_put_n(struct raci_keyset *s, const char *key, size_t len, uint64_t val);

/* Number of keys. */
size_t raci_keyset_count(const struct raci_keyset *s);

void raci_keyset_release(struct raci_keyset *s);

#endif
