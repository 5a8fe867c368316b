/*
 * severity.c - severity names.
 */
#include "raci/severity.h"

#include "raci/str.h"

static const char *const severity_names[] = {"off", "info", "warning", "error"};

const char *raci_severity_name(enum raci_severity s)
{
    if ((unsigned)s > RACI_SEV_ERROR)
        return "?";
    return severity_names[s];
}

int raci_severity_parse(const char *s)
{
    for (int i = 0; i <= RACI_SEV_ERROR; i++)
        if (raci_str_casecmp(s, severity_names[i]) == 0)
            return i;
    return -1;
}
