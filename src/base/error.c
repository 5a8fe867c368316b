/*
 * error.c - the message table of raci_error.
 */
#include "raci/error.h"

static const char *const error_strings[RACI_ERROR_MAX] = {
    [RACI_OK] = "no error",
    [RACI_ERROR_NOMEM] = "out of memory",
    [RACI_ERROR_IO] = "input/output error",
    [RACI_ERROR_INPUT] = "malformed input",
    [RACI_ERROR_USAGE] = "usage error",
    [RACI_ERROR_OUTPUT] = "output could not be written",
};

const char *raci_error_string(raci_error err)
{
    if ((unsigned)err >= RACI_ERROR_MAX)
        return "unknown error";
    return error_strings[err];
}
