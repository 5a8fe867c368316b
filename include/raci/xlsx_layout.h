/*
 * xlsx_layout.h - where everything goes in the workbook, decided before a
 * cell is written.
 *
 * The layout places each task, person and finding on a sheet, row and
 * column, names the product sheets, and counts what the Summary shows; the
 * xlsx writer (xlsx.h) then writes what it is given where it is told. So
 * every link on the Findings sheet knows its target before that sheet is
 * written, and each product sheet can be written strictly row by row, left
 * to right (what libxlsxwriter's constant_memory mode would need). The layout
 * knows nothing of libxlsxwriter: rows and columns are 0-based uint32_t, as
 * Excel counts them from A1.
 *
 * A product's sheet:
 *   row 0        the product's name in A1, then its people across, each in
 *                column 1 + k for the k-th of raci_view_product_people;
 *   row 1        "Task", then the people's titles;
 *   rows 2...    its tasks down column A, row 2 + i for the i-th of
 *                raci_view_product_tasks;
 *   last column  the Findings column, one after the last person.
 * The Roster sheet has a header row, then person q on row q + 1.
 *
 * A finding belongs to its product, or else to its task's product, or else
 * to none (the "whole roster"). On its product's sheet it marks:
 *   a task and a person   the matrix cell where they meet;
 *   a task alone          the task's name, in column A;
 *   a person alone        the person's name, in row 0;
 *   neither (the product) A1.
 * A finding about no product but about a person marks that person's row in
 * Roster (column A); a finding about nothing marks no cell.
 *
 * A large roster: at most max_sheets products (200 by default, --max-sheets)
 * get a sheet of their own, those with findings first: most errors, then
 * most warnings, then most infos, then by name. Their sheets keep the
 * roster's order. The others go to one "Other products" sheet, one row per
 * (task, person) pair, product after product in roster order, each
 * product's tasks and pairs in the order of its matrix, with the columns
 * product, task, person, title, letters, findings, id. There a finding
 * marks its pair's letters (column E), a task alone the task's first row
 * (column B), a person alone their first row in the product (column C), the
 * product alone its first row (column A); a person alone with no pair in
 * the product marks their row in Roster instead, and a product with no
 * pairs marks no cell.
 *
 * Findings, Roster and Other products split at a sheet's row limit: each
 * part has a header row, then up to max_rows - 1 rows; the parts are named
 * "Findings", "Findings (2)", ... (and so for the others), names reserved
 * before any product's. max_rows is Excel's 1,048,576, or the environment
 * variable RACI_XLSX_MAX_ROWS when it is a number from 2 to 1,048,576, so
 * that a test can split a small roster.
 *
 * When the workbook holds more than RACI_XLSX_LAYOUT_CONSTANT_ROWS rows in
 * all (or the environment variable RACI_XLSX_CONSTANT_ROWS, a number, says
 * fewer) and at most RACI_XLSX_LAYOUT_CONSTANT_SHEETS sheets, it is written
 * in libxlsxwriter's constant_memory mode: every sheet row by row, top to
 * bottom, so that memory stays flat however long a sheet is (each sheet
 * keeps a temporary file open, hence the limit on sheets). The mode is the
 * workbook's, not a sheet's, so every sheet is written in row order.
 */
#ifndef RACI_XLSX_LAYOUT_H
#define RACI_XLSX_LAYOUT_H

#include <stddef.h>
#include <stdint.h>

#include "raci/error.h"
#include "raci/findings.h"
#include "raci/map.h"
#include "raci/roster.h"
#include "raci/severity.h"
#include "raci/sheetname.h"

/* Excel's limits on a sheet. */
#define RACI_XLSX_LAYOUT_MAX_ROWS 1048576u
#define RACI_XLSX_LAYOUT_MAX_COLS 16384u

/* Product sheets unless told otherwise (--max-sheets). */
#define RACI_XLSX_LAYOUT_MAX_SHEETS 200u

/* Rows in all past which a workbook is written in constant_memory mode,
 * and the most sheets it may have then. Measured on generated rosters, the
 * two modes take the same time and memory at about 50,000 rows; beyond,
 * constant_memory takes less of both (at 100,000 rows a tenth less time and
 * a third less memory, for a file 7% larger: its strings are inline, not
 * shared), and below, the shared strings make a smaller file in less
 * memory. */
#define RACI_XLSX_LAYOUT_CONSTANT_ROWS   50000u
#define RACI_XLSX_LAYOUT_CONSTANT_SHEETS 1000u

/* The Summary of a workbook with an Other products sheet lists the worst
 * products only, so that it fits a screen. */
#define RACI_XLSX_LAYOUT_SUMMARY_WORST 20u

