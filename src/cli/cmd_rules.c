/*
 * cmd_rules.c - `raci rules [RULE-ID]`.
 */
#include "raci/cmd_rules.h"

#include <stdio.h>
#include <string.h>

#include "raci/rules.h"

/* `raci rules ID` */
static int explain(const struct raci_check *chk)
{
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
    return RACI_EXIT_CLEAN;
}

int raci_cmd_rules(const struct raci_options *o, const struct raci_ruleset *rs)
{
    size_t n;
    const struct raci_rule_def *all = raci_rules_all(&n);

    if (o->nargs > 1)
        return raci_options_usage_error("'rules' takes at most one rule id, not '%s'", o->args[1]);
    if (o->nargs == 1) {
        const struct raci_check *chk = raci_ruleset_check(rs, o->args[0]);
        if (!chk)
            return raci_options_usage_error("unknown rule '%s' (see 'raci rules' for the list)",
                                            o->args[0]);
        return explain(chk);
    }
    for (size_t i = 0; i < n; i++) {
        const struct raci_check *chk = raci_ruleset_check(rs, all[i].id);
        printf("%-26s %-8s %s\n", all[i].id, raci_severity_name(chk->severity), all[i].summary);
    }
    return RACI_EXIT_CLEAN;
}
