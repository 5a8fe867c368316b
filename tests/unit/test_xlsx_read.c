/*
 * test_xlsx_read.c - the .xlsx reader: workbooks made here, by libxlsxwriter
 * (as a spreadsheet writes them) and part by part with libzip (to hold what
 * libxlsxwriter never writes: inline strings, rich text, escapes, merged
 * cells over rows, damaged and hostile archives); and the spelling of a
 * workbook's places (loc.h).
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>
#include <zip.h>

#include "raci/loc.h"
#include "raci/str.h"
#include "raci/strpool.h"
#include "raci/xlsx_props.h"
#include "raci/xlsx_read.h"
#include "raci/xlsx_table.h"

struct fix {
    struct raci_strpool *pool;
    struct raci_xlsx_read_book b;
    struct raci_diag d;
    char *bytes;
    size_t len;
    char path[64];
};

static int setup(void **state)
{
    struct fix *f = calloc(1, sizeof(*f));
    if (!f)
        return -1;
    f->pool = raci_strpool_new();
    snprintf(f->path, sizeof f->path, "/tmp/raci-xlsx-read.XXXXXX");
    int fd = mkstemp(f->path);
    if (fd >= 0)
        close(fd);
    *state = f;
    return f->pool && fd >= 0 ? 0 : -1;
}

static int teardown(void **state)
{
    struct fix *f = *state;
    raci_xlsx_read_release(&f->b);
    raci_diag_release(&f->d);
    raci_strpool_free(f->pool);
    free(f->bytes);
    unlink(f->path);
    free(f);
    return 0;
}

/* f->path's bytes into f->bytes. */
static void slurp(struct fix *f)
{
    FILE *in = fopen(f->path, "rb");
    assert_non_null(in);
    free(f->bytes);
    fseek(in, 0, SEEK_END);
    f->len = (size_t)ftell(in);
    rewind(in);
    f->bytes = malloc(f->len + 1);
    assert_non_null(f->bytes);
    assert_int_equal(fread(f->bytes, 1, f->len, in), f->len);
    fclose(in);
}

/* A zip of the parts given as name, text, name, text, ..., NULL. */
static void zip_parts(struct fix *f, const char *const *parts)
{
    int ze;
    zip_t *z = zip_open(f->path, ZIP_CREATE | ZIP_TRUNCATE, &ze);

    assert_non_null(z);
    for (; *parts; parts += 2) {
        zip_source_t *s = zip_source_buffer(z, parts[1], strlen(parts[1]), 0);
        assert_non_null(s);
        assert_true(zip_file_add(z, parts[0], s, ZIP_FL_OVERWRITE) >= 0);
    }
    assert_int_equal(zip_close(z), 0);
    slurp(f);
}

#define WB_ONE                                                                                     \
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"                                                   \
    "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "               \
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"             \
    "<sheets><sheet name=\"Q3 plan\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
#define RELS_ONE                                                                                   \
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"       \
    "<Relationship Id=\"rId1\" "                                                                   \
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "      \
    "Target=\"worksheets/sheet1.xml\"/>"                                                           \
    "<Relationship Id=\"rId2\" "                                                                   \
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" "  \
    "Target=\"/xl/sharedStrings.xml\"/></Relationships>"
#define SHEET(data)                                                                                \
    "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">" data         \
    "</worksheet>"

static void one_sheet(struct fix *f, const char *sst, const char *sheet)
{
    const char *parts[] = {"xl/workbook.xml",
                           WB_ONE,
                           "xl/_rels/workbook.xml.rels",
                           RELS_ONE,
                           "xl/sharedStrings.xml",
                           sst,
                           "xl/worksheets/sheet1.xml",
                           sheet,
                           NULL};
    zip_parts(f, parts);
}

static raci_error read_book(struct fix *f)
{
    return raci_xlsx_read_mem(&f->b, f->bytes, f->len, "team.xlsx", f->pool, &f->d);
}

static const char *text_at(const struct raci_table *t, size_t row, uint32_t col)
{
    const struct raci_row *r = row ? &t->rows[row - 1] : &t->header;
    assert_true(col < r->ncells);
    return r->cells[col].text;
}

/* --------------------------------------------------------- the values -- */

