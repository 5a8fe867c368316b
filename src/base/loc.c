/*
 * loc.c - the spelling of a place in an input (loc.h).
 */
#include "raci/loc.h"

#include <stdio.h>
#include <string.h>

size_t raci_loc_column(uint32_t col, char out[RACI_LOC_CELL_SIZE])
{
    char rev[RACI_LOC_CELL_SIZE];
    size_t n = 0;

    /* Bijective base 26: A..Z, AA..ZZ, AAA... */
    while (col > 0 && n < sizeof(rev) - 1) {
        col--;
        rev[n++] = (char)('A' + col % 26);
        col /= 26;
    }
    for (size_t i = 0; i < n; i++)
        out[i] = rev[n - 1 - i];
    out[n] = '\0';
    return n;
}

size_t raci_loc_cell(uint32_t row, uint32_t col, char out[RACI_LOC_CELL_SIZE])
{
    size_t n;
    int w;

    out[0] = '\0';
    if (row == 0)
        return 0;
    if (col == 0) {
        w = snprintf(out, RACI_LOC_CELL_SIZE, "%lu:%lu", (unsigned long)row, (unsigned long)row);
        return w > 0 ? strlen(out) : 0;
    }
    n = raci_loc_column(col, out);
    w = snprintf(out + n, RACI_LOC_CELL_SIZE - n, "%lu", (unsigned long)row);
    return w > 0 ? strlen(out) : n;
}

static int is_ascii_letter(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* Could name be read as a cell (A1, xfd12) or a row or column of R1C1
 * notation (R, C, R1C1, R2)? Excel quotes those. */
static int looks_like_cell(const char *name)
{
    size_t letters = 0, digits = 0;
    const char *p = name;

    while (is_ascii_letter((unsigned char)*p))
        letters++, p++;
    while (*p >= '0' && *p <= '9')
        digits++, p++;
    if (!*p && letters && letters <= 3 && digits)
        return 1;
    /* R1C1: R, C, Rn, Cn, RnCn. */
    p = name;
    if (*p == 'R' || *p == 'r') {
        for (p++; *p >= '0' && *p <= '9'; p++)
            ;
    }
    if (*p == 'C' || *p == 'c') {
        for (p++; *p >= '0' && *p <= '9'; p++)
            ;
    }
    return !*p && p != name;
}

/* Must sheet be quoted in a reference? */
static int sheet_needs_quotes(const char *sheet)
{
    const unsigned char *p = (const unsigned char *)sheet;

    if (!*p || (*p >= '0' && *p <= '9') || looks_like_cell(sheet))
        return 1;
    for (; *p; p++)
        if (!(is_ascii_letter(*p) || (*p >= '0' && *p <= '9') || *p == '_' || *p == '.' ||
              *p >= 0x80))
            return 1;
    return 0;
}

void raci_loc_add_sheet(struct raci_str *b, const char *sheet)
{
    if (!sheet)
        sheet = "";
    if (!sheet_needs_quotes(sheet)) {
        raci_str_add(b, sheet);
        return;
    }
    raci_str_addc(b, '\'');
    for (const char *p = sheet; *p; p++) {
        if (*p == '\'')
            raci_str_addc(b, '\'');
        raci_str_addc(b, *p);
    }
    raci_str_addc(b, '\'');
}

void raci_loc_add_ref(struct raci_str *b, const char *sheet, uint32_t row, uint32_t col)
{
    char cell[RACI_LOC_CELL_SIZE];

    raci_loc_add_sheet(b, sheet);
    if (raci_loc_cell(row, col, cell)) {
        raci_str_addc(b, '!');
        raci_str_add(b, cell);
    }
}

void raci_loc_add(struct raci_str *b, const char *file, const char *sheet, uint32_t line,
                  uint32_t col)
{
    raci_str_add(b, file ? file : "-");
    if (sheet) {
        raci_str_addc(b, ':');
        raci_loc_add_ref(b, sheet, line, col);
        return;
    }
    if (line) {
        raci_str_addf(b, ":%lu", (unsigned long)line);
        if (col)
            raci_str_addf(b, ":%lu", (unsigned long)col);
    }
}

char *raci_loc_format(const char *file, const char *sheet, uint32_t line, uint32_t col)
{
    struct raci_str b = RACI_STR_INIT;

    raci_loc_add(&b, file, sheet, line, col);
    if (b.failed) {
        raci_str_release(&b);
        return NULL;
    }
    return raci_str_take(&b);
}
