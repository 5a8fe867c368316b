/*
 * yamldoc.c - a YAML document parsed whole, and the diagnostics of a loader
 * that checks each node.
 *
 * libyaml's document API keeps every node's mark (line and column), so that
 * a loader can check nodes in whatever order it applies them and still say
 * where each one is. libyaml's marks are 0-based; diagnostics are 1-based.
 */
#include "raci/yamldoc.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* Names longer than this are never typos of one another: the edit distance
 * keeps one row of this many entries on the stack. */
#define MAX_SUGGEST_LEN 64

/* ------------------------------------------------------------- text -- */

/* The length in bytes of the line break at p, one of libyaml's (LF, CR,
 * NEL, LS, PS; CR LF counting as one), or 0 when there is none. */
static size_t line_break(const char *p, const char *end)
{
    const unsigned char *u = (const unsigned char *)p;
    size_t left = (size_t)(end - p);

    if (u[0] == '\r')
        return left > 1 && u[1] == '\n' ? 2 : 1;
    if (u[0] == '\n')
        return 1;
    if (left > 1 && u[0] == 0xc2 && u[1] == 0x85)
        return 2;
    if (left > 2 && u[0] == 0xe2 && u[1] == 0x80 && (u[2] == 0xa8 || u[2] == 0xa9))
        return 3;
    return 0;
}

static int has_utf8_bom(const char *text, size_t len)
{
    return len >= 3 && !memcmp(text, "\xef\xbb\xbf", 3);
}

char *raci_yamldoc_source_line(const char *text, size_t len, size_t line)
{
    const char *p = text, *end, *q;
    char *out;

    if (!p)
        return NULL;
    end = p + len;
    if (len >= 2 && ((unsigned char)p[0] == 0xfe || (unsigned char)p[0] == 0xff))
        return NULL;
    if (has_utf8_bom(text, len))
        p += 3;
    while (line > 0 && p < end) {
        size_t b = line_break(p, end);
        p += b ? b : 1;
        if (b)
            line--;
    }
    if (line > 0)
        return NULL;
    for (q = p; q < end && *q && !line_break(q, end); q++)
        ;
    out = malloc((size_t)(q - p) + 1);
    if (out) {
        memcpy(out, p, (size_t)(q - p));
        out[q - p] = '\0';
    }
    return out;
}

yaml_mark_t raci_yamldoc_mark_at(const char *text, size_t len, size_t offset)
{
    yaml_mark_t m = {0, 0, 0};
    const char *p = text, *text_end = text + len;
    const char *end = text + (offset < len ? offset : len);

    if (has_utf8_bom(text, len))
        p += 3;
    while (p < end) {
        size_t b = line_break(p, text_end);
        if (b) {
            m.line++;
            m.column = 0;
            p += b;
        } else {
            if (((unsigned char)*p & 0xc0) != 0x80)
                m.column++;
            p++;
        }
    }
    m.index = offset;
    return m;
}

char *raci_yamldoc_join_or(const char *const *names, size_t n)
{
    struct raci_str b = RACI_STR_INIT;

    for (size_t i = 0; i < n; i++) {
        if (i)
            raci_str_add(&b, i + 1 == n ? " or " : ", ");
        raci_str_add(&b, names[i]);
    }
    return raci_str_take(&b);
}

/* Edit distance between a and b, or SIZE_MAX for long strings. */
static size_t edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    size_t row[MAX_SUGGEST_LEN + 1];

    if (la > MAX_SUGGEST_LEN || lb > MAX_SUGGEST_LEN)
        return (size_t)-1;
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}

const char *raci_yamldoc_closest(const char *word, raci_yamldoc_name_fn name_at, const void *ctx,
                                 size_t n)
{
    size_t limit = strlen(word) / 3, best = (size_t)-1;
    const char *found = NULL;

    if (limit < 1)
        limit = 1;
    if (limit > 3)
        limit = 3;
    for (size_t i = 0; i < n; i++) {
        const char *c = name_at(ctx, i);
        size_t d = edit_distance(word, c);
        if (d <= limit && d < best) {
            best = d;
            found = c;
        }
    }
    return found;
}

/* -------------------------------------------------------- failures -- */

/* How much of a source line a diagnostic shows, in characters before the
 * column and from it: a long line is shown as a piece around the place. */
