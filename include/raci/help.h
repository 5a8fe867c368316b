/*
 * help.h - what raci prints about itself, all of it from the tables of
 * options (options.h), formats (format.h) and rules (rules.h): --help,
 * --version, and for the Makefile the man page's OPTIONS and FORMATS
 * sections (--help-man, put into doc/raci.1.in) and the bash completion
 * (--help-completion, installed as is).
 */
#ifndef RACI_HELP_H
#define RACI_HELP_H

#include <stdio.h>

/* What the command line asked to be printed instead of a run. */
enum raci_help {
    RACI_HELP_NONE = 0,
    RACI_HELP_USAGE,     /* --help */
    RACI_HELP_VERSION,   /* --version */
    RACI_HELP_MAN,       /* --help-man */
    RACI_HELP_COMPLETION /* --help-completion */
};

void raci_help_print(enum raci_help what, FILE *out);

/* --help: usage, every option that has help, wrapped at 79 columns, and
 * the exit statuses. */
void raci_help_usage(FILE *out);

/* The man page's OPTIONS and FORMATS sections, in roff. */
void raci_help_man(FILE *out);

/* A bash completion script defining _raci: the values of each option (a
 * format's name, FORMAT= for --report, the words of --fail-on and --color,
 * files by pattern), the options, `rules` and the rule ids after it, and
 * rosters. */
void raci_help_completion(FILE *out);

#endif
