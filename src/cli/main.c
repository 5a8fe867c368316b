/*
 * main.c - the raci command line. The only file that calls exit().
 *
 *   raci [options] ROSTER.csv [ROSTER2.csv ...]
 *   raci rules [RULE-ID]
 */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "raci/baseline.h"
#include "raci/checks.h"
#include "raci/diag.h"
#include "raci/error.h"
#include "raci/findings.h"
#include "raci/reader.h"
#include "raci/report.h"
#include "raci/roster.h"
#include "raci/rules.h"
#include "raci/ruleset.h"
#include "raci/ruleset_load.h"
#include "raci/strpool.h"
#include "raci/array.h"
#include "raci/str.h"
#include "raci/xlsx.h"

#ifndef RACI_VERSION
#define RACI_VERSION "0.0.0"
#endif
#ifndef RACI_DATADIR
#define RACI_DATADIR "/usr/local/share/raci"
#endif

/* Exit status, as the documentation fixes it. */
enum raci_exit {
    EXIT_CLEAN = 0,    /* no finding reaches --fail-on */
    EXIT_FINDINGS = 1, /* a finding does */
    EXIT_TROUBLE = 2   /* usage error, unreadable input, unwritable output */
};

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
    OPT_STDIN_FILENAME,
    OPT_COLOR,
    OPT_HELP_MAN
};

/* The options, with their help: --help and the man page's OPTIONS section
 * (raci --help-man) are generated from this table. An option without help
 * is hidden. */
static const struct option_doc {
    struct option opt;
    const char *arg;
    const char *help;
} options[] = {
    {{"output", required_argument, NULL, OPT_OUTPUT},
     "FILE.xlsx",
     "write the workbook here (default: output/<roster>-raci.xlsx)"},
    {{"no-xlsx", no_argument, NULL, OPT_NO_XLSX}, NULL, "do not write a workbook"},
    {{"rules", required_argument, NULL, OPT_RULES},
     "FILE.yaml",
     "the ruleset (default: rules/default.yaml)"},
    {{"format", required_argument, NULL, OPT_FORMAT},
     "FMT",
     "findings on standard output: text (default), json, sarif, github, gitlab, junit or "
     "markdown"},
    {{"report", required_argument, NULL, OPT_REPORT},
     "FMT=FILE",
     "also write the findings to FILE in format FMT (repeatable), e.g. sarif=raci.sarif"},
    {{"fail-on", required_argument, NULL, OPT_FAIL_ON},
     "LEVEL",
     "exit 1 when a finding is at least error, warning, info, or never (default: error)"},
    {{"max-warnings", required_argument, NULL, OPT_MAX_WARNINGS},
     "N",
     "exit 1 when there are more than N warnings (default: -1, no limit)"},
    {{"baseline", required_argument, NULL, OPT_BASELINE},
     "FILE",
     "report only findings not recorded in FILE, and note those no longer found"},
    {{"write-baseline", required_argument, NULL, OPT_WRITE_BASELINE},
     "FILE",
     "record all findings in FILE and, without --baseline, report against it"},
    {{"stdin-filename", required_argument, NULL, OPT_STDIN_FILENAME},
     "NAME",
     "the name of the roster read from '-', for locations in the findings"},
    {{"color", required_argument, NULL, OPT_COLOR},
     "WHEN",
     "colour the output: auto, always or never (default: auto; NO_COLOR is honoured)"},
    {{"quiet", no_argument, NULL, OPT_QUIET},
     NULL,
     "print only the findings that fail the run, and no count line"},
    {{"help", no_argument, NULL, OPT_HELP}, NULL, "show this help and exit"},
    {{"version", no_argument, NULL, OPT_VERSION}, NULL, "show the version and exit"},
    {{"help-man", no_argument, NULL, OPT_HELP_MAN}, NULL, NULL},
};
#define NOPTIONS (sizeof(options) / sizeof(options[0]))

struct report_req {
    enum raci_format format;
    const char *path;
};

struct cli {
    const char *output;
    const char *rules;
    enum raci_format format;
    int no_xlsx;
    int quiet;
    int color; /* -1: auto */
    struct raci_policy policy;
    const char *baseline;
    const char *write_baseline;
    const char *stdin_filename;
    struct report_req *reports; /* --report, in order given */
    int nreports;
    char **rosters;
    int nrosters;
};

