/*
 * config.h - the ruleset a project keeps beside its rosters: a file named
 * .raci.yaml, found as ruff and yamllint find their configuration.
 *
 * When --rules is not given, raci looks for .raci.yaml in the directory of
 * the first roster (the directory itself when the first operand is one;
 * the current directory for standard input and for `raci rules`), then in
 * each directory above it. The search stops after the first directory that
 * holds a .git (the top of a repository: a project's configuration does
 * not reach into another's), after the user's home directory ($HOME: a
 * file above it belongs to someone else, or to the machine), and at the
 * file system's root. The file found is a ruleset like any other (it may
 * `extends: default`); when none is found, the default ruleset is used.
 */
#ifndef RACI_CONFIG_H
#define RACI_CONFIG_H

/* The name looked for. */
#define RACI_CONFIG_NAME ".raci.yaml"

/*
 * The .raci.yaml that governs operand (a roster, a directory, "-" or NULL
 * for the current directory), as a path (malloc'd), or NULL when there is
 * none, or when out of memory.
 */
char *raci_config_find(const char *operand);

#endif
