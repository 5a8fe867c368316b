/*
 * rules.c - the registry of rules: the one place where a rule's id, default
 * severity, parameters and explanation are written. Everything else
 * (`raci rules`, the ruleset loader, SARIF metadata, the README's table)
 * reads it from here.
 *
 * Sources are named in `why`; the texts are ours.
 */
#include "raci/rules.h"

#include <string.h>

#include "raci/array.h"
#include "raci/str.h"

static const struct raci_param_def no_params[] = {{NULL, 0, 0, NULL}};

static const struct raci_param_def p_too_many_responsible[] = {
    {"max_responsible", RACI_PARAM_INT, 3, "most people responsible for one task"},
    {NULL, 0, 0, NULL}};
static const struct raci_param_def p_multiple_po[] = {
    {"max_po", RACI_PARAM_INT, 1, "most Product Owners one product may have"}, {NULL, 0, 0, NULL}};
static const struct raci_param_def p_po_multiple_products[] = {
    {"max_products", RACI_PARAM_INT, 1, "most products one Product Owner may own"},
    {NULL, 0, 0, NULL}};
static const struct raci_param_def p_pm_owns_strategy[] = {
    {"tasks", RACI_PARAM_LIST, 0, "tasks whose accountable person should be a Product Manager"},
    {NULL, 0, 0, NULL}};
static const struct raci_param_def p_po_owns_backlog[] = {
    {"tasks", RACI_PARAM_LIST, 0, "tasks whose accountable person should be the Product Owner"},
    {NULL, 0, 0, NULL}};
static const struct raci_param_def p_director_owns_people[] = {
    {"tasks", RACI_PARAM_LIST, 0, "people tasks whose accountable person should be a Director"},
    {"fallback", RACI_PARAM_STRING, 0, "role accountable instead where a product has no Director"},
    {NULL, 0, 0, NULL}};
static const struct raci_param_def p_split_po_pm[] = {
    {"max_team_size", RACI_PARAM_INT, 10, "largest team where one person may be both PO and PM"},
    {NULL, 0, 0, NULL}};
static const struct raci_param_def p_scrum_contact_po[] = {
    {"tasks", RACI_PARAM_LIST, 0, "day-to-day tasks the PO answers for in Scrum"},
    {"framework", RACI_PARAM_STRING, 0, "framework in which the check applies"},
    {NULL, 0, 0, NULL}};
static const struct raci_param_def p_pm_span[] = {
    {"max_pos", RACI_PARAM_INT, 4, "most Product Owners or products one Product Manager may span"},
    {NULL, 0, 0, NULL}};
static const struct raci_param_def p_team_size[] = {
    {"max_team_size", RACI_PARAM_INT, 10, "largest product team"}, {NULL, 0, 0, NULL}};
static const struct raci_param_def p_accountability_overload[] = {
    {"max_accountable", RACI_PARAM_INT, 12, "most tasks one person may be accountable for"},
    {NULL, 0, 0, NULL}};
static const struct raci_param_def p_single_point_of_failure[] = {
    {"max_sole", RACI_PARAM_INT, 8, "most tasks one person may be both the only R and the A for"},
    {NULL, 0, 0, NULL}};
static const struct raci_param_def p_span_of_control[] = {
    {"max_reports", RACI_PARAM_INT, 8, "most direct reports one manager may have"},
    {NULL, 0, 0, NULL}};

#define RULE(id_, name_, sev_, scope_, params_, summary_, why_, example_)                          \
    {                                                                                              \
        id_, name_, RACI_SEV_##sev_, scope_, summary_, why_, example_, params_                     \
    }