/* "--name ARG" or "-n, --name ARG", as --help shows it. */
static void option_left(const struct option_doc *o, char *left, size_t size)
{
    if (o->opt.val < 256)
        snprintf(left, size, "-%c, --%s%s%s", o->opt.val, o->opt.name, o->arg ? " " : "",
                 o->arg ? o->arg : "");
    else
        snprintf(left, size, "    --%s%s%s", o->opt.name, o->arg ? " " : "", o->arg ? o->arg : "");
}

/* Print text from column `indent` on, breaking lines between words so that
 * none passes column `width`; the first line starts where the cursor is. */
static void print_wrapped(FILE *out, const char *text, int indent, int width)
{
    int col = indent;
    while (*text) {
        int word = (int)strcspn(text, " ");
        if (col > indent && col + 1 + word > width) {
            fprintf(out, "\n%*s", indent, "");
            col = indent;
        } else if (col > indent) {
            fputc(' ', out);
            col++;
        }
        fprintf(out, "%.*s", word, text);
        col += word;
        text += word;
        while (*text == ' ')
            text++;
    }
    fputc('\n', out);
}

static void usage(FILE *out)
{
    fprintf(out, "usage: raci [options] ROSTER.csv [ROSTER2.csv ...]\n"
                 "       raci rules [RULE-ID]\n\n"
                 "Audit a team roster against the RACI and role rules, print the findings\n"
                 "and write an annotated workbook. '-' reads the roster from standard input.\n\n"
                 "options:\n");
    for (size_t i = 0; i < NOPTIONS; i++) {
        char left[64];
        if (!options[i].help)
            continue;
        option_left(&options[i], left, sizeof left);
        if (strlen(left) > 26)
            fprintf(out, "  %s\n  %-26s ", left, "");
        else
            fprintf(out, "  %-26s ", left);
        print_wrapped(out, options[i].help, 29, 79);
    }
    fprintf(out, "\nexit status: 0 no finding reaches --fail-on, 1 one does, 2 trouble\n"
                 "(a usage error, an unreadable roster or ruleset, an unwritable output).\n");
}

/* Text for roff: a leading '.' or '\'' would be a request, '\\' an escape,
 * '-' a hyphen rather than the minus of an option. */
static void roff_text(FILE *out, const char *s)
{
    if (*s == '.' || *s == '\'')
        fputs("\\&", out);
    for (; *s; s++) {
        if (*s == '\\')
            fputs("\\e", out);
        else if (*s == '-')
            fputs("\\-", out);
        else
            fputc(*s, out);
    }
}

/* The man page's OPTIONS section (raci --help-man): what the Makefile puts
 * into doc/raci.1.in to make raci.1, so that the page and --help agree. */
static void usage_man(FILE *out)
{
    fputs(".SH OPTIONS\n", out);
    for (size_t i = 0; i < NOPTIONS; i++) {
        const struct option_doc *o = &options[i];
        if (!o->help)
            continue;
        fputs(".TP\n", out);
        if (o->opt.val < 256)
            fprintf(out, "\\fB\\-%c\\fR, ", o->opt.val);
        fputs("\\fB\\-\\-", out);
        roff_text(out, o->opt.name);
        fputs("\\fR", out);
        if (o->arg) {
            fputs(" \\fI", out);
            roff_text(out, o->arg);
            fputs("\\fR", out);
        }
        fputs("\n", out);
        /* --help speaks in lower case; a man page in sentences. */
        if (*o->help >= 'a' && *o->help <= 'z') {
            fputc(*o->help - 'a' + 'A', out);
            roff_text(out, o->help + 1);
        } else {
            roff_text(out, o->help);
        }
        fputs(".\n", out);
    }
}

static int usage_error(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

static int usage_error(const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "raci: ");
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'raci --help' for more information.\n");
    return EXIT_TROUBLE;
}

static int want_color(int flag, FILE *stream)
{
    const char *nc = getenv("NO_COLOR"), *term = getenv("TERM");
    if (flag >= 0)
        return flag;
    if (nc && *nc)
        return 0;
    if (!isatty(fileno(stream)))
        return 0;
    return !(term && strcmp(term, "dumb") == 0);
}

