/*
 * test_reader.c - the roster CSV reader: encodings, delimiters, quoting,
 * positions and the errors that make a file unreadable.
 */
#include "testutil.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "raci/delimiter.h"
#include "raci/error.h"
#include "raci/reader.h"
#include "raci/strpool.h"
#include "raci/array.h"
#include "raci/str.h"

struct fix {
    struct raci_strpool *pool;
    struct raci_table t;
    struct raci_diag d;
};

static int setup(void **state)
{
    struct fix *f = calloc(1, sizeof(*f));
    if (!f)
        return -1;
    f->pool = raci_strpool_new();
    *state = f;
    return f->pool ? 0 : -1;
}

static int teardown(void **state)
{
    struct fix *f = *state;
    raci_reader_release(&f->t);
    raci_diag_release(&f->d);
    raci_strpool_free(f->pool);
    free(f);
    return 0;
}

static raci_error read_bytes(struct fix *f, const char *s, size_t len)
{
    return raci_reader_read_mem(&f->t, s, len, "team.csv", f->pool, &f->d);
}

/* For NUL-free text. */
static raci_error read_str(struct fix *f, const char *s)
{
    return read_bytes(f, s, strlen(s));
}

static void assert_cell(const struct raci_cell *c, const char *text, unsigned line, unsigned col)
{
    assert_string_equal(c->text, text);
    assert_int_equal(c->line, line);
    assert_int_equal(c->col, col);
}

/* The flags of cell c of f's table: its note's, or 0 for a cell without. */
static uint32_t flags_of(const struct fix *f, const struct raci_cell *c)
{
    const struct raci_cell_note *n = raci_table_note(&f->t, c);
    return n ? n->flags : 0;
}

/* The note of cell c of f's table, which must have one, of c's place. */
static const struct raci_cell_note *note_of(const struct fix *f, const struct raci_cell *c)
{
    const struct raci_cell_note *n = raci_table_note(&f->t, c);
    assert_non_null(n);
    assert_ptr_equal(n->cell, c);
    assert_int_equal(n->line, c->line);
    assert_int_equal(n->col, c->col);
    assert_true(n->flags != 0);
    return n;
}

/* After an error the table must be empty again. */
static void assert_table_clean(const struct raci_table *t)
{
    assert_null(t->header.cells);
    assert_null(t->rows);
    assert_int_equal(t->nrows, 0);
    assert_null(t->file);
}

static void assert_diag(const struct raci_diag *d, unsigned line, unsigned col, const char *message,
                        const char *source)
{
    assert_non_null(d->message);
    assert_string_equal(d->file, "team.csv");
    assert_int_equal(d->line, line);
    assert_int_equal(d->col, col);
    assert_string_equal(d->message, message);
    if (source)
        assert_string_equal(d->source, source);
    else
        assert_null(d->source);
}

#define FFFD "\xEF\xBF\xBD"

/* 64 bytes of rows, so that a NUL before them is one byte in more than 64. */
#define PAD                                                                                        \
    "1,2,3\n1,2,3\n1,2,3\n1,2,3\n1,2,3\n1,2,3\n1,2,3\n1,2,3\n1,2,3\n1,2,3\n"                       \
    "1,2,3\n4,5\n"

/* The cell c is flagged as bad text, its first bad character at line:col,
 * of this kind and code, n in all. */
static void assert_bad_text(const struct fix *f, const struct raci_cell *c, unsigned line,
                            unsigned col, enum raci_str_bad what, uint32_t code, unsigned n)
{
    const struct raci_cell_note *note;
    note = note_of(f, c);
    assert_true(note->flags & RACI_READER_BAD_TEXT);
    assert_int_equal(note->bad_line, line);
    assert_int_equal(note->bad_col, col);
    assert_int_equal(note->bad_what, what);
    assert_int_equal(note->bad_code, code);
    assert_int_equal(note->nbad, n);
}

/*
 * UTF-16 bytes of a UTF-8 string, with a BOM, written by hand here so that
 * the test does not lean on the iconv the reader uses. Returns the length.
 */
static size_t to_utf16(const char *utf8, bool be, unsigned char *out)
{
    const unsigned char *s = (const unsigned char *)utf8;
    size_t n = 0;
    unsigned units[2];

    out[n++] = be ? 0xFE : 0xFF;
    out[n++] = be ? 0xFF : 0xFE;
    while (*s) {
        unsigned long cp;
        int k, nunits = 1;
        if (*s < 0x80) {
            cp = *s;
            k = 1;
        } else if (*s < 0xE0) {
            cp = *s & 0x1Fu;
            k = 2;
        } else if (*s < 0xF0) {
            cp = *s & 0x0Fu;
            k = 3;
        } else {
            cp = *s & 0x07u;
            k = 4;
        }
        for (int i = 1; i < k; i++)
            cp = (cp << 6) | (s[i] & 0x3Fu);
        s += k;
        if (cp >= 0x10000) {
            cp -= 0x10000;
            units[0] = 0xD800 + (unsigned)(cp >> 10);
            units[1] = 0xDC00 + (unsigned)(cp & 0x3FF);
            nunits = 2;
        } else {
            units[0] = (unsigned)cp;
        }
        for (int i = 0; i < nunits; i++) {
            out[n++] = (unsigned char)(be ? units[i] >> 8 : units[i] & 0xFF);
            out[n++] = (unsigned char)(be ? units[i] & 0xFF : units[i] >> 8);
        }
    }
    return n;
}

/* ------------------------------------------------------------ encodings -- */

