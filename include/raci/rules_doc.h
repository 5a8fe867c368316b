/*
 * rules_doc.h - the rules explained, in two styles of one renderer: plain
 * text for `raci rules [ID]`, Markdown for doc/rules.md.
 *
 * Severities and parameter values are those of rs, or the registry's
 * defaults when rs is NULL. A parameter's value reads the same in both
 * styles: a number, a task list by the tasks' display names ("Market
 * research, KPIs"), a role by its id and name ("em (Engineering
 * Manager)"), "(none)" when empty; a number the ruleset changed names the
 * registry's default beside its documentation.
 *
 * doc/rules.md is raci_rules_doc_markdown for rules/default.yaml: the
 * table of every rule, then one section per rule. It is generated (`make
 * doc/rules.md`, by tools/gen-rules-doc.c) and a unit test fails when the
 * committed file differs, so the registry (rules.def) stays its one source.
 *
 * Each function returns RACI_ERROR_OUTPUT when out reports an error, else
 * RACI_OK.
 */
#ifndef RACI_RULES_DOC_H
#define RACI_RULES_DOC_H

#include <stdio.h>

#include "raci/error.h"
#include "raci/rules.h"
#include "raci/ruleset.h"

enum raci_rules_doc_style {
    RACI_RULES_DOC_TEXT,    /* for a terminal: `raci rules` */
    RACI_RULES_DOC_MARKDOWN /* for doc/rules.md */
};

/*
 * One rule: its severity in force and by default, summary, reasons,
 * parameters with their values, and an example that breaks it. As text:
 *
 *   pm-owns-strategy (error, default error)
 *
 *   market research, customer feedback, ... answer to a Product Manager.
 *
 *   Why: ...
 *
 *   Parameters:
 *     tasks = Market research, Customer feedback, Product vision, Roadmap, KPIs
 *         tasks whose accountable person should be a Product Manager
 *
 *   Example that breaks it:
 *     person,title,product,task,raci
 *     ...
 *
 * As Markdown, a "## id" section of doc/rules.md.
 */
raci_error raci_rules_doc_rule(FILE *out, const struct raci_ruleset *rs,
                               const struct raci_rule_def *d, enum raci_rules_doc_style style);

/* Every rule of the registry, in documentation order: as text one line
 * each (id, severity in force, summary); as Markdown the table that opens
 * doc/rules.md (with the parameters' values). */
raci_error raci_rules_doc_list(FILE *out, const struct raci_ruleset *rs,
                               enum raci_rules_doc_style style);

/* The whole document, doc/rules.md. */
raci_error raci_rules_doc_markdown(FILE *out, const struct raci_ruleset *rs);

#endif