static void test_libxlsxwriter_book(void **state)
{
    struct fix *f = *state;
    lxw_workbook *wb = workbook_new(f->path);
    lxw_worksheet *ws = workbook_add_worksheet(wb, "Atlas");
    lxw_worksheet *empty = workbook_add_worksheet(wb, "Empty");
    lxw_worksheet *ann = workbook_add_worksheet(wb, "Ann's");
    const struct raci_table *t;

    (void)empty;
    worksheet_write_string(ws, 0, 0, "person", NULL);
    worksheet_write_string(ws, 0, 1, "title", NULL);
    worksheet_write_string(ws, 0, 3, "raci", NULL); /* C1 left empty */
    worksheet_write_string(ws, 2, 0, "Ana", NULL);  /* row 2 left empty */
    worksheet_write_number(ws, 2, 1, 12, NULL);
    worksheet_write_number(ws, 2, 2, 1.5, NULL);
    worksheet_write_boolean(ws, 2, 3, 1, NULL);
    worksheet_write_number(ws, 3, 0, 0.1 + 0.2, NULL);
    worksheet_write_string(ann, 0, 0, "x", NULL);
    assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
    slurp(f);

    assert_true(raci_xlsx_read_is_zip(f->bytes, f->len));
    assert_int_equal(read_book(f), RACI_OK);
    assert_int_equal(f->b.nsheets, 3);
    assert_int_equal(f->b.ntables, 2); /* the empty sheet is left out */
    t = &f->b.tables[0];
    assert_string_equal(t->sheet, "Atlas");
    assert_string_equal(t->file, "team.xlsx");
    assert_string_equal(f->b.tables[1].sheet, "Ann's");
    assert_int_equal(t->header.ncells, 4);
    assert_string_equal(text_at(t, 0, 2), ""); /* the missing C1 */
    assert_int_equal(t->nrows, 2);             /* the empty row skipped */
    assert_int_equal(t->rows[0].line, 3);
    assert_int_equal(t->rows[0].cells[1].line, 3);
    assert_int_equal(t->rows[0].cells[1].col, 2);
    assert_string_equal(text_at(t, 1, 1), "12");
    assert_string_equal(text_at(t, 1, 2), "1.5");
    assert_string_equal(text_at(t, 1, 3), "TRUE");
    /* A row shorter than the header is filled out to it. */
    assert_int_equal(t->rows[1].ncells, 4);
    assert_string_equal(text_at(t, 2, 0), "0.3");
}

static void test_strings(void **state)
{
    struct fix *f = *state;
    const struct raci_table *t;
    const struct raci_cell_note *n;

    one_sheet(f,
              "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
              "<si><t>person</t></si>"
              "<si><r><rPr><b/></rPr><t>ti</t></r><r><t xml:space=\"preserve\">tle </t></r>"
              "<rPh><t>IGNORED</t></rPh></si>"
              "<si/>"
              "<si><t>a_x000D__x000A_b _x005F_x0041_ _xD83D__xDE00_</t></si>"
              "</sst>",
              SHEET("<sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c>"
                    "<c r=\"B1\" t=\"s\"><v>1</v></c></row>"
                    "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>Bo &amp; Ana</t></is></c>"
                    "<c t=\"str\"><f>A1</f><v>formula</v></c>"
                    "<c r=\"C2\" t=\"s\"><v>3</v></c>"
                    "<c r=\"D2\" t=\"e\"><v>#N/A</v></c>"
                    "<c r=\"E2\" t=\"inlineStr\"><is><t>bell_x0007_</t></is></c>"
                    "<c r=\"F2\" t=\"inlineStr\"><is><t>_xD800_</t></is></c></row>"
                    "</sheetData>"));
    assert_int_equal(read_book(f), RACI_OK);
    t = &f->b.tables[0];
    assert_string_equal(t->sheet, "Q3 plan");
    assert_string_equal(text_at(t, 0, 1), "title ");
    assert_string_equal(text_at(t, 1, 0), "Bo & Ana");
    assert_string_equal(text_at(t, 1, 1), "formula"); /* a cell without r follows A2 */
    assert_string_equal(text_at(t, 1, 2), "a\r\nb _x0041_ \xF0\x9F\x98\x80");
    assert_null(raci_table_note(t, &t->rows[0].cells[2]));
    assert_string_equal(text_at(t, 1, 3), "#N/A");
    /* A control character is kept and flagged; a lone surrogate is U+FFFD. */
    assert_string_equal(text_at(t, 1, 4), "bell\a");
    n = raci_table_note(t, &t->rows[0].cells[4]);
    assert_non_null(n);
    assert_ptr_equal(n->cell, &t->rows[0].cells[4]);
    assert_int_equal(n->flags, RACI_READER_BAD_TEXT);
    assert_int_equal(n->bad_what, RACI_STR_BAD_CONTROL);
    assert_int_equal(n->bad_code, 7);
    assert_int_equal(n->bad_col, 5);
    assert_string_equal(text_at(t, 1, 5), "\xEF\xBF\xBD");
    n = raci_table_note(t, &t->rows[0].cells[5]);
    assert_non_null(n);
    assert_int_equal(n->bad_what, RACI_STR_BAD_UNPAIRED);
    assert_int_equal(n->bad_code, 0xD800);
    assert_int_equal(t->nnotes, 2);
}

