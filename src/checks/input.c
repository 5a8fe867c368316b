/*
 * input.c - the checks of the input as it was read: rows that can be read
 * whole, and the cells and headers as the reader and the shape found them
 * (bad text, stray quotes, long cells, repeated, conflicting or unnamed
 * columns), and the shape a table was read as when that was a close call.
 */
#include "raci/checks.h"

#include <stdlib.h>
#include <string.h>

#include "raci/letters.h"
#include "raci/view.h"

raci_error raci_input_malformed_row(struct raci_engine *e, const struct raci_check *chk)
{
    const struct raci_roster *r = e->r;
    for (size_t i = 0; i < r->nissues; i++) {
        const struct raci_row_issue *is = &r->issues[i];
        char *entity = raci_findings_entity_row(r, is);
        struct raci_finding *f = NULL;
        if (!entity)
            return RACI_ERROR_NOMEM;
        switch (is->problem) {
        case RACI_ROW_RAGGED:
            f = raci_findings_add(e->out, chk->def->id, chk->severity, is->loc, RACI_NONE,
                                  RACI_NONE, RACI_NONE, entity,
                                  "row has %u field%s but the header has %u (%s)", is->got,
                                  is->got == 1 ? "" : "s", is->want,
                                  is->got < is->want ? "the missing ones are read as empty"
                                                     : "the extra ones are ignored");
            break;
        case RACI_ROW_NO_PERSON:
            f = raci_findings_add(e->out, chk->def->id, chk->severity, is->loc, RACI_NONE,
                                  RACI_NONE, RACI_NONE, entity,
                                  "row has no person (expected a name in the person column); "
                                  "the row is skipped");
            break;
        case RACI_ROW_NO_TITLE:
            f = raci_findings_add(e->out, chk->def->id, chk->severity, is->loc, RACI_NONE,
                                  RACI_NONE, is->person, entity,
                                  "%s has no title on this row (expected a job title such as "
                                  "'Product Owner')",
                                  r->persons[is->person].name);
            break;
        }
        free(entity);
        if (!f)
            return RACI_ERROR_NOMEM;
    }
    return RACI_OK;
}

/* ------------------------------------------------------ cells as read -- */

/* Most characters of a cell's text a message quotes. */
#define EXCERPT_CHARS 40

/* A cell's text, quoted for a message: at most EXCERPT_CHARS characters
 * ("..." says where it is cut), a line break shown as \n, so that one
 * finding stays one line however long or broken the text. */
static void add_quoted(struct raci_str *b, const char *s)
{
    size_t chars = 0, k;

    raci_str_addc(b, '\'');
    for (; *s && chars < EXCERPT_CHARS; s += k, chars++) {
        k = raci_str_decode(s, strlen(s), NULL);
        k = k ? k : 1;
        if (*s == '\r' && s[1] == '\n')
            k = 2;
        if (*s == '\r' || *s == '\n')
            raci_str_add(b, "\\n");
        else
            raci_str_addn(b, s, k);
    }
    raci_str_add(b, *s ? "...'" : "'");
}

/* The cell an issue is about, for a message: "cell 'Notes' of Ana Silva",
 * "header cell 'Notes'", "cell 'Notes'" (of a row that names nobody, or of a
 * wide chart); a column with no header is named by its letters. */
static void add_cell(struct raci_str *b, const struct raci_roster *r,
                     const struct raci_cell_issue *is)
{
    raci_str_add(b, is->header ? "header cell " : "cell ");
    if (*is->column)
        add_quoted(b, is->column);
    else
        raci_str_addf(b, "of column %s", *is->label ? is->label : "?");
    if (is->person != RACI_NONE)
        raci_str_addf(b, " of %s", r->persons[is->person].name);
}

/* Where at is in its cell at loc: "column 12", or "line 4, column 2" in a
 * cell that spans lines. */
static void add_place(struct raci_str *b, struct raci_loc at, struct raci_loc loc)
{
    if (at.line == loc.line)
        raci_str_addf(b, "column %u", at.col);
    else
        raci_str_addf(b, "line %u, column %u", at.line, at.col);
}

/* Add the finding of an issue whose message is in msg. */
static raci_error add_issue(struct raci_engine *e, const struct raci_check *chk,
                            const struct raci_cell_issue *is, struct raci_str *msg)
{
    char *entity = raci_findings_entity_cell_issue(e->r, is);
    struct raci_finding *f = NULL;

    if (entity && !msg->failed)
        f = raci_findings_add(e->out, chk->def->id, chk->severity, is->loc, RACI_NONE, RACI_NONE,
                              is->person, entity, "%s", raci_str_cstr(msg));
    free(entity);
    raci_str_reset(msg);
    return f ? RACI_OK : RACI_ERROR_NOMEM;
}

