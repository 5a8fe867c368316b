/*
 * array.c - growing arrays.
 */
#include "raci/array.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

raci_error raci_array_grow(void *array, size_t *cap, size_t need, size_t size)
{
    void **p = array;
    size_t n;
    void *q;

    if (need <= *cap)
        return RACI_OK;
    n = *cap ? *cap : 8;
    while (n < need) {
        if (n > SIZE_MAX / 2)
            return RACI_ERROR_NOMEM;
        n *= 2;
    }
    if (n > SIZE_MAX / size)
        return RACI_ERROR_NOMEM;
    q = realloc(*p, n * size);
    if (!q)
        return RACI_ERROR_NOMEM;
    memset((char *)q + *cap * size, 0, (n - *cap) * size);
    *p = q;
    *cap = n;
    return RACI_OK;
}