static void test_merged_cells(void **state)
{
    struct fix *f = *state;
    const struct raci_table *t;

    one_sheet(f, "<sst/>",
              SHEET("<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>area</t></is></c>"
                    "<c r=\"B1\" t=\"inlineStr\"><is><t>task</t></is></c></row>"
                    "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>Plan</t></is></c>"
                    "<c r=\"B2\" t=\"inlineStr\"><is><t>one</t></is></c></row>"
                    "<row r=\"3\"><c r=\"B3\" t=\"inlineStr\"><is><t>two</t></is></c></row>"
                    "</sheetData><mergeCells count=\"1\"><mergeCell ref=\"A2:A4\"/></mergeCells>"));
    assert_int_equal(read_book(f), RACI_OK);
    t = &f->b.tables[0];
    assert_int_equal(t->nrows, 3); /* row 4 holds the merged range's value alone */
    assert_string_equal(text_at(t, 1, 0), "Plan");
    assert_string_equal(text_at(t, 2, 0), "Plan");
    assert_string_equal(text_at(t, 3, 0), "Plan");
    assert_int_equal(t->rows[2].line, 4);
    assert_string_equal(text_at(t, 3, 1), "");
}

static void test_numbers(void **state)
{
    char out[32];
    (void)state;
    assert_int_equal(raci_xlsx_table_number("12", out), 0);
    assert_string_equal(out, "12");
    assert_int_equal(raci_xlsx_table_number("12.0", out), 0);
    assert_string_equal(out, "12");
    assert_int_equal(raci_xlsx_table_number("1.2E+1", out), 0);
    assert_string_equal(out, "12");
    assert_int_equal(raci_xlsx_table_number("-0", out), 0);
    assert_string_equal(out, "0");
    assert_int_equal(raci_xlsx_table_number("0.30000000000000004", out), 0);
    assert_string_equal(out, "0.3");
    assert_int_equal(raci_xlsx_table_number("1E+20", out), 0);
    assert_string_equal(out, "1E+20");
    assert_int_equal(raci_xlsx_table_number("inf", out), -1);
    assert_int_equal(raci_xlsx_table_number("0x10", out), -1);
    assert_int_equal(raci_xlsx_table_number("", out), -1);
}

/* ------------------------------------------------------------- places -- */

static void test_places(void **state)
{
    char cell[RACI_LOC_CELL_SIZE];
    char *s;
    (void)state;

    raci_loc_column(1, cell);
    assert_string_equal(cell, "A");
    raci_loc_column(26, cell);
    assert_string_equal(cell, "Z");
    raci_loc_column(27, cell);
    assert_string_equal(cell, "AA");
    raci_loc_column(16384, cell);
    assert_string_equal(cell, "XFD");
    raci_loc_cell(1048576, 16384, cell);
    assert_string_equal(cell, "XFD1048576");
    s = raci_loc_format("team.csv", NULL, 7, 3);
    assert_string_equal(s, "team.csv:7:3");
    free(s);
    s = raci_loc_format("team.xlsx", "Atlas", 7, 3);
    assert_string_equal(s, "team.xlsx:Atlas!C7");
    free(s);
    s = raci_loc_format("team.xlsx", "Q3 plan", 4, 2);
    assert_string_equal(s, "team.xlsx:'Q3 plan'!B4");
    free(s);
    s = raci_loc_format("team.xlsx", "Ann's", 1, 1);
    assert_string_equal(s, "team.xlsx:'Ann''s'!A1");
    free(s);
    /* Names Excel would read as a cell, or that start with a digit. */
    s = raci_loc_format("t.xlsx", "A1", 1, 1);
    assert_string_equal(s, "t.xlsx:'A1'!A1");
    free(s);
    s = raci_loc_format("t.xlsx", "R2C3", 1, 1);
    assert_string_equal(s, "t.xlsx:'R2C3'!A1");
    free(s);
    s = raci_loc_format("t.xlsx", "2024", 1, 0);
    assert_string_equal(s, "t.xlsx:'2024'!1:1");
    free(s);
    s = raci_loc_format("t.xlsx", "Équipe_1.b", 0, 0);
    assert_string_equal(s, "t.xlsx:Équipe_1.b");
    free(s);
}

/* ----------------------------------------------------------- failures -- */