#define FORMATS "text, json, sarif, github, gitlab, junit or markdown"

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
 * duplicate), and standard input can only be read once; a workbook written
 * over a roster would destroy it. */
static int check_paths(const struct cli *cli)
{
    for (int i = 0; i < cli->nrosters; i++) {
        for (int j = 0; j < i; j++)
            if (same_file(cli->rosters[i], cli->rosters[j]))
                return usage_error("roster '%s' is given twice", cli->rosters[i]);
        if (cli->output && !cli->no_xlsx && strcmp(cli->rosters[i], "-") != 0 &&
            same_file(cli->output, cli->rosters[i]))
            return usage_error("the workbook '%s' would overwrite the roster '%s' (choose "
                               "another -o FILE.xlsx)",
                               cli->output, cli->rosters[i]);
    }
    return EXIT_CLEAN;
}

static int parse_args(int argc, char **argv, struct cli *cli)
{
    struct option longopts[NOPTIONS + 1];
    int c, f;

    for (size_t i = 0; i < NOPTIONS; i++)
        longopts[i] = options[i].opt;
    memset(&longopts[NOPTIONS], 0, sizeof(longopts[0]));
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":o:qhV", longopts, NULL)) != -1) {
        switch (c) {
        case OPT_OUTPUT:
            cli->output = optarg;
            break;
        case OPT_NO_XLSX:
            cli->no_xlsx = 1;
            break;
        case OPT_RULES:
            cli->rules = optarg;
            break;
        case OPT_FORMAT:
            if ((f = raci_format_parse(optarg)) < 0)
                return usage_error("unknown format '%s' (expected %s)", optarg, FORMATS);
            cli->format = (enum raci_format)f;
            break;
        case OPT_REPORT: {
            const char *eq = strchr(optarg, '=');
            char name[16];
            if (!eq || eq == optarg || !eq[1] || (size_t)(eq - optarg) >= sizeof name)
                return usage_error("invalid --report '%s' (expected FORMAT=FILE, such as "
                                   "sarif=raci.sarif)",
                                   optarg);
            memcpy(name, optarg, (size_t)(eq - optarg));
            name[eq - optarg] = '\0';
            if ((f = raci_format_parse(name)) < 0)
                return usage_error("unknown format '%s' in --report '%s' (expected %s)", name,
                                   optarg, FORMATS);
            cli->reports[cli->nreports].format = (enum raci_format)f;
            cli->reports[cli->nreports++].path = eq + 1;
            break;
        }
        case OPT_MAX_WARNINGS: {
            char *end;
            long n;
            errno = 0;
            n = strtol(optarg, &end, 10);
            if (errno || end == optarg || *end || n < -1)
                return usage_error("invalid --max-warnings '%s' (expected a number of warnings, "
                                   "or -1 for no limit)",
                                   optarg);
            cli->policy.max_warnings = n;
            break;
        }
        case OPT_BASELINE:
            cli->baseline = optarg;
            break;
        case OPT_WRITE_BASELINE:
            cli->write_baseline = optarg;
            break;
        case OPT_STDIN_FILENAME:
            cli->stdin_filename = optarg;
            break;
        case OPT_HELP_MAN:
            usage_man(stdout);
            return -1;
        case OPT_FAIL_ON:
            if (strcmp(optarg, "never") == 0)
                cli->policy.fail_on = RACI_SEV_OFF;
            else {
                int s = raci_severity_parse(optarg);
                if (s <= RACI_SEV_OFF)
                    return usage_error(
                        "invalid --fail-on '%s' (expected error, warning, info or never)", optarg);
                cli->policy.fail_on = (enum raci_severity)s;
            }
            break;
        case OPT_COLOR:
            if (strcmp(optarg, "auto") == 0)
                cli->color = -1;
            else if (strcmp(optarg, "always") == 0)
                cli->color = 1;
            else if (strcmp(optarg, "never") == 0)
                cli->color = 0;
            else
                return usage_error("invalid --color '%s' (expected auto, always or never)", optarg);
            break;
        case OPT_QUIET:
            cli->quiet = 1;
            break;
        case OPT_HELP:
            usage(stdout);
            return -1;
        case OPT_VERSION:
            printf("raci %s\n", RACI_VERSION);
            return -1;
        case ':':
            if (optopt > 0 && optopt < 256)
                return usage_error("option '-%c' needs a value", optopt);
            return usage_error("option '%s' needs a value", argv[optind - 1]);
        default:
            /* A short option inside a group ("-qz") is named alone. */
            if (optopt > 0 && optopt < 256)
                return usage_error("unknown option '-%c'", optopt);
            return usage_error("unknown option '%s'", argv[optind - 1]);
        }
    }
    cli->rosters = argv + optind;
    cli->nrosters = argc - optind;
    if (check_paths(cli) != EXIT_CLEAN)
        return EXIT_TROUBLE;
    if (cli->stdin_filename) {
        int stdin_given = 0;
        for (int i = 0; i < cli->nrosters; i++)
            stdin_given |= strcmp(cli->rosters[i], "-") == 0;
        if (!stdin_given)
            return usage_error("%s", "--stdin-filename names the roster read from '-', but no "
                                     "roster is '-'");
    }
    return EXIT_CLEAN;
}

