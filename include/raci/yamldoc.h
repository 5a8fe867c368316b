/*
 * yamldoc.h - a YAML document parsed whole, whose every node keeps its place
 * in the text, and the diagnostics of a loader that checks each node.
 *
 * The ruleset loader (ruleset_load.c and the load_*.c modules it drives) is
 * its only user, and this is the one header that includes <yaml.h>: nothing
 * else in raci sees libyaml.
 *
 * Failures are RACI_ERROR_INPUT with d->diag set, in the style of every raci
 * diagnostic: file:line:column of the node (1-based), its source line, what
 * is wrong and what would be right. RACI_ERROR_NOMEM leaves the diagnostic
 * alone.
 */
#ifndef RACI_YAMLDOC_H
#define RACI_YAMLDOC_H

#include <stddef.h>

#include <yaml.h>

#include "raci/diag.h"
#include "raci/error.h"
#include "raci/str.h"

/*
 * What a document may cost, checked before libyaml builds it (whose time
 * grows with the square of the nesting, and whose memory is some hundred
 * bytes a value): at most 16 MiB of text, values nested at most 64 deep
 * (every mapping and list a level), at most a million values (scalars,
 * mappings, lists and aliases), in all the documents of the text.
 */
#define RACI_YAMLDOC_MAX_BYTES (16u << 20)
#define RACI_YAMLDOC_MAX_DEPTH 64
#define RACI_YAMLDOC_MAX_NODES 1000000

/*
 * A document and the text it was parsed from. The caller fills in display,
 * text, len and diag (none of them owned) and zeroes the rest; the text must
 * stay alive until raci_yamldoc_release.
 */
struct raci_yamldoc {
    const char *display;    /* the file's name in diagnostics */
    const char *text;       /* the bytes parsed; NULL when there are none */
    size_t len;             /* their number (text need not end in NUL) */
    struct raci_diag *diag; /* set by every failure */
    int no_source;          /* show no source line with a failure: for text
                               not known to be YAML, whose lines may be
                               anything (a password file, an environment) */
    yaml_document_t doc;    /* the parsed document */
    int parsed;             /* doc holds a document to delete */
};

/*
 * Parse d's text. On success *root is the root node of its document, or NULL
 * when the text holds none (it is empty, or only comments). A second
 * document is refused, as "WHAT is one YAML document; remove this second
 * one" at its start (what: "a ruleset"), because libyaml would silently
 * ignore it. Invalid YAML is "invalid YAML: ..." at the place libyaml names;
 * a construct left open at the end of the text is shown where it starts.
 * Text that is no text at all (bytes that are not UTF-8, control
 * characters) is reported without its line, which may hold anything.
 * Text past a limit above is refused first, without building anything:
 * "WHAT is larger than 16 MiB ..." at 1:1, "values nested deeper than 64
 * levels ..." where the level too many opens, "more than 1000000 values
 * ..." at the value too many.
 */
raci_error raci_yamldoc_parse(struct raci_yamldoc *d, const char *what, const yaml_node_t **root);

/* Free the parsed document, if any; d's text and diag are not touched. */
void raci_yamldoc_release(struct raci_yamldoc *d);

/* ----------------------------------------------------------- nodes -- */

/* The node with this id in d's document. */
yaml_node_t *raci_yamldoc_node(struct raci_yamldoc *d, yaml_node_item_t id);

/* The text of scalar node n (NUL-terminated by libyaml; see
 * raci_yamldoc_text for text that must hold no NUL). */
const char *raci_yamldoc_scalar(const yaml_node_t *n);

/* Loop over the pairs of mapping node map, or the items of sequence node
 * seq; the node must be of that type. */
#define RACI_YAMLDOC_PAIRS(map, p)                                                                 \
    for (yaml_node_pair_t *p = (map)->data.mapping.pairs.start; p < (map)->data.mapping.pairs.top; \
         p++)
#define RACI_YAMLDOC_ITEMS(seq, it)                                                                \
    for (yaml_node_item_t *it = (seq)->data.sequence.items.start;                                  \
         it < (seq)->data.sequence.items.top; it++)

