/*
 * diag.c - diagnostics about a place in an input file.
 */
#include "raci/diag.h"

#include <stdlib.h>
#include <string.h>

#include "raci/loc.h"
#include "raci/str.h"

raci_error raci_diag_set(struct raci_diag *d, const char *file, unsigned line, unsigned col,
                         const char *source, const char *fmt, ...)
{
    va_list ap;
    char *msg, *f = NULL, *src = NULL;

    va_start(ap, fmt);
    msg = raci_str_vprintf(fmt, ap);
    va_end(ap);
    if (file)
        f = raci_str_dup(file);
    if (source) {
        /* Keep only the first line of the source, without its line end. */
        size_t n = strcspn(source, "\r\n");
        src = malloc(n + 1);
        if (src) {
            memcpy(src, source, n);
            src[n] = '\0';
        }
    }
    if (!msg || (file && !f) || (source && !src)) {
        free(msg);
        free(f);
        free(src);
        return RACI_ERROR_NOMEM;
    }
    raci_diag_release(d);
    d->file = f;
    d->line = line;
    d->col = col;
    d->message = msg;
    d->source = src;
    d->source_col = 0;
    return RACI_ERROR_INPUT;
}

void raci_diag_print(FILE *out, const struct raci_diag *d, int color)
{
    const char *bold = color ? "\033[1m" : "";
    const char *red = color ? "\033[1;31m" : "";
    const char *green = color ? "\033[1;32m" : "";
    const char *reset = color ? "\033[0m" : "";

    fprintf(out, "raci: %s", bold);
    /* File names, messages and source lines hold roster text: nothing in
     * them may drive the terminal or break the line (str.h). */
    if (d->file) {
        char *at = raci_loc_format(d->file, d->sheet, d->line, d->col);
        raci_str_fputs_escaped(out, at ? at : d->file);
        free(at);
        fputs(": ", out);
    }
    fprintf(out, "%s%serror:%s ", reset, red, reset);
    raci_str_fputs_escaped(out, d->message ? d->message : "");
    fputc('\n', out);
    if (d->source && d->line && !d->sheet) {
        /* The offending line, then a caret under the column (columns count
         * characters, so the caret is placed by walking UTF-8). */
        int width = fprintf(out, "%5u | ", d->line) - 2;
        raci_str_fputs_visible(out, d->source);
        fputc('\n', out);
        unsigned caret = d->source_col ? d->source_col : d->col;
        if (caret) {
            fprintf(out, "%*s| ", width, "");
            size_t chars = 0;
            for (const unsigned char *p = (const unsigned char *)d->source; *p && chars + 1 < caret;
                 p++) {
                if ((*p & 0xc0) == 0x80)
                    continue;
                fputc(*p == '\t' ? '\t' : ' ', out);
                chars++;
            }
            fprintf(out, "%s^%s\n", green, reset);
        }
    }
}

raci_error raci_diag_set_sheet(struct raci_diag *d, const char *sheet)
{
    char *s = NULL;

    if (sheet && !(s = raci_str_dup(sheet)))
        return RACI_ERROR_NOMEM;
    free(d->sheet);
    d->sheet = s;
    return RACI_OK;
}

void raci_diag_release(struct raci_diag *d)
{
    if (!d)
        return;
    free(d->file);
    free(d->sheet);
    free(d->message);
    free(d->source);
    memset(d, 0, sizeof(*d));
}