#define SHOW_BEFORE 100
#define SHOW_AFTER  100

#define ELLIPSIS    "\xe2\x80\xa6" /* U+2026 */
#define REPLACEMENT "\xef\xbf\xbd" /* U+FFFD */

/* Would a terminal act on cp rather than show it? */
static int is_control(uint32_t cp)
{
    return (cp < 0x20 && cp != '\t') || (cp >= 0x7F && cp < 0xA0);
}

/*
 * The piece of line (a whole source line, NUL-terminated) shown with a
 * diagnostic at column col (1-based, in characters): at most SHOW_BEFORE
 * characters before it and SHOW_AFTER from it, with "…" where the line goes
 * on; a control character or a byte that is no UTF-8 is shown as U+FFFD.
 * *caret is col's column within the piece. malloc'd; NULL when out of
 * memory.
 */
static char *display_piece(const char *line, unsigned col, unsigned *caret)
{
    struct raci_str b = RACI_STR_INIT;
    size_t n = strlen(line), start = col > SHOW_BEFORE + 1 ? col - 1 - SHOW_BEFORE : 0;
    size_t i = 0, chars = 0;

    *caret = col;
    if (start > 0) {
        raci_str_add(&b, ELLIPSIS);
        *caret = (unsigned)(col - start + 1);
    }
    while (i < n && chars < start + SHOW_BEFORE + SHOW_AFTER) {
        uint32_t cp;
        size_t k = raci_str_decode(line + i, n - i, &cp);
        if (chars >= start) {
            if (!k || is_control(cp))
                raci_str_add(&b, REPLACEMENT);
            else
                raci_str_addn(&b, line + i, k);
        }
        i += k ? k : 1;
        chars++;
    }
    if (i < n)
        raci_str_add(&b, ELLIPSIS);
    return raci_str_take(&b);
}

/* How many characters of a quoted value a message shows at each end of it,
 * when the value is longer than twice that. */
#define QUOTED_END 30

/* Is the quote at msg[i] one that opens a value ('x' after a space, a
 * bracket or the start), or one that closes it (before a space,
 * punctuation or the end)? An apostrophe inside a word is neither. */
static int opens_quote(const char *msg, size_t i)
{
    return msg[i] == '\'' && (i == 0 || strchr(" ([{:", msg[i - 1]));
}

static int closes_quote(const char *msg, size_t i)
{
    return msg[i] == '\'' && (!msg[i + 1] || strchr(" ,.;:)]}?!", msg[i + 1]));
}

/* msg with each quoted value of more than 2 * QUOTED_END characters shown
 * by its ends ('abc…xyz'): a 20 KB key is not echoed whole. malloc'd; NULL
 * when out of memory. */
static char *shorten_quoted(const char *msg)
{
    struct raci_str b = RACI_STR_INIT;
    size_t i = 0, n = strlen(msg);

    while (i < n) {
        size_t j = i + 1, chars;
        if (!opens_quote(msg, i)) {
            raci_str_addc(&b, msg[i++]);
            continue;
        }
        while (j < n && !closes_quote(msg, j))
            j++;
        chars = raci_str_chars(msg + i + 1, j - i - 1);
        raci_str_addc(&b, '\'');
        if (j == n || chars <= 2 * QUOTED_END) {
            raci_str_addn(&b, msg + i + 1, j - i - 1);
        } else {
            size_t head = 0, tail = j, k;
            for (k = 0; k < QUOTED_END; k++) {
                size_t c = raci_str_decode(msg + i + 1 + head, j - i - 1 - head, NULL);
                head += c ? c : 1;
            }
            for (k = 0; k < QUOTED_END; k++)
                while (--tail > i + 1 && ((unsigned char)msg[tail] & 0xC0) == 0x80)
                    ;
            raci_str_addn(&b, msg + i + 1, head);
            raci_str_add(&b, ELLIPSIS);
            raci_str_addn(&b, msg + tail, j - tail);
        }
        i = j;
        if (i < n)
            raci_str_addc(&b, msg[i++]);
    }
    return raci_str_take(&b);
}

static raci_error vfail_at(struct raci_yamldoc *d, yaml_mark_t mark, int show, const char *fmt,
                           va_list ap) RACI_PRINTF(4, 0);

