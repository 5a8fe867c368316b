/*
 * roster.h - the roster model: people (with every title they hold and the
 * roles those titles map to), products, tasks, assignments and reporting
 * lines, each with the source location it came from.
 *
 * Built through the functions below (the shapes of shape.h add whole
 * tables), finished once with raci_roster_finish, then read by the checks and
 * the writers, which never change it; they look at it through its views
 * (view.h), which finish builds. All strings are interned in the pool given
 * at init, which must outlive the roster.
 *
 * Identity: a person is the same person on every row with the same id (the id
 * column, when it is filled in), otherwise with the same name (compared by
 * matching key, raci_str_key). Tasks are per product; a task's name matches a
 * ruleset task through its aliases, case- and punctuation-insensitively, and
 * otherwise keeps the name it was given.
 */
#ifndef RACI_ROSTER_H
#define RACI_ROSTER_H

#include <stddef.h>
#include <stdint.h>

#include "raci/diag.h"
#include "raci/error.h"
#include "raci/map.h"
#include "raci/ruleset.h"
#include "raci/strpool.h"
#include "raci/view.h"

#define RACI_NONE UINT32_MAX

struct raci_loc {
    const char *file; /* interned; NULL for "nowhere" (generated data) */
    uint32_t line;    /* 1-based */
    uint32_t col;     /* 1-based */
    /* The sheet of a workbook (interned), or NULL for a text file: then
     * line is the sheet's row and col its column (loc.h writes it
     * team.xlsx:Atlas!C7). */
    const char *sheet;
};

struct raci_person {
    const char *name;
    const char *id;      /* "" when none */
    const char *manager; /* reports_to as written, "" when none */
    struct raci_loc manager_loc;
    uint32_t manager_idx; /* the person it names, or RACI_NONE */
    uint32_t ntitles;
    const char **titles;         /* distinct titles, in order of appearance */
    struct raci_loc *title_locs; /* per title: the cell of its first sight */
    /* Most people hold one title: while they do, titles points at title and
     * title_locs at title_loc, and no array is made (roster.c). */
    const char *title;
    uint64_t roles;            /* mask of ruleset role indexes */
    struct raci_loc loc;       /* the person's first row (person cell) */
    struct raci_loc title_loc; /* cell of the first title */
    const char **extra;        /* per extra column: first non-empty value, or NULL */
    unsigned flags;            /* RACI_PERSON_* */
};

/* Bits of raci_person.flags. */
enum {
    /* The "person" stands for a role, and maybe for many people: a column
     * of a published chart, named and titled by its header, or a person of
     * a long roster in which everyone is named by their own title
     * ("Customer,Customer,..."). The rules about one person's load do not
     * run on them. */
    RACI_PERSON_ROLE = 1u << 0,
    /* Listed by the people roster (--people): a real person, whose title and
     * manager the people roster gives. */
    RACI_PERSON_LISTED = 1u << 1
};

struct raci_product {
    const char *name;
    struct raci_loc loc; /* first row naming it */
};

struct raci_task {
    const char *name; /* canonical name when matched, else as given */
    uint32_t product;
    int def;             /* ruleset task index, or -1 */
    struct raci_loc loc; /* first row naming it (task cell) */
    const char *note;    /* a matrix's note columns, first row's; NULL when none */
    /* The line that row starts on: loc.line, or an earlier one when a cell
     * before the task's holds a line break. */
    uint32_t row_line;
};

enum {
    RACI_ASSIGN_GENERATED = 1u << 0, /* from the ruleset's default RACI */
    RACI_ASSIGN_UNKNOWN = 1u << 1    /* the letters cell could not be read */
};
_Static_assert(RACI_ASSIGN_GENERATED <= UINT8_MAX && RACI_ASSIGN_UNKNOWN <= UINT8_MAX,
               "raci_assign.flags is a byte");

/*
 * One letters cell. A roster holds one per row (a million of them for a
 * million-row file), so the small fields are bytes, placed so that the
 * struct has no padding but the byte after flags and the four bytes after
 * row_line: 64 bytes on a 64-bit machine.
 */
struct raci_assign {
    uint32_t person;
    uint32_t product;
    uint32_t task;
    uint8_t letters;     /* RACI_* mask (0 when unknown or blank) */
    uint8_t conditional; /* those bracketed */
    uint8_t flags;       /* RACI_ASSIGN_* */
    const char *raw;     /* the letters cell as written */
    struct raci_loc loc; /* the letters cell (or the task cell if none) */
    uint32_t row_line;   /* line of the row */
    /* The note written after the letters ("R, A (the vendor's engineer)"
     * notes "the vendor's engineer"; letters.h), trimmed; "" for none. */
    const char *note;
};

/* A person's membership of a product's team. */
struct raci_member {
    uint32_t person;
    uint32_t product;
    struct raci_loc loc; /* first row putting them there */
};

