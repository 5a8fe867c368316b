/*
 * reader.c - the roster CSV reader.
 *
 * Three passes over the bytes: decode them to UTF-8 (decode.h), pick the
 * delimiter from the header line, then hand the text to libcsv in chunks that
 * each end at a byte that can end a field (the delimiter, CR or LF). libcsv
 * calls back only on such bytes, so every callback is known to come from the
 * last byte of the chunk: that is what lets cells carry exact line and column
 * numbers without a second CSV parser of our own.
 *
 * libcsv runs in strict mode, and stops at a quote inside an unquoted field;
 * the reader notes the quote, hands libcsv that one byte with strict mode
 * off, which reads it as a quote, and goes on strictly. A quote after a
 * closing quote, and a quote never closed, stay errors.
 */
#include "raci/reader.h"

#include <csv.h>
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "raci/array.h"
#include "raci/decode.h"
#include "raci/delimiter.h"
#include "raci/infile.h"
#include "raci/progress.h"
#include "raci/str.h"
#include "raci/textpos.h"

/* Longest run handed to csv_parse in one call. Bounding it lets us widen
 * libcsv's buffer growth between calls (see parse_text), so that a huge field
 * costs a few reallocations instead of one per fixed step, and lets the field
 * limit be seen within a chunk of being passed. */
#define CHUNK_MAX (64u * 1024u)
#define BLK_MAX   (1024u * 1024u)

/* How much of a line past the error a diagnostic shows. */
#define DISPLAY_TAIL 200

#define STRICT  (CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL)
#define LENIENT (CSV_STRICT_FINI | CSV_APPEND_NULL)

#define NOWHERE SIZE_MAX

/* Columns whose cell above is remembered (intern_field). */
#define ABOVE 64

/* The note of cell k of the row being read: it goes into the table when the
 * row ends, where its cell is then. */
struct pending_note {
    uint32_t k;
    struct raci_cell_note n;
};

struct reader {
    struct raci_table *t;
    struct raci_strpool *pool;
    struct raci_diag *diag;
    const char *name; /* display name for diagnostics */
    const char *buf;  /* the decoded text, NUL-terminated */
    size_t len;
    const struct raci_decode_bad *bads; /* decode's bad characters, in order */
    size_t nbads, next_bad;             /* next_bad: the first not yet in a cell */
    char delim;
    int (*is_space)(unsigned char);
    struct raci_textpos cur; /* only moves forward */
    size_t at;               /* offset of the last byte of the chunk being parsed */
    size_t field_start;      /* offset just past the end of the previous field */
    size_t quote_at;         /* the first stray quote of the field being read, or NOWHERE */
    uint32_t nquotes;
    bool row_start; /* no field of the current row has ended yet */
    bool have_header;
    struct raci_cell *cells; /* the current row, until it ends */
    size_t ncells, cap;
    struct pending_note *notes; /* of the current row's cells, until it ends */
    size_t nnotes, cap_notes;
    /* The text of the cell above, in each of the first ABOVE columns, and
     * its length: a sorted export repeats it. */
    const char *above[ABOVE];
    size_t above_len[ABOVE];
    raci_error err; /* set by a callback; parsing stops at the next chunk */
};

/* ------------------------------------------------------------ positions -- */

/* Report an input error at offset off (at or past the cursor), with its line
 * as the source. Returns RACI_ERROR_INPUT, or RACI_ERROR_NOMEM. */
