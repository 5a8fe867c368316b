/*
 * rosterdir.h - directory arguments: `raci DIR` audits every roster under
 * DIR, as linters lint every file under a directory they are given.
 *
 * A roster under a directory is a file whose name ends in .csv or .xlsx
 * (in any case), found recursively. Hidden entries (a name that starts
 * with '.', such as .git) are skipped, and so are the default output
 * directory (./output, where the workbooks go), the file -o names when it
 * is raci's own workbook (xlsx_props.h: a roster someone keeps as a
 * workbook stays a roster, and the run refuses to write over it), and
 * symbolic links to directories (a link could lead back up the tree).
 * The rosters found are sorted by their path's bytes, so that a run's
 * findings do not depend on the order the file system lists them in, and
 * take the directory's place among the operands.
 */
#ifndef RACI_ROSTERDIR_H
#define RACI_ROSTERDIR_H

#include "raci/options.h"

/*
 * Replace each operand of o that names a directory with the rosters under
 * it. When the first operand is a directory, o->workbook_stem gets its name
 * (the default workbook is then output/<its name>-raci.xlsx). The new list
 * of operands is o's (raci_options_release frees it). RACI_EXIT_TROUBLE,
 * after a message on standard error, for a directory that holds no roster
 * or cannot be read, or when out of memory; else RACI_EXIT_CLEAN.
 */
int raci_rosterdir_expand(struct raci_options *o);

/* Does path name a directory ("-", standard input, never does)? */
int raci_rosterdir_is_dir(const char *path);

/*
 * The rosters under one directory, dir, found and sorted as above (the
 * default output directory, the file -o names and the file --people names
 * are skipped), for a command that keeps each directory's rosters apart
 * (`raci diff BEFORE/ AFTER/`): *paths gets a malloc'd array of *n
 * malloc'd paths, which raci_rosterdir_free frees. RACI_EXIT_TROUBLE, after
 * a message on standard error and with *paths NULL, for a directory that
 * holds no roster or cannot be read, or when out of memory; else
 * RACI_EXIT_CLEAN.
 */
int raci_rosterdir_list(const struct raci_options *o, const char *dir, char ***paths, size_t *n);

/* Free what raci_rosterdir_list gave (NULL is nothing). */
void raci_rosterdir_free(char **paths, size_t n);

#endif
