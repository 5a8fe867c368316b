/*
 * options.c - the command line's options: the one table of them, parsed
 * with getopt_long (help.c prints --help, the man page and the completion
 * from it).
 */
#include "raci/options.h"

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "raci/rules.h"
#include "raci/optnum.h"
#include "raci/str.h"
#include "raci/xlsx.h"

/* o->rule_marks: what --select and --ignore named. */
#define RULE_SELECTED 1
#define RULE_IGNORED  2

enum opt_id {
    OPT_OUTPUT = 'o',
    OPT_QUIET = 'q',
    OPT_HELP = 'h',
    OPT_VERSION = 'V',
    OPT_NO_XLSX = 256,
    OPT_RULES,
    OPT_FORMAT,
    OPT_FAIL_ON,
    OPT_MAX_WARNINGS,
    OPT_REPORT,
    OPT_BASELINE,
    OPT_WRITE_BASELINE,
    OPT_EXPORT_ROSTER,
    OPT_EXPORT_MATRIX,
    OPT_STDIN_FILENAME,
    OPT_COLOR,
    OPT_PEOPLE,
    OPT_INPUT,
    OPT_HELP_MAN,
    OPT_HELP_COMPLETION,
    OPT_MAX_CHURN,
    OPT_SELECT,
    OPT_IGNORE,
    OPT_MAX_SHEETS
};

/* The options, with their help: --help, the man page's OPTIONS section and
 * the completion are printed from this table (help.c). An option without
 * help is hidden. */
static const struct raci_option_doc options[] = {
    {{"output", required_argument, NULL, OPT_OUTPUT},
     "FILE.xlsx",
     "write the workbook here (default: output/<roster>-raci.xlsx)",
     RACI_VALUE_FILE,
     "*.xlsx"},
    {{"no-xlsx", no_argument, NULL, OPT_NO_XLSX},
     NULL,
     "do not write a workbook",
     RACI_VALUE_NONE,
     NULL},
    {{"max-sheets", required_argument, NULL, OPT_MAX_SHEETS},
     "N",
     "give at most N products a sheet (and a matrix in the HTML report), those with most "
     "findings first; the others share one, Other products (default: 200)",
     RACI_VALUE_NONE,
     NULL},
    {{"rules", required_argument, NULL, OPT_RULES},
     "FILE.yaml",
     "the ruleset (default: rules/default.yaml)",
     RACI_VALUE_FILE,
     "*.y*ml"},
    /* The formats' names follow: "text (default), json, ..." */
    {{"format", required_argument, NULL, OPT_FORMAT},
     "FMT",
     "findings on standard output:",
     RACI_VALUE_FORMAT,
     NULL},
    {{"report", required_argument, NULL, OPT_REPORT},
     "FMT=FILE",
     "also write the findings to FILE in format FMT (repeatable), e.g. sarif=raci.sarif",
     RACI_VALUE_REPORT,
     NULL},
    {{"select", required_argument, NULL, OPT_SELECT},
     "RULE,...",
     "report only these rules' findings (repeatable; then --ignore drops some of them)",
     RACI_VALUE_RULES,
     NULL},
    {{"ignore", required_argument, NULL, OPT_IGNORE},
     "RULE,...",
     "drop these rules' findings (repeatable); 'raci rules' lists the rule ids",
     RACI_VALUE_RULES,
     NULL},
    {{"fail-on", required_argument, NULL, OPT_FAIL_ON},
     "LEVEL",
     "exit 1 when a finding is at least error, warning, info, or never (default: error)",
     RACI_VALUE_WORDS,
     "error warning info never"},
    {{"max-warnings", required_argument, NULL, OPT_MAX_WARNINGS},
     "N",
     "exit 1 when there are more than N warnings (default: -1, no limit)",
     RACI_VALUE_NONE,
     NULL},
    {{"max-churn", required_argument, NULL, OPT_MAX_CHURN},
     "PCT",
     "raci diff: exit 1 when more than PCT percent of the A's and R's change",
     RACI_VALUE_NONE,
     NULL},
    {{"baseline", required_argument, NULL, OPT_BASELINE},
     "FILE",
     "report only findings not recorded in FILE, and note those no longer found",
     RACI_VALUE_FILE,
     NULL},
    {{"write-baseline", required_argument, NULL, OPT_WRITE_BASELINE},
     "FILE",
     "record all findings in FILE and, without --baseline, report against it",
     RACI_VALUE_FILE,
     NULL},
    {{"people", required_argument, NULL, OPT_PEOPLE},
     "FILE.csv",
     "a roster of people (person, title, reports_to, id): a chart's column headed by one's name "
     "is that person",
     RACI_VALUE_FILE,
     "*.csv"},
    {{"export-roster", required_argument, NULL, OPT_EXPORT_ROSTER},
     "FILE",
     "also write the roster to FILE as a long CSV, one row per assignment",
     RACI_VALUE_FILE,
     "*.csv"},
    {{"export-matrix", required_argument, NULL, OPT_EXPORT_MATRIX},
     "FILE",
     "also write the product matrices to FILE as CSV, as their sheets show them",
     RACI_VALUE_FILE,
     "*.csv"},
    {{"stdin-filename", required_argument, NULL, OPT_STDIN_FILENAME},
     "NAME",
     "the name of the roster read from '-', for locations in the findings",
     RACI_VALUE_FILE,
     NULL},
    {{"input", required_argument, NULL, OPT_INPUT},
     "SHAPE",
     "the rosters' shape: roster (the long format), matrix (tasks by roles, either way "
     "round) or auto (default: detected)",
     RACI_VALUE_WORDS,
     "auto roster matrix"},
    {{"color", required_argument, NULL, OPT_COLOR},
     "WHEN",
     "colour the output: auto, always or never (default: auto: FORCE_COLOR, else NO_COLOR, "
     "else whether the output is a terminal)",
     RACI_VALUE_WORDS,
     "auto always never"},
    {{"quiet", no_argument, NULL, OPT_QUIET},
     NULL,
     "print only the findings that fail the run, and no count line",
     RACI_VALUE_NONE,
     NULL},
    {{"help", no_argument, NULL, OPT_HELP}, NULL, "show this help and exit", RACI_VALUE_NONE, NULL},
    {{"version", no_argument, NULL, OPT_VERSION},
     NULL,
     "show the version and exit",
     RACI_VALUE_NONE,
     NULL},
    /* For the Makefile: the man page's sections, the completion script. */
    {{"help-man", no_argument, NULL, OPT_HELP_MAN}, NULL, NULL, RACI_VALUE_NONE, NULL},
    {{"help-completion", no_argument, NULL, OPT_HELP_COMPLETION},
     NULL,
     NULL,
     RACI_VALUE_NONE,
     NULL},
};
#define NOPTIONS (sizeof(options) / sizeof(options[0]))