static void test_not_a_zip(void **state)
{
    struct fix *f = *state;
    f->bytes = raci_str_dup("PK\003\004 this is no archive");
    f->len = strlen(f->bytes);
    assert_int_equal(read_book(f), RACI_ERROR_INPUT);
    assert_string_equal(f->d.file, "team.xlsx");
    assert_null(f->d.sheet);
    assert_non_null(strstr(f->d.message, "no zip archive"));
    assert_non_null(strstr(f->d.message, "Excel Workbook (.xlsx)"));
    assert_false(raci_xlsx_read_is_zip("PK", 2));
}

static void test_missing_parts(void **state)
{
    struct fix *f = *state;

    zip_parts(f, (const char *const[]){"word/document.xml", "<w/>", NULL});
    assert_int_equal(read_book(f), RACI_ERROR_INPUT);
    assert_non_null(strstr(f->d.message, "no part 'xl/workbook.xml'"));
    /* The sheet the workbook lists is not in the archive. */
    zip_parts(f, (const char *const[]){"xl/workbook.xml", WB_ONE, "xl/_rels/workbook.xml.rels",
                                       RELS_ONE, NULL});
    assert_int_equal(read_book(f), RACI_ERROR_INPUT);
    assert_non_null(strstr(f->d.message, "sheet 'Q3 plan' has no part"));
    zip_parts(f, (const char *const[]){"xl/workbook.xml", WB_ONE, NULL});
    assert_int_equal(read_book(f), RACI_ERROR_INPUT);
    assert_non_null(strstr(f->d.message, "xl/_rels/workbook.xml.rels"));
}

static void test_bad_xml(void **state)
{
    struct fix *f = *state;

    one_sheet(f, "<sst/>", SHEET("<sheetData><row r=\"1\"><c r=\"B2\"><v>1</v></row>"));
    assert_int_equal(read_book(f), RACI_ERROR_INPUT);
    assert_non_null(strstr(f->d.message, "part 'xl/worksheets/sheet1.xml' (sheet 'Q3 plan') "
                                         "is not well-formed XML"));
    assert_string_equal(f->d.sheet, "Q3 plan");
    /* A DTD, which XML bombs are made of, is refused before any entity. */
    one_sheet(f, "<!DOCTYPE sst [<!ENTITY a \"aaaa\">]><sst><si><t>&a;</t></si></sst>", SHEET(""));
    assert_int_equal(read_book(f), RACI_ERROR_INPUT);
    assert_non_null(strstr(f->d.message, "document type declaration"));
}

static void test_bad_cells(void **state)
{
    struct fix *f = *state;

    one_sheet(f, "<sst><si><t>x</t></si></sst>",
              SHEET("<sheetData><row r=\"7\"><c r=\"C7\" t=\"s\"><v>4</v></c></row></sheetData>"));
    assert_int_equal(read_book(f), RACI_ERROR_INPUT);
    assert_string_equal(f->d.sheet, "Q3 plan");
    assert_int_equal(f->d.line, 7);
    assert_int_equal(f->d.col, 3);
    assert_non_null(strstr(f->d.message, "shared string '4', but the workbook has 1"));
    one_sheet(f, "<sst/>", SHEET("<sheetData><row><c r=\"XFE1\"><v>1</v></c></row></sheetData>"));
    assert_int_equal(read_book(f), RACI_ERROR_INPUT);
    assert_non_null(strstr(f->d.message, "past Excel's last cell"));
    one_sheet(f, "<sst/>",
              SHEET("<sheetData><row r=\"1048577\"><c><v>1</v></c></row></sheetData>"));
    assert_int_equal(read_book(f), RACI_ERROR_INPUT);
    assert_non_null(strstr(f->d.message, "row '1048577'"));
    one_sheet(f, "<sst/>", SHEET("<mergeCells><mergeCell ref=\"A1:XFD1048576\"/></mergeCells>"));
    assert_int_equal(read_book(f), RACI_ERROR_INPUT); /* no value: but the sheet is empty */
    assert_non_null(strstr(f->d.message, "every sheet of it is empty"));
    one_sheet(f, "<sst/>",
              SHEET("<sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c></row></sheetData>"
                    "<mergeCells><mergeCell ref=\"A1:XFD1048576\"/></mergeCells>"));
    assert_int_equal(read_book(f), RACI_ERROR_INPUT);
    assert_non_null(strstr(f->d.message, "merged range is too large"));
    assert_string_equal(f->d.sheet, "Q3 plan");
}

