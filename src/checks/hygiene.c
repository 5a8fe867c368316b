/*
 * hygiene.c - the checks of the matrix itself: one A and some R on each
 * task, not too many R's, readable cells, one row per assignment, titles
 * that map to roles, nobody idle, rows that can be read whole; and the cells
 * and headers as the reader and the shape found them.
 */
#include "raci/checks.h"

#include <stdlib.h>
#include <string.h>

#include "raci/letters.h"
#include "raci/loc.h"
#include "raci/view.h"

raci_error raci_hygiene_single_accountable(struct raci_engine *e, const struct raci_check *chk)
{
    const struct raci_roster *r = e->r;
    raci_error err = RACI_OK;

    for (uint32_t t = 0; t < r->ntasks && !err; t++) {
        const struct raci_task *task = &r->tasks[t];
        const char *product = r->products[task->product].name;
        size_t n;
        const uint32_t *h = raci_checks_holders(e, t, RACI_A, &n);
        struct raci_finding *f = NULL;
        char *entity;

        if (n == 1)
            continue;
        if (!(entity = raci_findings_entity_task(r, t)))
            return RACI_ERROR_NOMEM;
        if (n == 0) {
            f = raci_findings_add(e->out, chk->def->id, chk->severity, task->loc, task->product, t,
                                  RACI_NONE, entity,
                                  "task '%s' in product '%s' has no accountable person "
                                  "(expected exactly one A)",
                                  task->name, product);
            err = f ? raci_checks_relate_task(e, f, t) : RACI_ERROR_NOMEM;
        } else {
            struct raci_loc at = r->assigns[h[0]].loc;
            struct raci_str who = RACI_STR_INIT;
            raci_checks_add_holders(e, &who, h, n, at);
            if (!who.failed)
                f = raci_findings_add(e->out, chk->def->id, chk->severity, at, task->product, t,
                                      RACI_NONE, entity,
                                      "task '%s' in product '%s' has %zu accountable people: %s",
                                      task->name, product, n, raci_str_cstr(&who));
            err = f ? raci_checks_relate_assigns(e, f, h, n) : RACI_ERROR_NOMEM;
            raci_str_release(&who);
        }
        free(entity);
    }
    return err;
}

raci_error raci_hygiene_missing_responsible(struct raci_engine *e, const struct raci_check *chk)
{
    const struct raci_roster *r = e->r;
    raci_error err = RACI_OK;

    for (uint32_t t = 0; t < r->ntasks && !err; t++) {
        const struct raci_task *task = &r->tasks[t];
        size_t n;
        raci_checks_holders(e, t, RACI_R, &n);
        if (n > 0)
            continue;
        char *entity = raci_findings_entity_task(r, t);
        struct raci_finding *f =
            entity ? raci_findings_add(e->out, chk->def->id, chk->severity, task->loc,
                                       task->product, t, RACI_NONE, entity,
                                       "task '%s' in product '%s' has nobody responsible "
                                       "(expected at least one R; A/R counts)",
                                       task->name, r->products[task->product].name)
                   : NULL;
        err = f ? raci_checks_relate_task(e, f, t) : RACI_ERROR_NOMEM;
        free(entity);
    }
    return err;
}

raci_error raci_hygiene_too_many_responsible(struct raci_engine *e, const struct raci_check *chk)
{
    const struct raci_roster *r = e->r;
    long max = raci_ruleset_int(chk, "max_responsible");
    raci_error err = RACI_OK;

    for (uint32_t t = 0; t < r->ntasks && !err; t++) {
        const struct raci_task *task = &r->tasks[t];
        size_t n;
        const uint32_t *h = raci_checks_holders(e, t, RACI_R, &n);
        if ((long)n <= max)
            continue;
        char *entity = raci_findings_entity_task(r, t);
        struct raci_loc at = r->assigns[h[0]].loc;
        struct raci_str who = RACI_STR_INIT;
        struct raci_finding *f = NULL;
        raci_checks_add_holders(e, &who, h, n, at);
        if (entity && !who.failed)
            f = raci_findings_add(
                e->out, chk->def->id, chk->severity, at, task->product, t, RACI_NONE, entity,
                "task '%s' in product '%s' has %zu people responsible (more "
                "than %ld): %s; consider splitting it",
                task->name, r->products[task->product].name, n, max, raci_str_cstr(&who));
        err = f ? raci_checks_relate_assigns(e, f, h, n) : RACI_ERROR_NOMEM;
        raci_str_release(&who);
        free(entity);
    }
    return err;
}