const struct raci_option_doc *raci_options_table(size_t *n)
{
    *n = NOPTIONS;
    return options;
}

/* -------------------------------------------------------------- parsing -- */

raci_error raci_options_init(struct raci_options *o, int argc)
{
    size_t nrules;

    memset(o, 0, sizeof(*o));
    o->format = raci_format_all(NULL);
    o->color = -1;
    o->max_churn = -1;
    o->max_sheets = RACI_XLSX_MAX_SHEETS;
    o->policy = (struct raci_policy)RACI_POLICY_INIT;
    /* Room for every --report the arguments could hold. */
    if (!(o->reports = calloc(argc > 0 ? (size_t)argc : 1, sizeof(*o->reports))))
        return RACI_ERROR_NOMEM;
    raci_rules_all(&nrules);
    if (!(o->rule_marks = calloc(nrules ? nrules : 1, 1)) ||
        !(o->dropped = calloc(nrules ? nrules : 1, 1)))
        return RACI_ERROR_NOMEM;
    return RACI_OK;
}

void raci_options_release(struct raci_options *o)
{
    free(o->reports);
    free(o->rule_marks);
    free(o->dropped);
    for (size_t i = 0; i < o->nowned; i++)
        free(o->owned[i]);
    free(o->owned);
    free(o->expanded);
    free(o->workbook_stem);
    memset(o, 0, sizeof(*o));
}

int raci_options_usage_error(const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "raci: ");
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'raci --help' for more information.\n");
    return RACI_EXIT_TROUBLE;
}