static raci_error vfail_at(struct raci_yamldoc *d, yaml_mark_t mark, int show, const char *fmt,
                           va_list ap)
{
    char *whole = raci_str_vprintf(fmt, ap), *msg = whole ? shorten_quoted(whole) : NULL;
    char *line = NULL;
    unsigned caret = 0;
    raci_error err;

    free(whole);
    if (!msg)
        return RACI_ERROR_NOMEM;
    /* Without its line (not shown, out of memory, UTF-16) the diagnostic
     * still says where. */
    if (show && !d->no_source && (line = raci_yamldoc_source_line(d->text, d->len, mark.line))) {
        char *full = line;
        line = display_piece(full, (unsigned)mark.column + 1, &caret);
        free(full);
    }
    err = raci_diag_set(d->diag, d->display, (unsigned)mark.line + 1, (unsigned)mark.column + 1,
                        line, "%s", msg);
    if (err == RACI_ERROR_INPUT && line)
        d->diag->source_col = caret;
    free(line);
    free(msg);
    return err;
}

raci_error raci_yamldoc_fail_at(struct raci_yamldoc *d, yaml_mark_t mark, const char *fmt, ...)
{
    va_list ap;
    raci_error err;

    va_start(ap, fmt);
    err = vfail_at(d, mark, 1, fmt, ap);
    va_end(ap);
    return err;
}

raci_error raci_yamldoc_fail(struct raci_yamldoc *d, const yaml_node_t *n, const char *fmt, ...)
{
    va_list ap;
    raci_error err;

    va_start(ap, fmt);
    err = vfail_at(d, n->start_mark, 1, fmt, ap);
    va_end(ap);
    return err;
}

/* A failure at mark shown without its line. */
static raci_error fail_unshown(struct raci_yamldoc *d, yaml_mark_t mark, const char *fmt, ...)
    RACI_PRINTF(3, 4);

static raci_error fail_unshown(struct raci_yamldoc *d, yaml_mark_t mark, const char *fmt, ...)
{
    va_list ap;
    raci_error err;

    va_start(ap, fmt);
    err = vfail_at(d, mark, 0, fmt, ap);
    va_end(ap);
    return err;
}

/* ----------------------------------------------------------- nodes -- */

yaml_node_t *raci_yamldoc_node(struct raci_yamldoc *d, yaml_node_item_t id)
{
    return yaml_document_get_node(&d->doc, id);
}

const char *raci_yamldoc_scalar(const yaml_node_t *n)
{
    return (const char *)n->data.scalar.value;
}

const char *raci_yamldoc_describe(const yaml_node_t *n, char *buf, size_t size)
{
    if (n->type == YAML_SEQUENCE_NODE)
        return "a list";
    if (n->type == YAML_MAPPING_NODE)
        return "a mapping";
    if (n->data.scalar.length == 0)
        return "an empty value";
    if (n->data.scalar.length > 40)
        snprintf(buf, size, "'%.37s...'", raci_yamldoc_scalar(n));
    else
        snprintf(buf, size, "'%s'", raci_yamldoc_scalar(n));
    return buf;
}

raci_error raci_yamldoc_want(struct raci_yamldoc *d, const yaml_node_t *n, yaml_node_type_t type,
                             const char *what)
{
    char buf[64];

    if (n->type == type)
        return RACI_OK;
    return raci_yamldoc_fail(d, n, "expected %s, got %s", what,
                             raci_yamldoc_describe(n, buf, sizeof buf));
}

raci_error raci_yamldoc_text(struct raci_yamldoc *d, const yaml_node_t *n, const char *what,
                             const char **out)
{
    raci_error err = raci_yamldoc_want(d, n, YAML_SCALAR_NODE, what);

    if (err)
        return err;
    if (strlen(raci_yamldoc_scalar(n)) != n->data.scalar.length)
        return raci_yamldoc_fail(d, n, "a NUL character is not allowed in %s", what);
    if (n->data.scalar.length == 0)
        return raci_yamldoc_fail(d, n, "expected %s, got an empty value", what);
    *out = raci_yamldoc_scalar(n);
    return RACI_OK;
}

