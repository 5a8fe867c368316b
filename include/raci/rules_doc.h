/*
 * rules_doc.h - the rules as a markdown document.
 *
 * doc/rules.md is this module's output for rules/default.yaml: a table of
 * every rule of the registry with its severity, parameters and summary,
 * then one section per rule with its reasons, parameters, and an example
 * that breaks it. It is generated (`make doc/rules.md`, by
 * tools/gen-rules-doc.c) and a unit test fails when the committed file
 * differs, so the registry in src/rules.c stays its one source.
 */
#ifndef RACI_RULES_DOC_H
#define RACI_RULES_DOC_H

#include <stdio.h>

#include "raci/error.h"
#include "raci/ruleset.h"

/*
 * Write the document to out. Severities and parameter values are those of
 * rs (a task list by the tasks' names, a role by its id and name), or the
 * registry's defaults when rs is NULL. RACI_ERROR_OUTPUT when out reports
 * an error.
 */
raci_error raci_rules_markdown(FILE *out, const struct raci_ruleset *rs);

#endif