static void test_utf8_plain(void **state)
{
    struct fix *f = *state;
    assert_int_equal(read_str(f, "person,title\nAna Silva,Product Owner\nBo,Dev\n"), RACI_OK);
    assert_string_equal(f->t.file, "team.csv");
    assert_string_equal(f->t.encoding, "UTF-8");
    assert_int_equal(f->t.delimiter, ',');
    assert_int_equal(f->t.header.line, 1);
    assert_int_equal(f->t.header.ncells, 2);
    assert_cell(&f->t.header.cells[0], "person", 1, 1);
    assert_cell(&f->t.header.cells[1], "title", 1, 8);
    assert_int_equal(f->t.nrows, 2);
    assert_int_equal(f->t.rows[0].line, 2);
    assert_cell(&f->t.rows[0].cells[0], "Ana Silva", 2, 1);
    assert_cell(&f->t.rows[0].cells[1], "Product Owner", 2, 11);
    assert_int_equal(f->t.rows[1].line, 3);
    assert_cell(&f->t.rows[1].cells[1], "Dev", 3, 4);
    /* Texts are interned: the same string is the same pointer. */
    assert_ptr_equal(f->t.rows[1].cells[1].text, raci_strpool_add(f->pool, "Dev"));
}

/* A cell that repeats the one above it is the same interned text; a cell
 * that only starts like it, is empty below text, or moves to another
 * column is its own text, and quoted line breaks are kept either way. */
static void test_cells_repeating_the_row_above(void **state)
{
    struct fix *f = *state;
    const struct raci_row *row;
    assert_int_equal(read_str(f, "product,person,note\n"
                                 "P&G,Zoë,\"two\nlines\"\n"
                                 "P&G,Zoë,\"two\nlines\"\n"
                                 "P&,Zoë Ørsted,\n"
                                 "P&G,P&G,two\n"),
                     RACI_OK);
    assert_int_equal(f->t.nrows, 4);
    row = f->t.rows;
    assert_ptr_equal(row[1].cells[0].text, row[0].cells[0].text);
    assert_ptr_equal(row[1].cells[2].text, raci_strpool_add(f->pool, "two\nlines"));
    assert_cell(&row[1].cells[2], "two\nlines", 4, 9);
    assert_cell(&row[2].cells[0], "P&", 6, 1);
    assert_cell(&row[2].cells[1], "Zoë Ørsted", 6, 4);
    assert_cell(&row[2].cells[2], "", 6, 15);
    assert_cell(&row[3].cells[2], "two", 7, 9);
    assert_ptr_equal(row[3].cells[1].text, row[0].cells[0].text);
    assert_ptr_equal(row[3].cells[0].text, row[0].cells[0].text);
}

/* The header line decides the delimiter: the most frequent outside
 * quotes, blank lines before it skipped, commas on a tie or with none. */
static void test_delimiter_of_the_header(void **state)
{
    const char *semi = "\n  \r\nNom;Intitulé;\"Équipe, produit\";Tâche\nA,B,C,D,E\n";
    (void)state;
    assert_int_equal(raci_delimiter_detect(semi, strlen(semi)), ';');
    assert_int_equal(raci_delimiter_detect("名前\t役職\tチーム\n", strlen("名前\t役職\tチーム\n")),
                     '\t');
    assert_int_equal(raci_delimiter_detect("\"a;b;c\",d\n", 10), ',');
    assert_int_equal(raci_delimiter_detect("a;b,c\n", 6), ',');
    assert_int_equal(raci_delimiter_detect("person\n", 7), ',');
    assert_int_equal(raci_delimiter_detect("", 0), ',');
    /* Only the first n bytes are read. */
    assert_int_equal(raci_delimiter_detect("a;b;c", 1), ',');
}

static void test_utf8_bom_crlf_no_final_newline(void **state)
{
    struct fix *f = *state;
    assert_int_equal(read_str(f, "\xEF\xBB\xBFperson,title\r\nJos\xC3\xA9,PO\r\nBo,Dev"), RACI_OK);
    assert_string_equal(f->t.encoding, "UTF-8 (BOM)");
    /* The BOM is not a character of the first cell. */
    assert_cell(&f->t.header.cells[0], "person", 1, 1);
    assert_int_equal(f->t.nrows, 2);
    assert_cell(&f->t.rows[0].cells[0], "Jos\xC3\xA9", 2, 1);
    assert_cell(&f->t.rows[0].cells[1], "PO", 2, 6);
    assert_cell(&f->t.rows[1].cells[1], "Dev", 3, 4);
}

static void test_utf16(void **state, bool be)
{
    struct fix *f = *state;
    unsigned char buf[256];
    /* A character outside the BMP (a surrogate pair) counts as one column. */
    size_t n = to_utf16("person,title\r\nZo\xC3\xAB,Lead \xF0\x9F\x98\x80,\xE2\x82\xAC"
                        "5\r\n",
                        be, buf);
    assert_int_equal(read_bytes(f, (const char *)buf, n), RACI_OK);
    assert_string_equal(f->t.encoding, be ? "UTF-16BE" : "UTF-16LE");
    assert_cell(&f->t.header.cells[0], "person", 1, 1);
    assert_cell(&f->t.header.cells[1], "title", 1, 8);
    assert_int_equal(f->t.nrows, 1);
    assert_int_equal(f->t.rows[0].ncells, 3);
    assert_cell(&f->t.rows[0].cells[0], "Zo\xC3\xAB", 2, 1);
    assert_cell(&f->t.rows[0].cells[1], "Lead \xF0\x9F\x98\x80", 2, 5);
    assert_cell(&f->t.rows[0].cells[2],
                "\xE2\x82\xAC"
                "5",
                2, 12);
}

static void test_utf16le(void **state)
{
    test_utf16(state, false);
}

static void test_utf16be(void **state)
{
    test_utf16(state, true);
}

