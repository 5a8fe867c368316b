/*
 * fuzz_reader.c - libFuzzer harness for the roster CSV reader.
 *
 * Any bytes must give either a table whose every cell has UTF-8 text and a
 * position, or an error with a diagnostic; never a crash, a leak or a
 * sanitizer report. The checks below abort() so that libFuzzer keeps the
 * input when the reader breaks its own promises.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "raci/error.h"
#include "raci/reader.h"
#include "raci/str.h"
#include "raci/strpool.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A cell's text is UTF-8 (bad input reads as U+FFFD), holds no lone CR
 * (it became LF), and its note, if any, names it, at its place, with flags.
 * Returns 1 for a cell with a note. */
static size_t check_cell(const struct raci_table *t, const struct raci_cell *c)
{
    size_t n = strlen(c->text);
    const char *cr = memchr(c->text, '\r', n);
    const struct raci_cell_note *note = raci_table_note(t, c);

    if (raci_str_valid(c->text, n) != n ||
        (note && (note->cell != c || note->line != c->line || note->col != c->col || !note->flags)))
        abort();
    for (; cr; cr = memchr(cr + 1, '\r', n - (size_t)(cr + 1 - c->text)))
        if (cr[1] != '\n')
            abort();
    return note != NULL;
}

/* Returns how many cells of row have a note. */
static size_t check_row(const struct raci_table *t, const struct raci_row *row, uint32_t min_line)
{
    size_t noted = 0;

    if (row->ncells == 0 || !row->cells || row->line < min_line)
        abort();
    for (uint32_t i = 0; i < row->ncells; i++) {
        const struct raci_cell *c = &row->cells[i];
        if (!c->text || c->line < row->line || c->col == 0 ||
            strlen(c->text) > RACI_READER_MAX_FIELD)
            abort();
        noted += check_cell(t, c);
        /* Cells of a row run forward through the text. */
        if (i > 0 && (c->line < row->cells[i - 1].line ||
                      (c->line == row->cells[i - 1].line && c->col <= row->cells[i - 1].col)))
            abort();
    }
    return noted;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct raci_strpool *pool = raci_strpool_new();
    struct raci_table t = {0};
    struct raci_diag d = {0};
    raci_error err;

    if (!pool)
        return 0;
    err = raci_reader_read_mem(&t, (const char *)data, size, "fuzz.csv", pool, &d);
    if (err == RACI_OK) {
        uint32_t line;
        size_t noted;
        if (!t.file || !t.encoding || !strchr(",;\t", t.delimiter))
            abort();
        noted = check_row(&t, &t.header, 1);
        line = t.header.line + 1;
        for (size_t i = 0; i < t.nrows; i++) {
            noted += check_row(&t, &t.rows[i], line);
            line = t.rows[i].line + 1;
        }
        /* Every note is of a cell of the table. */
        if (noted != t.nnotes)
            abort();
    } else if (err == RACI_ERROR_INPUT) {
        if (!d.message || !d.file || t.header.cells || t.rows)
            abort();
    } else if (err != RACI_ERROR_NOMEM) {
        abort();
    }
    raci_reader_release(&t);
    raci_diag_release(&d);
    raci_strpool_free(pool);
    return 0;
}
