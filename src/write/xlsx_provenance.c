/*
 * xlsx_provenance.c - the Summary's "Made from" block (xlsx_provenance.h).
 */
#include "raci/xlsx_provenance.h"

#include <stdlib.h>

#include "raci/provenance.h"
#include "raci/str.h"
#include "raci/xlsx_book.h"

int raci_xlsx_provenance_write(struct raci_xlsx_book *b, uint32_t row, uint32_t *last)
{
    size_t n = raci_provenance_items(b->r, b->rs, NULL, 0);
    struct raci_provenance_item *items = calloc(n, sizeof(*items));
    lxw_worksheet *ws = b->summary;
    int rc = 0;

    if (!items)
        return raci_xlsx_book_nomem(b);
    raci_provenance_items(b->r, b->rs, items, n);
    if (raci_xlsx_book_str(b, ws, row, 0, "Made from", b->f.header) ||
        raci_xlsx_book_str(b, ws, row, 1, "", b->f.header))
        rc = -1;
    for (size_t i = 0; rc == 0 && i < n; i++) {
        row++;
        char *shown = items[i].note ? raci_str_printf("%s, %s", items[i].value, items[i].note)
                                    : raci_str_dup(items[i].value);
        if (!shown)
            rc = raci_xlsx_book_nomem(b);
        else if (raci_xlsx_book_str(b, ws, row, 0, items[i].label, NULL) ||
                 raci_xlsx_book_str(b, ws, row, 1, shown, NULL))
            rc = -1;
        free(shown);
    }
    free(items);
    *last = row;
    return rc;
}