raci_error raci_yamldoc_unique_keys(struct raci_yamldoc *d, const yaml_node_t *map)
{
    char buf[64];

    RACI_YAMLDOC_PAIRS(map, p)
    {
        const yaml_node_t *k = raci_yamldoc_node(d, p->key);
        if (k->type != YAML_SCALAR_NODE)
            return raci_yamldoc_fail(d, k, "expected a name as key, got %s",
                                     raci_yamldoc_describe(k, buf, sizeof buf));
        if (strlen(raci_yamldoc_scalar(k)) != k->data.scalar.length)
            return raci_yamldoc_fail(d, k, "a NUL character is not allowed in a key");
        for (yaml_node_pair_t *q = map->data.mapping.pairs.start; q < p; q++) {
            const yaml_node_t *k2 = raci_yamldoc_node(d, q->key);
            if (!strcmp(raci_yamldoc_scalar(k), raci_yamldoc_scalar(k2)))
                return raci_yamldoc_fail(d, k, "duplicate key '%s' (first given at line %lu)",
                                         raci_yamldoc_scalar(k),
                                         (unsigned long)k2->start_mark.line + 1);
        }
    }
    return RACI_OK;
}

raci_error raci_yamldoc_mapping(struct raci_yamldoc *d, const yaml_node_t *n, const char *what)
{
    raci_error err = raci_yamldoc_want(d, n, YAML_MAPPING_NODE, what);

    return err ? err : raci_yamldoc_unique_keys(d, n);
}

raci_error raci_yamldoc_known_keys(struct raci_yamldoc *d, const yaml_node_t *map,
                                   const char *const *keys, size_t n, const char *where)
{
    RACI_YAMLDOC_PAIRS(map, p)
    {
        const yaml_node_t *k = raci_yamldoc_node(d, p->key);
        size_t i = 0;
        while (i < n && strcmp(keys[i], raci_yamldoc_scalar(k)) != 0)
            i++;
        if (i == n)
            return raci_yamldoc_unknown_key(d, k, where, keys, n);
    }
    return RACI_OK;
}

yaml_node_t *raci_yamldoc_get(struct raci_yamldoc *d, const yaml_node_t *map, const char *key)
{
    RACI_YAMLDOC_PAIRS(map, p)
    {
        if (!strcmp(raci_yamldoc_scalar(raci_yamldoc_node(d, p->key)), key))
            return raci_yamldoc_node(d, p->value);
    }
    return NULL;
}

raci_error raci_yamldoc_unknown_key(struct raci_yamldoc *d, const yaml_node_t *k, const char *where,
                                    const char *const *expected, size_t n)
{
    char *list = raci_yamldoc_join_or(expected, n);
    raci_error err;

    if (!list)
        return RACI_ERROR_NOMEM;
    err = raci_yamldoc_fail(d, k, "unknown key '%s'%s (expected %s)", raci_yamldoc_scalar(k), where,
                            list);
    free(list);
    return err;
}

/* --------------------------------------------------------- parsing -- */

/* A libyaml error as a diagnostic at the place it names. */
static raci_error parse_failure(struct raci_yamldoc *d, const yaml_parser_t *p)
{
    if (p->error == YAML_MEMORY_ERROR)
        return RACI_ERROR_NOMEM;
    if (p->error == YAML_READER_ERROR)
        return fail_unshown(d, raci_yamldoc_mark_at(d->text, d->len, p->problem_offset),
                            "invalid YAML: %s", p->problem ? p->problem : "unreadable text");
    if (p->context) {
        /* A problem found at the very end (an unclosed bracket or quote) is
         * shown where the unclosed construct starts. */
        char *line = raci_yamldoc_source_line(d->text, d->len, p->problem_mark.line);
        int at_end = !line || !*line;
        free(line);
        if (at_end)
            return raci_yamldoc_fail_at(d, p->context_mark,
                                        "invalid YAML: %s %s that starts here (the file ends "
                                        "first)",
                                        p->problem ? p->problem : "syntax error", p->context);
        return raci_yamldoc_fail_at(
            d, p->problem_mark, "invalid YAML: %s %s (at line %lu, column %lu)",
            p->problem ? p->problem : "syntax error", p->context,
            (unsigned long)p->context_mark.line + 1, (unsigned long)p->context_mark.column + 1);
    }
    return raci_yamldoc_fail_at(d, p->problem_mark, "invalid YAML: %s",
                                p->problem ? p->problem : "syntax error");
}

