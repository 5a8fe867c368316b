/*
 * fuzz_ruleset.c - libFuzzer harness for the ruleset loader and the title
 * and task matchers.
 *
 * Any bytes must give either a ruleset that keeps the header's promises, or
 * an error with a diagnostic and a released ruleset; never a crash, a leak
 * or a sanitizer report. A diagnostic's source line is a bounded piece with
 * nothing a terminal acts on. The same bytes are then matched as a job
 * title and a task name against the default ruleset (when rules/default.yaml
 * is found from the current directory, as when tests/fuzz/run.sh runs it),
 * and their matching key is checked: never longer than RACI_STR_KEY_SIZE
 * promises, and the same when made again from itself.
 *
 * Files: text in memory can only `extends:` a bundled ruleset by name
 * (letters, digits, - and _), so the fuzzer can read rules/NAME.yaml and
 * nothing else.
 *
 * Seeds: tests/fuzz/corpus/fuzz_ruleset/, and the shipped rulesets (every
 * YAML file of rules/, and samples/team-rules.yaml), which tests/fuzz/run.sh
 * copies in at each run so that they are never stale.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "raci/error.h"
#include "raci/rules.h"
#include "raci/ruleset.h"
#include "raci/ruleset_load.h"
#include "raci/str.h"
#include "raci/titles.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct raci_ruleset base;
static int base_state; /* 0 not tried, 1 loaded, -1 unavailable */

static void check_loaded(const struct raci_ruleset *rs)
{
    size_t nrules;
    const struct raci_rule_def *all = raci_rules_all(&nrules);

    if (!rs->file || rs->nchecks != nrules || rs->nroles > RACI_MAX_ROLES)
        abort();
    for (size_t i = 0; i < rs->nchecks; i++) {
        const struct raci_check *c = &rs->checks[i];
        if (c->def != &all[i] || c->severity > RACI_SEV_ERROR)
            abort();
        for (size_t j = 0; j < c->nparams; j++)
            if (!c->params[j].name || c->params[j].ival < 0 ||
                (c->params[j].nlist && !c->params[j].list))
                abort();
    }
    for (size_t r = 0; r < rs->nroles; r++) {
        const struct raci_role *role = &rs->roles[r];
        if (!role->id || !role->name || raci_ruleset_role(rs, role->id) != (int)r)
            abort();
        for (size_t k = 0; k < role->nfallbacks; k++)
            if (role->fallbacks[k] < 0 || (size_t)role->fallbacks[k] >= rs->nroles)
                abort();
    }
    for (size_t t = 0; t < rs->ntasks; t++) {
        const struct raci_task_def *task = &rs->tasks[t];
        if (!task->name || !task->key || !task->raci)
            abort();
        /* Every task is found by its own name and by each alias. */
        if (raci_ruleset_find_task(rs, task->name) != (int)t)
            abort();
        for (size_t a = 0; a < task->naliases; a++)
            if (raci_ruleset_find_task(rs, task->aliases[a]) != (int)t)
                abort();
        for (size_t r = 0; r < rs->nroles; r++)
            if (task->raci[r] & ~0xfu)
                abort();
    }
    for (size_t a = 0; a < rs->naliases; a++)
        if (!rs->aliases[a].name || !rs->aliases[a].letters)
            abort();
    /* A role's own patterns name it. */
    for (size_t r = 0; r < rs->nroles; r++)
        for (size_t k = 0; k < rs->roles[r].ntitles; k++)
            if (!(raci_titles_match(rs, rs->roles[r].titles[k]) & (UINT64_C(1) << r)))
                abort();
}

/* A diagnostic's line: at most 200 characters and two ellipses, no
 * control character, the caret within it. */
static void check_source(const struct raci_diag *d)
{
    size_t n, chars;

    if (!d->source)
        return;
    n = strlen(d->source);
    chars = raci_str_chars(d->source, n);
    if (chars > 202 || raci_str_valid(d->source, n) != n || d->source_col > chars + 1)
        abort();
    for (const unsigned char *p = (const unsigned char *)d->source; *p; p++)
        if ((*p < 0x20 && *p != '\t') || *p == 0x7f ||
            (p[0] == 0xc2 && p[1] >= 0x80 && p[1] < 0xa0))
            abort();
}

/* The key of text: within its bound, and its own key. */
static void check_key(const char *text)
{
    size_t n = strlen(text);
    char *k = malloc(RACI_STR_KEY_SIZE(n)), *kk;

    if (!k)
        return;
    if (raci_str_key_into(text, k) > RACI_STR_KEY_SIZE(n) - 1)
        abort();
    kk = raci_str_key(k);
    if (kk && strcmp(k, kk) != 0)
        abort();
    free(kk);
    free(k);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct raci_ruleset rs = {0};
    struct raci_diag d = {0};
    raci_error err = raci_ruleset_load_mem(&rs, (const char *)data, size, "fuzz.yaml", &d);

    if (err == RACI_OK) {
        check_loaded(&rs);
    } else if (err == RACI_ERROR_INPUT || err == RACI_ERROR_IO) {
        if (!d.file || !d.message || rs.roles || rs.tasks || rs.checks || rs.nroles)
            abort();
        check_source(&d);
    } else if (err != RACI_ERROR_NOMEM) {
        abort();
    }
    raci_ruleset_release(&rs);
    raci_diag_release(&d);

    /* The bytes as a title and a task name. */
    if (base_state == 0) {
        struct raci_diag bd = {0};
        base_state = raci_ruleset_load(&base, "rules/default.yaml", &bd) == RACI_OK ? 1 : -1;
        raci_diag_release(&bd);
    }
    if (base_state == 1 && size < 4096) {
        char *text = malloc(size + 1);
        if (!text)
            return 0;
        memcpy(text, data, size);
        text[size] = '\0';
        check_key(text);
        uint64_t mask = raci_titles_match(&base, text);
        if (mask >> base.nroles)
            abort();
        int t = raci_ruleset_find_task(&base, text);
        if (t < -1 || t >= (int)base.ntasks)
            abort();
        free(text);
    }
    return 0;
}
