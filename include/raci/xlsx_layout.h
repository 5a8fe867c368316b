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
    RACI_XLSX_LAYOUT_ROSTER       /* a cell of the Roster sheet */
};

/* The cell a finding marks. */
struct raci_xlsx_layout_target {
    enum raci_xlsx_layout_sheet sheet;
    uint32_t product; /* for RACI_XLSX_LAYOUT_PRODUCT */
    uint32_t row, col;
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

void raci_xlsx_layout_release(struct raci_xlsx_layout *lay);

/* The name of product p's sheet: made safe and unique against the other
 * products' and "Summary", "Findings" and "Roster" (sheetname.h), in the
 * order of the products. "" when p is out of range. */
const char *raci_xlsx_layout_sheet(const struct raci_xlsx_layout *lay, uint32_t p);

/* The row of task t on its product's sheet, or RACI_NONE. */
uint32_t raci_xlsx_layout_task_row(const struct raci_xlsx_layout *lay, uint32_t t);

/* The column of person q on product p's sheet, or RACI_NONE when q is none
 * of p's people. */
uint32_t raci_xlsx_layout_column(const struct raci_xlsx_layout *lay, uint32_t p, uint32_t q);

/* The Findings column of product p's sheet: one after its last person. */
uint32_t raci_xlsx_layout_findings_column(const struct raci_xlsx_layout *lay, uint32_t p);

/* The row of person q on the Roster sheet. */
uint32_t raci_xlsx_layout_roster_row(const struct raci_xlsx_layout *lay, uint32_t q);

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
