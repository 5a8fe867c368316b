/*
 * section_roles.h - the sections of a ruleset file about people: roles (ids,
 * names, title patterns), seniority words and fallbacks; and references to
 * roles from anywhere in the file.
 *
 * Part of the ruleset loader (ruleset_load.c drives it): each function
 * applies one entry of a section, whose node ruleset_load.c has already
 * checked to be of the right type. Failures are as yamldoc.h says.
 */
#ifndef RACI_SECTION_ROLES_H
#define RACI_SECTION_ROLES_H

#include "raci/ruleset.h"
#include "raci/yamldoc.h"

/* One entry of `roles:`: key is the role id (a new role, or one of a base
 * ruleset), value a mapping {name, titles}; the name replaces the role's,
 * the titles are added to its patterns. */
raci_error raci_section_roles(struct raci_ruleset *rs, struct raci_yamldoc *d,
                              const yaml_node_t *key, const yaml_node_t *value);

/* One item of `seniority:`: a word, added to rs->seniority as its key. */
raci_error raci_section_roles_seniority(struct raci_ruleset *rs, struct raci_yamldoc *d,
                                        const yaml_node_t *item);

/* One entry of `fallbacks:`: key a role id, value a list of other role ids,
 * which replaces the role's fallbacks (repeats dropped). */
raci_error raci_section_roles_fallbacks(struct raci_ruleset *rs, struct raci_yamldoc *d,
                                        const yaml_node_t *key, const yaml_node_t *value);

/* Node n names a role of rs: its index in *out. Else an error at n: "unknown
 * role 'x'WHERE" with the closest role id as a suggestion, or the list of
 * role ids. where is such as " in 'fallbacks'". */
raci_error raci_section_roles_ref(const struct raci_ruleset *rs, struct raci_yamldoc *d,
                                  const yaml_node_t *n, const char *where, int *out);

/* The error of raci_section_roles_ref for id, a name that is no role of rs,
 * written at n. */
raci_error raci_section_roles_unknown(const struct raci_ruleset *rs, struct raci_yamldoc *d,
                                      const yaml_node_t *n, const char *id, const char *where);

#endif
