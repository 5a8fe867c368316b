/*
 * fuzz_baseline.c - libFuzzer harness for the baseline loader.
 *
 * Any bytes must give either a baseline that keeps the header's promises
 * (sorted, unique identities, positive counts) and writes back to JSON that
 * loads as the same baseline, or RACI_ERROR_INPUT with a diagnostic and an
 * empty baseline; never a crash, a leak or a sanitizer report.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "raci/baseline.h"
#include "raci/error.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_sorted(const struct raci_baseline *b)
{
    for (size_t i = 0; i < b->n; i++) {
        if (!b->v[i].rule || !b->v[i].entity || b->v[i].count < 1)
            abort();
        if (i > 0) {
            int c = strcmp(b->v[i - 1].rule, b->v[i].rule);
            if (c == 0)
                c = strcmp(b->v[i - 1].entity, b->v[i].entity);
            if (c >= 0)
                abort();
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct raci_baseline b, again;
    struct raci_diag diag = {0};
    raci_error err = raci_baseline_load_mem(&b, (const char *)data, size, "fuzz.json", &diag);

    if (err == RACI_ERROR_INPUT) {
        if (!diag.message || b.n != 0)
            abort();
        raci_diag_release(&diag);
        return 0;
    }
    if (err != RACI_OK)
        abort();
    check_sorted(&b);

    /* Written out and read back: the same entries. */
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    if (!f || raci_baseline_dump(&b, f) != RACI_OK || fclose(f) != 0)
        abort();
    if (raci_baseline_load_mem(&again, text, len, "again.json", &diag) != RACI_OK || again.n != b.n)
        abort();
    for (size_t i = 0; i < b.n; i++)
        if (strcmp(b.v[i].rule, again.v[i].rule) != 0 ||
            strcmp(b.v[i].entity, again.v[i].entity) != 0 || b.v[i].count != again.v[i].count)
            abort();
    free(text);
    raci_baseline_release(&again);
    raci_baseline_release(&b);
    raci_diag_release(&diag);
    return 0;
}