/* What the first bad character of a cell is: "byte 0xE9 at column 4, which
 * is no UTF-8 text". */
static void add_bad_char(struct raci_str *b, const struct raci_cell_issue *is)
{
    switch (is->what) {
    case RACI_STR_BAD_SURROGATE:
        raci_str_addf(b, "bytes %02X %02X %02X at ", is->code >> 16, (is->code >> 8) & 0xFF,
                      is->code & 0xFF);
        add_place(b, is->at, is->loc);
        raci_str_add(b, ", a UTF-16 surrogate written as UTF-8 (CESU-8), which UTF-8 forbids");
        break;
    case RACI_STR_BAD_UNPAIRED:
        raci_str_addf(b, "the UTF-16 surrogate 0x%04X at ", is->code);
        add_place(b, is->at, is->loc);
        raci_str_add(b, ", which has no other half");
        break;
    case RACI_STR_BAD_NUL:
        raci_str_add(b, "a NUL character at ");
        add_place(b, is->at, is->loc);
        break;
    case RACI_STR_BAD_CONTROL:
        raci_str_addf(b, "%s U+%04X at ",
                      is->code >= 0xFFFE ? "the noncharacter" : "control character", is->code);
        add_place(b, is->at, is->loc);
        break;
    default:
        raci_str_addf(b, "byte 0x%02X at ", is->code);
        add_place(b, is->at, is->loc);
        raci_str_addf(b, ", which is no %s text",
                      strcmp(is->value, "WINDOWS-1252") == 0 ? "Windows-1252" : "UTF-8");
        break;
    }
}

raci_error raci_input_bad_text(struct raci_engine *e, const struct raci_check *chk)
{
    const struct raci_roster *r = e->r;
    struct raci_str b = RACI_STR_INIT;
    raci_error err = RACI_OK;

    for (size_t i = 0; i < r->ncell_issues && !err; i++) {
        const struct raci_cell_issue *is = &r->cell_issues[i];
        if (is->problem != RACI_CELL_BAD_TEXT)
            continue;
        add_cell(&b, r, is);
        raci_str_add(&b, " holds ");
        add_bad_char(&b, is);
        if (is->count > 1)
            raci_str_addf(&b, " (and %u more such character%s)", is->count - 1,
                          is->count > 2 ? "s" : "");
        if (is->what == RACI_STR_BAD_CONTROL)
            raci_str_add(&b, "; the data keeps it, but the workbook and the XML reports show "
                             "U+FFFD there: remove it from the roster");
        else
            raci_str_addf(&b,
                          "; it reads as U+FFFD, the replacement character, in the roster, "
                          "the workbook and every report: %s",
                          is->what == RACI_STR_BAD_NUL
                              ? "remove it from the roster"
                              : "write the character again and save the roster as UTF-8");
        err = add_issue(e, chk, is, &b);
    }
    raci_str_release(&b);
    return err;
}

raci_error raci_input_stray_quote(struct raci_engine *e, const struct raci_check *chk)
{
    const struct raci_roster *r = e->r;
    struct raci_str b = RACI_STR_INIT;
    raci_error err = RACI_OK;

    for (size_t i = 0; i < r->ncell_issues && !err; i++) {
        const struct raci_cell_issue *is = &r->cell_issues[i];
        if (is->problem != RACI_CELL_STRAY_QUOTE)
            continue;
        add_cell(&b, r, is);
        if (is->count > 1)
            raci_str_addf(&b, " has %u quotes in an unquoted field, the first at ", is->count);
        else
            raci_str_add(&b, " has a quote in an unquoted field, at ");
        add_place(&b, is->at, is->loc);
        raci_str_addf(&b,
                      "; %s read as %s, as most CSV readers do: to be sure, put the whole "
                      "field in quotes and write each quote in it as two (\"\")",
                      is->count > 1 ? "they are" : "it is", is->count > 1 ? "quotes" : "a quote");
        err = add_issue(e, chk, is, &b);
    }
    raci_str_release(&b);
    return err;
}

raci_error raci_input_long_cell(struct raci_engine *e, const struct raci_check *chk)
{
    const struct raci_roster *r = e->r;
    struct raci_str b = RACI_STR_INIT;
    raci_error err = RACI_OK;

    for (size_t i = 0; i < r->ncell_issues && !err; i++) {
        const struct raci_cell_issue *is = &r->cell_issues[i];
        if (is->problem != RACI_CELL_LONG)
            continue;
        add_cell(&b, r, is);
        raci_str_addf(&b, " is %u characters long", is->count);
        if (is->units != is->count)
            raci_str_addf(&b, " (%u as Excel counts them, in UTF-16 units)", is->units);
        raci_str_addf(&b,
                      "; a workbook cell holds 32767, so the workbook shows its first %u "
                      "characters and an ellipsis, and the reports keep the rest: shorten it, "
                      "or keep the text elsewhere and give its link",
                      is->kept);
        err = add_issue(e, chk, is, &b);
    }
    raci_str_release(&b);
    return err;
}

