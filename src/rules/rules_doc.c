/*
 * rules_doc.c - the rules as a markdown document (doc/rules.md).
 *
 * Everything printed comes from the registry (rules.c) and the ruleset
 * given; nothing about a rule is written here, so the document cannot drift
 * from what `raci rules ID` and the SARIF metadata say.
 */
#include "raci/rules_doc.h"

#include <string.h>

#include "raci/rules.h"

/* Text in a table cell: '|' would end the cell, a line break the row. */
static void cell(FILE *out, const char *s)
{
    for (; *s; s++) {
        if (*s == '|')
            fputs("\\|", out);
        else if (*s == '\n')
            fputc(' ', out);
        else
            fputc(*s, out);
    }
}

/* The check for rule d in rs, or NULL (no ruleset, or one without it). */
static const struct raci_check *check_of(const struct raci_ruleset *rs,
                                         const struct raci_rule_def *d)
{
    return rs ? raci_ruleset_check(rs, d->id) : NULL;
}

/* A parameter's value: a number, a task list by the tasks' display names, a
 * role as "em (Engineering Manager)", other words as written. Without a
 * ruleset, the registry's default; lists and words have none there. */
static void param_value(FILE *out, const struct raci_ruleset *rs, const struct raci_param_def *pd,
                        const struct raci_param *p, int in_table)
{
    if (pd->kind == RACI_PARAM_INT) {
        fprintf(out, "%ld", p ? p->ival : pd->int_default);
        return;
    }
    if (!p ||
        ((pd->kind == RACI_PARAM_WORD || pd->kind == RACI_PARAM_ROLE) && !(p->sval && *p->sval)) ||
        (pd->kind == RACI_PARAM_TASKS && p->nlist == 0)) {
        fputs(p ? "(none)" : "(set by the ruleset)", out);
        return;
    }
    for (size_t i = 0; i < (pd->kind == RACI_PARAM_TASKS ? p->nlist : 1); i++) {
        const char *v = pd->kind == RACI_PARAM_TASKS ? p->list[i] : p->sval;
        int t = pd->kind == RACI_PARAM_TASKS ? raci_ruleset_find_task(rs, v) : -1;
        int r = pd->kind == RACI_PARAM_ROLE ? raci_ruleset_role(rs, v) : -1;
        if (i)
            fputs(", ", out);
        if (t >= 0)
            v = rs->tasks[t].name;
        if (in_table)
            cell(out, v);
        else
            fputs(v, out);
        if (r >= 0 && strcmp(rs->roles[r].name, rs->roles[r].id) != 0)
            fprintf(out, " (%s)", rs->roles[r].name);
    }
}

static void table(FILE *out, const struct raci_ruleset *rs, const struct raci_rule_def *all,
                  size_t n)
{
    fputs("| rule | severity | parameters | what it finds |\n"
          "| --- | --- | --- | --- |\n",
          out);
    for (size_t i = 0; i < n; i++) {
        const struct raci_rule_def *d = &all[i];
        const struct raci_check *c = check_of(rs, d);

        fprintf(out, "| [%s](#%s) | %s | ", d->id, d->id,
                raci_severity_name(c ? c->severity : d->severity));
        if (!d->params[0].name)
            fputs("–", out);
        for (const struct raci_param_def *pd = d->params; pd->name; pd++) {
            fprintf(out, "%s`%s` = ", pd == d->params ? "" : "; ", pd->name);
            param_value(out, rs, pd, raci_ruleset_param(c, pd->name), 1);
        }
        fputs(" | ", out);
        cell(out, d->summary);
        fputs(" |\n", out);
    }
}

static void section(FILE *out, const struct raci_ruleset *rs, const struct raci_rule_def *d)
{
    const struct raci_check *c = check_of(rs, d);
    enum raci_severity sev = c ? c->severity : d->severity;
    int waiver = d->scope == RACI_SCOPE_WAIVER;

    fprintf(out, "\n## %s\n\n", d->id);
    fprintf(out, "Severity: %s", raci_severity_name(sev));
    if (sev != d->severity)
        fprintf(out, " (registry default: %s)", raci_severity_name(d->severity));
    fprintf(out, ". One finding per %s. SARIF name: `%s`.\n\n", raci_rules_scope_name(d->scope),
            d->name);
    /* The summary is a phrase; here it starts a sentence. */
    fprintf(out, "%c%s.\n\n%s\n",
            d->summary[0] >= 'a' && d->summary[0] <= 'z' ? d->summary[0] - 'a' + 'A'
                                                         : d->summary[0],
            d->summary + 1, d->why);
    if (d->params[0].name) {
        fputs("\nParameters:\n\n", out);
        for (const struct raci_param_def *pd = d->params; pd->name; pd++) {
            const struct raci_param *p = raci_ruleset_param(c, pd->name);
            fprintf(out, "- `%s` = ", pd->name);
            param_value(out, rs, pd, p, 0);
            fprintf(out, ": %s", pd->doc);
            if (pd->kind == RACI_PARAM_INT && p && p->ival != pd->int_default)
                fprintf(out, " (registry default %ld)", pd->int_default);
            fputs("\n", out);
        }
    }
    fprintf(out, "\n%s that breaks it:\n\n```%s\n%s\n```\n",
            waiver ? "A ruleset excerpt" : "A roster", waiver ? "yaml" : "csv", d->example);
}

raci_error raci_rules_markdown(FILE *out, const struct raci_ruleset *rs)
{
    size_t n;
    const struct raci_rule_def *all = raci_rules_all(&n);

    fputs("# raci's rules\n\n"
          "Generated by `make doc/rules.md` from the rule registry (src/rules.c) and the\n"
          "default ruleset (rules/default.yaml); do not edit. `raci rules` lists the rules in\n"
          "force with your ruleset's severities, `raci rules ID` explains one with its\n"
          "parameters' values. Each rule's severity and parameters can be changed, and the\n"
          "rule turned off, under `checks:` in a ruleset that `extends: default`; a single\n"
          "finding can be waived, for a reason and until a date, under `waivers:` (see the\n"
          "header of rules/default.yaml).\n\n",
          out);
    table(out, rs, all, n);
    for (size_t i = 0; i < n; i++)
        section(out, rs, &all[i]);
    return ferror(out) ? RACI_ERROR_OUTPUT : RACI_OK;
}