/* The limits of yamldoc.h, checked with libyaml's event parser, which
 * builds nothing and stops at the first event past a limit: nesting costs
 * libyaml time in proportion to its depth for every token, so stopping at
 * a bounded depth keeps it linear. A syntax error stops the check too: the
 * document parse that follows stops at it and reports it. */
static raci_error check_limits(struct raci_yamldoc *d, const char *what)
{
    yaml_parser_t p;
    yaml_event_t ev;
    size_t depth = 0, nodes = 0;
    raci_error err = RACI_OK;
    yaml_mark_t at = {0, 0, 0};

    if (d->len > RACI_YAMLDOC_MAX_BYTES)
        return fail_unshown(d, at,
                            "%s is larger than %u MiB, the most raci reads: %s must be smaller",
                            what, RACI_YAMLDOC_MAX_BYTES >> 20, what);
    if (!yaml_parser_initialize(&p))
        return RACI_ERROR_NOMEM;
    yaml_parser_set_input_string(&p, (const unsigned char *)(d->text ? d->text : ""),
                                 d->text ? d->len : 0);
    while (!err && yaml_parser_parse(&p, &ev)) {
        yaml_event_type_t type = ev.type;
        at = ev.start_mark;
        yaml_event_delete(&ev);
        if (type == YAML_STREAM_END_EVENT)
            break;
        if (type == YAML_SEQUENCE_END_EVENT || type == YAML_MAPPING_END_EVENT) {
            depth--;
            continue;
        }
        if (type != YAML_SCALAR_EVENT && type != YAML_ALIAS_EVENT &&
            type != YAML_SEQUENCE_START_EVENT && type != YAML_MAPPING_START_EVENT)
            continue;
        if (++nodes > RACI_YAMLDOC_MAX_NODES)
            err = raci_yamldoc_fail_at(d, at, "more than %d values, the most %s may hold",
                                       RACI_YAMLDOC_MAX_NODES, what);
        else if ((type == YAML_SEQUENCE_START_EVENT || type == YAML_MAPPING_START_EVENT) &&
                 ++depth > RACI_YAMLDOC_MAX_DEPTH)
            err = raci_yamldoc_fail_at(d, at,
                                       "values nested deeper than %d levels, the most %s may have "
                                       "(a ruleset needs a few: roles: po: titles: [...] is four)",
                                       RACI_YAMLDOC_MAX_DEPTH, what);
    }
    if (!err && p.error == YAML_MEMORY_ERROR)
        err = RACI_ERROR_NOMEM;
    yaml_parser_delete(&p);
    return err;
}

raci_error raci_yamldoc_parse(struct raci_yamldoc *d, const char *what, const yaml_node_t **root)
{
    yaml_parser_t parser;
    yaml_document_t extra;
    const yaml_node_t *extra_root;
    raci_error err = RACI_OK;

    *root = NULL;
    if ((err = check_limits(d, what)) != RACI_OK)
        return err;
    if (!yaml_parser_initialize(&parser))
        return RACI_ERROR_NOMEM;
    yaml_parser_set_input_string(&parser, (const unsigned char *)(d->text ? d->text : ""),
                                 d->text ? d->len : 0);
    if (!yaml_parser_load(&parser, &d->doc)) {
        err = parse_failure(d, &parser);
        goto cleanup;
    }
    d->parsed = 1;
    if (!yaml_document_get_root_node(&d->doc))
        goto cleanup;
    if (!yaml_parser_load(&parser, &extra)) {
        err = parse_failure(d, &parser);
        goto cleanup;
    }
    extra_root = yaml_document_get_root_node(&extra);
    if (extra_root)
        err = raci_yamldoc_fail(d, extra_root, "%s is one YAML document; remove this second one",
                                what);
    yaml_document_delete(&extra);
    if (!err)
        *root = yaml_document_get_root_node(&d->doc);
cleanup:
    yaml_parser_delete(&parser);
    return err;
}

void raci_yamldoc_release(struct raci_yamldoc *d)
{
    if (d->parsed)
        yaml_document_delete(&d->doc);
    d->parsed = 0;
}
