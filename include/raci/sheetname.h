/*
 * sheetname.h - names that Excel accepts for a worksheet.
 *
 * Excel refuses a sheet name that is empty, longer than 31 UTF-16 units,
 * holds one of []:*?/\, or starts or ends with an apostrophe; and it refuses
 * two names that differ only in case, or the name "History", which it keeps
 * for change tracking. raci names a sheet after each product, whose name may
 * be anything a roster holds, so every product's name goes through here.
 *
 * A name must also fit what libxlsxwriter keeps of it: a formula naming a
 * sheet quotes it ('O''Brien'!$1:$2), and libxlsxwriter holds a defined
 * name's formula in 128 bytes, cutting it unseen (even inside a character)
 * when it is longer. The print titles of a product's sheet name it twice
 * ('Name'!$A:$A,'Name'!$1:$2), so a name is also kept to
 * RACI_SHEETNAME_QUOTED_MAX bytes quoted: 18 CJK characters, 13 emoji, 27
 * Cyrillic letters, where 31 ASCII ones fit.
 *
 * Case: Excel compares names without case over all of Unicode. Here one
 * function, raci_sheetname_fold, decides which characters are the same but
 * for case: Unicode's simple case folding (fold.h), and the dotted and
 * dotless i with i, which some Excel pairs too. Every comparison below goes
 * through it.
 */
#ifndef RACI_SHEETNAME_H
#define RACI_SHEETNAME_H

#include <stddef.h>
#include <stdint.h>

#include "raci/error.h"
#include "raci/map.h"

/* Excel's limit on a sheet name, in UTF-16 code units. */
#define RACI_SHEETNAME_UNITS 31

/* The most bytes a name takes quoted: between apostrophes, each apostrophe
 * in it doubled. Twice that and "!$A:$A,!$1:$2" fit in 127 bytes. */
#define RACI_SHEETNAME_QUOTED_MAX 57

/* Room for any name raci_sheetname_safe or _unique writes, with its
 * terminator (31 units are at most 124 bytes of UTF-8). */
#define RACI_SHEETNAME_MAX 128

/*
 * Make an Excel-safe sheet name from name (NULL counts as "") into out
 * (size bytes, RACI_SHEETNAME_MAX is always enough):
 *  - each of []:*?/\ and each byte that is not UTF-8 becomes '_', each
 *    control character a space; so does '#', which Excel accepts but
 *    libxlsxwriter cuts a link to the sheet at;
 *  - leading and trailing spaces and apostrophes are dropped (Excel refuses
 *    a name that starts or ends with ');
 *  - cut to 31 UTF-16 units (a character beyond U+FFFF counts two) and to
 *    RACI_SHEETNAME_QUOTED_MAX bytes quoted, at a character boundary;
 *  - an empty result becomes "Sheet".
 * A buffer too small gets as many whole characters as fit, and a
 * terminator. Returns the length written.
 */
size_t raci_sheetname_safe(const char *name, char *out, size_t size);

/*
 * The safe name of name (as above) made unique against taken[0..ntaken)
 * (NULL entries are skipped) and against "History": on a clash " (2)",
 * " (3)"... is appended, the name cut to keep the whole within 31 units
 * and RACI_SHEETNAME_QUOTED_MAX bytes quoted.
 * Names compare as raci_sheetname_equal compares them. Returns the length.
 */
size_t raci_sheetname_unique(const char *name, const char *const *taken, size_t ntaken, char *out,
                             size_t size);

/*
 * The names a workbook has taken, for naming thousands of sheets in time
 * linear in their number: each name is found by a hash of its folded
 * characters (raci_sheetname_fold), then compared as raci_sheetname_equal
 * compares, so two names that differ only in case clash, and nothing else
 * does. "History" is always taken. Zero-initialise (RACI_SHEETNAME_SET_INIT);
 * raci_sheetname_set_release frees it. The set borrows the names added: they
 * must outlive it.
 */
struct raci_sheetname_set {
    struct raci_map index; /* (hash, probe) -> an index into names */
    struct raci_map next;  /* (hash of a safe name, 0) -> the last suffix given to it */
    const char **names;
    size_t n, cap;
};

#define RACI_SHEETNAME_SET_INIT                                                                    \
    {                                                                                              \
        {NULL, 0, 0}, {NULL, 0, 0}, NULL, 0, 0                                                     \
    }

/* Add name (borrowed) to the set; RACI_ERROR_NOMEM leaves it as it was. */
raci_error raci_sheetname_set_add(struct raci_sheetname_set *s, const char *name);

/* Is name (or "History") taken, as raci_sheetname_equal compares names? */
int raci_sheetname_set_has(const struct raci_sheetname_set *s, const char *name);

/*
 * The safe name of name made unique against the set, as
 * raci_sheetname_unique makes it (the same name for the same names taken),
 * written into out (size bytes) and added to the set: out must outlive it.
 * A name given many times costs no more than once: the set remembers the
 * last suffix each safe name got. RACI_OK, or RACI_ERROR_NOMEM (out is
 * written, not added).
 */
raci_error raci_sheetname_set_unique(struct raci_sheetname_set *s, const char *name, char *out,
                                     size_t size);

void raci_sheetname_set_release(struct raci_sheetname_set *s);

/* Are a and b the same sheet name to Excel: the same characters once each
 * is folded by raci_sheetname_fold? (A byte that is no UTF-8 equals only
 * itself.) */
int raci_sheetname_equal(const char *a, const char *b);

/* The case fold of code point cp: the one character that cp and its other
 * cases compare as in a sheet name (raci_fold_char, and 'i' for U+0130 İ
 * and U+0131 ı). */
uint32_t raci_sheetname_fold(uint32_t cp);

#endif
