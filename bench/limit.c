/*
 * limit.c - the floor for raci's speed: parse a CSV with bare libcsv and
 * write every field as a cell with bare libxlsxwriter (constant memory, no
 * formats). Nothing can do the same job with these libraries faster.
 *
 *   limit ROSTER.csv OUT.xlsx
 */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

struct state {
    lxw_worksheet *ws;
    lxw_row_t row;
    lxw_col_t col;
    int failed;
};

static void on_field(void *s, size_t len, void *data)
{
    struct state *st = data;
    char buf[32768];
    if (len >= sizeof buf)
        len = sizeof buf - 1;
    memcpy(buf, s ? s : "", len);
    buf[len] = '\0';
    if (worksheet_write_string(st->ws, st->row, st->col++, buf, NULL) != LXW_NO_ERROR)
        st->failed = 1;
}

static void on_row(int c, void *data)
{
    struct state *st = data;
    (void)c;
    st->row++;
    st->col = 0;
}

int main(int argc, char **argv)
{
    struct csv_parser p;
    struct state st = {0};
    char buf[65536];
    size_t n;
    FILE *in;
    lxw_workbook_options opt = {.constant_memory = LXW_TRUE};
    lxw_workbook *wb;

    if (argc != 3 || !(in = fopen(argv[1], "rb")))
        return 2;
    wb = workbook_new_opt(argv[2], &opt);
    st.ws = workbook_add_worksheet(wb, NULL);
    if (csv_init(&p, CSV_APPEND_NULL) != 0)
        return 2;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        if (csv_parse(&p, buf, n, on_field, on_row, &st) != n)
            return 2;
    csv_fini(&p, on_field, on_row, &st);
    csv_free(&p);
    fclose(in);
    return workbook_close(wb) == LXW_NO_ERROR && !st.failed ? 0 : 2;
}