static const struct raci_rule_def rules[] = {
    /* RACI hygiene */
    RULE("single-accountable", "SingleAccountable", ERROR, "task", no_params,
         "each task of each product has exactly one accountable person (A)",
         "When two people answer for a task, each can wait for the other and nobody decides; "
         "when nobody does, the task has no owner at all. RACI practice as taught with the PMBOK "
         "Guide gives every activity exactly one A. Seed 001 names clear accountability as the "
         "first reason to tell the roles apart, and seed 000 asks that both roles know who is "
         "responsible for what, to avoid conflicts and misunderstandings.",
         "person,title,product,task,raci\nAna,Product Owner,Atlas,Roadmap,A\nBo,Product "
         "Manager,Atlas,Roadmap,A"),
    RULE("missing-responsible", "MissingResponsible", WARNING, "task", no_params,
         "each task has at least one responsible person (R; A/R counts)",
         "An accountable person with nobody doing the work is a task that waits. RACI practice "
         "asks for at least one R on every activity (the A may be it: A/R). Seed 004 asks for "
         "clear boundaries so that everyone knows whom to talk to; a task without an R leaves "
         "that question open.",
         "person,title,product,task,raci\nAna,Product Owner,Atlas,User stories,A"),
    RULE("too-many-responsible", "TooManyResponsible", INFO, "task", p_too_many_responsible,
         "a task with more than max_responsible people responsible should be split",
         "When many people are responsible for one task, each can assume someone else is doing "
         "it. RACI audits read a crowded R column as several tasks under one name: split it so "
         "each part has a small group that does it. The threshold is audit practice, not a "
         "figure from the seeds.",
         "person,title,product,task,raci\nCy,Developer,Atlas,Sprint backlog,A/R\nDi,Developer,"
         "Atlas,Sprint backlog,R\nEd,Developer,Atlas,Sprint backlog,R\nFlo,Developer,Atlas,"
         "Sprint backlog,R"),
    RULE("unknown-letter", "UnknownLetter", WARNING, "cell", no_params,
         "a RACI cell whose text is no known letter, word or alias",
         "A cell nobody can read is a decision nobody can rely on. raci reads R, A, C and I in "
         "any case, their combinations (A/R, RA, R+A), the full words and the ruleset's "
         "aliases; anything else is reported at its cell, and the rest of the audit goes on. "
         "Input hygiene.",
         "person,title,product,task,raci\nAna,Product Owner,Atlas,Roadmap,X"),
    RULE("duplicate-assignment", "DuplicateAssignment", WARNING, "row", no_params,
         "the same person, product and task on two rows",
         "Two rows for one assignment drift apart as soon as one of them is edited, and the "
         "matrix then says two things at once. Input hygiene: keep one row per person and task, "
         "with all of their letters in it.",
         "person,title,product,task,raci\nAna,Product Owner,Atlas,Roadmap,C\nAna,Product "
         "Owner,Atlas,Roadmap,I"),
    RULE("unknown-title", "UnknownTitle", INFO, "person", no_params,
         "a job title that maps to no role of the ruleset",
         "The role rules work from job titles. A title that names no role of the ruleset leaves "
         "its holder out of every role rule, so a real Product Owner with an unusual title "
         "would go unchecked. Add the title to a role's titles in your ruleset if it names one. "
         "Input hygiene.",
         "person,title,product,task,raci\nAna,Chief Vibes Officer,Atlas,Roadmap,C"),
    RULE("idle-person", "IdlePerson", INFO, "person", no_params,
         "a person on the roster with no assignment at all",
         "An empty column in a RACI matrix is someone whose part nobody wrote down. RACI audits "
         "look for them: either the matrix is missing tasks, or the team carries a person it "
         "has no work for.",
         "person,title,product,task,raci\nAna,Product Owner,Atlas,User stories,A/R\nHana,QA "
         "Engineer,Atlas,,"),
    RULE("malformed-row", "MalformedRow", WARNING, "row", no_params,
         "a roster row that cannot be read whole: wrong number of fields, no person, no title",
         "A problem confined to one row should not stop the audit of the others, but it must "
         "not pass unseen either: a row read with fields missing may put a person on the wrong "
         "task. Input hygiene.",
         "person,title,product,task,raci\nAna,Product Owner,Atlas"),
    /* Role rules (seeds 000-004) */
    RULE("product-without-po", "ProductWithoutPo", ERROR, "product", no_params,
         "a product with no Product Owner",
         "Seed 000 puts the Product Owner in charge of delivering one product; seed 004 calls "
         "the PO the central role of Scrum, the one who maximises the product's value through "
         "its backlog. A product without a PO has nobody ordering its work.",
         "person,title,product,task,raci\nBo,Developer,Atlas,Sprint backlog,A/R"),
    RULE("multiple-po", "MultiplePo", ERROR, "product", p_multiple_po,
         "a product with more than max_po Product Owners",
         "The Scrum Guide (2020) makes the Product Owner one person, not a committee; a product "
         "worked on by several teams still has one Product Goal, one Product Backlog and one "
         "PO. Two POs on one product means two people ordering the same backlog.",
         "person,title,product,task,raci\nAna,Product Owner,Atlas,,\nBo,Product Owner,Atlas,,"),
    RULE("po-multiple-products", "PoMultipleProducts", WARNING, "person", p_po_multiple_products,
         "a Product Owner on more than max_products products",
         "Seed 001: the Product Owner focuses on a single product and works with its team day "
         "to day; seed 000 likewise gives the PO one product and the PM several. A PO spread "
         "over several products is no longer available to each team. SAFe lets a PO serve one "
         "or two teams, and rules/safe.yaml raises the limit to match.",
         "person,title,product,task,raci\nAna,Product Owner,Atlas,,\nAna,Product Owner,Borealis,,"),
    RULE("pm-owns-strategy", "PmOwnsStrategy", ERROR, "task", p_pm_owns_strategy,
         "market research, customer feedback, vision, roadmap and KPIs answer to a Product Manager",
         "Seeds 001, 002 and 004 give the strategic side to the Product Manager: market "
         "research, the voice of the customer (seed 004: customer feedback is the PM's remit), "
         "the vision and roadmap, and the KPIs that measure success. Where a product has a PM, "
         "the A for these tasks belongs to that PM; the PO is consulted.",
         "person,title,product,task,raci\nAna,Product Owner,Atlas,Market research,A/R\nBo,"
         "Product Manager,Atlas,Market research,C"),
    RULE("po-owns-backlog", "PoOwnsBacklog", ERROR, "task", p_po_owns_backlog,
         "the backlog, user stories, acceptance criteria, sprint review and product goal answer "
         "to the Product Owner",
         "Seeds 001, 002 and 004 give the tactical side to the Product Owner: ordering the "
         "product backlog, writing user stories and acceptance criteria, accepting the "
         "increment at the sprint review, and (seed 004, as in the Scrum Guide) defining the "
         "Product Goal. A PM may be consulted; the A is the PO's.",
         "person,title,product,task,raci\nBo,Product Manager,Atlas,Product backlog,A/R\nAna,"
         "Product Owner,Atlas,Product backlog,C"),
    RULE("director-owns-people", "DirectorOwnsPeople", WARNING, "task", p_director_owns_people,
         "career planning, promotions, coaching and people management answer to a Director "
         "(an Engineering Manager where there is none)",
         "Seed 000: the Director is in charge of both people and products, and its table lists "
         "career planning, promotions, coaching and people management in the Director's "
         "column. Engineering Managers do much of that work (R), and without a Director the A "
         "falls to them (the ruleset's fallback); a PO, PM or Tech Lead should not hold it.",
         "person,title,product,task,raci\nAna,Product Owner,Atlas,Promotions,A/R\nCy,Director of "
         "Product,Atlas,Promotions,C"),
    RULE("split-po-pm", "SplitPoPm", WARNING, "person", p_split_po_pm,
         "one person is both PO and PM on a team larger than max_team_size, or across products",
         "Seed 000: one person may be both PO and PM while the team is small, but as products "
         "and teams grow each role needs its own person. Seed 001 warns that the combined role "
         "risks burnout, and seed 004 asks to separate the roles once team and product grow. "
         "\"Small\" is taken as the Scrum Guide's team of ten or fewer.",
         "person,title,product,task,raci\nAna,Product Owner / Product Manager,Atlas,,\nAna,"
         "Product Owner / Product Manager,Borealis,,"),
    RULE("scrum-contact-po", "ScrumContactPo", WARNING, "task", p_scrum_contact_po,
         "in Scrum, the developers' day-to-day questions answer to the PO, not the PM",
         "Seed 004: where Scrum is used, the Product Owner is the developers' primary contact "
         "and is available to answer their questions while each item is worked on; the Product "
         "Manager supports developers directly only outside Scrum. The check runs when the "
         "ruleset's framework is the one named by its framework parameter.",
         "person,title,product,task,raci\nBo,Product Manager,Atlas,Requirements clarification,A/R"),
    RULE("pm-span", "PmSpan", WARNING, "person", p_pm_span,
         "a Product Manager over more than max_pos Product Owners or products",
         "Seeds 000 and 001: a Product Manager looks across several products, while each PO "
         "keeps to one. How many is too many? SAFe's guidance, as usually quoted, has a PM "
         "support up to about four POs (a second-hand figure); beyond that the PM can no "
         "longer keep each product's strategy in view.",
         "person,title,product,task,raci\nBo,Product Manager,A,,\nBo,Product Manager,B,,\nBo,"
         "Product Manager,C,,\nBo,Product Manager,D,,\nBo,Product Manager,E,,"),
    RULE("team-size", "TeamSize", WARNING, "product", p_team_size,
         "a product team larger than max_team_size people",
         "Scrum Guide 2020: a Scrum Team is small enough to stay nimble, typically ten or fewer "
         "people; a larger one should reorganise into several cohesive teams that share one "
         "Product Goal, one Product Backlog and one Product Owner.",
         "person,title,product\nAna,Product Owner,Atlas\nBo,Scrum Master,Atlas\nCy,Developer,"
         "Atlas\nDi,Developer,Atlas\nEd,Developer,Atlas\nFlo,Developer,Atlas\nGus,Developer,"
         "Atlas\nHal,Developer,Atlas\nIvy,Developer,Atlas\nJo,Developer,Atlas\nKai,Developer,"
         "Atlas"),
    /* Load rules */
    RULE("accountability-overload", "AccountabilityOverload", WARNING, "person",
         p_accountability_overload, "a person accountable for more than max_accountable tasks",
         "Seed 001: one person combining roles gains speed but risks burnout and loses focus on "
         "either the long term or the day to day. A long list of A's is the measurable form of "
         "that risk. The default, 12, is a judgement: more than half of the 22 canonical tasks.",
         "person,title,product,task,raci\nAna,Product Owner / Product Manager,Atlas,Market "
         "research,A/R\nAna,Product Owner / Product Manager,Atlas,Customer feedback,A/R\nAna,"
         "Product Owner / Product Manager,Atlas,Product vision,A/R\nAna,Product Owner / Product "
         "Manager,Atlas,Roadmap,A/R\nAna,Product Owner / Product Manager,Atlas,KPIs,A/R\nAna,"
         "Product Owner / Product Manager,Atlas,Customer relationship,A/R\nAna,Product Owner / "
         "Product Manager,Atlas,Go-to-market,A/R\nAna,Product Owner / Product Manager,Atlas,"
         "Budget and schedule,A/R\nAna,Product Owner / Product Manager,Atlas,Product goal,A/R\n"
         "Ana,Product Owner / Product Manager,Atlas,Product backlog,A/R\nAna,Product Owner / "
         "Product Manager,Atlas,User stories,A/R\nAna,Product Owner / Product Manager,Atlas,"
         "Acceptance criteria,A/R\nAna,Product Owner / Product Manager,Atlas,Sprint review "
         "acceptance,A/R"),
    RULE("single-point-of-failure", "SinglePointOfFailure", INFO, "person",
         p_single_point_of_failure,
         "a person who is both the only R and the A on more than max_sole tasks",
         "RACI audit practice: a task whose owner is also its only doer stops the day that "
         "person is away. A few such tasks are normal in a small team; many of them in one "
         "person are a bus-factor risk. Add a second R, or hand some of the work on.",
         "person,title,product,task,raci\nAna,Product Owner,Atlas,Product goal,A/R\nAna,Product "
         "Owner,Atlas,Product backlog,A/R\nAna,Product Owner,Atlas,User stories,A/R\nAna,Product "
         "Owner,Atlas,Acceptance criteria,A/R\nAna,Product Owner,Atlas,Sprint review "
         "acceptance,A/R\nAna,Product Owner,Atlas,Requirements clarification,A/R\nAna,Product "
         "Owner,Atlas,Delivery process,A/R\nAna,Product Owner,Atlas,Progress reporting,A/R\nAna,"
         "Product Owner,Atlas,Roadmap,A/R"),
    /* Org-chart rules */
    RULE("unknown-manager", "UnknownManager", ERROR, "person", no_params,
         "reports_to names nobody on the roster",
         "Org chart integrity: a reporting line must end at someone the roster knows, by name or "
         "by id. A manager who is missing (a typo, someone who left) leaves the chart, and the "
         "span-of-control and reporting-cycle checks, with a hole.",
         "person,title,reports_to\nAna,Developer,Nobody Known"),
    RULE("reporting-cycle", "ReportingCycle", ERROR, "person", no_params, "a loop in reports_to",
         "Org chart integrity: following reports_to upwards must reach the top of the "
         "organisation. A loop (Ana reports to Bo, Bo to Ana) is always a data error, and every "
         "person in it is named so that it can be fixed.",
         "person,title,reports_to\nAna,Engineering Manager,Bo\nBo,Director of Engineering,Ana"),
    RULE("span-of-control", "SpanOfControl", WARNING, "person", p_span_of_control,
         "a manager with more than max_reports direct reports",
         "Will Larson (An Elegant Puzzle) puts a healthy span at six to eight engineers per "
         "manager, and four to six for managers of managers. McKinsey (2017) describes spans "
         "from 3-5 for player/coaches to 15 or more for coordinators; Gallup (2025) measures "
         "an average of 12.1. The default, 8, is Larson's upper bound for line managers.",
         "person,title,reports_to\nMia,Engineering Manager,\nAna,Developer,Mia\nBo,Developer,"
         "Mia\nCy,Developer,Mia\nDi,Developer,Mia\nEd,Developer,Mia\nFlo,Developer,Mia\nGus,"
         "Developer,Mia\nHal,Developer,Mia\nIvy,Developer,Mia"),
    /* Waivers (the ruleset's `waivers:`) */
    RULE("expired-waiver", "ExpiredWaiver", WARNING, "waiver", no_params,
         "a waiver in the ruleset whose expiry date has passed",
         "A waiver is a dated promise: the team accepts a finding for a reason, until a date by "
         "which it will be fixed. Once the date has passed the waiver no longer hides anything, "
         "the finding is reported again, and the waiver itself is reported at its line in the "
         "ruleset: renew it with a new date and reason, or fix the problem and remove it. "
         "Today is the local date, or RACI_TODAY (YYYY-MM-DD) when it is set.",
         "waivers:\n  - rule: team-size\n    product: Atlas\n    reason: the team splits in two "
         "after the March release\n    expires: 2024-03-31"),
    RULE("unused-waiver", "UnusedWaiver", INFO, "waiver", no_params,
         "a waiver in force that matches no finding",
         "A waiver that hides nothing is a leftover: the problem it covered was fixed, the "
         "names it gives no longer match the roster, or its rule is off. Remove it, so that the "
         "ruleset only records the exceptions the team still lives with.",
         "waivers:\n  - rule: multiple-po\n    product: Atlas\n    reason: Bo hands over to Ana "
         "during the transition\n    expires: 2099-12-31"),
};

const struct raci_rule_def *raci_rules_all(size_t *n)
{
    if (n)
        *n = sizeof(rules) / sizeof(rules[0]);
    return rules;
}

const struct raci_rule_def *raci_rules_find(const char *id)
{
    for (size_t i = 0; i < sizeof(rules) / sizeof(rules[0]); i++)
        if (strcmp(rules[i].id, id) == 0)
            return &rules[i];
    return NULL;
}

const struct raci_param_def *raci_rule_param(const struct raci_rule_def *rule, const char *name)
{
    for (const struct raci_param_def *p = rule->params; p->name; p++)
        if (strcmp(p->name, name) == 0)
            return p;
    return NULL;
}