enum raci_row_problem {
    RACI_ROW_RAGGED = 1, /* field count differs from the header's */
    RACI_ROW_NO_PERSON,  /* the person cell is empty */
    RACI_ROW_NO_TITLE    /* the title cell is empty */
};

struct raci_row_issue {
    enum raci_row_problem problem;
    struct raci_loc loc;
    uint32_t got, want; /* for RAGGED: fields found, fields expected */
    uint32_t person;    /* RACI_NONE when unknown */
};

/*
 * A problem confined to one cell, or to one column's header cell: what the
 * reader found in the cell, or what the shape made of the header, said so
 * that the data is kept and nothing is changed unseen.
 */
enum raci_cell_problem {
    RACI_CELL_BAD_TEXT = 1,      /* characters that are no text, or control characters */
    RACI_CELL_STRAY_QUOTE,       /* a quote inside an unquoted field, read as a quote */
    RACI_CELL_LONG,              /* longer than a workbook cell holds */
    RACI_CELL_DUPLICATE_COLUMN,  /* a header naming a column again */
    RACI_CELL_CONFLICTING_VALUE, /* a person's second value in an extra column */
    RACI_CELL_UNNAMED_COLUMN,    /* a wide chart's column of letters with no header */
    RACI_CELL_INPUT_SHAPE        /* the table's shape was a close call: value says what was read */
};

struct raci_cell_issue {
    enum raci_cell_problem problem;
    struct raci_loc loc; /* the cell (the header cell, for the column problems) */
    int header;          /* the cell is a header cell */
    /* BAD_TEXT, STRAY_QUOTE: the first bad character or quote in the cell;
     * DUPLICATE_COLUMN: the header cell of the first column of that name;
     * CONFLICTING_VALUE: the cell of the value kept */
    struct raci_loc at;
    uint32_t person;    /* whose cell, or RACI_NONE (a header, a row naming nobody, a wide chart) */
    const char *column; /* the header of the cell's column, trimmed ("" when it has none) */
    const char *label;  /* the column's letters, "F" ("" for CONFLICTING_VALUE) */
    /* DUPLICATE_COLUMN: the header and the letters of the first column of
     * the name; CONFLICTING_VALUE: the value kept */
    const char *first;
    const char *first_label;
    const char *value; /* CONFLICTING_VALUE: the later value; BAD_TEXT: the file's encoding;
                          INPUT_SHAPE: what the table was read as, and how to state it;
                          DUPLICATE_COLUMN: the kind named again ("person"), or "" */
    /* BAD_TEXT: the first's enum raci_str_bad; DUPLICATE_COLUMN:
     * RACI_CELL_KNOWN and RACI_CELL_AS_ROLE */
    uint32_t what;
    uint32_t code; /* BAD_TEXT: the first's code (decode.h) */
    /* BAD_TEXT, STRAY_QUOTE: how many in the cell;
     * LONG: its characters;
     * CONFLICTING_VALUE: the later cells with another value than the one kept */
    uint32_t count;
    uint32_t units; /* LONG: its UTF-16 units */
    uint32_t kept;  /* LONG: the characters a workbook cell keeps */
};

/* raci_cell_issue.what of a DUPLICATE_COLUMN: the column it names again
 * is one raci reads (wide: one that is no role). */
#define RACI_CELL_KNOWN 1u
/* ... and the second column is read as an extra column (long) or as a
 * role, a person of its own (wide). */
#define RACI_CELL_AS_ROLE 2u

struct raci_roster {
    struct raci_strpool *pool;     /* borrowed */
    const struct raci_ruleset *rs; /* borrowed */
    struct raci_person *persons;
    size_t npersons, cap_persons;
    struct raci_product *products;
    size_t nproducts, cap_products;
    struct raci_task *tasks;
    size_t ntasks, cap_tasks;
    struct raci_assign *assigns;
    size_t nassigns, cap_assigns;
    struct raci_member *members;
    size_t nmembers, cap_members;
    struct raci_row_issue *issues;
    size_t nissues, cap_issues;
    struct raci_cell_issue *cell_issues; /* in the order found; the findings sort them */
    size_t ncell_issues, cap_cell_issues;
    const char **extra_names;
    size_t nextra, cap_extra; /* extra columns, in order */
    const char **files;
    size_t nfiles, cap_files;      /* tables added */
    struct raci_loc *file_headers; /* per file: its header row (line 1 until said) */
    size_t cap_file_headers;
    struct raci_view view; /* built by raci_roster_finish; see view.h */
    void *index;           /* private lookup tables */
    /* What a letters cell's text as given reads as (shape.c), keyed by the
     * interned text: the roster's cells repeat a handful of texts. */
    struct raci_map letters_read;
};

raci_error raci_roster_init(struct raci_roster *r, struct raci_strpool *pool,
                            const struct raci_ruleset *rs);

/*
 * Building. Each function finds or adds one thing, by identity; strings must
 * be interned in r->pool (they are stored, not copied). All return RACI_OK
 * or RACI_ERROR_NOMEM.
 */