static void test_long_cell(void **state)
{
    struct fix *f = *state;
    size_t n = RACI_READER_MAX_FIELD + 1;
    struct raci_str b = RACI_STR_INIT;

    raci_str_add(&b, "<worksheet><sheetData><row r=\"2\"><c r=\"B2\" t=\"inlineStr\"><is><t>");
    for (size_t i = 0; i < n; i++)
        raci_str_addc(&b, 'x');
    raci_str_add(&b, "</t></is></c></row></sheetData></worksheet>");
    assert_false(b.failed);
    one_sheet(f, "<sst/>", b.s);
    raci_str_release(&b);
    assert_int_equal(read_book(f), RACI_ERROR_INPUT);
    assert_int_equal(f->d.line, 2);
    assert_int_equal(f->d.col, 2);
    assert_non_null(strstr(f->d.message, "longer than 1048576 bytes"));
}

/* The central directory's uncompressed size of the entry named name
 * (which must be the archive's last), set to size: a zip bomb's claim. */
static void claim_size(struct fix *f, const char *name, uint32_t size)
{
    size_t k = strlen(name);
    for (size_t i = 0; i + 46 + k <= f->len; i++) {
        const unsigned char *p = (const unsigned char *)f->bytes + i;
        if (memcmp(p, "PK\001\002", 4) == 0 && p[28] == k && memcmp(p + 46, name, k) == 0) {
            unsigned char *q = (unsigned char *)f->bytes + i + 24;
            q[0] = (unsigned char)size;
            q[1] = (unsigned char)(size >> 8);
            q[2] = (unsigned char)(size >> 16);
            q[3] = (unsigned char)(size >> 24);
            return;
        }
    }
    fail_msg("no central directory entry '%s'", name);
}

static void test_zip_bomb(void **state)
{
    struct fix *f = *state;

    one_sheet(f, "<sst/>", SHEET("<sheetData/>"));
    claim_size(f, "xl/worksheets/sheet1.xml", 0xFFFFFFF0u);
    assert_int_equal(read_book(f), RACI_ERROR_INPUT);
    assert_non_null(strstr(f->d.message, "would inflate to 4294967280 bytes"));
    assert_non_null(strstr(f->d.message, "zip bomb"));
    /* An entry that inflates to more than it says stops at what it says. */
    one_sheet(f, "<sst/>", SHEET("<sheetData><row r=\"1\"><c><v>1</v></c></row></sheetData>"));
    claim_size(f, "xl/worksheets/sheet1.xml", 20);
    assert_int_equal(read_book(f), RACI_ERROR_INPUT);
    assert_string_equal(f->d.file, "team.xlsx");
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

/* A workbook whose description is description (NULL: no properties set), with one
 * sheet, written to f->path and read into f->bytes. */
static void props_book(struct fix *f, const char *description)
{
    lxw_workbook *wb = workbook_new(f->path);
    lxw_doc_properties props = {0};
    worksheet_write_string(workbook_add_worksheet(wb, "P&G"), 0, 0, "person", NULL);
    char comments[64], author[] = "Zoë Ørsted"; /* libxlsxwriter's fields are not const */
    if (description) {
        snprintf(comments, sizeof comments, "%s", description);
        props.comments = comments;
        props.author = author;
        assert_int_equal(workbook_set_properties(wb, &props), LXW_NO_ERROR);
    }
    assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
    free(f->bytes);
    f->bytes = NULL;
    slurp(f);
}

/* raci's own workbooks are told by their description, and nothing else
 * passes for one. */
static void test_written_by_raci(void **state)
{
    struct fix *f = *state;
    props_book(f, "Written by raci");
    assert_true(raci_xlsx_props_by_raci(f->bytes, f->len));
    props_book(f, "Written by raci diff");
    assert_true(raci_xlsx_props_by_raci(f->bytes, f->len));
    props_book(f, "Budget & headcount, written by Finance");
    assert_false(raci_xlsx_props_by_raci(f->bytes, f->len));
    props_book(f, "Written by rac");
    assert_false(raci_xlsx_props_by_raci(f->bytes, f->len));
    props_book(f, "Written by racine & fils");
    assert_false(raci_xlsx_props_by_raci(f->bytes, f->len));
    props_book(f, NULL);
    assert_false(raci_xlsx_props_by_raci(f->bytes, f->len));
    assert_false(raci_xlsx_props_by_raci("person,title\n", 13));
    assert_false(raci_xlsx_props_by_raci("", 0));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_libxlsxwriter_book), T(test_written_by_raci), T(test_strings),
        T(test_merged_cells),       T(test_numbers),         T(test_places),
        T(test_not_a_zip),          T(test_missing_parts),   T(test_bad_xml),
        T(test_bad_cells),          T(test_long_cell),       T(test_zip_bomb),
    };
    return cmocka_run_group_tests_name("xlsx_read", tests, NULL, NULL);
}
