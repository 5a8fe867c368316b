/*
 * error.h - the one error enum of raci and its message table.
 *
 * Three kinds of failure are kept apart:
 *  - system errors (out of memory, a file that cannot be opened): a
 *    raci_error code, with errno left as the system set it;
 *  - input errors (a malformed roster or ruleset): RACI_ERROR_INPUT, with a
 *    struct raci_diag (diag.h) that says file:line:column, what is wrong and what would
 *    be right;
 *  - programmer bugs: assert().
 */
#ifndef RACI_ERROR_H
#define RACI_ERROR_H

typedef enum raci_error {
    RACI_OK = 0,
    RACI_ERROR_NOMEM,  /* out of memory */
    RACI_ERROR_IO,     /* a system call failed; errno says why */
    RACI_ERROR_INPUT,  /* malformed input; the raci_diag says where */
    RACI_ERROR_USAGE,  /* the command line is wrong */
    RACI_ERROR_OUTPUT, /* an output could not be written whole */
    RACI_ERROR_MAX
} raci_error;

/* A short, static, lower-case description of err. Never NULL. */
const char *raci_error_string(raci_error err);

#endif