static void test_utf16_errors(void **state)
{
    struct fix *f = *state;
    unsigned char buf[64];
    size_t n = to_utf16("a,b\nxy,z", false, buf);

    /* An odd number of bytes: the last character is cut in half. */
    assert_int_equal(read_bytes(f, (const char *)buf, n - 1), RACI_ERROR_INPUT);
    assert_diag(&f->d, 2, 4,
                "the file ends in the middle of a UTF-16LE character: it looks cut short",
                "xy,\xEF\xBF\xBD");
    assert_table_clean(&f->t);

    /* A low surrogate with no high one before it, in place of the 'y': bad
     * text in its cell, not a file that cannot be read. */
    buf[12] = 0x00;
    buf[13] = 0xDC;
    assert_int_equal(read_bytes(f, (const char *)buf, n), RACI_OK);
    assert_cell(&f->t.rows[0].cells[0], "x" FFFD, 2, 1);
    assert_bad_text(f, &f->t.rows[0].cells[0], 2, 2, RACI_STR_BAD_UNPAIRED, 0xDC00, 1);
    assert_cell(&f->t.rows[0].cells[1], "z", 2, 4);

    /* A high surrogate as the very last unit, big-endian. */
    n = to_utf16("a,b\n", true, buf);
    buf[n++] = 0xD8;
    buf[n++] = 0x3D;
    assert_int_equal(read_bytes(f, (const char *)buf, n), RACI_ERROR_INPUT);
    assert_int_equal(f->d.line, 2);
    assert_int_equal(f->d.col, 1);
    assert_non_null(strstr(f->d.message, "middle of a UTF-16BE character"));
}

/* What glibc's iconv lets through but UTF-8 forbids: overlong forms,
 * surrogates, code points past U+10FFFF, 5-byte forms, cut sequences. */
static void test_utf8_strict(void **state)
{
    struct fix *f = *state;
    static const char *const bad[] = {
        "\xC0\xAF",         "\xE0\x80\xAF",         "\xED\xA0\x80", "\xF0\x8F\xBF\xBF",
        "\xF4\x90\x80\x80", "\xF8\x88\x80\x80\x80", "\xE2\x82",     "\xBF"};
    char buf[64];

    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        snprintf(buf, sizeof buf,
                 "\xEF\xBB\xBF"
                 "a,b\n\xC3\xA9x%s,y\n",
                 bad[i]);
        assert_int_equal(read_str(f, buf), RACI_OK);
        const struct raci_cell *c = &f->t.rows[0].cells[0];
        assert_true(note_of(f, c)->flags & RACI_READER_BAD_TEXT);
        assert_int_equal(note_of(f, c)->bad_line, 2);
        assert_int_equal(note_of(f, c)->bad_col, 3);
        assert_cell(&f->t.rows[0].cells[1], "y", 2, 4 + note_of(f, c)->nbad);
    }
    /* The largest code point, and the last ones before and after the
     * surrogates, are fine. */
    assert_int_equal(read_str(f, "\xEF\xBB\xBF"
                                 "a,\xF4\x8F\xBF\xBF\xED\x9F\xBF\xEE\x80\x80,b\n"),
                     RACI_OK);
    assert_cell(&f->t.header.cells[2], "b", 1, 7);
    /* Without a BOM, bytes that are not UTF-8 are read as Windows-1252. */
    assert_int_equal(read_str(f, "a,\xE0\x80\xAF\n"), RACI_OK);
    assert_string_equal(f->t.encoding, "WINDOWS-1252");
    assert_string_equal(f->t.header.cells[1].text, "\xC3\xA0\xE2\x82\xAC\xC2\xAF");
}

static void test_windows_1252(void **state)
{
    struct fix *f = *state;
    assert_int_equal(read_str(f, "person,title\nJos\xE9,\x80 budget owner\n"), RACI_OK);
    assert_string_equal(f->t.encoding, "WINDOWS-1252");
    assert_cell(&f->t.rows[0].cells[0], "Jos\xC3\xA9", 2, 1);
    assert_cell(&f->t.rows[0].cells[1], "\xE2\x82\xAC budget owner", 2, 6);
}

static void test_invalid_bytes(void **state)
{
    struct fix *f = *state;
    static const char undefined[] = {'\x81', '\x8D', '\x8F', '\x90', '\x9D'};

    /* Bytes Windows-1252 leaves undefined: bad text in their cell. */
    for (size_t i = 0; i < sizeof undefined; i++) {
        char buf[64];
        int n = snprintf(buf, sizeof buf, "person,title\nAna,PO\nBo,x%cy\n", undefined[i]);
        assert_int_equal(read_bytes(f, buf, (size_t)n), RACI_OK);
        assert_string_equal(f->t.encoding, "WINDOWS-1252");
        assert_cell(&f->t.rows[1].cells[1], "x" FFFD "y", 3, 4);
        assert_bad_text(f, &f->t.rows[1].cells[1], 3, 5, RACI_STR_BAD_BYTE,
                        (unsigned char)undefined[i], 1);
        assert_int_equal(flags_of(f, &f->t.rows[0].cells[1]), 0);
    }

    /* Columns before the bad byte count characters: CP1252 ones here. */
    assert_int_equal(read_str(f, "a,b\n\xE9\xE9,\x81"), RACI_OK);
    assert_bad_text(f, &f->t.rows[0].cells[1], 2, 4, RACI_STR_BAD_BYTE, 0x81, 1);

    /* A BOM says UTF-8: no falling back to Windows-1252, and the good text
     * stays good. */
    assert_int_equal(read_str(f, "\xEF\xBB\xBFperson\r\nJos\xC3\xA9 \xE9t\xE9\r\n"), RACI_OK);
    assert_string_equal(f->t.encoding, "UTF-8 (BOM)");
    assert_cell(&f->t.rows[0].cells[0], "Jos\xC3\xA9 " FFFD "t" FFFD, 2, 1);
    assert_bad_text(f, &f->t.rows[0].cells[0], 2, 6, RACI_STR_BAD_BYTE, 0xE9, 2);
}

/* Issue #8, 7: a UTF-8 file with one stray byte keeps its UTF-8 names; the
 * cell with the byte is flagged at its line and column, and a cell over two
 * lines says which line. */
