/*
 * report.c - what the writers share: the names of a finding's subject and
 * file, and roster text made safe for a terminal.
 */
#include "raci/report.h"

#include <string.h>

#include "raci/str.h"

const char *raci_report_product(const struct raci_report *r, const struct raci_finding *f)
{
    if (!r->roster || f->product == RACI_NONE || f->product >= r->roster->nproducts)
        return NULL;
    return r->roster->products[f->product].name;
}

const char *raci_report_task(const struct raci_report *r, const struct raci_finding *f)
{
    if (!r->roster || f->task == RACI_NONE || f->task >= r->roster->ntasks)
        return NULL;
    return r->roster->tasks[f->task].name;
}

const char *raci_report_person(const struct raci_report *r, const struct raci_finding *f)
{
    if (!r->roster || f->person == RACI_NONE || f->person >= r->roster->npersons)
        return NULL;
    return r->roster->persons[f->person].name;
}

const char *raci_report_file(const struct raci_loc *l)
{
    return l->file ? l->file : "-";
}

/* A character a terminal or a log viewer acts on, or one that reorders or
 * breaks a line, beyond ASCII's controls. */
static int report_is_control(uint32_t cp)
{
    return (cp >= 0x80 && cp <= 0x9f) || cp == 0x2028 || cp == 0x2029 ||
           (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

size_t raci_report_escape(const char *s, char esc[RACI_REPORT_ESCAPE_SIZE])
{
    unsigned char c = (unsigned char)*s;
    uint32_t cp;
    size_t n;

    esc[0] = '\0';
    if (c == '\n' || c == '\r' || c == '\t') {
        snprintf(esc, RACI_REPORT_ESCAPE_SIZE, "\\%c", c == '\n' ? 'n' : c == '\r' ? 'r' : 't');
        return 1;
    }
    if (c < 0x20 || c == 0x7f) {
        snprintf(esc, RACI_REPORT_ESCAPE_SIZE, "\\x%02x", c);
        return 1;
    }
    if (c < 0x80)
        return 1;
    /* At most 4 bytes are looked at: strnlen stops at a NUL before. */
    if (!(n = raci_str_decode(s, strnlen(s, 4), &cp))) {
        snprintf(esc, RACI_REPORT_ESCAPE_SIZE, "\\x%02x", c);
        return 1;
    }
    if (report_is_control(cp))
        snprintf(esc, RACI_REPORT_ESCAPE_SIZE, "\\u%04x", (unsigned)cp);
    return n;
}

void raci_report_puts(FILE *out, const char *s)
{
    char esc[RACI_REPORT_ESCAPE_SIZE];
    const char *run = s; /* what needs no escape, not yet written */

    while (*s) {
        size_t n = raci_report_escape(s, esc);
        if (!esc[0]) {
            s += n;
            continue;
        }
        fwrite(run, 1, (size_t)(s - run), out);
        fputs(esc, out);
        run = s += n;
    }
    fwrite(run, 1, (size_t)(s - run), out);
}