raci_error raci_hygiene_unknown_letter(struct raci_engine *e, const struct raci_check *chk)
{
    const struct raci_roster *r = e->r;
    struct raci_str hint = RACI_STR_INIT;
    raci_error err = RACI_OK;

    /* Name the ruleset's aliases, so the message says what would be right. */
    for (size_t i = 0; i < e->rs->naliases; i++) {
        raci_str_add(&hint, i ? ", " : ", or an alias: ");
        raci_str_add(&hint, e->rs->aliases[i].name);
    }
    if (hint.failed)
        err = RACI_ERROR_NOMEM;
    for (size_t i = 0; i < r->nassigns && !err; i++) {
        const struct raci_assign *a = &r->assigns[i];
        if (!(a->flags & RACI_ASSIGN_UNKNOWN))
            continue;
        char *entity = raci_findings_entity_cell(r, a->task, a->person);
        struct raci_finding *f =
            entity ? raci_findings_add(e->out, chk->def->id, chk->severity, a->loc, a->product,
                                       a->task, a->person, entity,
                                       "unknown RACI letter '%s' for %s on task '%s' (expected R, "
                                       "A, C, I, a combination such as A/R, a full word%s)",
                                       a->raw, r->persons[a->person].name, r->tasks[a->task].name,
                                       raci_str_cstr(&hint))
                   : NULL;
        if (!f)
            err = RACI_ERROR_NOMEM;
        free(entity);
    }
    raci_str_release(&hint);
    return err;
}

/* Person's first row a on task t is back at row b: report it at the second
 * row, with the first related, or relate b to the report already made
 * (found, an index into e->out, RACI_NONE while there is none). */
static raci_error report_repeat(struct raci_engine *e, const struct raci_check *chk, uint32_t t,
                                const struct raci_assign *a, const struct raci_assign *b,
                                uint32_t *found)
{
    const struct raci_roster *r = e->r;
    struct raci_finding *f;
    char *entity;

    if (*found != RACI_NONE)
        return raci_findings_relate(&e->out->v[*found], b->loc);
    if (!(entity = raci_findings_entity_cell(r, t, a->person)))
        return RACI_ERROR_NOMEM;
    f = raci_findings_add(
        e->out, chk->def->id, chk->severity, b->loc, a->product, t, a->person, entity,
        "%s is on task '%s' in product '%s' more than once (first at line "
        "%u); keep one row with all their letters",
        r->persons[a->person].name, r->tasks[t].name, r->products[a->product].name, a->row_line);
    free(entity);
    if (!f)
        return RACI_ERROR_NOMEM;
    *found = (uint32_t)(e->out->n - 1);
    return raci_findings_relate(f, a->loc);
}

/* Each person once per task: a person's later rows on a task are reported
 * together, at the second, unless the rows were generated (the ruleset's
 * default RACI is one row per role; a first row generated means the task
 * was). One pass over each task's rows: stamp[p] == t + 1 says person p has
 * been met on task t, at first[p], with report found[p]. */