static void test_stray_byte_in_utf8(void **state)
{
    struct fix *f = *state;
    assert_int_equal(read_str(f,
                              "person,title,notes\n"
                              "Jos\xC3\xA9 Garc\xC3\xAD"
                              "a,Developer,\"M\xFCnchen\"\n"
                              "\xD0\x98\xD0\xB2\xD0\xB0\xD0\xBD,\"Tech\nLead \xED\xA0\x80\",x\n"),
                     RACI_OK);
    assert_string_equal(f->t.encoding, "UTF-8");
    assert_cell(&f->t.rows[0].cells[0],
                "Jos\xC3\xA9 Garc\xC3\xAD"
                "a",
                2, 1);
    assert_int_equal(flags_of(f, &f->t.rows[0].cells[0]), 0);
    assert_cell(&f->t.rows[0].cells[2], "M" FFFD "nchen", 2, 23);
    assert_bad_text(f, &f->t.rows[0].cells[2], 2, 25, RACI_STR_BAD_BYTE, 0xFC, 1);
    assert_cell(&f->t.rows[1].cells[0], "\xD0\x98\xD0\xB2\xD0\xB0\xD0\xBD", 3, 1);
    assert_cell(&f->t.rows[1].cells[1], "Tech\nLead " FFFD, 3, 6);
    assert_bad_text(f, &f->t.rows[1].cells[1], 4, 6, RACI_STR_BAD_SURROGATE, 0xEDA080, 1);
    assert_cell(&f->t.rows[1].cells[2], "x", 4, 9);
}

/* Control characters stay in the text, flagged; a NUL, which a C string
 * cannot hold, reads as U+FFFD. Tab, CR and LF are text. */
static void test_control_characters(void **state)
{
    struct fix *f = *state;
    static const char text[] = "a,b,c\n\x01x\x1B,\"t\tu\",y\0z\xEF\xBF\xBF\n" PAD;
    assert_int_equal(read_bytes(f, text, sizeof text - 1), RACI_OK);
    assert_cell(&f->t.rows[0].cells[0], "\x01x\x1B", 2, 1);
    assert_bad_text(f, &f->t.rows[0].cells[0], 2, 1, RACI_STR_BAD_CONTROL, 0x01, 2);
    assert_cell(&f->t.rows[0].cells[1], "t\tu", 2, 5);
    assert_int_equal(flags_of(f, &f->t.rows[0].cells[1]), 0);
    assert_cell(&f->t.rows[0].cells[2], "y" FFFD "z\xEF\xBF\xBF", 2, 11);
    assert_bad_text(f, &f->t.rows[0].cells[2], 2, 12, RACI_STR_BAD_NUL, 0, 2);
}

/* A file is no text when NULs are more than one byte in 64 of its head: a
 * binary file, or UTF-16 without its byte order mark. */
static void test_not_text(void **state)
{
    struct fix *f = *state;
    unsigned char buf[128];
    size_t n = to_utf16("person,title\nAna,PO\n", false, buf);

    assert_int_equal(read_bytes(f, (const char *)buf + 2, n - 2), RACI_ERROR_INPUT);
    assert_diag(&f->d, 1, 2,
                "this is no text file: 20 of its first 40 bytes are NUL (a binary file, or UTF-16 "
                "without a byte order mark); save the roster as UTF-8 CSV",
                "p" FFFD "e" FFFD "r" FFFD "s" FFFD "o" FFFD "n" FFFD "," FFFD "t" FFFD "i" FFFD
                "t" FFFD "l" FFFD "e" FFFD);
    assert_table_clean(&f->t);
    /* A short file with one NUL is no text either. */
    assert_int_equal(read_bytes(f, "a,b\nc,d\0e\n", 10), RACI_ERROR_INPUT);
    assert_diag(&f->d, 2, 4,
                "this is no text file: 1 of its first 10 bytes are NUL (a binary file, or UTF-16 "
                "without a byte order mark); save the roster as UTF-8 CSV",
                "c,d" FFFD "e");
}

/* ----------------------------------------------------- lines and blanks -- */

static void test_blank_lines_and_line_ends(void **state)
{
    struct fix *f = *state;
    assert_int_equal(read_str(f, "\r\n  \r\nperson,title\r\n\r\nAna,PO\r\n\r\n\r\nBo,Dev\r\n\r\n"),
                     RACI_OK);
    assert_int_equal(f->t.header.line, 3);
    assert_cell(&f->t.header.cells[0], "person", 3, 1);
    assert_int_equal(f->t.nrows, 2);
    assert_int_equal(f->t.rows[0].line, 5);
    assert_int_equal(f->t.rows[1].line, 8);
    assert_cell(&f->t.rows[1].cells[1], "Dev", 8, 4);

    /* Old Mac line ends: a lone CR. */
    assert_int_equal(read_str(f, "a,b\rc,d\r\re,f"), RACI_OK);
    assert_int_equal(f->t.nrows, 2);
    assert_cell(&f->t.rows[0].cells[1], "d", 2, 3);
    assert_cell(&f->t.rows[1].cells[0], "e", 4, 1);
}

static void test_spaces_and_empty_fields(void **state)
{
    struct fix *f = *state;
    /* libcsv trims spaces around unquoted fields; quoted ones keep them. */
    assert_int_equal(read_str(f, "a,b,c,d\n Ana , PO ,\" x \",\n,,  ,z"), RACI_OK);
    assert_int_equal(f->t.rows[0].ncells, 4);
    assert_cell(&f->t.rows[0].cells[0], "Ana", 2, 2);
    assert_cell(&f->t.rows[0].cells[1], "PO", 2, 8);
    assert_cell(&f->t.rows[0].cells[2], " x ", 2, 12);
    /* An empty field is placed where it ends. */
    assert_cell(&f->t.rows[0].cells[3], "", 2, 18);
    assert_int_equal(f->t.rows[1].ncells, 4);
    assert_cell(&f->t.rows[1].cells[0], "", 3, 1);
    assert_cell(&f->t.rows[1].cells[1], "", 3, 2);
    assert_cell(&f->t.rows[1].cells[2], "", 3, 5);
    assert_cell(&f->t.rows[1].cells[3], "z", 3, 6);
}