static raci_error fail_at_offset(struct reader *r, size_t off, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

static raci_error fail_at_offset(struct reader *r, size_t off, const char *fmt, ...)
{
    va_list ap;
    char *msg, *source;
    raci_error err = RACI_ERROR_NOMEM;

    raci_textpos_advance(&r->cur, r->buf, off);
    va_start(ap, fmt);
    msg = raci_str_vprintf(fmt, ap);
    va_end(ap);
    source = raci_textpos_line(&r->cur, r->buf, r->len, DISPLAY_TAIL);
    if (msg && source)
        err = raci_diag_set(r->diag, r->name, r->cur.line, r->cur.col, source, "%s", msg);
    free(msg);
    free(source);
    return err;
}

/*
 * Is the text one that can be read at all? Not when decode found a UTF-16
 * character cut off by the end of the file, nor when NULs make up more than
 * one byte in RACI_READER_NUL_RATIO of the head of the file (reader.h). Any
 * other bad character is bad text in its cell.
 */
static raci_error check_text(struct reader *r, const struct raci_decoded *txt, size_t inlen)
{
    size_t head = inlen < RACI_READER_NUL_HEAD ? inlen : RACI_READER_NUL_HEAD, nuls = 0;
    /* A NUL character of UTF-16 is two NUL bytes. */
    size_t width = strncmp(txt->encoding, "UTF-16", 6) == 0 ? 2 : 1;
    const struct raci_decode_bad *first = NULL;

    if (txt->nbads && txt->bads[txt->nbads - 1].cut)
        return fail_at_offset(r, txt->bads[txt->nbads - 1].at,
                              "the file ends in the middle of a %s character: it looks cut short",
                              txt->encoding);
    for (size_t i = 0; i < txt->nbads && txt->bads[i].in < head; i++) {
        if (txt->bads[i].what != RACI_STR_BAD_NUL)
            continue;
        first = first ? first : &txt->bads[i];
        nuls += width;
    }
    if (nuls * RACI_READER_NUL_RATIO > head)
        return fail_at_offset(r, first->at,
                              "this is no text file: %zu of its first %zu bytes are NUL (a binary "
                              "file, or UTF-16 without a byte order mark); save the roster as "
                              "UTF-8 CSV",
                              nuls, head);
    return RACI_OK;
}

/* ------------------------------------------------------------- parsing -- */

/* Spaces libcsv trims around unquoted fields (its default test). With a tab
 * delimiter a tab must not be one, or a field made of tabs would vanish. */
static int is_space(unsigned char c)
{
    return c == ' ' || c == '\t';
}

static int is_space_not_tab(unsigned char c)
{
    return c == ' ';
}

/* Where the field after the previous one begins: past the spaces libcsv
 * skips, and at the start of a row past blank lines too. A quoted field
 * begins at its opening quote; a blank field at the byte that ends it. */
static size_t field_begin(const struct reader *r, size_t limit)
{
    size_t i = r->field_start;

    while (i < limit) {
        unsigned char c = (unsigned char)r->buf[i];
        if (c != (unsigned char)r->delim && r->is_space(c))
            i++;
        else if (r->row_start && (c == '\r' || c == '\n'))
            i++;
        else
            break;
    }
    return i;
}

/* Where offset off of the text is, at or past the cursor, which stays. */
static struct raci_textpos place(const struct reader *r, size_t off)
{
    struct raci_textpos p = r->cur;
    raci_textpos_advance(&p, r->buf, off);
    return p;
}

/* The bad and control characters of the field that ends at end, as decode
 * listed them: the first and the count go into n. */
static void note_bad_text(struct reader *r, size_t end, struct raci_cell_note *n)
{
    const struct raci_decode_bad *first = NULL;

    for (; r->next_bad < r->nbads && r->bads[r->next_bad].at < end; r->next_bad++) {
        first = first ? first : &r->bads[r->next_bad];
        n->nbad++;
    }
    if (first) {
        struct raci_textpos p = place(r, first->at);
        n->bad_line = p.line;
        n->bad_col = p.col;
        n->bad_what = first->what;
        n->bad_code = first->code;
    }
}

/* What is wrong in the field that ends at end, whose text is s (len
 * bytes), the next cell of the row: its note, when it needs one. */
static raci_error note_cell(struct reader *r, size_t end, const char *s, size_t len)
{
    struct pending_note p = {(uint32_t)r->ncells, {0}};
    struct raci_cell_note *n = &p.n;

    note_bad_text(r, end, n);
    if (n->nbad)
        n->flags |= RACI_READER_BAD_TEXT;
    if (r->nquotes) {
        struct raci_textpos at = place(r, r->quote_at);
        n->quote_line = at.line;
        n->quote_col = at.col;
        n->nquotes = r->nquotes;
        n->flags |= RACI_READER_STRAY_QUOTE;
    }
    /* A cell has at most as many UTF-16 units as bytes. */
    if (len > RACI_READER_CELL_UNITS &&
        (n->units = (uint32_t)raci_str_units(s, len)) > RACI_READER_CELL_UNITS)
        n->flags |= RACI_READER_LONG;
    r->quote_at = NOWHERE;
    r->nquotes = 0;
    if (!n->flags)
        return RACI_OK;
    if (raci_array_grow(&r->notes, &r->cap_notes, r->nnotes + 1, sizeof(*r->notes)))
        return RACI_ERROR_NOMEM;
    r->notes[r->nnotes++] = p;
    return RACI_OK;
}

/* The field limit of reader.h, reached by the field starting at begin. */
static raci_error field_too_long(struct reader *r, size_t begin, int quoted)
{
    return fail_at_offset(r, begin,
                          "field is longer than %u bytes (1 MiB), the most raci reads in one "
                          "cell: %s",
                          RACI_READER_MAX_FIELD,
                          quoted ? "is its closing quote missing?"
                                 : "keep such text elsewhere, and give its link in the cell");
}

/* A lone CR in a field (a line break in a file from an old Mac) becomes LF:
 * a writer that drops the CR of CR LF must not lose the break. */
static void lone_cr_to_lf(char *s, size_t len)
{
    for (char *cr = memchr(s, '\r', len); cr; cr = memchr(cr + 1, '\r', len - (size_t)(cr + 1 - s)))
        if ((size_t)(cr + 1 - s) == len || cr[1] != '\n')
            *cr = '\n';
}

/* The pool's copy of field s[0..len), column r->ncells of its row: the
 * cell above it first, compared byte for byte, before a hash and a probe
 * of the pool. */
static const char *intern_field(struct reader *r, const char *s, size_t len)
{
    size_t c = r->ncells;
    const char *text;

    if (c < ABOVE && r->above[c] && r->above_len[c] == len &&
        (!len || !memcmp(r->above[c], s, len)))
        return r->above[c];
    text = raci_strpool_intern(r->pool, len ? s : "", len);
    if (text && c < ABOVE) {
        r->above[c] = text;
        r->above_len[c] = len;
    }
    return text;
}

/* libcsv's field callback: the field ended at r->at. */
static void on_field(void *s, size_t len, void *data)
{
    struct reader *r = data;
    const char *text;

    if (r->err)
        return;
    raci_textpos_advance(&r->cur, r->buf, field_begin(r, r->at));
    if (len > RACI_READER_MAX_FIELD) {
        r->err = field_too_long(r, r->cur.off, r->buf[r->cur.off] == '"');
        return;
    }
    if (raci_array_grow(&r->cells, &r->cap, r->ncells + 1, sizeof(*r->cells)) != RACI_OK) {
        r->err = RACI_ERROR_NOMEM;
        return;
    }
    if (len && memchr(s, '\r', len))
        lone_cr_to_lf(s, len);
    text = intern_field(r, s, len);
    if (!text) {
        r->err = RACI_ERROR_NOMEM;
        return;
    }
    r->cells[r->ncells] = (struct raci_cell){text, r->cur.line, r->cur.col};
    if ((r->err = note_cell(r, r->at, text, len)))
        return;
    r->ncells++;
    r->field_start = r->at + 1;
    r->row_start = false;
}

/* libcsv's row callback: move the fields gathered so far into a row. */
static void on_row(int c, void *data)
{
    struct reader *r = data;
    struct raci_table *t = r->t;
    struct raci_row row;

    (void)c;
    if (r->err || r->ncells == 0)
        return;
    row.line = r->cells[0].line;
    row.ncells = (uint32_t)r->ncells;
    row.cells = raci_table_cells(t, row.ncells);
    if (!row.cells) {
        r->err = RACI_ERROR_NOMEM;
        return;
    }
    memcpy(row.cells, r->cells, r->ncells * sizeof(*row.cells));
    for (size_t i = 0; i < r->nnotes; i++)
        if ((r->err = raci_table_note_add(t, &row.cells[r->notes[i].k], &r->notes[i].n)))
            return;
    r->nnotes = 0;
    if (!r->have_header) {
        t->header = row;
        r->have_header = true;
    } else if (raci_array_grow(&t->rows, &t->cap, t->nrows + 1, sizeof(*t->rows)) != RACI_OK) {
        r->err = RACI_ERROR_NOMEM;
        return;
    } else {
        t->rows[t->nrows++] = row;
        raci_progress_add(RACI_PROGRESS_ROWS, 1);
    }
    r->ncells = 0;
    r->row_start = true;
    r->field_start = r->at + 1;
}

/*
 * libcsv stopped at offset off in strict mode, at a quote where none may
 * be. In a quoted field, text after its closing quote: an error. In an
 * unquoted one, a quote that is text (5'11"): noted for its cell, and read as
 * it is by libcsv with strict mode off for that byte alone.
 */
static raci_error stray_quote(struct reader *r, struct csv_parser *p, size_t off)
{
    size_t done;

    if (p->quoted)
        return fail_at_offset(
            r, off,
            "unexpected text after a closing quote: inside a quoted field, write a "
            "quote as two quotes (\"\")");
    if (!r->nquotes++)
        r->quote_at = off;
    csv_set_opts(p, LENIENT);
    done = csv_parse(p, r->buf + off, 1, on_field, on_row, r);
    csv_set_opts(p, STRICT);
    return done == 1 ? RACI_OK : RACI_ERROR_NOMEM;
}

/* Parse the chunk [pos, end) of the text, through its stray quotes. */
static raci_error parse_chunk(struct reader *r, struct csv_parser *p, size_t pos, size_t end)
{
    raci_error err;

    r->at = end - 1;
    while (pos < end) {
        size_t done = csv_parse(p, r->buf + pos, end - pos, on_field, on_row, r);
        if (r->err)
            return r->err;
        if (done == end - pos)
            break;
        if (csv_error(p) != CSV_EPARSE)
            return RACI_ERROR_NOMEM;
        if ((err = stray_quote(r, p, pos + done)))
            return err;
        pos += done + 1;
    }
    /* A field that is still being read, past the limit already. */
    if (p->entry_pos > RACI_READER_MAX_FIELD)
        return field_too_long(r, field_begin(r, end), p->quoted);
    return RACI_OK;
}

static raci_error parse_text(struct reader *r)
{
    struct csv_parser p;
    char specials[4] = {r->delim, '\r', '\n', '\0'};
    size_t pos = 0, next = 0, blk = 4096; /* next: the next special byte at or after pos */
    raci_error err = RACI_OK;

    if (csv_init(&p, STRICT) != 0)
        return RACI_ERROR_NOMEM;
    csv_set_delim(&p, (unsigned char)r->delim);
    /* libcsv's built-in test (space or tab) is inlined in its loop; a
     * function of ours costs a call per byte, so it is set only when it must
     * differ. */
    if (r->delim == '\t')
        csv_set_space_func(&p, is_space_not_tab);
    csv_set_blk_size(&p, blk);
    while (pos < r->len) {
        /* The text holds no NUL (decode saw to it), so strcspn stops at the
         * next special byte or at the end. */
        if (next <= pos)
            next = pos + strcspn(r->buf + pos, specials);
        size_t end = next < r->len ? next + 1 : r->len;
        if (end - pos > CHUNK_MAX)
            end = pos + CHUNK_MAX;
        /* libcsv grows its field buffer by a fixed step. Make the step
         * follow the buffer's size, up to BLK_MAX, past which realloc moves
         * pages rather than bytes and a large step would only waste memory. */
        if (blk < BLK_MAX && csv_get_buffer_size(&p) > blk) {
            blk = csv_get_buffer_size(&p) < BLK_MAX ? csv_get_buffer_size(&p) : BLK_MAX;
            csv_set_blk_size(&p, blk);
        }
        if ((err = parse_chunk(r, &p, pos, end)))
            goto cleanup;
        pos = end;
    }
    r->at = r->len;
    if (csv_fini(&p, on_field, on_row, r) != 0) {
        err = fail_at_offset(r, field_begin(r, r->len),
                             "unterminated quoted field: add the closing '\"'");
        goto cleanup;
    }
    err = r->err;
cleanup:
    csv_free(&p);
    return err;
}

/* ---------------------------------------------------------- public API -- */

/* Read len bytes at data into t (reader.h); own: data itself, malloc'd with
 * room for len + 1 bytes, which the call takes (raci_decode_take), or NULL
 * when data is the caller's. */
static raci_error read_input(struct raci_table *t, const char *data, char *own, size_t len,
                             const char *display, struct raci_strpool *pool, struct raci_diag *diag)
{
    struct raci_diag scratch = {0};
    struct raci_decoded txt = {0};
    struct reader r = {0};
    const unsigned char *in = (const unsigned char *)data;
    raci_error err;

    raci_reader_release(t);
    if (!diag)
        diag = &scratch;
    r.name = display ? display : "<memory>";
    t->file = raci_strpool_add(pool, r.name);
    if (!t->file) {
        err = RACI_ERROR_NOMEM;
        goto cleanup;
    }
    if (len > RACI_READER_MAX_FILE) {
        err = raci_infile_too_large(diag, r.name);
        goto cleanup;
    }
    if (own)
        err = raci_decode_take((unsigned char *)own, len, &txt);
    else
        err = raci_decode(len ? in : (const unsigned char *)"", len, &txt);
    own = NULL; /* decode's now */
    if (err == RACI_ERROR_IO) {
        int e = errno;
        if (raci_diag_set(diag, r.name, 0, 0, NULL, "cannot convert text with iconv: %s",
                          strerror(e)) == RACI_ERROR_NOMEM)
            err = RACI_ERROR_NOMEM;
        errno = e;
    }
    if (err)
        goto cleanup;
    t->encoding = txt.encoding;
    r.t = t;
    r.pool = pool;
    r.diag = diag;
    r.buf = txt.buf;
    r.len = txt.len;
    r.bads = txt.bads;
    r.nbads = txt.nbads;
    raci_textpos_init(&r.cur);
    r.quote_at = NOWHERE;
    r.row_start = true;
    err = check_text(&r, &txt, len);
    if (err)
        goto cleanup;
    r.delim = raci_delimiter_detect(r.buf, r.len);
    r.is_space = r.delim == '\t' ? is_space_not_tab : is_space;
    t->delimiter = r.delim;
    err = parse_text(&r);
    raci_table_finish(t);
    if (!err && !r.have_header)
        err = raci_diag_set(diag, r.name, 1, 1, NULL,
                            "file is %s: expected a header row such as "
                            "'person,title,product,task,raci'",
                            len == 0     ? "empty"
                            : r.len == 0 ? "empty but for its byte order mark"
                                         : "blank (nothing but spaces and line breaks)");
cleanup:
    free(own);
    free(r.cells);
    free(r.notes);
    raci_decode_release(&txt);
    raci_diag_release(&scratch);
    if (err)
        raci_reader_release(t);
    return err;
}

raci_error raci_reader_read_mem(struct raci_table *t, const char *data, size_t len,
                                const char *display, struct raci_strpool *pool,
                                struct raci_diag *diag)
{
    return read_input(t, data, NULL, len, display, pool, diag);
}

raci_error raci_reader_read_owned(struct raci_table *t, char *data, size_t len, const char *display,
                                  struct raci_strpool *pool, struct raci_diag *diag)
{
    return read_input(t, data, data, len, display, pool, diag);
}

raci_error raci_reader_read_stream(struct raci_table *t, FILE *in, const char *display,
                                   struct raci_strpool *pool, struct raci_diag *diag)
{
    struct raci_diag scratch = {0};
    const char *name = display ? display : "<stdin>";
    char *buf;
    size_t len;
    raci_error err = raci_infile_read(in, name, &buf, &len, diag ? diag : &scratch);

    raci_diag_release(&scratch);
    if (err) {
        raci_reader_release(t);
        return err;
    }
    return raci_reader_read_owned(t, buf, len, name, pool, diag);
}

raci_error raci_reader_read_file(struct raci_table *t, const char *path, const char *display,
                                 struct raci_strpool *pool, struct raci_diag *diag)
{
    struct raci_diag scratch = {0};
    FILE *f;
    raci_error err;

    if (strcmp(path, "-") == 0)
        return raci_reader_read_stream(t, stdin, display ? display : "<stdin>", pool, diag);
    if (!display)
        display = path;
    f = fopen(path, "rb");
    if (!f) {
        int e = errno;
        raci_reader_release(t);
        err = raci_diag_set(diag ? diag : &scratch, display, 0, 0, NULL, "unable to open '%s': %s",
                            path, strerror(e));
        raci_diag_release(&scratch);
        errno = e;
        return err == RACI_ERROR_NOMEM ? err : RACI_ERROR_IO;
    }
    err = raci_reader_read_stream(t, f, display, pool, diag);
    fclose(f);
    return err;
}

void raci_reader_release(struct raci_table *t)
{
    raci_table_release(t);
}