/* The default ruleset, found where `extends: default` finds it too: beside
 * the binary (a build tree or an installation), then ./rules, then where
 * `make install` puts it. When none exists, the installed path, so that the
 * error names where it was expected. */
static char *default_rules(void)
{
    char *path = raci_ruleset_locate("default");
    return path ? path : raci_str_dup(RACI_DATADIR "/rules/default.yaml");
}

/* output/<first roster's name>-raci.xlsx; output/ is made if missing. */
static char *default_output(const char *roster)
{
    const char *base = strrchr(roster, '/');
    const char *dot;
    size_t n;

    base = base ? base + 1 : roster;
    if (strcmp(roster, "-") == 0)
        base = "stdin";
    dot = strrchr(base, '.');
    n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
    if (mkdir("output", 0777) != 0 && errno != EEXIST)
        return NULL;
    return raci_str_printf("output/%.*s-raci.xlsx", (int)n, base);
}

/* `raci rules [ID]`: args are what follows "rules". */
static int cmd_rules(int nargs, char **args, const struct raci_ruleset *rs)
{
    size_t n;
    const struct raci_rule_def *all = raci_rules_all(&n);

    if (nargs > 1)
        return usage_error("'rules' takes at most one rule id, not '%s'", args[1]);
    if (nargs == 1) {
        const struct raci_check *chk = raci_ruleset_check(rs, args[0]);
        if (!chk)
            return usage_error("unknown rule '%s' (see 'raci rules' for the list)", args[0]);
        const struct raci_rule_def *d = chk->def;
        printf("%s (%s, default %s)\n\n%s.\n\nWhy: %s\n", d->id, raci_severity_name(chk->severity),
               raci_severity_name(d->severity), d->summary, d->why);
        if (chk->nparams) {
            printf("\nParameters:\n");
            for (size_t i = 0; i < chk->nparams; i++) {
                const struct raci_param *p = &chk->params[i];
                const struct raci_param_def *pd = raci_rules_param(d, p->name);
                printf("  %s = ", p->name);
                if (p->kind == RACI_PARAM_INT)
                    printf("%ld", p->ival);
                else if ((p->kind == RACI_PARAM_WORD || p->kind == RACI_PARAM_ROLE))
                    printf("%s", p->sval ? p->sval : "");
                else
                    for (size_t k = 0; k < p->nlist; k++)
                        printf("%s%s", k ? ", " : "", p->list[k]);
                printf("\n      %s\n", pd ? pd->doc : "");
            }
        }
        printf("\nExample that breaks it:\n");
        for (const char *s = d->example; *s;) {
            size_t len = strcspn(s, "\n");
            printf("  %.*s\n", (int)len, s);
            s += len + (s[len] == '\n');
        }
        return EXIT_CLEAN;
    }
    for (size_t i = 0; i < n; i++) {
        const struct raci_check *chk = raci_ruleset_check(rs, all[i].id);
        printf("%-26s %-8s %s\n", all[i].id, raci_severity_name(chk->severity), all[i].summary);
    }
    return EXIT_CLEAN;
}

/* "raci: unable to write 'FILE': reason" for an output that failed. */
static void output_error(const char *what, raci_error err)
{
    if (err == RACI_ERROR_NOMEM)
        fprintf(stderr, "raci: unable to write '%s': %s\n", what, raci_error_string(err));
    else
        fprintf(stderr, "raci: unable to write '%s': %s\n", what, strerror(errno));
}

