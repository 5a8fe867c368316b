/*
 * strpool.c - string interning: an open-addressing hash set of strings whose
 * bytes live in large blocks, so that a million cells cost a few allocations.
 */
#include "raci/strpool.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "raci/str.h"

#define BLOCK_SIZE (64u * 1024u)

struct block {
    struct block *next;
    size_t used, size;
    char data[];
};

/* A slot of the hash set keeps its string's length and hash beside it, so
 * that a probe compares two numbers in the slot before it touches the
 * string's bytes elsewhere in memory, and a rehash reads no string. */
struct slot {
    const char *s; /* NULL = empty */
    uint32_t len;
    uint32_t hash; /* the low 32 bits of hash() */
};

struct raci_strpool {
    struct slot *slots; /* hash set */
    size_t nslots;      /* power of two */
    size_t count;
    size_t bytes;
    struct block *blocks;
    struct raci_str scratch; /* for raci_strpool_key and _printf */
};

/* Eight bytes at a time, each word folded in with a multiply, then mixed
 * so that the low bits the table uses depend on every byte. */
static uint64_t hash(const char *s, size_t len)
{
    const uint64_t k = 0x9E3779B97F4A7C15u;
    uint64_t h = len * k, w;

    for (; len >= 8; s += 8, len -= 8) {
        memcpy(&w, s, 8);
        h = (h ^ w) * k;
        h ^= h >> 31;
    }
    if (len) {
        w = 0;
        memcpy(&w, s, len);
        h = (h ^ w) * k;
    }
    h ^= h >> 29;
    h *= 0xBF58476D1CE4E5B9u;
    return h ^ (h >> 32);
}

struct raci_strpool *raci_strpool_new(void)
{
    struct raci_strpool *p = calloc(1, sizeof(*p));
    if (!p)
        return NULL;
    p->nslots = 256;
    p->slots = calloc(p->nslots, sizeof(*p->slots));
    if (!p->slots) {
        raci_strpool_free(p);
        return NULL;
    }
    return p;
}

static char *store(struct raci_strpool *p, const char *s, size_t len)
{
    struct block *b = p->blocks;
    char *d;

    if (!b || b->size - b->used < len + 1) {
        /* A string longer than a block gets a block of its own; the current
         * block stays at the head so its free space is not lost. */
        size_t size = len + 1 > BLOCK_SIZE ? len + 1 : BLOCK_SIZE;
        struct block *nb = malloc(sizeof(*nb) + size);
        if (!nb)
            return NULL;
        nb->used = 0;
        nb->size = size;
        if (b && size != BLOCK_SIZE) {
            nb->next = b->next;
            b->next = nb;
        } else {
            nb->next = b;
            p->blocks = nb;
        }
        b = nb;
    }
    d = b->data + b->used;
    memcpy(d, s, len);
    d[len] = '\0';
    b->used += len + 1;
    return d;
}

static int rehash(struct raci_strpool *p)
{
    size_t n = p->nslots * 2;
    struct slot *slots = calloc(n, sizeof(*slots));

    if (!slots)
        return -1;
    for (size_t i = 0; i < p->nslots; i++) {
        if (!p->slots[i].s)
            continue;
        size_t j = p->slots[i].hash & (n - 1);
        while (slots[j].s)
            j = (j + 1) & (n - 1);
        slots[j] = p->slots[i];
    }
    free(p->slots);
    p->slots = slots;
    p->nslots = n;
    return 0;
}

const char *raci_strpool_intern(struct raci_strpool *p, const char *s, size_t len)
{
    uint32_t h;
    size_t i;
    char *d;

    if (!s)
        s = "";
    if (len >= UINT32_MAX)
        return NULL;
    /* Keep the load at most 3/4 so probes stay short (a probe compares the
     * slot's hash and length first) and a free slot exists. */
    if ((p->count + 1) * 4 > p->nslots * 3 && rehash(p) != 0)
        return NULL;
    /* The table's index needs more bits than 32 only past four billion
     * slots; hash bits above 32 are folded into the low ones already. */
    h = (uint32_t)hash(s, len);
    for (i = h & (p->nslots - 1); p->slots[i].s; i = (i + 1) & (p->nslots - 1)) {
        const struct slot *sl = &p->slots[i];
        if (sl->hash == h && sl->len == len && memcmp(sl->s, s, len) == 0)
            return sl->s;
    }
    d = store(p, s, len);
    if (!d)
        return NULL;
    p->slots[i] = (struct slot){d, (uint32_t)len, h};
    p->count++;
    p->bytes += len + 1;
    return d;
}

const char *raci_strpool_add(struct raci_strpool *p, const char *s)
{
    return raci_strpool_intern(p, s, s ? strlen(s) : 0);
}

const char *raci_strpool_key(struct raci_strpool *p, const char *s)
{
    raci_str_reset(&p->scratch);
    raci_str_addkey(&p->scratch, s ? s : "");
    if (p->scratch.failed)
        return NULL;
    return raci_strpool_intern(p, raci_str_cstr(&p->scratch), p->scratch.len);
}

const char *raci_strpool_printf(struct raci_strpool *p, const char *fmt, ...)
{
    va_list ap;
    char buf[256], *s;
    const char *out;
    int n;

    /* Most keys are short: formatted once, on the stack. */
    va_start(ap, fmt);
    n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n >= 0 && (size_t)n < sizeof buf)
        return raci_strpool_intern(p, buf, (size_t)n);
    va_start(ap, fmt);
    s = raci_str_vprintf(fmt, ap);
    va_end(ap);
    if (!s)
        return NULL;
    out = raci_strpool_add(p, s);
    free(s);
    return out;
}

size_t raci_strpool_count(const struct raci_strpool *p)
{
    return p->count;
}

size_t raci_strpool_bytes(const struct raci_strpool *p)
{
    return p->bytes;
}

void raci_strpool_free(struct raci_strpool *p)
{
    if (!p)
        return;
    for (struct block *b = p->blocks, *next; b; b = next) {
        next = b->next;
        free(b);
    }
    free(p->slots);
    raci_str_release(&p->scratch);
    free(p);
}
