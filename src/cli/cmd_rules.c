/*
 * cmd_rules.c - `raci rules [RULE-ID]`, printed by the renderer of
 * doc/rules.md in its plain style.
 */
#include "raci/cmd_rules.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "raci/rules_doc.h"

int raci_cmd_rules(const struct raci_options *o, const struct raci_ruleset *rs)
{
    const struct raci_check *chk;
    raci_error err;

    if (o->nargs > 1)
        return raci_options_usage_error("'rules' takes at most one rule id, not '%s'", o->args[1]);
    if (o->nargs == 0) {
        err = raci_rules_doc_list(stdout, rs, RACI_RULES_DOC_TEXT);
    } else {
        if (!(chk = raci_ruleset_check(rs, o->args[0])))
            return raci_options_usage_error("unknown rule '%s' (see 'raci rules' for the list)",
                                            o->args[0]);
        err = raci_rules_doc_rule(stdout, rs, chk->def, RACI_RULES_DOC_TEXT);
    }
    if (err == RACI_OK && fflush(stdout) != 0)
        err = RACI_ERROR_OUTPUT;
    if (err) {
        fprintf(stderr, "raci: unable to write 'standard output': %s\n", strerror(errno));
        return RACI_EXIT_TROUBLE;
    }
    return RACI_EXIT_CLEAN;
}