static void test_ragged_rows(void **state)
{
    struct fix *f = *state;
    assert_int_equal(read_str(f, "a,b,c\n1\n1,2,3,4\n\"\"\n"), RACI_OK);
    assert_int_equal(f->t.header.ncells, 3);
    assert_int_equal(f->t.nrows, 3);
    assert_int_equal(f->t.rows[0].ncells, 1);
    assert_int_equal(f->t.rows[1].ncells, 4);
    assert_cell(&f->t.rows[1].cells[3], "4", 3, 7);
    /* A row of one quoted empty field is not a blank line. */
    assert_int_equal(f->t.rows[2].ncells, 1);
    assert_cell(&f->t.rows[2].cells[0], "", 4, 1);
}

/* ----------------------------------------------------------- delimiters -- */

static void test_semicolon(void **state)
{
    struct fix *f = *state;
    assert_int_equal(read_str(f, "person;title;note\nAna;PO;a,b\n"), RACI_OK);
    assert_int_equal(f->t.delimiter, ';');
    assert_int_equal(f->t.header.ncells, 3);
    assert_cell(&f->t.rows[0].cells[2], "a,b", 2, 8);
}

static void test_tab(void **state)
{
    struct fix *f = *state;
    assert_int_equal(read_str(f, "person\ttitle\tnote\n  Ana \t\tx, y\n"), RACI_OK);
    assert_int_equal(f->t.delimiter, '\t');
    assert_int_equal(f->t.rows[0].ncells, 3);
    assert_cell(&f->t.rows[0].cells[0], "Ana", 2, 3);
    /* Two tabs in a row are an empty field, not one space. */
    assert_cell(&f->t.rows[0].cells[1], "", 2, 8);
    assert_cell(&f->t.rows[0].cells[2], "x, y", 2, 9);
}

static void test_delimiter_detection(void **state)
{
    struct fix *f = *state;
    /* A tie goes to ','. */
    assert_int_equal(read_str(f, "a;b,c\n"), RACI_OK);
    assert_int_equal(f->t.delimiter, ',');
    assert_int_equal(f->t.header.ncells, 2);
    /* Delimiters inside quotes do not count. */
    assert_int_equal(read_str(f, "\"a,b,c\";d;e\n"), RACI_OK);
    assert_int_equal(f->t.delimiter, ';');
    assert_cell(&f->t.header.cells[0], "a,b,c", 1, 1);
    /* Only the header line counts. */
    assert_int_equal(read_str(f, "person\nAna;PO;x\n"), RACI_OK);
    assert_int_equal(f->t.delimiter, ',');
    assert_cell(&f->t.rows[0].cells[0], "Ana;PO;x", 2, 1);
}

/* -------------------------------------------------------------- quoting -- */

static void test_quoted_fields(void **state)
{
    struct fix *f = *state;
    assert_int_equal(read_str(f, "h1,h2,h3\n"
                                 "\"Silva, Ana\",\"multi\nline\",after\n"
                                 "Bo,\"say \"\"hi\"\"\",z\n"
                                 "\"a\r\n\r\nb\",c\n"),
                     RACI_OK);
    assert_int_equal(f->t.nrows, 3);
    assert_int_equal(f->t.rows[0].line, 2);
    assert_cell(&f->t.rows[0].cells[0], "Silva, Ana", 2, 1);
    assert_cell(&f->t.rows[0].cells[1], "multi\nline", 2, 14);
    /* The field after a newline in quotes is on the next line. */
    assert_cell(&f->t.rows[0].cells[2], "after", 3, 7);
    assert_int_equal(f->t.rows[1].line, 4);
    assert_cell(&f->t.rows[1].cells[1], "say \"hi\"", 4, 4);
    assert_cell(&f->t.rows[1].cells[2], "z", 4, 17);
    /* Blank lines inside quotes are text, and count as lines. */
    assert_int_equal(f->t.rows[2].line, 5);
    assert_cell(&f->t.rows[2].cells[0], "a\r\n\r\nb", 5, 1);
    assert_cell(&f->t.rows[2].cells[1], "c", 7, 4);
}

static void test_columns_count_characters(void **state)
{
    struct fix *f = *state;
    assert_int_equal(read_str(f, "na\xC3\xAFve,\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E,x\n"
                                 "\"\xC3\xA9\n\xC3\xA9\xC3\xA9\",y\n"),
                     RACI_OK);
    assert_cell(&f->t.header.cells[0], "na\xC3\xAFve", 1, 1);
    assert_cell(&f->t.header.cells[1], "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E", 1, 7);
    assert_cell(&f->t.header.cells[2], "x", 1, 11);
    assert_cell(&f->t.rows[0].cells[1], "y", 3, 5);
}

/* --------------------------------------------------------------- errors -- */

static void test_empty_file(void **state)
{
    struct fix *f = *state;
    static const char *const empty[][2] = {
        {"", "empty"},
        {"\r\n\n  \n", "blank (nothing but spaces and line breaks)"},
        {"\xEF\xBB\xBF", "empty but for its byte order mark"},
        {"\xEF\xBB\xBF\r\n", "blank (nothing but spaces and line breaks)"},
        {"\xFF\xFE", "empty but for its byte order mark"},
    };
    char msg[160];
    /* Issue #8, 15: each at 1:1, where the header should be. */
    for (size_t i = 0; i < sizeof empty / sizeof *empty; i++) {
        assert_int_equal(read_str(f, empty[i][0]), RACI_ERROR_INPUT);
        snprintf(msg, sizeof msg,
                 "file is %s: expected a header row such as 'person,title,product,task,raci'",
                 empty[i][1]);
        assert_diag(&f->d, 1, 1, msg, NULL);
        assert_table_clean(&f->t);
    }
    assert_int_equal(read_bytes(f, NULL, 0), RACI_ERROR_INPUT);
    assert_int_equal(f->d.line, 1);
    assert_int_equal(f->d.col, 1);
}