/* FORCE_COLOR as Node.js documents it (nodejs.org/api/cli.html, FORCE_COLOR):
 * set to a value that asks for colour, it wins over NO_COLOR and over a
 * stream that is no terminal; "0" or "false" asks for none. Empty is
 * unset, as NO_COLOR's convention (no-color.org) takes an empty value.
 * 1: colour, 0: none, -1: FORCE_COLOR says nothing. */
static int force_color(void)
{
    const char *fc = getenv("FORCE_COLOR");
    if (!fc || !*fc)
        return -1;
    return strcmp(fc, "0") != 0 && strcmp(fc, "false") != 0;
}

int raci_options_color(const struct raci_options *o, FILE *stream)
{
    const char *nc = getenv("NO_COLOR"), *term = getenv("TERM");
    if (o->color >= 0)
        return o->color;
    if (force_color() >= 0)
        return force_color();
    if (nc && *nc)
        return 0;
    if (!isatty(fileno(stream)))
        return 0;
    return !(term && strcmp(term, "dumb") == 0);
}

/* "unknown format 'x'... (expected text, json, ... or markdown)" */
static int bad_format(const char *what, const char *name, const char *spec)
{
    struct raci_str names = RACI_STR_INIT;
    int status;

    raci_format_names(&names);
    if (spec)
        status = raci_options_usage_error("unknown %s '%s' in --report '%s' (expected %s)", what,
                                          name, spec, raci_str_cstr(&names));
    else
        status = raci_options_usage_error("unknown %s '%s' (expected %s)", what, name,
                                          raci_str_cstr(&names));
    raci_str_release(&names);
    return status;
}

/* --report FMT=FILE */
static int parse_report(struct raci_options *o, const char *spec)
{
    const char *eq = strchr(spec, '=');
    char name[16];
    struct raci_options_report *r = &o->reports[o->nreports];

    if (!eq || eq == spec || !eq[1] || (size_t)(eq - spec) >= sizeof name)
        return raci_options_usage_error("invalid --report '%s' (expected FORMAT=FILE, such as "
                                        "sarif=raci.sarif)",
                                        spec);
    memcpy(name, spec, (size_t)(eq - spec));
    name[eq - spec] = '\0';
    if (!(r->format = raci_format_find(name)))
        return bad_format("format", name, spec);
    r->path = eq + 1;
    o->nreports++;
    return RACI_EXIT_CLEAN;
}

static int parse_fail_on(struct raci_options *o, const char *arg)
{
    int s;

    if (strcmp(arg, "never") == 0) {
        o->policy.fail_on = RACI_SEV_OFF;
        return RACI_EXIT_CLEAN;
    }
    if ((s = raci_severity_parse(arg)) <= RACI_SEV_OFF)
        return raci_options_usage_error(
            "invalid --fail-on '%s' (expected error, warning, info or never)", arg);
    o->policy.fail_on = (enum raci_severity)s;
    return RACI_EXIT_CLEAN;
}

static int parse_color(struct raci_options *o, const char *arg)
{
    if (strcmp(arg, "auto") == 0)
        o->color = -1;
    else if (strcmp(arg, "always") == 0)
        o->color = 1;
    else if (strcmp(arg, "never") == 0)
        o->color = 0;
    else
        return raci_options_usage_error("invalid --color '%s' (expected auto, always or never)",
                                        arg);
    return RACI_EXIT_CLEAN;
}

static int parse_input(struct raci_options *o, const char *arg)
{
    if (strcmp(arg, "auto") == 0)
        o->input = RACI_INPUT_AUTO;
    else if (strcmp(arg, "roster") == 0)
        o->input = RACI_INPUT_ROSTER;
    else if (strcmp(arg, "matrix") == 0)
        o->input = RACI_INPUT_MATRIX;
    else
        return raci_options_usage_error("invalid --input '%s' (expected roster, matrix or auto)",
                                        arg);
    return RACI_EXIT_CLEAN;
}

/* Edit distance between a and b, for "did you mean". */
static size_t id_distance(const char *a, const char *b)
{
    size_t lb = strlen(b), row[64], prev, tmp;

    if (lb >= sizeof row / sizeof row[0])
        return (size_t)-1;
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; a[i - 1]; i++) {
        prev = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            tmp = row[j];
            row[j] = prev + (a[i - 1] != b[j - 1]);
            if (row[j - 1] + 1 < row[j])
                row[j] = row[j - 1] + 1;
            if (tmp + 1 < row[j])
                row[j] = tmp + 1;
            prev = tmp;
        }
    }
    return row[lb];
}

