/*
 * keyset.c - open addressing with linear probing over borrowed strings,
 * kept at most half full.
 */
#include "raci/keyset.h"

#include <stdlib.h>
#include <string.h>

/* FNV-1a, as the string pool hashes. */
static uint64_t keyset_hash(const char *s, size_t len)
{
    uint64_t h = 1469598103934665603u;

    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211u;
    }
    return h;
}

/* The slot of key, or the empty slot where it would go. */
static struct raci_keyset_slot *keyset_slot(const struct raci_keyset *s, const char *key,
                                            size_t len, uint64_t h)
{
    for (size_t i = (size_t)h & (s->cap - 1);; i = (i + 1) & (s->cap - 1)) {
        struct raci_keyset_slot *slot = &s->slots[i];
        if (!slot->key || (slot->hash == h && slot->len == len && !memcmp(slot->key, key, len)))
            return slot;
    }
}

int raci_keyset_get(const struct raci_keyset *s, const char *key, size_t len, uint64_t *val)
{
    const struct raci_keyset_slot *slot;

    if (!s->cap)
        return 0;
    slot = keyset_slot(s, key, len, keyset_hash(key, len));
    if (!slot->key)
        return 0;
    if (val)
        *val = slot->val;
    return 1;
}

const char *raci_keyset_key(const struct raci_keyset *s, const char *key, size_t len)
{
    return s->cap ? keyset_slot(s, key, len, keyset_hash(key, len))->key : NULL;
}

static raci_error keyset_grow(struct raci_keyset *s)
{
    struct raci_keyset bigger = {NULL, s->n, s->cap ? s->cap * 2 : 64};

    if (bigger.cap > SIZE_MAX / sizeof(*bigger.slots) ||
        !(bigger.slots = calloc(bigger.cap, sizeof(*bigger.slots))))
        return RACI_ERROR_NOMEM;
    for (size_t i = 0; i < s->cap; i++)
        if (s->slots[i].key)
            *keyset_slot(&bigger, s->slots[i].key, s->slots[i].len, s->slots[i].hash) = s->slots[i];
    free(s->slots);
    *s = bigger;
    return RACI_OK;
}

raci_error raci_keyset_put(struct raci_keyset *s, const char *key, uint64_t val)
{
    return raci_keyset_put_n(s, key, strlen(key), val);
}

raci_error raci_keyset_put_n(struct raci_keyset *s, const char *key, size_t len, uint64_t val)
{
    uint64_t h = keyset_hash(key, len);
    struct raci_keyset_slot *slot;

    if ((s->n + 1) * 2 > s->cap && keyset_grow(s) != RACI_OK)
        return RACI_ERROR_NOMEM;
    slot = keyset_slot(s, key, len, h);
    if (!slot->key) {
        *slot = (struct raci_keyset_slot){key, len, h, val};
        s->n++;
    } else {
        slot->val = val;
    }
    return RACI_OK;
}

size_t raci_keyset_count(const struct raci_keyset *s)
{
    return s->n;
}

void raci_keyset_release(struct raci_keyset *s)
{
    free(s->slots);
    s->slots = NULL;
    s->n = s->cap = 0;
}