/* Record that a table of this (interned) file name was added. */
raci_error raci_roster_add_file(struct raci_roster *r, const char *file);

/* The header row of the file added last is at loc (the line findings
 * about the file as a whole point at). */
void raci_roster_file_header(struct raci_roster *r, struct raci_loc loc);

/* The product named name (compared by matching key), made at loc if new. */
raci_error raci_roster_product(struct raci_roster *r, const char *name, struct raci_loc loc,
                               uint32_t *out);

/* The person with this id (when id is not ""), else this name, made at loc
 * if new. scope, when not NULL, makes the identity private to it (a wide
 * chart's role column in one product). */
raci_error raci_roster_person(struct raci_roster *r, const char *name, const char *id,
                              const char *scope, struct raci_loc loc, uint32_t *out);

/*
 * The person a column of a chart stands for, whose header is name (and
 * title, the header's text as a title: "" for none): the person the people
 * roster lists under that name (matching key), when it does, who keeps the
 * titles it gives; else a role stand-in (RACI_PERSON_ROLE) named and titled
 * by the header, private to scope when scope is not NULL (raci_roster_person).
 * Every shape that reads a chart's columns as people makes them with this.
 */
raci_error raci_roster_column_person(struct raci_roster *r, const char *name, const char *title,
                                     const char *scope, struct raci_loc loc, uint32_t *out);

/* Mark person as listed by the people roster (RACI_PERSON_LISTED), so that
 * a chart's column of that name is them. The people roster is added before
 * any other table. */
raci_error raci_roster_list_person(struct raci_roster *r, uint32_t person);

/* Give person a title (kept once; its roles are matched on first sight). */
raci_error raci_roster_title(struct raci_roster *r, uint32_t person, const char *title,
                             struct raci_loc loc);

/* The cell where person's rows first give title, or a title of the same
 * matching key; their first title's cell when they hold none such. */
struct raci_loc raci_roster_title_loc(const struct raci_roster *r, uint32_t person,
                                      const char *title);

/* Set person's reports_to as written, unless a row already did. */
void raci_roster_manager(struct raci_roster *r, uint32_t person, const char *manager,
                         struct raci_loc loc);

/* Put person on product's team (once; loc of the first row that does). */
raci_error raci_roster_member(struct raci_roster *r, uint32_t person, uint32_t product,
                              struct raci_loc loc);

/* The task of product with this name: a ruleset task when the name or an
 * alias matches one (its canonical name is kept), else by matching key. */
raci_error raci_roster_task(struct raci_roster *r, uint32_t product, const char *name,
                            struct raci_loc loc, uint32_t *out);

/* Give task its note (a matrix's note columns), unless it has one. */
raci_error raci_roster_task_note(struct raci_roster *r, uint32_t task, const char *note);

/* Add an assignment (a letters cell), as given. */
raci_error raci_roster_assign(struct raci_roster *r, const struct raci_assign *a);

/* Record a problem confined to one row. */
raci_error raci_roster_issue(struct raci_roster *r, enum raci_row_problem problem,
                             struct raci_loc loc, uint32_t got, uint32_t want, uint32_t person);

/* Record a problem confined to one cell (copied). */
raci_error raci_roster_cell_issue(struct raci_roster *r, const struct raci_cell_issue *issue);

/*
 * The extra column of this name, added if new. Names compare by matching
 * key (raci_str_key): "Location" in two files is one column. nth counts the
 * columns of a table before this one with the same key, so that a table
 * naming a column twice ("Notes" and "NOTES") keeps two, which a second
 * table's do not merge either. Looked up by hash: linear in the columns.
 */
raci_error raci_roster_extra_column(struct raci_roster *r, const char *name, uint32_t nth,
                                    uint32_t *out);

/* Person's value in an extra column, in the cell at loc. The first
 * non-empty one is kept; a later, different one is a CONFLICTING_VALUE
 * cell issue, made by raci_roster_finish (once per person and column, at
 * the first such cell). */
raci_error raci_roster_extra_value(struct raci_roster *r, uint32_t person, uint32_t column,
                                   const char *value, struct raci_loc loc);

/*
 * Finish the model after the last table: resolve reports_to to people (by
 * id, then by name); keep each person's first value of each extra column;
 * mark as role stand-ins (RACI_PERSON_ROLE) the people of a file in which
 * every person is named by their own title, unless the people roster lists
 * them;
 * for each product that has no task at all, generate its
 * RACI from the ruleset's default table (flagged RACI_ASSIGN_GENERATED,
 * defaults.h); and build the views. The lookup tables the building used
 * (identity, extra values, the reading of letters cells) are given back
 * before the views are built, and the arrays of people, products, tasks,
 * assignments and members are cut to their counts: nothing may be added to
 * a finished roster.
 */
raci_error raci_roster_finish(struct raci_roster *r);

void raci_roster_release(struct raci_roster *r);

#endif
