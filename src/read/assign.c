/*
 * assign.c - one cell of letters read into an assignment, each distinct
 * text of a table read once.
 */
#include "raci/assign.h"

#include "raci/letters.h"

raci_error raci_assign_cell(struct raci_roster *r, uint32_t person, uint32_t product, uint32_t task,
                            const char *text, struct raci_loc loc, uint32_t row_line)
{
    struct raci_letters l = {0, 0};
    struct raci_letters_note note = {0, 0};
    struct raci_assign a = {person, product, task, 0, 0, 0, text, loc, row_line, ""};
    /* A text read before, without a note, is kept as status | mask << 2 |
     * conditional << 6 (never RACI_MAP_NONE). */
    uint32_t kept = raci_map_get(&r->letters_read, (uintptr_t)text, 0);
    raci_letters_status st;

    if (kept != RACI_MAP_NONE) {
        st = (raci_letters_status)(kept & 3);
        l = (struct raci_letters){(kept >> 2) & 0xF, (kept >> 6) & 0xF};
    } else {
        st = raci_letters_read(text, r->rs->aliases, r->rs->naliases, &l, &note);
        if (!note.len && raci_map_put(&r->letters_read, (uintptr_t)text, 0,
                                      (uint32_t)st | l.mask << 2 | l.conditional << 6))
            return RACI_ERROR_NOMEM;
    }
    if (st == RACI_LETTERS_EMPTY)
        return RACI_OK;
    if (st == RACI_LETTERS_UNKNOWN)
        a.flags |= RACI_ASSIGN_UNKNOWN;
    if (note.len && !(a.note = raci_strpool_intern(r->pool, text + note.off, note.len)))
        return RACI_ERROR_NOMEM;
    a.letters = l.mask;
    a.conditional = l.conditional;
    return raci_roster_assign(r, &a);
}
