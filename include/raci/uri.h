/*
 * uri.h - the addresses raci writes into its reports: where the project
 * and its rules' documentation live, and the URI of a roster file.
 */
#ifndef RACI_URI_H
#define RACI_URI_H

/* Where the project lives; SARIF's informationUri points here. */
#define RACI_HOME_URL "https://github.com/raci-tool/raci"

/* The artifact URI of a roster path, for SARIF: relative paths with forward
 * slashes ("./" dropped), percent-encoded where RFC 3986 needs it; an
 * absolute path becomes a file:// URI. malloc'd; NULL when out of memory. */
char *raci_uri_from_path(const char *path);

/* Where rule id is documented: its section of doc/rules.md under
 * RACI_HOME_URL (SARIF's helpUri). malloc'd; NULL when out of memory. */
char *raci_uri_rule_doc(const char *id);

#endif