/* The columns of the Other products sheet. */
enum raci_xlsx_layout_rest_col {
    RACI_XLSX_LAYOUT_REST_PRODUCT,
    RACI_XLSX_LAYOUT_REST_TASK,
    RACI_XLSX_LAYOUT_REST_PERSON,
    RACI_XLSX_LAYOUT_REST_TITLE,
    RACI_XLSX_LAYOUT_REST_LETTERS,
    RACI_XLSX_LAYOUT_REST_FINDINGS,
    RACI_XLSX_LAYOUT_REST_ID,
    RACI_XLSX_LAYOUT_REST_NCOLS
};

/* Rows of a product sheet above its first task: names, then titles. */
#define RACI_XLSX_LAYOUT_HEAD_ROWS 2u

/* Columns of the Roster sheet before the roster's extra columns: name, id,
 * titles, roles, products, manager, R, A, C, I. */
#define RACI_XLSX_LAYOUT_ROSTER_COLS 10u

/* Counts by severity are indexed by raci_xlsx_layout_severity: RACI_SEV_INFO,
 * RACI_SEV_WARNING, RACI_SEV_ERROR, and 0 for any other value. */
#define RACI_XLSX_LAYOUT_NSEV 4

enum raci_xlsx_layout_sheet {
    RACI_XLSX_LAYOUT_NOWHERE = 0, /* the finding marks no cell */
    RACI_XLSX_LAYOUT_PRODUCT,     /* a cell of its product's sheet */
    RACI_XLSX_LAYOUT_ROSTER,      /* a cell of the Roster sheet */
    RACI_XLSX_LAYOUT_REST,        /* a cell of the Other products sheet */
    RACI_XLSX_LAYOUT_FINDINGS,    /* the Findings sheet (no finding marks it) */
    RACI_XLSX_LAYOUT_NKINDS
};

/* The cell a finding marks. */
struct raci_xlsx_layout_target {
    enum raci_xlsx_layout_sheet sheet;
    uint32_t product; /* for RACI_XLSX_LAYOUT_PRODUCT */
    uint32_t row, col;
    uint32_t part; /* of a split sheet: 0 for the first */
};

/* A sheet split into parts: their names. */
struct raci_xlsx_layout_split {
    uint32_t n;
    char (*names)[RACI_SHEETNAME_MAX];
};

/* A finding marked on a product sheet. */
struct raci_xlsx_layout_mark {
    uint32_t row, col;
    uint32_t finding; /* index into the findings */
};

/* What the Summary shows of a product (or of the whole roster). */
struct raci_xlsx_layout_counts {
    size_t people; /* its team */
    size_t tasks;
    size_t findings[RACI_XLSX_LAYOUT_NSEV];
};

/* Built by raci_xlsx_layout_build; read it through the functions below. */
struct raci_xlsx_layout {
    const struct raci_roster *r;             /* borrowed */
    const struct raci_findings *fs;          /* borrowed */
    char (*names)[RACI_SHEETNAME_MAX];       /* per product: its sheet's name */
    uint32_t *task_row;                      /* per task: its row on its product's sheet */
    struct raci_map columns;                 /* (product, person) -> column */
    uint32_t *finding_product;               /* per finding: its product, or RACI_NONE */
    struct raci_xlsx_layout_target *targets; /* per finding */
    uint32_t *mark_off; /* per product: marks[mark_off[p] .. mark_off[p + 1]) */
    struct raci_xlsx_layout_mark *marks;
    struct raci_xlsx_layout_counts *counts; /* per product, the whole roster, the total */
    char *message;                          /* why the workbook cannot be laid out, or NULL */
    size_t max_sheets;                      /* product sheets at most */
    uint32_t max_rows;                      /* rows of a sheet, its header included */
    unsigned char *on_sheet;                /* per product: 1 when it has a sheet */
    size_t nsheets;                         /* products with a sheet */
    uint32_t *worst;                        /* products, worst first */
    uint32_t *task_rest;                    /* per task: the Other products row of its first pair */
    uint32_t *product_rest;                 /* per product: that of its first pair */
    struct raci_map rest_people;            /* (product, person) -> their first row */
    size_t nrest;                           /* rows of Other products, headers apart */
    struct raci_xlsx_layout_mark *rest_marks; /* row: an index among those rows */
    size_t nrest_marks;
    struct raci_xlsx_layout_split split[RACI_XLSX_LAYOUT_NKINDS];
    int constant_memory;
};

/*
 * Lay out the workbook of the finished roster r (its views built) and the
 * findings fs (NULL for none); both must outlive lay and stay unchanged.
 * RACI_OK; RACI_ERROR_NOMEM; or RACI_ERROR_OUTPUT when the workbook would
 * break a limit of Excel, with lay->message saying which, e.g. "product
 * 'Atlas' has 16383 people and 2 tasks, more than a sheet holds". Either way
 * raci_xlsx_layout_release frees lay.
 */
raci_error raci_xlsx_layout_build(struct raci_xlsx_layout *lay, const struct raci_roster *r,
                                  const struct raci_findings *fs);

