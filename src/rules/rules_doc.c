/*
 * rules_doc.c - the rules explained: one renderer, in plain text for `raci
 * rules` and in Markdown for doc/rules.md.
 *
 * Everything printed comes from the registry (rules.c) and the ruleset
 * given; nothing about a rule is written here. Each piece of a rule (its
 * severities, summary, reasons, parameters' values, example) is made once,
 * and the two styles differ only in how they set it, so `raci rules ID`,
 * doc/rules.md and the SARIF metadata cannot drift apart.
 */
#include "raci/rules_doc.h"

#include <string.h>

#include "raci/rules.h"

/* Text in a table cell: '|' would end the cell, a line break the row. */
static void md_cell(FILE *out, const char *s)
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

static enum raci_severity severity_of(const struct raci_check *c, const struct raci_rule_def *d)
{
    return c ? c->severity : d->severity;
}

/* A parameter's value: a number, a task list by the tasks' display names, a
 * role as "em (Engineering Manager)", other words as written. Without a
 * ruleset, the registry's default; lists and words have none there. In a
 * table cell, escaped for it. */
static void print_value(FILE *out, const struct raci_ruleset *rs, const struct raci_param_def *pd,
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
            md_cell(out, v);
        else
            fputs(v, out);
        if (r >= 0 && strcmp(rs->roles[r].name, rs->roles[r].id) != 0)
            fprintf(out, " (%s)", rs->roles[r].name);
    }
}

/* A parameter's documentation, and the registry's default when the
 * ruleset changed a number. */
static void print_param_doc(FILE *out, const struct raci_param_def *pd, const struct raci_param *p)
{
    fputs(pd->doc, out);
    if (pd->kind == RACI_PARAM_INT && p && p->ival != pd->int_default)
        fprintf(out, " (registry default %ld)", pd->int_default);
}

/* The title: the id and the severities in force and by default. */
static void rule_head(FILE *out, const struct raci_check *c, const struct raci_rule_def *d,
                      enum raci_rules_doc_style style)
{
    enum raci_severity sev = severity_of(c, d);

    if (style == RACI_RULES_DOC_TEXT) {
        fprintf(out, "%s (%s, default %s)\n\n%s.\n\nWhy: %s\n", d->id, raci_severity_name(sev),
                raci_severity_name(d->severity), d->summary, d->why);
        return;
    }
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
}

static void rule_params(FILE *out, const struct raci_ruleset *rs, const struct raci_check *c,
                        const struct raci_rule_def *d, enum raci_rules_doc_style style)
{
    if (!d->params[0].name)
        return;
    fputs(style == RACI_RULES_DOC_TEXT ? "\nParameters:\n" : "\nParameters:\n\n", out);
    for (const struct raci_param_def *pd = d->params; pd->name; pd++) {
        const struct raci_param *p = raci_ruleset_param(c, pd->name);
        if (style == RACI_RULES_DOC_TEXT) {
            fprintf(out, "  %s = ", pd->name);
            print_value(out, rs, pd, p, 0);
            fputs("\n      ", out);
        } else {
            fprintf(out, "- `%s` = ", pd->name);
            print_value(out, rs, pd, p, 0);
            fputs(": ", out);
        }
        print_param_doc(out, pd, p);
        fputs("\n", out);
    }
}

static void rule_example(FILE *out, const struct raci_rule_def *d, enum raci_rules_doc_style style)
{
    int waiver = d->scope == RACI_SCOPE_WAIVER;

    if (style == RACI_RULES_DOC_MARKDOWN) {
        fprintf(out, "\n%s that breaks it:\n\n```%s\n%s\n```\n",
                waiver ? "A ruleset excerpt" : "A roster", waiver ? "yaml" : "csv", d->example);
        return;
    }
    fputs("\nExample that breaks it:\n", out);
    for (const char *s = d->example; *s;) {
        size_t len = strcspn(s, "\n");
        fprintf(out, "  %.*s\n", (int)len, s);
        s += len + (s[len] == '\n');
    }
}

raci_error raci_rules_doc_rule(FILE *out, const struct raci_ruleset *rs,
                               const struct raci_rule_def *d, enum raci_rules_doc_style style)
{
    const struct raci_check *c = check_of(rs, d);

    rule_head(out, c, d, style);
    rule_params(out, rs, c, d, style);
    rule_example(out, d, style);
    return ferror(out) ? RACI_ERROR_OUTPUT : RACI_OK;
}

/* One rule's line of the list, or row of the table. */
static void list_entry(FILE *out, const struct raci_ruleset *rs, const struct raci_rule_def *d,
                       enum raci_rules_doc_style style)
{
    const struct raci_check *c = check_of(rs, d);

    if (style == RACI_RULES_DOC_TEXT) {
        fprintf(out, "%-26s %-8s %s\n", d->id, raci_severity_name(severity_of(c, d)), d->summary);
        return;
    }
    fprintf(out, "| [%s](#%s) | %s | ", d->id, d->id, raci_severity_name(severity_of(c, d)));
    if (!d->params[0].name)
        fputs("–", out);
    for (const struct raci_param_def *pd = d->params; pd->name; pd++) {
        fprintf(out, "%s`%s` = ", pd == d->params ? "" : "; ", pd->name);
        print_value(out, rs, pd, raci_ruleset_param(c, pd->name), 1);
    }
    fputs(" | ", out);
    md_cell(out, d->summary);
    fputs(" |\n", out);
}

raci_error raci_rules_doc_list(FILE *out, const struct raci_ruleset *rs,
                               enum raci_rules_doc_style style)
{
    size_t n;
    const struct raci_rule_def *all = raci_rules_all(&n);

    if (style == RACI_RULES_DOC_MARKDOWN)
        fputs("| rule | severity | parameters | what it finds |\n"
              "| --- | --- | --- | --- |\n",
              out);
    for (size_t i = 0; i < n; i++)
        list_entry(out, rs, &all[i], style);
    return ferror(out) ? RACI_ERROR_OUTPUT : RACI_OK;
}

raci_error raci_rules_doc_markdown(FILE *out, const struct raci_ruleset *rs)
{
    size_t n;
    const struct raci_rule_def *all = raci_rules_all(&n);

    fputs(
        "# raci's rules\n\n"
        "Generated by `make doc/rules.md` from the rule registry (include/raci/rules.def) and the\n"
        "default ruleset (rules/default.yaml); do not edit. `raci rules` lists the rules in\n"
        "force with your ruleset's severities, `raci rules ID` explains one with its\n"
        "parameters' values. Each rule's severity and parameters can be changed, and the\n"
        "rule turned off, under `checks:` in a ruleset that `extends: default`; a single\n"
        "finding can be waived, for a reason and until a date, under `waivers:` (see the\n"
        "header of rules/default.yaml).\n\n",
        out);
    raci_rules_doc_list(out, rs, RACI_RULES_DOC_MARKDOWN);
    for (size_t i = 0; i < n; i++)
        raci_rules_doc_rule(out, rs, &all[i], RACI_RULES_DOC_MARKDOWN);
    return ferror(out) ? RACI_ERROR_OUTPUT : RACI_OK;
}
