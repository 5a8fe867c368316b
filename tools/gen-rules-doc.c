/*
 * gen-rules-doc - print doc/rules.md: the rule registry with the severities
 * and parameters of a ruleset (rules/default.yaml unless one is named).
 *
 *   build/gen-rules-doc [RULESET.yaml] >doc/rules.md
 *
 * `make doc/rules.md` runs it; tests/unit/test_rules_doc.c fails when the
 * committed file differs from what it prints.
 */
#include <stdio.h>
#include <stdlib.h>

#include "raci/rules_doc.h"
#include "raci/ruleset.h"
#include "raci/ruleset_load.h"

int main(int argc, char **argv)
{
    const char *path = argc > 1 ? argv[1] : "rules/default.yaml";
    struct raci_ruleset rs = {0};
    struct raci_diag diag = {0};
    raci_error err;

    if (argc > 2) {
        fputs("usage: gen-rules-doc [RULESET.yaml]\n", stderr);
        return 2;
    }
    err = raci_ruleset_load(&rs, path, &diag);
    if (err) {
        if (diag.message)
            raci_diag_print(stderr, &diag, 0);
        else
            fprintf(stderr, "gen-rules-doc: %s\n", raci_error_string(err));
        raci_diag_release(&diag);
        return 2;
    }
    err = raci_rules_doc_markdown(stdout, &rs);
    raci_ruleset_release(&rs);
    if (err || fflush(stdout) != 0) {
        fputs("gen-rules-doc: unable to write the document\n", stderr);
        return 2;
    }
    return 0;
}