/* Write the reports: standard output in --format (only what fails the run
 * with -q), then each --report file in full. EXIT_TROUBLE when one could
 * not be written. */
static int write_reports(const struct cli *cli, const struct raci_report *full)
{
    struct raci_report shown = *full;
    struct raci_findings view = {0};
    raci_error err;

    shown.color = cli->format == RACI_FORMAT_TEXT && want_color(cli->color, stdout);
    shown.quiet = cli->quiet;
    if (cli->quiet) {
        if (raci_report_filter(full->fs, &cli->policy, &view) != RACI_OK) {
            fprintf(stderr, "raci: %s\n", raci_error_string(RACI_ERROR_NOMEM));
            return EXIT_TROUBLE;
        }
        shown.fs = &view;
    }
    err = raci_report_write(stdout, cli->format, &shown);
    free(view.v); /* a view: the findings themselves belong to full->fs */
    if (err == RACI_OK && fflush(stdout) != 0)
        err = RACI_ERROR_OUTPUT;
    if (err) {
        output_error("standard output", err);
        return EXIT_TROUBLE;
    }
    for (int i = 0; i < cli->nreports; i++) {
        if ((err = raci_report_save(cli->reports[i].path, cli->reports[i].format, full))) {
            output_error(cli->reports[i].path, err);
            return EXIT_TROUBLE;
        }
    }
    return EXIT_CLEAN;
}

/*
 * The baseline to report against: --baseline FILE, or else the one just
 * recorded by --write-baseline. Known findings move from fs to known; diff
 * says what happened. Returns EXIT_TROUBLE (message printed) or EXIT_CLEAN.
 */
static int apply_baseline(const struct cli *cli, struct raci_findings *fs,
                          struct raci_findings *known, struct raci_baseline_diff *diff,
                          int *applied)
{
    struct raci_baseline b = {0};
    struct raci_diag diag = {0};
    const char *file = cli->baseline;
    raci_error err = RACI_OK;

    *applied = 0;
    if (cli->write_baseline) {
        if ((err = raci_baseline_build(&b, fs)) ||
            (err = raci_baseline_save(&b, cli->write_baseline))) {
            output_error(cli->write_baseline, err);
            raci_baseline_release(&b);
            return EXIT_TROUBLE;
        }
        if (!file)
            file = cli->write_baseline;
        else
            raci_baseline_release(&b);
    }
    if (!file)
        return EXIT_CLEAN;
    if (cli->baseline && (err = raci_baseline_load(&b, cli->baseline, &diag)) != RACI_OK) {
        if (diag.message)
            raci_diag_print(stderr, &diag, want_color(cli->color, stderr));
        else if (err == RACI_ERROR_IO)
            fprintf(stderr, "raci: unable to read baseline '%s': %s\n", cli->baseline,
                    strerror(errno));
        else
            fprintf(stderr, "raci: %s\n", raci_error_string(err));
        raci_diag_release(&diag);
        return EXIT_TROUBLE;
    }
    err = raci_baseline_apply(&b, file, fs, known, diff);
    raci_baseline_release(&b);
    if (err) {
        fprintf(stderr, "raci: %s\n", raci_error_string(err));
        return EXIT_TROUBLE;
    }
    *applied = 1;
    return EXIT_CLEAN;
}

