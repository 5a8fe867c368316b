/*
 * findings.h - what the checks found.
 *
 * A finding names one entity (a task of a product, a product, a person, a
 * row or a cell), points at the row or cell concerned and lists the other
 * rows involved. The set is sorted by file, line, column and rule before any
 * writer sees it, so every output is deterministic.
 *
 * A finding's identity is its rule and its entity: the subject named by
 * product, task or person, never by line (every check reports once per
 * entity). Lines, columns, file order, quoting and messages play no part, so
 * re-sorting or reformatting a roster changes no identity; baselines, SARIF
 * and GitLab follow a finding by it.
 */
#ifndef RACI_FINDINGS_H
#define RACI_FINDINGS_H

#include <stddef.h>
#include <stdint.h>

#include "raci/error.h"
#include "raci/roster.h"
#include "raci/rules.h"

struct raci_finding {
    const char *rule; /* static, from the registry */
    enum raci_severity severity;
    char *message; /* owned */
    struct raci_loc loc;
    struct raci_loc *related; /* owned; other rows involved, in file order once sorted */
    size_t nrelated, cap_related;
    uint32_t product; /* RACI_NONE when not about one */
    uint32_t task;
    uint32_t person;
    char *entity; /* owned; stable key of the subject, e.g. "Atlas/market research" */
    /* Known to the baseline applied (raci_baseline_apply): kept in the set,
     * so the workbook shows it, but neither reported nor counted against
     * the run (see view.h). */
    int known;
};

struct raci_findings {
    struct raci_finding *v;
    size_t n;
    size_t cap;
};

/* Append a finding; returns it (owned by fs) or NULL when out of memory.
 * entity is copied; the message is formatted. */
struct raci_finding *raci_findings_add(struct raci_findings *fs, const char *rule,
                                       enum raci_severity severity, struct raci_loc loc,
                                       uint32_t product, uint32_t task, uint32_t person,
                                       const char *entity, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 9, 10)))
#endif
    ;

/* Add a related location. The finding's own location is skipped; the list
 * is put in file order, and repeats dropped, by raci_findings_sort, so that a
 * finding with many rows costs n log n, not n squared. */
raci_error raci_findings_relate(struct raci_finding *f, struct raci_loc loc);

/* Bytes of a fingerprint: 16 lower-case hex digits and a NUL. */
#define RACI_FINGERPRINT_SIZE 17

/*
 * The finding's identity as a fingerprint: 64-bit FNV-1a of its rule and
 * entity (with the NUL between them) as 16 hex digits. Not a security hash:
 * a stable name for one finding across runs, for SARIF's
 * partialFingerprints, GitLab and the JSON report.
 */
void raci_findings_fingerprint(const struct raci_finding *f, char out[RACI_FINGERPRINT_SIZE]);

/* Sort by file, line, column, rule, message; and put each finding's related
 * rows in file order, each once, its own location left out. */
void raci_findings_sort(struct raci_findings *fs);

/* Number of findings of exactly this severity. */
size_t raci_findings_count(const struct raci_findings *fs, enum raci_severity s);

void raci_findings_release(struct raci_findings *fs);

/* ------------------------------------------------------ entity keys -- */

/*
 * The entity of a finding is the stable name of its subject: built from
 * matching keys (raci_str_key) and ids, never from line numbers, so that it
 * survives re-sorted, re-spaced or re-cased rows. Baselines and fingerprints
 * are made from it: the text of each key below must not change. Each is
 * malloc'd, and NULL when out of memory.
 */

/* "product:atlas" */
char *raci_findings_entity_product(const struct raci_roster *r, uint32_t product);

/* "product:atlas/task:roadmap" */
char *raci_findings_entity_task(const struct raci_roster *r, uint32_t task);

/* "person:id:E042" when the person has an id (as written), else
 * "person:ana silva" */
char *raci_findings_entity_person(const struct raci_roster *r, uint32_t person);

/* A cell of the matrix: "product:atlas/task:roadmap/person:ana silva" */
char *raci_findings_entity_cell(const struct raci_roster *r, uint32_t task, uint32_t person);

/* A row's problem and its person, "row:no-title/person:ana silva", or
 * "row:no-person/person:" when the row names nobody. Never its line: rows
 * repeat (baselines count repeats), and re-sorting changes lines. */
char *raci_findings_entity_row(const struct raci_roster *r, const struct raci_row_issue *issue);

/* A cell of the table, by its column's header and its person:
 * "cell:notes/person:ana silva"; "cell:notes" when it names nobody;
 * "header:notes" for a header cell. Never its line or column. */
char *raci_findings_entity_cell_issue(const struct raci_roster *r,
                                      const struct raci_cell_issue *issue);

/* A waiver of the ruleset: its rule and the subjects it gives, in the order
 * product, task, person: "waiver:team-size/product:atlas" */
char *raci_findings_entity_waiver(const struct raci_waiver *w);

#endif
