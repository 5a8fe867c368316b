/*
 * section_tasks.h - the tasks section of a ruleset file: canonical tasks, their
 * aliases and their default letters per role.
 *
 * Part of the ruleset loader (ruleset_load.c drives it, after the roles that
 * the letters name). Failures are as yamldoc.h says.
 */
#ifndef RACI_SECTION_TASKS_H
#define RACI_SECTION_TASKS_H

#include "raci/ruleset.h"
#include "raci/yamldoc.h"

/*
 * The whole `tasks:` list, already checked to be a list: each item
 * {name, aliases, raci}. A task whose name or alias is a task of a base
 * ruleset merges into it (aliases added, letters replaced per role given);
 * else it is a new task. A task may be defined once per file, and an alias
 * may not name another task.
 */
raci_error raci_section_tasks(struct raci_ruleset *rs, struct raci_yamldoc *d,
                              const yaml_node_t *seq);

#endif
