/*
 * options.h - raci's command line: the one table of options, and parsing
 * it with getopt_long. --help, the man page and the bash completion are
 * printed from the same table (help.h), so an option is added to the table
 * in options.c and nowhere else; the formats come from format.h.
 */
#ifndef RACI_OPTIONS_H
#define RACI_OPTIONS_H

#include <stdio.h>

#include "raci/error.h"
#include <getopt.h>
#include <stddef.h>

#include "raci/detect.h"
#include "raci/format.h"
#include "raci/help.h"
#include "raci/policy.h"

/* What an option's value is: what the completion offers for it, and for a
 * format, what its help lists. */
enum raci_value_kind {
    RACI_VALUE_NONE,   /* no value, or nothing to offer (a number) */
    RACI_VALUE_FILE,   /* a file name, matching the glob `values` when set */
    RACI_VALUE_WORDS,  /* one of the words in `values`, separated by spaces */
    RACI_VALUE_FORMAT, /* a format's name: its help lists them, the default first */
    RACI_VALUE_REPORT, /* FORMAT=FILE */
    RACI_VALUE_RULES   /* rule ids, separated by commas */
};

/* One row of the table. */
struct raci_option_doc {
    struct option opt; /* for getopt_long; a short option when opt.val < 256 */
    const char *arg;   /* the value's name in --help; NULL: takes none */
    const char *help;  /* one line, lower case; NULL: hidden (--help-man) */
    enum raci_value_kind kind;
    const char *values;
};

/* Every option, in the order --help lists them. */
const struct raci_option_doc *raci_options_table(size_t *n);

/* One --report FMT=FILE. */
struct raci_options_report {
    const struct raci_format *format;
    const char *path; /* in argv */
};

/* What the command line asks for. Strings point into argv. */
struct raci_options {
    const char *output;               /* -o; NULL: output/<roster>-raci.xlsx */
    const char *rules;                /* --rules; NULL: the default ruleset */
    const struct raci_format *format; /* --format; text by default */
    int no_xlsx;
    size_t max_sheets; /* --max-sheets: product sheets at most in the workbook */
    int quiet;
    int color;                    /* --color: 1 always, 0 never, -1 auto */
    enum raci_detect_input input; /* --input: the rosters' shape */
    struct raci_policy policy;    /* its dropped rules are o->dropped */
    double max_churn;             /* --max-churn (raci diff): percent; negative: no limit */
    /* Set before parsing for `raci diff`: the two operands are its sides,
     * each audited alone, so that one roster may be both (nothing changes),
     * but standard input can be read once only. */
    int diff;
    const char *baseline;
    const char *write_baseline;
    const char *export_roster; /* --export-roster FILE.csv, or NULL */
    const char *export_matrix; /* --export-matrix FILE.csv, or NULL */
    const char *stdin_filename;
    const char *people;                  /* --people: the people roster, or NULL */
    struct raci_options_report *reports; /* --report, in the order given; owned */
    int nreports;
    char **args; /* the operands: rosters, or what follows `rules` */
    int nargs;
    enum raci_help help; /* --help, --version, --help-*: print it, do nothing else */
    /* Per rule of the registry (rules.h): what --select (1) and --ignore
     * (2) named; and 1 where the run drops the rule's findings. Owned. */
    unsigned char *rule_marks;
    unsigned char *dropped;
    /* Directory arguments (rosterdir.h): the operands that replace args,
     * the paths found (owned), the first directory's name (owned). */
    char **expanded;
    char **owned;
    size_t nowned;
    char *workbook_stem; /* NULL: the first roster's name */
};

/* The defaults, with room for every --report that argc arguments could
 * hold. RACI_ERROR_NOMEM on failure. */
raci_error raci_options_init(struct raci_options *o, int argc);
void raci_options_release(struct raci_options *o);

/*
 * Parse argv[1..argc) into o. RACI_EXIT_CLEAN when the run can go on, or
 * when o->help says what to print instead (parsing stops there, as it does
 * at the first error); else RACI_EXIT_TROUBLE after a usage error was
 * printed. Operands are checked as far as the command line alone can tell:
 * a roster given twice, --stdin-filename without '-' (outputs that would
 * overwrite an input are raci_outputs_check's, outputs.h).
 */
int raci_options_parse(struct raci_options *o, int argc, char **argv);

/* Check the operands as raci_options_parse does, again (once directory
 * arguments are expanded): RACI_EXIT_CLEAN, or RACI_EXIT_TROUBLE after a
 * usage error was printed. */
int raci_options_check(const struct raci_options *o);

/* Print "raci: MESSAGE" and the pointer to --help on standard error;
 * returns RACI_EXIT_TROUBLE. */
int raci_options_usage_error(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

/* Should output to stream be coloured? --color decides; else FORCE_COLOR
 * when set and not empty ("0" or "false": no colour, any other value:
 * colour, whatever NO_COLOR and the stream are); else NO_COLOR (set and not
 * empty: no colour); else a terminal with a TERM that is not "dumb". */
int raci_options_color(const struct raci_options *o, FILE *stream);

#endif
