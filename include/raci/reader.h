/*
 * reader.h - the roster CSV reader.
 *
 * Turns the bytes of a roster file into a table of cells, each with the
 * 1-based line and column where it starts. It takes the files that Excel and
 * HR systems write: UTF-8 with or without a BOM, UTF-16 (LE or BE) with a BOM,
 * Windows-1252 (converted with iconv); LF or CRLF line ends; ',' ';' or tab
 * delimiters (detected from the header line); quoted fields holding
 * delimiters, doubled quotes and newlines. Parsing is libcsv's.
 *
 * Columns are counted in characters (not bytes) of the decoded text, so that
 * they match what an editor shows. A quoted field's column is the column of
 * its opening quote.
 *
 * Unquoted fields lose the spaces (and, unless tab is the delimiter, the tabs)
 * around them, as libcsv trims them; quoted fields keep theirs. Text is
 * otherwise as written: a line end inside quotes stays CR LF or LF, and a
 * lone CR there (a file from an old Mac) becomes LF, so that no writer takes
 * it for no line break at all. Blank lines between rows are skipped.
 *
 * The table of cells is table.h's: cells of 16 bytes, the text and the
 * place, and notes beside them. What the reader finds wrong in one cell
 * does not stop it: the cell gets a note (raci_table_note) with flags and
 * details, for the model to report at the cell:
 *  - bad text: a character that is no text in the file's encoding (decode.h:
 *    it reads as U+FFFD), or a control character that XML cannot hold (kept
 *    as it is; the workbook shows U+FFFD);
 *  - a stray quote: a quote inside an unquoted field (5'11", 27" monitor),
 *    read as the quote it is, as most CSV readers do;
 *  - a long cell: more than RACI_READER_CELL_UNITS UTF-16 units, what Excel
 *    counts; the text is kept whole, the workbook cuts it.
 *
 * What makes the whole file unreadable is an RACI_ERROR_INPUT with a diag at
 * its file:line:column: an empty or blank file (at 1:1); a file that is not
 * text (more than one byte in RACI_READER_NUL_RATIO of its first
 * RACI_READER_NUL_HEAD bytes are NUL: a binary file, or UTF-16 without its
 * byte order mark; fewer NULs are bad text in their cells); a UTF-16 file
 * cut off in the middle of a character; an unterminated quote; text after a
 * closing quote ("ab"c); a field over RACI_READER_MAX_FIELD bytes; a file over
 * RACI_READER_MAX_FILE bytes (without a line: it is never read). Rows whose
 * field count differs from the header's are kept as they are: judging them
 * is the model's business.
 */
#ifndef RACI_READER_H
#define RACI_READER_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "raci/diag.h"
#include "raci/error.h"
#include "raci/str.h"
#include "raci/strpool.h"
#include "raci/table.h"

/* The limits of the reader, each a resource limit: past it, the file is not
 * read (exit 2), with the place it was reached. */
/* A roster is a list of people; anything larger is not one. */
#define RACI_READER_MAX_FILE (256u * 1024u * 1024u)
/* Bytes in one field, as read (a quoted field's doubled quotes count once).
 * A cell of a roster holds a name, a title, a note: a field past a mebibyte
 * is a quote that was never closed, or no roster. */
#define RACI_READER_MAX_FIELD (1024u * 1024u)
/* A file is no text when more than one byte in RACI_READER_NUL_RATIO of its
 * first RACI_READER_NUL_HEAD bytes (all of them, when fewer) is NUL. */
#define RACI_READER_NUL_HEAD  4096u
#define RACI_READER_NUL_RATIO 64u

/* Excel's limit for the text of one cell, in UTF-16 units: a longer cell is
 * flagged RACI_READER_LONG, not refused. */
#define RACI_READER_CELL_UNITS 32767u

/* What the reader found in a cell (raci_cell_note.flags, table.h, with the
 * details). */
enum {
    RACI_READER_BAD_TEXT = 1u << 0,    /* characters that are no text, or control characters */
    RACI_READER_STRAY_QUOTE = 1u << 1, /* a quote inside an unquoted field, read as a quote */
    RACI_READER_LONG = 1u << 2         /* more than RACI_READER_CELL_UNITS UTF-16 units */
};

/*
 * Read the roster at path into t (which must be zeroed or released; what it
 * holds is released first). The path "-" reads standard input. display names
 * the file in t->file and in diagnostics (NULL: path itself, or "<stdin>" for
 * "-"). Strings go into pool, which must outlive t.
 *
 * Returns RACI_OK; RACI_ERROR_INPUT with *diag saying file:line:column;
 * RACI_ERROR_IO when the file cannot be opened or read (errno says why, and
 * *diag names the file, with line 0); RACI_ERROR_NOMEM. On any error t is left
 * released. diag may be NULL when the caller does not want the details.
 */
raci_error raci_reader_read_file(struct raci_table *t, const char *path, const char *display,
                                 struct raci_strpool *pool, struct raci_diag *diag);

/* Same, from an open stream (read to its end, not closed). display NULL
 * means "<stdin>". */
raci_error raci_reader_read_stream(struct raci_table *t, FILE *in, const char *display,
                                   struct raci_strpool *pool, struct raci_diag *diag);

/* Same, from len bytes in memory (the fuzzers' and unit tests' entry); data
 * need not be NUL-terminated. display NULL means "<memory>". */
raci_error raci_reader_read_mem(struct raci_table *t, const char *data, size_t len,
                                const char *display, struct raci_strpool *pool,
                                struct raci_diag *diag);

/* Same, from data, a malloc'd buffer of len bytes with room for one more
 * (when len is within RACI_READER_MAX_FILE), which the call takes on any
 * return: the text is decoded over it when it is the bytes as they are
 * (decode.h: raci_decode_take), so that the file is held once, and it is
 * freed before the call returns. display NULL means "<memory>". */
raci_error raci_reader_read_owned(struct raci_table *t, char *data, size_t len, const char *display,
                                  struct raci_strpool *pool, struct raci_diag *diag);

/* Free what t holds (not the interned strings) and zero it:
 * raci_table_release. */
void raci_reader_release(struct raci_table *t);

#endif