static void test_unterminated_quote(void **state)
{
    struct fix *f = *state;
    assert_int_equal(read_str(f, "person,title\nAna, \"Product Owner,\nBo,Dev\n"),
                     RACI_ERROR_INPUT);
    assert_diag(&f->d, 2, 6, "unterminated quoted field: add the closing '\"'",
                "Ana, \"Product Owner,");
    assert_table_clean(&f->t);

    /* At the start of a row, after blank lines. */
    assert_int_equal(read_str(f, "a\n\n\n\"x"), RACI_ERROR_INPUT);
    assert_diag(&f->d, 4, 1, "unterminated quoted field: add the closing '\"'", "\"x");
}

static void test_stray_quotes(void **state)
{
    struct fix *f = *state;
    assert_int_equal(read_str(f, "a,b\nx,\"ab\"c\n"), RACI_ERROR_INPUT);
    assert_diag(&f->d, 2, 7,
                "unexpected text after a closing quote: inside a quoted field, write a quote as "
                "two quotes (\"\")",
                "x,\"ab\"c");
    assert_table_clean(&f->t);

    /* Issue #8, 12: a quote inside an unquoted field is read as a quote
     * (5'11", 27" monitor), and flagged at its place. */
    assert_int_equal(read_str(f, "a,b,c\nx,ab\"c,5'11\"\n\"q\"\"\",27\" monitor \"x\"\"\",z\n"),
                     RACI_OK);
    assert_int_equal(f->t.nrows, 2);
    assert_cell(&f->t.rows[0].cells[1], "ab\"c", 2, 3);
    assert_int_equal(flags_of(f, &f->t.rows[0].cells[1]), RACI_READER_STRAY_QUOTE);
    const struct raci_cell_note *n = note_of(f, &f->t.rows[0].cells[1]);
    assert_int_equal(n->quote_line, 2);
    assert_int_equal(n->quote_col, 5);
    assert_int_equal(n->nquotes, 1);
    assert_cell(&f->t.rows[0].cells[2], "5'11\"", 2, 8);
    n = note_of(f, &f->t.rows[0].cells[2]);
    assert_int_equal(n->quote_col, 12);
    /* A quoted field's doubled quote is no stray one. */
    assert_cell(&f->t.rows[1].cells[0], "q\"", 3, 1);
    assert_int_equal(flags_of(f, &f->t.rows[1].cells[0]), 0);
    assert_cell(&f->t.rows[1].cells[1], "27\" monitor \"x\"\"\"", 3, 7);
    n = note_of(f, &f->t.rows[1].cells[1]);
    assert_int_equal(n->quote_col, 9);
    assert_int_equal(n->nquotes, 5);
    assert_cell(&f->t.rows[1].cells[2], "z", 3, 25);
    /* Still an error: a quote after the closing quote at the end of a
     * row, and a quote never closed. */
    assert_int_equal(read_str(f, "a,b\n\"x\"\"\ny\n"), RACI_ERROR_INPUT);
    assert_int_equal(read_str(f, "a,b\nx,\"5'11\"\"\n"), RACI_ERROR_INPUT);
}

/* Issue #8, 11: Excel's limit is 32767 UTF-16 units, and a longer cell is
 * flagged, not refused: 20,000 characters of Cyrillic or CJK (60,000 bytes)
 * are fine, 16,384 emoji (32,768 units) are long. */
static void test_long_cells(void **state)
{
    struct fix *f = *state;
    struct raci_str b = RACI_STR_INIT;
    raci_str_add(&b, "a,b,c\n");
    for (int i = 0; i < 20000; i++)
        raci_str_add(&b, "\xE6\x9D\xB1");
    raci_str_addc(&b, ',');
    for (int i = 0; i < 16384; i++)
        raci_str_add(&b, "\xF0\x9F\x98\x80");
    raci_str_add(&b, ",\"");
    for (unsigned i = 0; i < RACI_READER_CELL_UNITS; i++)
        raci_str_addc(&b, 'x');
    raci_str_add(&b, "\"\n");
    assert_false(b.failed);
    assert_int_equal(read_bytes(f, b.s, b.len), RACI_OK);
    const struct raci_row *row = &f->t.rows[0];
    assert_int_equal(strlen(row->cells[0].text), 60000);
    assert_int_equal(flags_of(f, &row->cells[0]), 0);
    assert_int_equal(flags_of(f, &row->cells[1]), RACI_READER_LONG);
    assert_int_equal(strlen(row->cells[1].text), 65536);
    assert_int_equal(note_of(f, &row->cells[1])->units, 32768);
    /* Exactly at the limit is fine, in quotes too. */
    assert_int_equal(strlen(row->cells[2].text), RACI_READER_CELL_UNITS);
    assert_int_equal(flags_of(f, &row->cells[2]), 0);
    raci_str_release(&b);
}

/* Past RACI_READER_MAX_FIELD bytes, the file is not read, located at the
 * field; a quoted one may be a quote never closed. */
