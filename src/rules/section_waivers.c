/*
 * section_waivers.c - the waivers section of a ruleset file.
 *
 * A waiver is appended to the ruleset before its fields are read, so that a
 * failure half-way leaves nothing unowned: raci_ruleset_release frees what
 * was filled in.
 */
#include "raci/section_waivers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "raci/date.h"
#include "raci/section_checks.h"
#include "raci/str.h"

/* A subject field of a waiver (product, task or person): text that has
 * letters or digits, copied into *out as written. */
static raci_error parse_subject(struct raci_yamldoc *d, const yaml_node_t *n, const char *field,
                                char **out)
{
    char what[64], *key;
    const char *v = NULL;
    raci_error err;

    snprintf(what, sizeof what, "the name of a %s as the roster writes it", field);
    if ((err = raci_yamldoc_text(d, n, what, &v)) != RACI_OK)
        return err;
    if (!(key = raci_str_key(v)))
        return RACI_ERROR_NOMEM;
    if (!*key) {
        free(key);
        return raci_yamldoc_fail(d, n, "%s '%s' has no letters or digits", field, v);
    }
    free(key);
    *out = raci_str_dup(v);
    return *out ? RACI_OK : RACI_ERROR_NOMEM;
}

static raci_error read_rule(struct raci_yamldoc *d, const yaml_node_t *item, struct raci_waiver *w)
{
    const yaml_node_t *v = raci_yamldoc_get(d, item, "rule");
    const char *text = NULL;
    raci_error err;

    if (!v)
        return raci_yamldoc_fail(d, item,
                                 "waiver without a rule (expected rule: and a rule id such as "
                                 "single-accountable)");
    if ((err = raci_yamldoc_text(d, v, "a rule id such as single-accountable", &text)) != RACI_OK)
        return err;
    if (!(w->rule = raci_rules_find(text)))
        return raci_section_checks_unknown_rule(d, v);
    if (w->rule->scope == RACI_SCOPE_WAIVER)
        return raci_yamldoc_fail(d, v,
                                 "a waiver cannot waive '%s' (renew the waiver it reports, or "
                                 "remove it)",
                                 text);
    return RACI_OK;
}

static raci_error read_subject(struct raci_yamldoc *d, const yaml_node_t *item,
                               struct raci_waiver *w)
{
    const yaml_node_t *v;
    raci_error err;

    if ((v = raci_yamldoc_get(d, item, "product")) &&
        (err = parse_subject(d, v, "product", &w->product)) != RACI_OK)
        return err;
    if ((v = raci_yamldoc_get(d, item, "task")) &&
        (err = parse_subject(d, v, "task", &w->task)) != RACI_OK)
        return err;
    if ((v = raci_yamldoc_get(d, item, "person")) &&
        (err = parse_subject(d, v, "person", &w->person)) != RACI_OK)
        return err;
    if (!w->product && !w->task && !w->person)
        return raci_yamldoc_fail(d, item,
                                 "waiver of '%s' names no subject (expected product, task or "
                                 "person; to turn the rule off everywhere, give it severity off "
                                 "under checks)",
                                 w->rule->id);
    return RACI_OK;
}

static raci_error read_reason(struct raci_yamldoc *d, const yaml_node_t *item,
                              struct raci_waiver *w)
{
    const yaml_node_t *v = raci_yamldoc_get(d, item, "reason");
    const char *text = NULL;
    raci_error err;

    if (!v)
        return raci_yamldoc_fail(d, item,
                                 "waiver of '%s' has no reason (expected reason: why the team "
                                 "accepts the finding for now)",
                                 w->rule->id);
    if ((err = raci_yamldoc_text(d, v, "a reason", &text)) != RACI_OK)
        return err;
    if (strspn(text, " \t\r\n") == strlen(text))
        return raci_yamldoc_fail(d, v, "expected a reason, got an empty value");
    w->reason = raci_str_dup(text);
    return w->reason ? RACI_OK : RACI_ERROR_NOMEM;
}

static raci_error read_expiry(struct raci_yamldoc *d, const yaml_node_t *item,
                              struct raci_waiver *w)
{
    const yaml_node_t *v = raci_yamldoc_get(d, item, "expires");
    const char *text = NULL;
    raci_error err;

    if (!v)
        return raci_yamldoc_fail(d, item,
                                 "waiver of '%s' has no expiry date (expected expires: and a date "
                                 "such as 2025-06-30)",
                                 w->rule->id);
    if ((err = raci_yamldoc_text(d, v, "an expiry date such as 2025-06-30", &text)) != RACI_OK)
        return err;
    if (!raci_date_valid(text))
        return raci_yamldoc_fail(d, v,
                                 "invalid expiry date '%s' (expected a real date written "
                                 "YYYY-MM-DD, such as 2025-06-30)",
                                 text);
    memcpy(w->expires, text, sizeof w->expires);
    return RACI_OK;
}

raci_error raci_section_waivers(struct raci_ruleset *rs, struct raci_yamldoc *d,
                                const yaml_node_t *item)
{
    static const char *const keys[] = {"rule", "product", "task", "person", "reason", "expires"};
    struct raci_waiver *w;
    raci_error err =
        raci_yamldoc_mapping(d, item, "a waiver: {rule, product, task, person, reason, expires}");

    if (!err)
        err = raci_yamldoc_known_keys(d, item, keys, sizeof keys / sizeof *keys, " in a waiver");
    if (err)
        return err;
    if (!(w = raci_ruleset_add_waiver(rs)))
        return RACI_ERROR_NOMEM;
    w->line = (unsigned)item->start_mark.line + 1;
    w->col = (unsigned)item->start_mark.column + 1;
    if (!(w->file = raci_str_dup(d->display)))
        return RACI_ERROR_NOMEM;
    if ((err = read_rule(d, item, w)) != RACI_OK || (err = read_subject(d, item, w)) != RACI_OK ||
        (err = read_reason(d, item, w)) != RACI_OK)
        return err;
    return read_expiry(d, item, w);
}
