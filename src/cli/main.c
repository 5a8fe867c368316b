/*
 * main.c - the raci command line: parse the options, load the ruleset, run
 * the command. The only file that calls exit() (by returning from main).
 *
 *   raci [options] ROSTER.csv [ROSTER2.csv ...]    cmd_audit.h
 *   raci rules [RULE-ID]                           cmd_rules.h
 *   raci diff [options] BEFORE AFTER               cmd_diff.h
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "raci/cmd_audit.h"
#include "raci/cmd_diff.h"
#include "raci/cmd_rules.h"
#include "raci/config.h"
#include "raci/diag.h"
#include "raci/error.h"
#include "raci/help.h"
#include "raci/options.h"
#include "raci/outfile.h"
#include "raci/outputs.h"
#include "raci/policy.h"
#include "raci/rosterdir.h"
#include "raci/ruleset.h"
#include "raci/ruleset_load.h"
#include "raci/str.h"

#ifndef RACI_DATADIR
#define RACI_DATADIR "/usr/local/share/raci"
#endif

/* The commands a first argument names; anything else is a roster. */
enum command { CMD_AUDIT, CMD_RULES, CMD_DIFF };

/* The default ruleset, found where `extends: default` finds it too: beside
 * the binary (a build tree or an installation), then ./rules, then where
 * `make install` puts it. When none exists, the installed path, so that the
 * error names where it was expected. */
static char *default_rules(void)
{
    char *path = raci_ruleset_locate("default");
    return path ? path : raci_str_dup(RACI_DATADIR "/rules/default.yaml");
}

/* The ruleset at path (--rules FILE, or the default ruleset) into rs. */
static int load_rules(const struct raci_options *o, const char *path, struct raci_ruleset *rs)
{
    struct raci_diag diag = {0};
    int status = RACI_EXIT_CLEAN;

    if (!path || raci_ruleset_load(rs, path, &diag) != RACI_OK) {
        if (diag.message)
            raci_diag_print(stderr, &diag, raci_options_color(o, stderr));
        else
            fprintf(stderr, "raci: %s\n", raci_error_string(RACI_ERROR_NOMEM));
        status = RACI_EXIT_TROUBLE;
    }
    raci_diag_release(&diag);
    return status;
}

/* What the operands of an audit say before a roster is read: among them,
 * no output may be an input or another output (outputs.h). */
static int check_audit(const struct raci_options *o, const struct raci_ruleset *rs)
{
    if (o->nargs == 0)
        return raci_options_usage_error("%s",
                                        "no roster given (usage: raci [options] ROSTER.csv ...)");
    if (strcmp(o->args[0], "diff") == 0)
        return raci_options_usage_error("%s", "'diff' comes first, its options after it (usage: "
                                              "raci diff [options] BEFORE AFTER)");
    if (o->max_churn >= 0)
        return raci_options_usage_error("%s", "--max-churn is an option of 'raci diff'");
    return raci_outputs_check(o, rs);
}

int main(int argc, char **argv)
{
    enum command cmd = argc < 2                        ? CMD_AUDIT
                       : strcmp(argv[1], "rules") == 0 ? CMD_RULES
                       : strcmp(argv[1], "diff") == 0  ? CMD_DIFF
                                                       : CMD_AUDIT;
    struct raci_options o;
    struct raci_ruleset rs = {0};
    char *rules = NULL;
    int status;

    /* Before any output is begun: a signal removes what is half-written. */
    raci_outfile_catch_signals();
    if (raci_options_init(&o, argc) != RACI_OK) {
        fprintf(stderr, "raci: %s\n", raci_error_string(RACI_ERROR_NOMEM));
        return RACI_EXIT_TROUBLE;
    }
    /* `raci rules ...` and `raci diff ...` take the options after their
     * name. */
    o.diff = cmd == CMD_DIFF;
    if (cmd != CMD_AUDIT)
        status = raci_options_parse(&o, argc - 1, argv + 1);
    else
        status = raci_options_parse(&o, argc, argv);
    if (status == RACI_EXIT_CLEAN && o.help) {
        raci_help_print(o.help, stdout);
        raci_options_release(&o);
        return RACI_EXIT_CLEAN;
    }
    /* The ruleset: --rules, else a .raci.yaml above the first roster (as
     * given, before a directory is expanded), else the default. */
    if (status == RACI_EXIT_CLEAN)
        rules = o.rules ? raci_str_dup(o.rules)
                        : raci_config_find(cmd != CMD_RULES && o.nargs > 0 ? o.args[0] : NULL);
    if (status == RACI_EXIT_CLEAN && !rules)
        rules = default_rules();
    if (status == RACI_EXIT_CLEAN && cmd == CMD_AUDIT)
        status = raci_rosterdir_expand(&o);
    /* The ruleset first: the files it is read from are inputs that no
     * output may overwrite. */
    if (status == RACI_EXIT_CLEAN)
        status = load_rules(&o, rules, &rs);
    if (status == RACI_EXIT_CLEAN && cmd == CMD_AUDIT)
        status = check_audit(&o, &rs);
    if (status == RACI_EXIT_CLEAN)
        status = cmd == CMD_RULES  ? raci_cmd_rules(&o, &rs)
                 : cmd == CMD_DIFF ? raci_cmd_diff(&o, &rs)
                                   : raci_cmd_audit(&o, &rs);
    free(rules);
    raci_ruleset_release(&rs);
    raci_options_release(&o);
    return status;
}
