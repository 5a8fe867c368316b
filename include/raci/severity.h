/*
 * severity.h - how much a finding matters: error, warning, info; and off,
 * for a check that does not run.
 */
#ifndef RACI_SEVERITY_H
#define RACI_SEVERITY_H

enum raci_severity {
    RACI_SEV_OFF = 0, /* the check does not run */
    RACI_SEV_INFO,
    RACI_SEV_WARNING,
    RACI_SEV_ERROR
};

/* "error", "warning", "info", "off"; "?" for a value out of range. */
const char *raci_severity_name(enum raci_severity s);

/* Parse one of those names (case-insensitive); -1 when s is none. */
int raci_severity_parse(const char *s);

#endif