/* An id that is no rule's: a usage error naming the closest rule id. */
static int unknown_rule(const char *opt, const char *id)
{
    size_t n, best = (size_t)-1, limit = strlen(id) / 3 + 1;
    const struct raci_rule_def *all = raci_rules_all(&n);
    const char *near = NULL;

    for (size_t i = 0; i < n; i++) {
        size_t d = id_distance(id, all[i].id);
        if (d <= limit && d < best) {
            best = d;
            near = all[i].id;
        }
    }
    if (near)
        return raci_options_usage_error("unknown rule '%s' in --%s (did you mean '%s'? 'raci "
                                        "rules' lists the rule ids)",
                                        id, opt, near);
    return raci_options_usage_error("unknown rule '%s' in --%s ('raci rules' lists the rule ids)",
                                    id, opt);
}

/* --select / --ignore RULE[,RULE...]: mark each rule of the list. */
static int parse_rules(struct raci_options *o, const char *opt, const char *arg, unsigned char mark)
{
    size_t n;
    const struct raci_rule_def *all = raci_rules_all(&n), *def;
    char id[64];

    for (const char *p = arg;; p++) {
        size_t len = strcspn(p, ",");
        if (len == 0 || len >= sizeof id)
            return len ? unknown_rule(opt, p)
                       : raci_options_usage_error("empty rule id in --%s '%s' (expected rule "
                                                  "ids separated by commas)",
                                                  opt, arg);
        memcpy(id, p, len);
        id[len] = '\0';
        if (!(def = raci_rules_find(id)))
            return unknown_rule(opt, id);
        o->rule_marks[def - all] |= mark;
        if (!p[len])
            break;
        p += len;
    }
    return RACI_EXIT_CLEAN;
}

/* What --select and --ignore leave out, as ruff reads them: with a
 * --select, every rule it does not name; then every rule --ignore names. */
static void drop_rules(struct raci_options *o)
{
    size_t n;
    int selecting = 0;

    raci_rules_all(&n);
    for (size_t i = 0; i < n; i++)
        selecting |= o->rule_marks[i] & RULE_SELECTED;
    for (size_t i = 0; i < n; i++) {
        o->dropped[i] =
            (selecting && !(o->rule_marks[i] & RULE_SELECTED)) || (o->rule_marks[i] & RULE_IGNORED);
        if (o->dropped[i])
            o->policy.dropped = o->dropped;
    }
}

/* Options that ask for something to be printed instead of a run. */
static int ask_for_help(struct raci_options *o, int c)
{
    o->help = c == OPT_HELP              ? RACI_HELP_USAGE
              : c == OPT_HELP_MAN        ? RACI_HELP_MAN
              : c == OPT_HELP_COMPLETION ? RACI_HELP_COMPLETION
                                         : RACI_HELP_VERSION;
    return RACI_EXIT_CLEAN;
}