raci_error raci_hygiene_duplicate_assignment(struct raci_engine *e, const struct raci_check *chk)
{
    const struct raci_roster *r = e->r;
    size_t np = r->npersons ? r->npersons : 1;
    uint32_t *stamp = calloc(np, sizeof(*stamp)), *first = malloc(np * sizeof(*first));
    uint32_t *found = malloc(np * sizeof(*found));
    raci_error err = stamp && first && found ? RACI_OK : RACI_ERROR_NOMEM;

    for (uint32_t t = 0; t < r->ntasks && !err; t++) {
        size_t n;
        const uint32_t *rows = raci_view_task_assigns(r, t, &n);
        for (size_t k = 0; k < n && !err; k++) {
            const struct raci_assign *b = &r->assigns[rows[k]];
            uint32_t p = b->person;
            if (stamp[p] != t + 1) {
                stamp[p] = t + 1;
                first[p] = rows[k];
                found[p] = RACI_NONE;
                continue;
            }
            const struct raci_assign *a = &r->assigns[first[p]];
            if ((a->flags | b->flags) & RACI_ASSIGN_GENERATED)
                continue;
            err = report_repeat(e, chk, t, a, b, &found[p]);
        }
    }
    free(stamp);
    free(first);
    free(found);
    return err;
}

raci_error raci_hygiene_unknown_title(struct raci_engine *e, const struct raci_check *chk)
{
    const struct raci_roster *r = e->r;
    for (uint32_t i = 0; i < r->npersons; i++) {
        const struct raci_person *p = &r->persons[i];
        if (p->roles || !p->ntitles)
            continue;
        char *entity = raci_findings_entity_person(r, i);
        /* In a wide chart the column's header is name and title at once. */
        int same = strcmp(p->titles[0], p->name) == 0;
        struct raci_finding *f =
            entity ? raci_findings_add(e->out, chk->def->id, chk->severity, p->title_loc, RACI_NONE,
                                       RACI_NONE, i, entity,
                                       "title '%s'%s%s maps to no role; the role rules leave "
                                       "them out (add the title to a role's titles in the "
                                       "ruleset if it names one)",
                                       p->titles[0], same ? "" : " of ", same ? "" : p->name)
                   : NULL;
        free(entity);
        if (!f)
            return RACI_ERROR_NOMEM;
    }
    return RACI_OK;
}

raci_error raci_hygiene_idle_person(struct raci_engine *e, const struct raci_check *chk)
{
    const struct raci_roster *r = e->r;
    for (uint32_t i = 0; i < r->npersons; i++) {
        const struct raci_person *p = &r->persons[i];
        const uint32_t *n = raci_view_counts(r, i);
        if (n[0] || n[1] || n[2] || n[3])
            continue;
        char *entity = raci_findings_entity_person(r, i);
        struct raci_finding *f =
            entity ? raci_findings_add(e->out, chk->def->id, chk->severity, p->loc, RACI_NONE,
                                       RACI_NONE, i, entity,
                                       "%s%s%s%s has no R, A, C or I on any task; give them "
                                       "their part or take them off the roster",
                                       p->name, p->ntitles ? " (" : "",
                                       p->ntitles ? p->titles[0] : "", p->ntitles ? ")" : "")
                   : NULL;
        free(entity);
        if (!f)
            return RACI_ERROR_NOMEM;
    }
    return RACI_OK;
}

raci_error raci_hygiene_malformed_row(struct raci_engine *e, const struct raci_check *chk)
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
    if (at.sheet) { /* a workbook's cell is one place */
        raci_str_add(b, "cell ");
        raci_loc_add_ref(b, at.sheet, at.line, at.col);
    } else if (at.line == loc.line)
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

raci_error raci_hygiene_bad_text(struct raci_engine *e, const struct raci_check *chk)
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

raci_error raci_hygiene_stray_quote(struct raci_engine *e, const struct raci_check *chk)
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

raci_error raci_hygiene_long_cell(struct raci_engine *e, const struct raci_check *chk)
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

raci_error raci_hygiene_duplicate_column(struct raci_engine *e, const struct raci_check *chk)
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

raci_error raci_hygiene_conflicting_value(struct raci_engine *e, const struct raci_check *chk)
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
        if (is->at.sheet && is->at.file == is->loc.file)
            raci_loc_add_ref(&b, is->at.sheet, is->at.line, is->at.col);
        else if (is->at.file == is->loc.file)
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

raci_error raci_hygiene_unnamed_column(struct raci_engine *e, const struct raci_check *chk)
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
