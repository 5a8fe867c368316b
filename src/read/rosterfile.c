/*
 * rosterfile.c - a roster argument, read as CSV or as a workbook
 * (rosterfile.h).
 */
#include "raci/rosterfile.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "raci/infile.h"
#include "raci/reader.h"
#include "raci/shape.h"
#include "raci/str.h"
#include "raci/xlsx_read.h"
#include "raci/xlsx_roster.h"

/* Is name that of a workbook (.xlsx, .xlsm)? */
static int named_xlsx(const char *name)
{
    const char *dot = strrchr(name, '.');
    return dot && (raci_str_casecmp(dot, ".xlsx") == 0 || raci_str_casecmp(dot, ".xlsm") == 0);
}

/* The file's bytes (*data, which raci_infile_read left room for a NUL
 * after; the reader takes them, decodes them in place when it can and
 * frees them once read: the table holds its own copies, and the roster is
 * built without them) as a table. */
static raci_error add_csv(struct raci_roster *r, char **data, size_t len, const char *name,
                          enum raci_detect_input input, struct raci_diag *diag)
{
    struct raci_table t = {0};
    raci_error err = raci_reader_read_owned(&t, *data, len, name, r->pool, diag);

    *data = NULL;
    if (err == RACI_OK)
        err = raci_shape_add_taking(r, &t, input, diag);
    raci_reader_release(&t);
    return err;
}

static raci_error add_xlsx(struct raci_roster *r, const char *data, size_t len, const char *name,
                           enum raci_detect_input input, struct raci_diag *diag)
{
    struct raci_xlsx_read_book b = {0};
    raci_error err = raci_xlsx_read_mem(&b, data, len, name, r->pool, diag);

    if (err == RACI_OK)
        err = raci_xlsx_roster_add(r, &b, input, diag);
    raci_xlsx_read_release(&b);
    return err;
}

raci_error raci_rosterfile_add(struct raci_roster *r, const char *path, const char *display,
                               enum raci_detect_input input, struct raci_diag *diag)
{
    struct raci_diag scratch = {0};
    int is_stdin = strcmp(path, "-") == 0;
    const char *name = display ? display : is_stdin ? "<stdin>" : path;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    char *buf = NULL;
    size_t len = 0;
    raci_error err;

    if (!diag)
        diag = &scratch;
    if (!f) {
        int e = errno;
        err = raci_diag_set(diag, name, 0, 0, NULL, "unable to open '%s': %s", path, strerror(e));
        raci_diag_release(&scratch);
        errno = e;
        return err == RACI_ERROR_NOMEM ? err : RACI_ERROR_IO;
    }
    err = raci_infile_read(f, name, &buf, &len, diag);
    if (!is_stdin)
        fclose(f);
    if (err)
        ;
    else if (raci_xlsx_read_is_zip(buf, len))
        err = add_xlsx(r, buf, len, name, input, diag);
    else if (named_xlsx(name))
        err = raci_diag_set(diag, name, 0, 0, NULL,
                            "file is named as an .xlsx workbook but is no zip archive, as every "
                            "workbook is: save it from the spreadsheet as an Excel Workbook "
                            "(.xlsx), or, if it is CSV, name it .csv");
    else
        err = add_csv(r, &buf, len, name, input, diag);
    free(buf);
    raci_diag_release(&scratch);
    return err;
}