static void test_field_too_large(void **state)
{
    struct fix *f = *state;
    size_t big = RACI_READER_MAX_FIELD + 1;
    char *buf = malloc(big + 16);
    assert_non_null(buf);

    memcpy(buf, "a,b\n\xC3\xA9,", 7);
    memset(buf + 7, 'x', big);
    buf[7 + big] = '\0';
    /* The last field of the file, ended by csv_fini rather than a newline. */
    assert_int_equal(read_str(f, buf), RACI_ERROR_INPUT);
    /* The source shown stops 200 bytes past the field's start. */
    char *shown = raci_str_dup(buf + 4);
    assert_non_null(shown);
    shown[3 + 200] = '\0';
    assert_diag(&f->d, 2, 3,
                "field is longer than 1048576 bytes (1 MiB), the most raci reads in "
                "one cell: keep such text elsewhere, and give its link in the cell",
                shown);
    free(shown);
    assert_table_clean(&f->t);
    memcpy(buf + 7 + big, "\nc,d\n", 6);
    assert_int_equal(read_str(f, buf), RACI_ERROR_INPUT);
    assert_int_equal(f->d.line, 2);
    assert_int_equal(f->d.col, 3);

    /* Exactly at the limit is fine, in quotes too. */
    buf[7] = '"';
    memset(buf + 8, 'x', RACI_READER_MAX_FIELD);
    memcpy(buf + 8 + RACI_READER_MAX_FIELD, "\"\nc,d\n", 7);
    assert_int_equal(read_str(f, buf), RACI_OK);
    assert_int_equal(strlen(f->t.rows[0].cells[1].text), RACI_READER_MAX_FIELD);
    assert_int_equal(flags_of(f, &f->t.rows[0].cells[1]), RACI_READER_LONG);
    assert_cell(&f->t.rows[1].cells[1], "d", 3, 3);
    /* One byte more, and a doubled quote counts as one byte of the cell. */
    memcpy(buf + 8 + RACI_READER_MAX_FIELD - 1, "\"\"x\"\nc,d\n", 10);
    assert_int_equal(read_str(f, buf), RACI_ERROR_INPUT);
    assert_string_equal(f->d.message, "field is longer than 1048576 bytes (1 MiB), the most raci "
                                      "reads in one cell: is its closing quote missing?");
    assert_int_equal(f->d.col, 3);
    free(buf);

    /* A quote never closed in a large file: stopped at the limit, not at
     * the end, and said so. */
    struct raci_str b = RACI_STR_INIT;
    raci_str_add(&b, "a,b\nAna,\"PO\n");
    while (b.len < 2 * RACI_READER_MAX_FIELD)
        raci_str_add(&b, "Bo,Developer\n");
    assert_false(b.failed);
    assert_int_equal(read_bytes(f, b.s, b.len), RACI_ERROR_INPUT);
    assert_int_equal(f->d.line, 2);
    assert_int_equal(f->d.col, 5);
    assert_non_null(strstr(f->d.message, "is its closing quote missing?"));
    raci_str_release(&b);
}

/* Issue #8, 10: in a file whose lines end in CR alone, a line break in a
 * quoted field is a lone CR: it becomes LF, so that no writer drops it. CR
 * LF stays as it is. */
static void test_cr_only_line_ends(void **state)
{
    struct fix *f = *state;
    assert_int_equal(read_str(f, "person,notes\r\"Ana\",\"one\rtwo\r\rthree\"\r"
                                 "Bo,\"x\r\ny\r\"\r"),
                     RACI_OK);
    assert_int_equal(f->t.nrows, 2);
    assert_cell(&f->t.rows[0].cells[1], "one\ntwo\n\nthree", 2, 7);
    assert_cell(&f->t.rows[1].cells[0], "Bo", 6, 1);
    assert_cell(&f->t.rows[1].cells[1], "x\r\ny\n", 6, 4);
}

/* ------------------------------------------------- streams, files, size -- */

static void test_stream(void **state)
{
    struct fix *f = *state;
    FILE *in = tmpfile();
    assert_non_null(in);
    fputs("person;title\nAna;PO\n", in);
    rewind(in);
    assert_int_equal(raci_reader_read_stream(&f->t, in, NULL, f->pool, &f->d), RACI_OK);
    assert_string_equal(f->t.file, "<stdin>");
    assert_int_equal(f->t.delimiter, ';');
    assert_cell(&f->t.rows[0].cells[1], "PO", 2, 5);
    /* Read again into the same table: the old content is released first. */
    rewind(in);
    assert_int_equal(raci_reader_read_stream(&f->t, in, "roster.csv", f->pool, &f->d), RACI_OK);
    assert_string_equal(f->t.file, "roster.csv");
    assert_int_equal(f->t.nrows, 1);
    fclose(in);
}

static void test_file(void **state)
{
    struct fix *f = *state;
    char path[] = "/tmp/raci-test-reader-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *out = fdopen(fd, "w");
    assert_non_null(out);
    fputs("person,title\r\nAna,PO\r\n", out);
    fclose(out);
    assert_int_equal(raci_reader_read_file(&f->t, path, NULL, f->pool, &f->d), RACI_OK);
    assert_string_equal(f->t.file, path);
    assert_cell(&f->t.rows[0].cells[1], "PO", 2, 5);
    remove(path);

    assert_int_equal(
        raci_reader_read_file(&f->t, "/nonexistent/team.csv", "team.csv", f->pool, &f->d),
        RACI_ERROR_IO);
    assert_int_equal(errno, ENOENT);
    assert_diag(&f->d, 0, 0, "unable to open '/nonexistent/team.csv': No such file or directory",
                NULL);
    assert_table_clean(&f->t);
}

/* A larger roster: every row, cell and line number must come out right. */
static void test_many_rows(void **state)
{
    struct fix *f = *state;
    size_t rows = 20000, cap = rows * 64, n = 0;
    char *buf = malloc(cap);
    assert_non_null(buf);
    n += (size_t)snprintf(buf + n, cap - n, "person,title,task,raci\r\n");
    for (size_t i = 0; i < rows; i++)
        n += (size_t)snprintf(buf + n, cap - n, "P%zu,\"T, %zu\",task %zu,R\r\n", i, i % 7, i);
    assert_int_equal(read_bytes(f, buf, n), RACI_OK);
    assert_int_equal(f->t.nrows, rows);
    for (size_t i = 0; i < rows; i += 997) {
        char want[32];
        snprintf(want, sizeof want, "task %zu", i);
        assert_int_equal(f->t.rows[i].line, i + 2);
        assert_string_equal(f->t.rows[i].cells[2].text, want);
    }
    free(buf);
}

