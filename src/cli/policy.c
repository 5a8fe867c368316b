/*
 * policy.c - the exit policy.
 */
#include "raci/policy.h"

#include <stdlib.h>
#include <string.h>

#include "raci/rules.h"

static int too_many_warnings(const struct raci_policy *p, const struct raci_selection *findings)
{
    return p->max_warnings >= 0 &&
           raci_selection_count(findings, RACI_SEV_WARNING) > (size_t)p->max_warnings;
}

static int reaches_fail_on(const struct raci_policy *p, const struct raci_finding *f)
{
    return p->fail_on != RACI_SEV_OFF && f->severity >= p->fail_on;
}

int raci_policy_counts(const struct raci_policy *p, const struct raci_selection *findings,
                       const struct raci_finding *f)
{
    if (reaches_fail_on(p, f))
        return 1;
    return f->severity == RACI_SEV_WARNING && too_many_warnings(p, findings);
}

int raci_policy_fails(const struct raci_policy *p, const struct raci_selection *findings)
{
    if (too_many_warnings(p, findings))
        return 1;
    for (size_t i = 0; i < findings->n; i++)
        if (reaches_fail_on(p, findings->v[i]))
            return 1;
    return 0;
}

raci_error raci_policy_select(const struct raci_policy *p, const struct raci_selection *in,
                              struct raci_selection *out)
{
    memset(out, 0, sizeof(*out));
    for (size_t i = 0; i < in->n; i++)
        if (raci_policy_counts(p, in, in->v[i]) && raci_selection_add(out, in->v[i]) != RACI_OK) {
            raci_selection_release(out);
            return RACI_ERROR_NOMEM;
        }
    return RACI_OK;
}

int raci_policy_drops(const struct raci_policy *p, const char *id)
{
    size_t n;
    const struct raci_rule_def *all = raci_rules_all(&n), *def = raci_rules_find(id);
    return p->dropped && def && p->dropped[def - all];
}

raci_error raci_policy_filter(const struct raci_policy *p, struct raci_findings *fs)
{
    struct raci_findings gone = {0};
    size_t kept = 0;

    if (!p->dropped || fs->n == 0)
        return RACI_OK;
    /* The dropped ones go into a set of their own, released as findings
     * are (findings.h owns what a finding holds). */
    if (!(gone.v = malloc(fs->n * sizeof(*gone.v))))
        return RACI_ERROR_NOMEM;
    gone.cap = fs->n;
    for (size_t i = 0; i < fs->n; i++) {
        if (raci_policy_drops(p, fs->v[i].rule))
            gone.v[gone.n++] = fs->v[i];
        else
            fs->v[kept++] = fs->v[i];
    }
    fs->n = kept;
    raci_findings_release(&gone);
    return RACI_OK;
}