/* Apply option c, whose value (if any) is optarg. */
static int apply_option(struct raci_options *o, int c, char **argv)
{
    switch (c) {
    case OPT_OUTPUT:
        o->output = optarg;
        return RACI_EXIT_CLEAN;
    case OPT_NO_XLSX:
        o->no_xlsx = 1;
        return RACI_EXIT_CLEAN;
    case OPT_RULES:
        o->rules = optarg;
        return RACI_EXIT_CLEAN;
    case OPT_FORMAT:
        if (!(o->format = raci_format_find(optarg)))
            return bad_format("format", optarg, NULL);
        /* A picture's bytes would garble the terminal, as curl says of its
         * binary output: write it to a file, or through a pipe. */
        if (strcmp(o->format->name, "png") == 0 && isatty(fileno(stdout)))
            return raci_options_usage_error("--format png writes a picture, not text, and "
                                            "standard output is a terminal: use --report "
                                            "png=FILE, or redirect standard output");
        return RACI_EXIT_CLEAN;
    case OPT_REPORT:
        return parse_report(o, optarg);
    case OPT_MAX_WARNINGS:
        return raci_optnum_max_warnings(o, optarg);
    case OPT_MAX_CHURN:
        return raci_optnum_max_churn(o, optarg);
    case OPT_MAX_SHEETS:
        return raci_optnum_max_sheets(o, optarg);
    case OPT_BASELINE:
        o->baseline = optarg;
        return RACI_EXIT_CLEAN;
    case OPT_WRITE_BASELINE:
        o->write_baseline = optarg;
        return RACI_EXIT_CLEAN;
    case OPT_EXPORT_ROSTER:
        o->export_roster = optarg;
        return RACI_EXIT_CLEAN;
    case OPT_EXPORT_MATRIX:
        o->export_matrix = optarg;
        return RACI_EXIT_CLEAN;
    case OPT_STDIN_FILENAME:
        o->stdin_filename = optarg;
        return RACI_EXIT_CLEAN;
    case OPT_PEOPLE:
        o->people = optarg;
        return RACI_EXIT_CLEAN;
    case OPT_SELECT:
        return parse_rules(o, "select", optarg, RULE_SELECTED);
    case OPT_IGNORE:
        return parse_rules(o, "ignore", optarg, RULE_IGNORED);
    case OPT_FAIL_ON:
        return parse_fail_on(o, optarg);
    case OPT_COLOR:
        return parse_color(o, optarg);
    case OPT_INPUT:
        return parse_input(o, optarg);
    case OPT_QUIET:
        o->quiet = 1;
        return RACI_EXIT_CLEAN;
    case OPT_HELP:
    case OPT_VERSION:
    case OPT_HELP_MAN:
    case OPT_HELP_COMPLETION:
        return ask_for_help(o, c);
    case ':':
        if (optopt > 0 && optopt < 256)
            return raci_options_usage_error("option '-%c' needs a value", optopt);
        return raci_options_usage_error("option '%s' needs a value", argv[optind - 1]);
    default:
        /* A short option inside a group ("-qz") is named alone. */
        if (optopt > 0 && optopt < 256)
            return raci_options_usage_error("unknown option '-%c'", optopt);
        return raci_options_usage_error("unknown option '%s'", argv[optind - 1]);
    }
}

/* Whether two paths name the same file: the same text, or the same inode. */
static int same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    if (strcmp(a, b) == 0)
        return 1;
    if (stat(a, &sa) != 0 || stat(b, &sb) != 0)
        return 0;
    return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* A roster given twice would be audited twice (every row its own
 * duplicate), and standard input can only be read once (nor can a file be
 * both a roster and the people roster); --stdin-filename names what '-'
 * reads. A diff's two sides are audited apart: one file may be both. (An
 * output over an input is outputs.h's check.) */
int raci_options_check(const struct raci_options *o)
{
    int stdin_given = 0;

    for (int i = 0; i < o->nargs; i++) {
        for (int j = 0; j < i; j++)
            if (o->diff && strcmp(o->args[i], "-") == 0 && strcmp(o->args[j], "-") == 0)
                return raci_options_usage_error("%s", "'raci diff' reads standard input once: "
                                                      "'-' can be BEFORE or AFTER, not both (give "
                                                      "the other side as a file)");
            else if (!o->diff && same_file(o->args[i], o->args[j]))
                return raci_options_usage_error("roster '%s' is given twice", o->args[i]);
        stdin_given |= strcmp(o->args[i], "-") == 0;
        if (o->people && same_file(o->args[i], o->people))
            return raci_options_usage_error("the people roster '%s' is given as a roster too "
                                            "(a chart goes as a roster, its people with --people)",
                                            o->people);
    }
    if (o->stdin_filename && !stdin_given)
        return raci_options_usage_error("%s", "--stdin-filename names the roster read from '-', "
                                              "but no roster is '-'");
    return RACI_EXIT_CLEAN;
}

int raci_options_parse(struct raci_options *o, int argc, char **argv)
{
    struct option longopts[NOPTIONS + 1];
    int c, status;

    for (size_t i = 0; i < NOPTIONS; i++)
        longopts[i] = options[i].opt;
    memset(&longopts[NOPTIONS], 0, sizeof(longopts[0]));
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":o:qhV", longopts, NULL)) != -1)
        if ((status = apply_option(o, c, argv)) != RACI_EXIT_CLEAN || o->help)
            return status;
    o->args = argv + optind;
    o->nargs = argc - optind;
    drop_rules(o);
    return raci_options_check(o);
}