static void test_diag_may_be_null(void **state)
{
    struct fix *f = *state;
    assert_int_equal(raci_reader_read_mem(&f->t, "\"x", 2, NULL, f->pool, NULL), RACI_ERROR_INPUT);
    assert_table_clean(&f->t);
    assert_int_equal(raci_reader_read_mem(&f->t, "x", 1, NULL, f->pool, NULL), RACI_OK);
    assert_string_equal(f->t.file, "<memory>");
}

/* s (len bytes) read by raci_reader_read_owned from a malloc'd copy: the
 * table and the error are what raci_reader_read_mem gives. */
static raci_error read_owned_as_mem(struct fix *f, const char *s, size_t len)
{
    struct raci_table mem = {0};
    struct raci_diag dmem = {0};
    char *buf = malloc(len + 1);
    raci_error want = raci_reader_read_mem(&mem, s, len, "team.csv", f->pool, &dmem), got;

    assert_non_null(buf);
    memcpy(buf, s, len);
    got = raci_reader_read_owned(&f->t, buf, len, "team.csv", f->pool, &f->d);
    assert_int_equal(got, want);
    if (got == RACI_OK) {
        assert_string_equal(f->t.encoding, mem.encoding);
        assert_int_equal(f->t.nrows, mem.nrows);
        for (size_t i = 0; i <= mem.nrows; i++) {
            const struct raci_row *a = i ? &f->t.rows[i - 1] : &f->t.header;
            const struct raci_row *b = i ? &mem.rows[i - 1] : &mem.header;
            assert_int_equal(a->line, b->line);
            assert_int_equal(a->ncells, b->ncells);
            for (uint32_t k = 0; k < a->ncells; k++)
                assert_cell(&a->cells[k], b->cells[k].text, b->cells[k].line, b->cells[k].col);
        }
    } else {
        assert_table_clean(&f->t);
        assert_int_equal(f->d.line, dmem.line);
        assert_int_equal(f->d.col, dmem.col);
        assert_string_equal(f->d.message, dmem.message);
    }
    raci_reader_release(&mem);
    raci_diag_release(&dmem);
    return got;
}

/* A buffer the reader takes (rosterfile.c's and read_stream's way, which
 * decodes UTF-8 over the bytes read) reads as the same bytes in memory. */
static void test_read_owned(void **state)
{
    struct fix *f = *state;
    const char nul[] = "person,title\nAna,a\0b\n" PAD;
    const char bom[] = "\xEF\xBB\xBFperson,title\r\n\"Zo\xC3\xAB\",\"a\r\nb\"\r\nBo,x\x07y\r\n";

    assert_int_equal(read_owned_as_mem(f, bom, sizeof(bom) - 1), RACI_OK);
    assert_string_equal(f->t.encoding, "UTF-8 (BOM)");
    assert_cell(&f->t.rows[0].cells[0], "Zo\xC3\xAB", 2, 1);
    assert_cell(&f->t.rows[0].cells[1], "a\r\nb", 2, 7);
    assert_cell(&f->t.rows[1].cells[1], "x\x07y", 4, 4);
    /* Windows-1252 and a NUL: decoded into a buffer of their own. */
    assert_int_equal(read_owned_as_mem(f, "person,title\nZo\xEB,\x80\n", 19), RACI_OK);
    assert_string_equal(f->t.encoding, "WINDOWS-1252");
    assert_cell(&f->t.rows[0].cells[1], "\xE2\x82\xAC", 2, 5);
    assert_int_equal(read_owned_as_mem(f, nul, sizeof(nul) - 1), RACI_OK);
    assert_cell(&f->t.rows[0].cells[1], "a" FFFD "b", 2, 5);
    /* Errors, at the same places. */
    assert_int_equal(read_owned_as_mem(f, "person,title\nAna,\"Dev\n", 22), RACI_ERROR_INPUT);
    assert_diag(&f->d, 2, 5, "unterminated quoted field: add the closing '\"'", "Ana,\"Dev");
    assert_int_equal(read_owned_as_mem(f, "\xEF\xBB\xBF", 3), RACI_ERROR_INPUT);
    assert_string_equal(f->d.message, "file is empty but for its byte order mark: expected a "
                                      "header row such as 'person,title,product,task,raci'");
}

/* Past the file limit, the buffer is freed unread (its length is all the
 * reader looks at). */
static void test_read_owned_too_large(void **state)
{
    struct fix *f = *state;
    char *buf = malloc(16);

    assert_non_null(buf);
    assert_int_equal(
        raci_reader_read_owned(&f->t, buf, RACI_READER_MAX_FILE + 1u, "team.csv", f->pool, &f->d),
        RACI_ERROR_INPUT);
    assert_table_clean(&f->t);
    assert_diag(&f->d, 1, 1,
                "file is larger than 256 MiB, the most raci reads in one roster: split it into "
                "several files (raci audits several together)",
                NULL);
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_utf8_plain),
        T(test_delimiter_of_the_header),
        T(test_cells_repeating_the_row_above),
        T(test_read_owned),
        T(test_read_owned_too_large),
        T(test_utf8_bom_crlf_no_final_newline),
        T(test_utf16le),
        T(test_utf16be),
        T(test_utf16_errors),
        T(test_utf8_strict),
        T(test_windows_1252),
        T(test_invalid_bytes),
        T(test_stray_byte_in_utf8),
        T(test_control_characters),
        T(test_not_text),
        T(test_blank_lines_and_line_ends),
        T(test_spaces_and_empty_fields),
        T(test_ragged_rows),
        T(test_semicolon),
        T(test_tab),
        T(test_delimiter_detection),
        T(test_quoted_fields),
        T(test_columns_count_characters),
        T(test_empty_file),
        T(test_unterminated_quote),
        T(test_stray_quotes),
        T(test_long_cells),
        T(test_field_too_large),
        T(test_cr_only_line_ends),
        T(test_stream),
        T(test_file),
        T(test_many_rows),
        T(test_diag_may_be_null),
    };
    return cmocka_run_group_tests_name("reader", tests, NULL, NULL);
}
