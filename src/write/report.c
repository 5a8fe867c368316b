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