/* The same, with at most max_sheets product sheets (the build above has
 * RACI_XLSX_LAYOUT_MAX_SHEETS). */
raci_error raci_xlsx_layout_build_max(struct raci_xlsx_layout *lay, const struct raci_roster *r,
                                      const struct raci_findings *fs, size_t max_sheets);

void raci_xlsx_layout_release(struct raci_xlsx_layout *lay);

/* The name of product p's sheet: made safe and unique against the other
 * products' and "Summary", "Findings" and "Roster" (and their parts, and
 * "Other products" when there is one; sheetname.h), in the order of the
 * products. "" when p is out of range or has no sheet. */
const char *raci_xlsx_layout_sheet(const struct raci_xlsx_layout *lay, uint32_t p);

/* Has product p a sheet of its own (else its rows are in Other products)? */
int raci_xlsx_layout_on_sheet(const struct raci_xlsx_layout *lay, uint32_t p);

/* The products, worst first (the order that gives sheets); *n their count. */
const uint32_t *raci_xlsx_layout_worst(const struct raci_xlsx_layout *lay, size_t *n);

/* How many parts split sheet kind (RACI_XLSX_LAYOUT_ROSTER, _REST or
 * _FINDINGS) has: 0 for an Other products sheet the workbook lacks. */
uint32_t raci_xlsx_layout_parts(const struct raci_xlsx_layout *lay,
                                enum raci_xlsx_layout_sheet kind);

/* The name of that part; "" when there is none. */
const char *raci_xlsx_layout_part_sheet(const struct raci_xlsx_layout *lay,
                                        enum raci_xlsx_layout_sheet kind, uint32_t part);

/* The rows of data each part holds below its header: max_rows - 1. */
uint32_t raci_xlsx_layout_part_rows(const struct raci_xlsx_layout *lay);

/* The name of the sheet target t is on: its product's or its part's. */
const char *raci_xlsx_layout_target_sheet(const struct raci_xlsx_layout *lay,
                                          const struct raci_xlsx_layout_target *t);

/* Where product p's name in the Summary links to: A1 of its sheet, or its
 * first row in Other products (NOWHERE when it has none). */
struct raci_xlsx_layout_target raci_xlsx_layout_product_target(const struct raci_xlsx_layout *lay,
                                                               uint32_t p);

/* The findings marked on Other products, by row (an index among its rows,
 * all parts together), then column, then their order in the findings. */
const struct raci_xlsx_layout_mark *raci_xlsx_layout_rest_marks(const struct raci_xlsx_layout *lay,
                                                                size_t *n);

/* Should the workbook be written in constant_memory mode (above)? */
int raci_xlsx_layout_constant_memory(const struct raci_xlsx_layout *lay);

/* The row of task t on its product's sheet, or RACI_NONE. */
uint32_t raci_xlsx_layout_task_row(const struct raci_xlsx_layout *lay, uint32_t t);

/* The column of person q on product p's sheet, or RACI_NONE when q is none
 * of p's people. */
uint32_t raci_xlsx_layout_column(const struct raci_xlsx_layout *lay, uint32_t p, uint32_t q);

/* The Findings column of product p's sheet: one after its last person. */
uint32_t raci_xlsx_layout_findings_column(const struct raci_xlsx_layout *lay, uint32_t p);

/* The row of person q on its part of the Roster sheet, and that part. */
uint32_t raci_xlsx_layout_roster_row(const struct raci_xlsx_layout *lay, uint32_t q);
uint32_t raci_xlsx_layout_roster_part(const struct raci_xlsx_layout *lay, uint32_t q);

/* The product finding i belongs to, or RACI_NONE. */
uint32_t raci_xlsx_layout_product(const struct raci_xlsx_layout *lay, size_t i);

/* The cell finding i marks (sheet RACI_XLSX_LAYOUT_NOWHERE for none). */
struct raci_xlsx_layout_target raci_xlsx_layout_target(const struct raci_xlsx_layout *lay,
                                                       size_t i);

/* The findings marked on product p's sheet, in the order its cells are
 * written: by row, then column, then their order in the findings. */
const struct raci_xlsx_layout_mark *raci_xlsx_layout_marks(const struct raci_xlsx_layout *lay,
                                                           uint32_t p, size_t *n);

/* The Summary's counts of product p; of the findings about no product when
 * p is RACI_NONE (people and tasks 0); never NULL. */
const struct raci_xlsx_layout_counts *raci_xlsx_layout_counts(const struct raci_xlsx_layout *lay,
                                                              uint32_t p);

/* The Summary's Total: every person, task and finding. Never NULL. */
const struct raci_xlsx_layout_counts *raci_xlsx_layout_total(const struct raci_xlsx_layout *lay);

/* The index of severity s in raci_xlsx_layout_counts.findings. */
int raci_xlsx_layout_severity(enum raci_severity s);

#endif
