/*
 * fuzz_xlsx.c - libFuzzer harness for the .xlsx reader (xlsx_read.h) and
 * what the sheets become (xlsx_roster.h), through the checks.
 *
 * Any bytes must give either tables that keep the reader's promises, or an
 * error with a diagnostic that names the file; never a crash, a leak or a
 * sanitizer report. The seeds (tests/fuzz/seed_xlsx.py) are archives whose
 * parts are stored, not deflated, so that the fuzzer mutates their XML.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "raci/checks.h"
#include "raci/error.h"
#include "raci/findings.h"
#include "raci/roster.h"
#include "raci/ruleset.h"
#include "raci/ruleset_load.h"
#include "raci/str.h"
#include "raci/strpool.h"
#include "raci/xlsx_read.h"
#include "raci/xlsx_roster.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

static struct raci_ruleset rules;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    struct raci_diag d = {0};
    (void)argc;
    (void)argv;
    setenv("RACI_TODAY", "2026-06-30", 1);
    if (raci_ruleset_load(&rules, "rules/default.yaml", &d) != RACI_OK) {
        fprintf(stderr, "fuzz_xlsx: cannot load rules/default.yaml: %s\n",
                d.message ? d.message : "?");
        abort();
    }
    raci_diag_release(&d);
    return 0;
}

/* A row: on its line, its cells UTF-8, each at its column on that line,
 * and its note, if any, of it. Returns how many cells have a note. */
static size_t check_row(const struct raci_table *t, const struct raci_row *row, uint32_t min_line,
                        uint32_t min_cells)
{
    size_t noted = 0;

    if (row->line < min_line || row->line > RACI_XLSX_READ_MAX_ROWS || row->ncells < min_cells ||
        row->ncells > RACI_XLSX_READ_MAX_COLS || !row->cells)
        abort();
    for (uint32_t i = 0; i < row->ncells; i++) {
        const struct raci_cell *c = &row->cells[i];
        const struct raci_cell_note *note;
        size_t n;
        if (!c->text || c->line != row->line || c->col != i + 1)
            abort();
        n = strlen(c->text);
        note = raci_table_note(t, c);
        if (n > RACI_READER_MAX_FIELD || raci_str_valid(c->text, n) != n ||
            (note && (note->cell != c || !note->flags)))
            abort();
        noted += note != NULL;
    }
    return noted;
}

static void check_book(const struct raci_xlsx_read_book *b)
{
    if (!b->file || b->ntables == 0 || b->ntables > b->nsheets ||
        b->nsheets > RACI_XLSX_READ_MAX_SHEETS)
        abort();
    for (size_t k = 0; k < b->ntables; k++) {
        const struct raci_table *t = &b->tables[k];
        uint32_t line;
        if (t->file != b->file || !t->sheet || !t->encoding)
            abort();
        size_t noted = check_row(t, &t->header, 1, 1);
        line = t->header.line + 1;
        for (size_t i = 0; i < t->nrows; i++) {
            noted += check_row(t, &t->rows[i], line, t->header.ncells);
            line = t->rows[i].line + 1;
        }
        if (noted != t->nnotes) /* every note of a cell of the sheet */
            abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct raci_strpool *pool = raci_strpool_new();
    struct raci_xlsx_read_book b = {0};
    struct raci_roster r;
    struct raci_findings fs = {0};
    struct raci_diag d = {0};
    raci_error err;

    if (!pool || raci_roster_init(&r, pool, &rules) != RACI_OK) {
        raci_strpool_free(pool);
        return 0;
    }
    err = raci_xlsx_read_mem(&b, (const char *)data, size, "fuzz.xlsx", pool, &d);
    if (err == RACI_OK) {
        check_book(&b);
        err = raci_xlsx_roster_add(&r, &b, RACI_INPUT_AUTO, &d);
    } else if (err == RACI_ERROR_INPUT && (b.tables || !d.file || strcmp(d.file, "fuzz.xlsx"))) {
        abort(); /* a workbook's error names the workbook, and holds nothing */
    }
    if (err == RACI_ERROR_INPUT && !d.message)
        abort();
    if (err == RACI_OK && (err = raci_roster_finish(&r)) == RACI_OK)
        err = raci_checks_run(&r, &rules, &fs);
    if (err != RACI_OK && err != RACI_ERROR_INPUT && err != RACI_ERROR_NOMEM)
        abort();
    raci_findings_release(&fs);
    raci_roster_release(&r);
    raci_xlsx_read_release(&b);
    raci_diag_release(&d);
    raci_strpool_free(pool);
    return 0;
}