/* What n is, for "expected X, got Y": a list, a mapping, an empty value, or
 * the scalar quoted ('ten'), cut to 40 characters. The text is in buf
 * (size bytes, 64 is enough) or static. */
const char *raci_yamldoc_describe(const yaml_node_t *n, char *buf, size_t size);

/* ---------------------------------------------------------- checks -- */

/* n is of this type, else "expected WHAT, got ..." at n. */
raci_error raci_yamldoc_want(struct raci_yamldoc *d, const yaml_node_t *n, yaml_node_type_t type,
                             const char *what);

/* The text of n, which must be a scalar ("expected WHAT, got ..."), hold no
 * NUL character and not be empty. *out points into the document. */
raci_error raci_yamldoc_text(struct raci_yamldoc *d, const yaml_node_t *n, const char *what,
                             const char **out);

/* Every key of mapping map is a scalar without a NUL character, and none is
 * given twice ("duplicate key 'x' (first given at line N)", at the second). */
raci_error raci_yamldoc_unique_keys(struct raci_yamldoc *d, const yaml_node_t *map);

/* n is a mapping (raci_yamldoc_want) with unique keys
 * (raci_yamldoc_unique_keys). */
raci_error raci_yamldoc_mapping(struct raci_yamldoc *d, const yaml_node_t *n, const char *what);

/* Every key of map (with unique keys) is one of keys[0..n), else
 * raci_yamldoc_unknown_key at the first that is not. */
raci_error raci_yamldoc_known_keys(struct raci_yamldoc *d, const yaml_node_t *map,
                                   const char *const *keys, size_t n, const char *where);

/* The value of key in map (with unique keys), or NULL. */
yaml_node_t *raci_yamldoc_get(struct raci_yamldoc *d, const yaml_node_t *map, const char *key);

/* "unknown key 'K'WHERE (expected a, b or c)" at key node k; where is ""
 * or such as " in role 'po'". */
raci_error raci_yamldoc_unknown_key(struct raci_yamldoc *d, const yaml_node_t *k, const char *where,
                                    const char *const *expected, size_t n);

/* -------------------------------------------------------- failures -- */

/* RACI_ERROR_INPUT with d->diag at node n, or at mark; the message is
 * formatted as by printf. */
raci_error raci_yamldoc_fail(struct raci_yamldoc *d, const yaml_node_t *n, const char *fmt, ...)
    RACI_PRINTF(3, 4);
raci_error raci_yamldoc_fail_at(struct raci_yamldoc *d, yaml_mark_t mark, const char *fmt, ...)
    RACI_PRINTF(3, 4);

/* ------------------------------------------------- text and names -- */

/* "a, b or c" from names[0..n) ("" for none), malloc'd; NULL when out of
 * memory. */
char *raci_yamldoc_join_or(const char *const *names, size_t n);

/* The i-th of a set of names, for raci_yamldoc_closest. */
typedef const char *(*raci_yamldoc_name_fn)(const void *ctx, size_t i);

/*
 * Did you mean: of the n names name_at(ctx, 0..n), the one closest to word
 * by edit distance (insertions, deletions and substitutions of bytes), if it
 * is close enough to be a typo: at most a third of word's length away, but
 * always 1 and never more than 3; the first of equally close ones. NULL
 * when none is, and for names or words over 64 bytes.
 */
const char *raci_yamldoc_closest(const char *word, raci_yamldoc_name_fn name_at, const void *ctx,
                                 size_t n);

/*
 * The 0-based line of text[0..len), as libyaml counts lines: LF, CR, CR LF,
 * NEL (U+0085), LS (U+2028) and PS (U+2029) each end one; a UTF-8 byte order
 * mark is not part of the first line. malloc'd, without its line break;
 * NULL when there is no such line, for UTF-16 text (its lines are not shown)
 * or when out of memory. The line ends early at a NUL byte.
 */
char *raci_yamldoc_source_line(const char *text, size_t len, size_t line);

/* The mark (0-based line and column, columns in characters) of a byte
 * offset into text[0..len), lines counted as by raci_yamldoc_source_line:
 * libyaml reports unreadable bytes by offset alone. */
yaml_mark_t raci_yamldoc_mark_at(const char *text, size_t len, size_t offset);

#endif
