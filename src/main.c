/*
 * main.c - the raci command line. The only file that calls exit().
 *
 *   raci [options] ROSTER.csv [ROSTER2.csv ...]
 *   raci rules [RULE-ID]
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "raci/checks.h"
#include "raci/error.h"
#include "raci/findings.h"
#include "raci/reader.h"
#include "raci/report.h"
#include "raci/roster.h"
#include "raci/rules.h"
#include "raci/ruleset.h"
#include "raci/strpool.h"
#include "raci/util.h"
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
    OPT_COLOR
};

/* The options, with their help: --help is generated from this table. */
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
    {{"format", required_argument, NULL, OPT_FORMAT}, "FMT", "findings on standard output: text"},
    {{"fail-on", required_argument, NULL, OPT_FAIL_ON},
     "LEVEL",
     "exit 1 when a finding is at least error, warning, info, or never (default: error)"},
    {{"color", required_argument, NULL, OPT_COLOR},
     "WHEN",
     "colour the output: auto, always or never (default: auto; NO_COLOR is honoured)"},
    {{"quiet", no_argument, NULL, OPT_QUIET}, NULL, "print only the findings that fail the run"},
    {{"help", no_argument, NULL, OPT_HELP}, NULL, "show this help and exit"},
    {{"version", no_argument, NULL, OPT_VERSION}, NULL, "show the version and exit"},
};
#define NOPTIONS (sizeof(options) / sizeof(options[0]))

struct cli {
    const char *output;
    const char *rules;
    const char *format;
    int no_xlsx;
    int quiet;
    int color;                  /* -1: auto */
    enum raci_severity fail_on; /* RACI_SEV_OFF: never */
    char **rosters;
    int nrosters;
};

static void usage(FILE *out)
{
    fprintf(out, "usage: raci [options] ROSTER.csv [ROSTER2.csv ...]\n"
                 "       raci rules [RULE-ID]\n\n"
                 "Audit a team roster against the RACI and role rules, print the findings\n"
                 "and write an annotated workbook. '-' reads the roster from standard input.\n\n"
                 "options:\n");
    for (size_t i = 0; i < NOPTIONS; i++) {
        char left[64];
        const struct option_doc *o = &options[i];
        if (o->opt.val < 256)
            snprintf(left, sizeof left, "-%c, --%s%s%s", o->opt.val, o->opt.name, o->arg ? " " : "",
                     o->arg ? o->arg : "");
        else
            snprintf(left, sizeof left, "    --%s%s%s", o->opt.name, o->arg ? " " : "",
                     o->arg ? o->arg : "");
        fprintf(out, "  %-26s %s\n", left, o->help);
    }
    fprintf(out, "\nexit status: 0 no finding reaches --fail-on, 1 one does, 2 trouble\n"
                 "(a usage error, an unreadable roster or ruleset, an unwritable output).\n");
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

static int parse_args(int argc, char **argv, struct cli *cli)
{
    struct option longopts[NOPTIONS + 1];
    int c;

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
            if (strcmp(optarg, "text") != 0)
                return usage_error("unknown format '%s' (expected text)", optarg);
            cli->format = optarg;
            break;
        case OPT_FAIL_ON:
            if (strcmp(optarg, "never") == 0)
                cli->fail_on = RACI_SEV_OFF;
            else {
                int s = raci_severity_parse(optarg);
                if (s <= RACI_SEV_OFF)
                    return usage_error(
                        "invalid --fail-on '%s' (expected error, warning, info or never)", optarg);
                cli->fail_on = (enum raci_severity)s;
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
            return usage_error("option '%s' needs a value", argv[optind - 1]);
        default:
            return usage_error("unknown option '%s'", argv[optind - 1]);
        }
    }
    cli->rosters = argv + optind;
    cli->nrosters = argc - optind;
    return EXIT_CLEAN;
}

/* The default ruleset: beside the binary in a build tree (build/../rules),
 * then where `make install` puts it. */
static char *default_rules(void)
{
    static const char *const rel[] = {"../rules/default.yaml", "../share/raci/rules/default.yaml"};
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);

    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash)
            slash[1] = '\0';
        for (size_t i = 0; i < sizeof rel / sizeof rel[0]; i++) {
            char *p = raci_asprintf("%s%s", exe, rel[i]);
            if (p && access(p, R_OK) == 0)
                return p;
            free(p);
        }
    }
    if (access("rules/default.yaml", R_OK) == 0)
        return raci_strdup("rules/default.yaml");
    return raci_strdup(RACI_DATADIR "/rules/default.yaml");
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
    return raci_asprintf("output/%.*s-raci.xlsx", (int)n, base);
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
                const struct raci_param_def *pd = raci_rule_param(d, p->name);
                printf("  %s = ", p->name);
                if (p->type == RACI_PARAM_INT)
                    printf("%ld", p->ival);
                else if (p->type == RACI_PARAM_STRING)
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