static int audit(const struct cli *cli, const struct raci_ruleset *rs)
{
    struct raci_strpool *pool = raci_strpool_new();
    struct raci_roster roster;
    struct raci_findings fs = {0}, known = {0};
    struct raci_diag diag = {0};
    struct raci_baseline_diff diff = {0};
    char *output = NULL;
    int status = EXIT_TROUBLE, applied;
    raci_error err;

    if (!pool || raci_roster_init(&roster, pool, rs) != RACI_OK) {
        fprintf(stderr, "raci: %s\n", raci_error_string(RACI_ERROR_NOMEM));
        raci_strpool_free(pool);
        return EXIT_TROUBLE;
    }
    for (int i = 0; i < cli->nrosters; i++) {
        struct raci_table t = {0};
        const char *display = strcmp(cli->rosters[i], "-") == 0 ? cli->stdin_filename : NULL;
        err = raci_reader_read_file(&t, cli->rosters[i], display, pool, &diag);
        if (err == RACI_OK)
            err = raci_roster_add_table(&roster, &t, &diag);
        raci_table_release(&t);
        if (err)
            goto fail;
    }
    if ((err = raci_roster_finish(&roster)) || (err = raci_checks_run(&roster, rs, &fs)))
        goto fail;

    if (apply_baseline(cli, &fs, &known, &diff, &applied) != EXIT_CLEAN)
        goto out;
    struct raci_report report = {&fs,
                                 &roster,
                                 rs,
                                 applied ? &diff : NULL,
                                 raci_policy_fails(&cli->policy, &fs),
                                 cli->policy.fail_on,
                                 0,
                                 0};
    if (write_reports(cli, &report) != EXIT_CLEAN)
        goto out;

    /* The workbook shows every finding, also those a baseline knows: it is
     * for people, the baseline for CI. */
    if (!cli->no_xlsx) {
        if ((err = raci_baseline_restore(&fs, &known)))
            goto fail;
        output = cli->output ? raci_str_dup(cli->output) : default_output(cli->rosters[0]);
        if (!output) {
            fprintf(stderr, "raci: unable to create 'output': %s\n", strerror(errno));
            goto out;
        }
        if ((err = raci_xlsx_write(output, &roster, rs, &fs, &diag)))
            goto fail;
    }
    status = report.failed ? EXIT_FINDINGS : EXIT_CLEAN;
    goto out;

fail:
    if (diag.message)
        raci_diag_print(stderr, &diag, want_color(cli->color, stderr));
    else if (err == RACI_ERROR_IO)
        fprintf(stderr, "raci: %s: %s\n", raci_error_string(err), strerror(errno));
    else
        fprintf(stderr, "raci: %s\n", raci_error_string(err));
out:
    free(output);
    raci_baseline_diff_release(&diff);
    raci_diag_release(&diag);
    raci_findings_release(&known);
    raci_findings_release(&fs);
    raci_roster_release(&roster);
    raci_strpool_free(pool);
    return status;
}

int main(int argc, char **argv)
{
    struct cli cli = {0};
    struct raci_ruleset rs = {0};
    struct raci_diag diag = {0};
    char *rules_path = NULL;
    int is_rules = argc > 1 && strcmp(argv[1], "rules") == 0;
    int status;

    cli.color = -1;
    cli.policy.fail_on = RACI_SEV_ERROR;
    cli.policy.max_warnings = -1;
    /* Room for every --report the arguments could hold. */
    if (!(cli.reports = calloc((size_t)argc, sizeof(*cli.reports)))) {
        fprintf(stderr, "raci: %s\n", raci_error_string(RACI_ERROR_NOMEM));
        return EXIT_TROUBLE;
    }
    status = parse_args(is_rules ? argc - 1 : argc, is_rules ? argv + 1 : argv, &cli);
    if (status != EXIT_CLEAN) {
        free(cli.reports);
        return status < 0 ? EXIT_CLEAN : status; /* < 0: --help, --version */
    }
    if (!is_rules && cli.nrosters == 0)
        status = usage_error("%s", "no roster given (usage: raci [options] ROSTER.csv ...)");
    else if (!is_rules && strcmp(cli.rosters[0], "diff") == 0)
        status = usage_error("%s", "'raci diff' is not available in this version");
    if (status != EXIT_CLEAN) {
        free(cli.reports);
        return status;
    }

    rules_path = cli.rules ? raci_str_dup(cli.rules) : default_rules();
    if (!rules_path || raci_ruleset_load(&rs, rules_path, &diag) != RACI_OK) {
        if (diag.message)
            raci_diag_print(stderr, &diag, want_color(cli.color, stderr));
        else
            fprintf(stderr, "raci: %s\n", raci_error_string(RACI_ERROR_NOMEM));
        status = EXIT_TROUBLE;
        goto out;
    }
    if (is_rules)
        status = cmd_rules(cli.nrosters, cli.rosters, &rs);
    else
        status = audit(&cli, &rs);
out:
    free(cli.reports);
    free(rules_path);
    raci_diag_release(&diag);
    raci_ruleset_release(&rs);
    return status;
}
