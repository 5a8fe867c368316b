/*
 * words.c - the header words the shapes know (words.h).
 */
#include "raci/words.h"

#include <stddef.h>

const char *const raci_words_group[] = {
    "area",        "areas",    "phase",      "phases", "stage",   "stages",     "section",
    "sections",    "category", "categories", "group",  "groups",  "workstream", "workstreams",
    "work stream", "product",  "team",       "squad",  "project", "domain",     NULL};
const char *const raci_words_product[] = {"product", "team", "squad", "project", NULL};
const char *const raci_words_note[] = {
    "description",  "descriptions", "notes",          "note",   "comments",    "comment",
    "details",      "detail",       "remarks",        "remark", "explanation", "deliverable",
    "deliverables", "purpose",      "notes comments", NULL};
const char *const raci_words_task[] = {"task",
                                       "tasks",
                                       "activity",
                                       "activities",
                                       "items",
                                       "item",
                                       "action",
                                       "actions",
                                       "step",
                                       "steps",
                                       "process",
                                       "processes",
                                       "milestone",
                                       "milestones",
                                       "work item",
                                       "responsibility",
                                       "responsibilities",
                                       "decision",
                                       "decisions",
                                       "deliverable",
                                       "deliverables",
                                       "function",
                                       "functions",
                                       NULL};
const char *const raci_words_people[] = {"role",      "roles",  "stakeholder", "stakeholders",
                                         "person",    "people", "team member", "team members",
                                         "raci role", "party",  "parties",     NULL};
