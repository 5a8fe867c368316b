/*
 * xlsx_props.c - who wrote a workbook, from its docProps/core.xml.
 */
#include "raci/xlsx_props.h"

#include <string.h>

#include "raci/diag.h"
#include "raci/xlsx_part.h"

#define CORE    "docProps/core.xml"
#define BY_RACI "Written by raci"

/* The text of the part's first description element into b. */
static raci_error description(struct raci_xlsx_part *p, struct raci_str *b, int *found)
{
    enum raci_xlsx_part_node node;
    int inside = 0;
    raci_error err;

    while (!(err = raci_xlsx_part_next(p, &node)) && node != RACI_XLSX_PART_DONE) {
        if (node == RACI_XLSX_PART_START && !strcmp(raci_xlsx_part_name(p), "description")) {
            *found = 1;
            if (raci_xlsx_part_empty(p))
                return RACI_OK;
            inside = 1;
        } else if (inside && node == RACI_XLSX_PART_TEXT) {
            if ((err = raci_xlsx_part_add_text(p, b, "description")))
                return err;
        } else if (inside && node == RACI_XLSX_PART_CLOSE) {
            return RACI_OK;
        }
    }
    return err;
}

static int says_raci(const char *description)
{
    size_t n = strlen(BY_RACI);
    /* "Written by raci", or "Written by raci diff": not "Written by racine". */
    return strncmp(description, BY_RACI, n) == 0 &&
           (description[n] == '\0' || description[n] == ' ');
}

int raci_xlsx_props_by_raci(const char *data, size_t len)
{
    struct raci_diag diag = {0};
    struct raci_xlsx_part_zip *z = NULL;
    struct raci_xlsx_part *p = NULL;
    struct raci_str b = {0};
    int found = 0, by = 0;

    if (raci_xlsx_part_zip_open(&z, data, len, "workbook", &diag) == RACI_OK &&
        raci_xlsx_part_exists(z, CORE) && raci_xlsx_part_open(&p, z, CORE, NULL) == RACI_OK &&
        description(p, &b, &found) == RACI_OK && found && !b.failed)
        by = says_raci(raci_str_cstr(&b));
    raci_xlsx_part_close(p);
    raci_xlsx_part_zip_close(z);
    raci_str_release(&b);
    raci_diag_release(&diag);
    return by;
}
