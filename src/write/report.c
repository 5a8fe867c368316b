/*
 * report.c - what the writers share: the names of a finding's subject and
 * file, and roster text made safe for a terminal.
 */
#include "raci/report.h"

#include <string.h>

#include "raci/loc.h"
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

char *raci_report_where(const struct raci_loc *l)
{
    if (l->sheet)
        return raci_loc_format(raci_report_file(l), l->sheet, l->line, l->col);
    return raci_str_printf("%s:%u:%u", raci_report_file(l), (unsigned)l->line, (unsigned)l->col);
}

char *raci_report_ref(const struct raci_loc *l)
{
    struct raci_str b = RACI_STR_INIT;

    if (!l->sheet)
        return NULL;
    raci_loc_add_ref(&b, l->sheet, l->line, l->col);
    if (b.failed) {
        raci_str_release(&b);
        return NULL;
    }
    return raci_str_take(&b);
}