static int audit(const struct cli *cli, const struct raci_ruleset *rs)
{
    struct raci_strpool *pool = raci_strpool_new();
    struct raci_roster roster;
    struct raci_findings fs = {0};
    struct raci_diag diag = {0};
    char *output = NULL;
    int status = EXIT_TROUBLE;
    raci_error err;

    if (!pool || raci_roster_init(&roster, pool, rs) != RACI_OK) {
        fprintf(stderr, "raci: %s\n", raci_strerror(RACI_ERROR_NOMEM));
        raci_strpool_free(pool);
        return EXIT_TROUBLE;
    }
    for (int i = 0; i < cli->nrosters; i++) {
        struct raci_table t = {0};
        err = raci_reader_read_file(&t, cli->rosters[i], NULL, pool, &diag);
        if (err == RACI_OK)
            err = raci_roster_add_table(&roster, &t, &diag);
        raci_table_release(&t);
        if (err)
            goto fail;
    }
    if ((err = raci_roster_finish(&roster)) || (err = raci_checks_run(&roster, rs, &fs)))
        goto fail;

    struct raci_report_opts ro = {want_color(cli->color, stdout), cli->quiet, cli->fail_on};
    raci_report_text(stdout, &fs, &ro);
    if (fflush(stdout) != 0) {
        fprintf(stderr, "raci: unable to write standard output: %s\n", strerror(errno));
        goto out;
    }

    if (!cli->no_xlsx) {
        output = cli->output ? raci_strdup(cli->output) : default_output(cli->rosters[0]);
        if (!output) {
            fprintf(stderr, "raci: unable to create 'output': %s\n", strerror(errno));
            goto out;
        }
        if ((err = raci_xlsx_write(output, &roster, rs, &fs, &diag)))
            goto fail;
    }
    status = EXIT_CLEAN;
    if (cli->fail_on != RACI_SEV_OFF)
        for (size_t i = 0; i < fs.n; i++)
            if (fs.v[i].severity >= cli->fail_on)
                status = EXIT_FINDINGS;
    goto out;

fail:
    if (diag.message)
        raci_diag_print(stderr, &diag, want_color(cli->color, stderr));
    else
        fprintf(stderr, "raci: %s\n", raci_strerror(err));
out:
    free(output);
    raci_diag_release(&diag);
    raci_findings_release(&fs);
    raci_roster_release(&roster);
    raci_strpool_free(pool);
    return status;
}

int main(int argc, char **argv)
{
    struct cli cli = {NULL, NULL, "text", 0, 0, -1, RACI_SEV_ERROR, NULL, 0};
    struct raci_ruleset rs = {0};
    struct raci_diag diag = {0};
    char *rules_path = NULL;
    int is_rules = argc > 1 && strcmp(argv[1], "rules") == 0;
    int status;

    status = parse_args(is_rules ? argc - 1 : argc, is_rules ? argv + 1 : argv, &cli);
    if (status < 0)
        return EXIT_CLEAN; /* --help, --version */
    if (status != EXIT_CLEAN)
        return status;
    if (!is_rules && cli.nrosters == 0)
        return usage_error("%s", "no roster given (usage: raci [options] ROSTER.csv ...)");
    if (!is_rules && strcmp(cli.rosters[0], "diff") == 0)
        return usage_error("%s", "'raci diff' is not available in this version");

    rules_path = cli.rules ? raci_strdup(cli.rules) : default_rules();
    if (!rules_path || raci_ruleset_load(&rs, rules_path, &diag) != RACI_OK) {
        if (diag.message)
            raci_diag_print(stderr, &diag, want_color(cli.color, stderr));
        else
            fprintf(stderr, "raci: %s\n", raci_strerror(RACI_ERROR_NOMEM));
        status = EXIT_TROUBLE;
        goto out;
    }
    if (is_rules)
        status = cmd_rules(cli.nrosters, cli.rosters, &rs);
    else
        status = audit(&cli, &rs);
out:
    free(rules_path);
    raci_diag_release(&diag);
    raci_ruleset_release(&rs);
    return status;
}
