/*
 * array.h - growing arrays.
 *
 * raci keeps its tables (people, tasks, findings) in plain arrays with a
 * count and a capacity beside them; this is the one function that grows one.
 */
#ifndef RACI_ARRAY_H
#define RACI_ARRAY_H

#include <stddef.h>

#include "raci/error.h"

/*
 * Make room for at least `need` elements of `size` bytes in *array (a
 * pointer to the array's pointer), whose capacity is *cap. Grows
 * geometrically; the new slots are zeroed, so that half-built elements are
 * safe to free. On failure (RACI_ERROR_NOMEM, also when the size would
 * overflow) *array and *cap are untouched.
 */
raci_error raci_array_grow(void *array, size_t *cap, size_t need, size_t size);

#endif
