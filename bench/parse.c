/*
 * parse.c - the floor for raci's audit: read a CSV in 64 KB blocks and parse
 * it with bare libcsv, doing nothing with the fields but count them.
 *
 *   parse ROSTER.csv
 */
#include <csv.h>
#include <stdio.h>

static void on_field(void *s, size_t len, void *data)
{
    (void)s;
    (void)len;
    ++*(size_t *)data;
}

static void on_row(int c, void *data)
{
    (void)c;
    (void)data;
}

int main(int argc, char **argv)
{
    struct csv_parser p;
    char buf[65536];
    size_t n, fields = 0;
    FILE *in;

    if (argc != 2 || !(in = fopen(argv[1], "rb")) || csv_init(&p, CSV_APPEND_NULL) != 0)
        return 2;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        if (csv_parse(&p, buf, n, on_field, on_row, &fields) != n)
            return 2;
    csv_fini(&p, on_field, on_row, &fields);
    csv_free(&p);
    fclose(in);
    return fields ? 0 : 2;
}
