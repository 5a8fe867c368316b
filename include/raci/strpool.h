/*
 * strpool.h - string interning.
 *
 * A roster repeats the same names, titles, products and tasks on thousands of
 * rows; interning stores each distinct string once, and lets equal strings be
 * compared by pointer. Interned strings live until raci_strpool_free().
 */
#ifndef RACI_STRPOOL_H
#define RACI_STRPOOL_H

#include <stddef.h>

struct raci_strpool;

struct raci_strpool *raci_strpool_new(void);

/* The pool's one copy of s[0..len) (len bytes, need not be terminated). The
 * returned string is NUL-terminated and owned by the pool. NULL when out of
 * memory, and for a string of 4 GiB or more (no input raci reads holds one). */
const char *raci_strpool_intern(struct raci_strpool *pool, const char *s, size_t len);

/* Same for a NUL-terminated string. */
const char *raci_strpool_add(struct raci_strpool *pool, const char *s);

/* The pool's copy of s's matching key (raci_str_key_into), however long s
 * is. NULL when out of memory. */
const char *raci_strpool_key(struct raci_strpool *pool, const char *s);

/* The pool's copy of a formatted string. NULL when out of memory. */
const char *raci_strpool_printf(struct raci_strpool *pool, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* Number of distinct strings and bytes held (for tests and benchmarks). */
size_t raci_strpool_count(const struct raci_strpool *pool);
size_t raci_strpool_bytes(const struct raci_strpool *pool);

/* Frees the pool and every string in it. NULL is allowed. */
void raci_strpool_free(struct raci_strpool *pool);

#endif
