/*
 * ruleset_load.h - read a ruleset (ruleset.h) from YAML.
 *
 * The file format is documented in rules/default.yaml, which is itself the
 * default ruleset. Every key is checked: an unknown key, a value of the wrong
 * type or an unknown rule id is RACI_ERROR_INPUT with file:line:column, the
 * offending line, and what would be right.
 *
 * A ruleset may start from another with `extends:`; its keys then merge into
 * the base: checks per rule id (severity and the parameters given), roles per
 * id (name replaced, titles added), tasks by name or alias (aliases added,
 * letters replaced per role), letter aliases per name, fallbacks per role;
 * seniority words are added; waivers are appended. `extends: NAME` (letters,
 * digits, - and _) is a bundled ruleset, found as by raci_ruleset_locate()
 * and else beside the extending file; anything else is a relative path to a
 * .yaml file in the extending file's directory or below it (extends.h says
 * what may be reached). At most 8 levels of extends, and no cycle. A base
 * that is no ruleset (not YAML, not a mapping) is reported without its
 * lines, which may hold anything; so is any ruleset whose whole is not a
 * mapping.
 *
 * A parameter's value is checked by its kind (RACI_PARAM_*, rules.h) and
 * kept in canonical form: a task named by name or alias is kept as the
 * task's key, a role id as the role's id.
 */
#ifndef RACI_RULESET_LOAD_H
#define RACI_RULESET_LOAD_H

#include <stddef.h>

#include "raci/diag.h"
#include "raci/error.h"
#include "raci/ruleset.h"

/*
 * Load the ruleset at path (at most 16 MiB) into rs, which is zeroed first
 * (so it must hold nothing: zeroed or released). On failure rs is left
 * released (zeroed) and: RACI_ERROR_IO when path or a base it extends by
 * path cannot be read (errno says why), RACI_ERROR_INPUT for a malformed
 * ruleset or base ruleset, or for a RACI_TODAY that is no date; both with
 * diag set (file:line:column of the offending node, its source line, and
 * what would be right). RACI_ERROR_NOMEM leaves diag alone. rs->file is a
 * copy of path; rs->today is set as ruleset.h says.
 */
raci_error raci_ruleset_load(struct raci_ruleset *rs, const char *path, struct raci_diag *diag);

/* Same, from YAML text in memory (len bytes, need not be terminated; text is
 * only read during the call; NULL is no text); display (NULL: "<ruleset>")
 * names it in diagnostics and rs->file. Such a ruleset can only extend a
 * bundled ruleset by name, never a path. */
raci_error raci_ruleset_load_mem(struct raci_ruleset *rs, const char *text, size_t len,
                                 const char *display, struct raci_diag *diag);

#endif
