/*
 * csvout.c - CSV fields quoted by libcsv, only where the reader needs the
 * quotes.
 */
#include "raci/csvout.h"

#include <csv.h>
#include <string.h>

void raci_csvout_init(struct raci_csvout *w, FILE *fp)
{
    w->fp = fp;
    w->nfields = 0;
    w->failed = 0;
}

/* Would the reader read text back otherwise than as it is, unquoted? */
static int needs_quotes(const char *text, size_t n)
{
    if (n && (text[0] == ' ' || text[0] == '\t' || text[n - 1] == ' ' || text[n - 1] == '\t'))
        return 1;
    return strpbrk(text, ",\";\t\r\n") != NULL;
}

void raci_csvout_field(struct raci_csvout *w, const char *text)
{
    size_t n;

    if (!text)
        text = "";
    n = strlen(text);
    if (w->nfields++ && fputc(',', w->fp) == EOF)
        w->failed = 1;
    if (!needs_quotes(text, n)) {
        if (n && fwrite(text, 1, n, w->fp) != n)
            w->failed = 1;
    } else if (csv_fwrite(w->fp, text, n) != 0) {
        w->failed = 1;
    }
}

void raci_csvout_end(struct raci_csvout *w)
{
    if (fputc('\n', w->fp) == EOF)
        w->failed = 1;
    w->nfields = 0;
}

void raci_csvout_blank(struct raci_csvout *w)
{
    if (w->nfields)
        raci_csvout_end(w);
    raci_csvout_end(w);
}

raci_error raci_csvout_status(const struct raci_csvout *w)
{
    return w->failed || ferror(w->fp) ? RACI_ERROR_OUTPUT : RACI_OK;
}