raci_error raci_input_duplicate_column(struct raci_engine *e, const struct raci_check *chk)
{
    const struct raci_roster *r = e->r;
    struct raci_str b = RACI_STR_INIT;
    raci_error err = RACI_OK;

    for (size_t i = 0; i < r->ncell_issues && !err; i++) {
        const struct raci_cell_issue *is = &r->cell_issues[i];
        int as_role = (is->what & RACI_CELL_AS_ROLE) != 0;
        if (is->problem != RACI_CELL_DUPLICATE_COLUMN)
            continue;
        raci_str_addf(&b, "column %s (", is->label);
        add_quoted(&b, is->column);
        if (is->what & RACI_CELL_KNOWN) {
            raci_str_addf(&b,
                          ") names the %s column again (column %s is it): raci reads it from "
                          "column %s, and column %s %s",
                          is->value, is->first_label, is->first_label, is->label,
                          as_role ? "as a role, a person of its own"
                                  : "as an extra column of the Roster sheet");
        } else {
            raci_str_addf(&b, ") has the name of column %s (", is->first_label);
            add_quoted(&b, is->first);
            raci_str_addf(&b, ")%s: %s",
                          strcmp(is->column, is->first) ? " but for case or punctuation" : "",
                          as_role ? "each is read as a person of its own"
                                  : "both are kept, as separate columns of the Roster sheet");
        }
        raci_str_add(&b, "; give each column a name of its own");
        err = add_issue(e, chk, is, &b);
    }
    raci_str_release(&b);
    return err;
}

raci_error raci_input_conflicting_value(struct raci_engine *e, const struct raci_check *chk)
{
    const struct raci_roster *r = e->r;
    struct raci_str b = RACI_STR_INIT;
    raci_error err = RACI_OK;

    for (size_t i = 0; i < r->ncell_issues && !err; i++) {
        const struct raci_cell_issue *is = &r->cell_issues[i];
        if (is->problem != RACI_CELL_CONFLICTING_VALUE)
            continue;
        raci_str_addf(&b, "%s has ", r->persons[is->person].name);
        add_quoted(&b, is->value);
        raci_str_add(&b, " in column ");
        add_quoted(&b, is->column);
        raci_str_add(&b, " here, but ");
        add_quoted(&b, is->first);
        raci_str_add(&b, " on ");
        if (is->at.file == is->loc.file)
            raci_str_addf(&b, "line %u", is->at.line);
        else
            raci_str_addf(&b, "%s:%u", is->at.file, is->at.line);
        if (is->count > 1)
            raci_str_addf(&b, " (and %u more row%s with another value)", is->count - 1,
                          is->count > 2 ? "s" : "");
        raci_str_add(&b, "; the Roster sheet shows the first: keep one value per person");
        err = add_issue(e, chk, is, &b);
    }
    raci_str_release(&b);
    return err;
}

raci_error raci_input_unnamed_column(struct raci_engine *e, const struct raci_check *chk)
{
    const struct raci_roster *r = e->r;
    struct raci_str b = RACI_STR_INIT;
    raci_error err = RACI_OK;

    for (size_t i = 0; i < r->ncell_issues && !err; i++) {
        const struct raci_cell_issue *is = &r->cell_issues[i];
        if (is->problem != RACI_CELL_UNNAMED_COLUMN)
            continue;
        raci_str_addf(&b,
                      "column %s has letters but no header: it is read as a person named '%s'; "
                      "write the role or the person's name in its header",
                      is->label, is->column);
        err = add_issue(e, chk, is, &b);
    }
    raci_str_release(&b);
    return err;
}

raci_error raci_input_input_shape(struct raci_engine *e, const struct raci_check *chk)
{
    const struct raci_roster *r = e->r;
    struct raci_str b = RACI_STR_INIT;
    raci_error err = RACI_OK;

    for (size_t i = 0; i < r->ncell_issues && !err; i++) {
        const struct raci_cell_issue *is = &r->cell_issues[i];
        if (is->problem != RACI_CELL_INPUT_SHAPE)
            continue;
        raci_str_add(&b, is->value);
        err = add_issue(e, chk, is, &b);
    }
    raci_str_release(&b);
    return err;
}
