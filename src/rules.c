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

#include "raci/util.h"

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
         "Accountability that is shared is accountability nobody holds. The PMBOK Guide's RACI "
         "practice gives every activity exactly one A; seed 001 and seed 000 stress that each role "
         "must know who answers for what, to avoid conflicts and misunderstandings.",
         "person,title,product,task,raci\nAna,Product Owner,Atlas,Roadmap,A\nBo,Product "
         "Manager,Atlas,Roadmap,A"),
    RULE("missing-responsible", "MissingResponsible", WARNING, "task", no_params,
         "each task has at least one responsible person (R; A/R counts)",
         "A task with an owner but nobody doing the work stalls. Seed 004 asks for clear "
         "boundaries between roles so people know whom to talk to; standard RACI practice asks "
         "for at least one R per activity.",
         "person,title,product,task,raci\nAna,Product Owner,Atlas,User stories,A"),
    RULE("too-many-responsible", "TooManyResponsible", INFO, "task", p_too_many_responsible,
         "a task with more than max_responsible people responsible should be split",
         "When many people are responsible for one task, each assumes another is doing it. RACI "
         "audits treat a crowded R column as a sign that the task is really several tasks.",
         "person,title,product,task,raci\nA1,Developer,Atlas,Release,R\nA2,Developer,Atlas,"
         "Release,R\nA3,Developer,Atlas,Release,R\nA4,Developer,Atlas,Release,R"),
    RULE("unknown-letter", "UnknownLetter", WARNING, "cell", no_params,
         "a RACI cell whose text is no known letter, word or alias",
         "A cell that cannot be read is a decision nobody can rely on. raci accepts R, A, C, I, "
         "their combinations, the full words and the ruleset's aliases; anything else is "
         "reported where it stands so it can be fixed.",
         "person,title,product,task,raci\nAna,Product Owner,Atlas,Roadmap,X"),
    RULE("duplicate-assignment", "DuplicateAssignment", WARNING, "row", no_params,
         "the same person, product and task on two rows",
         "Two rows for one assignment drift apart when one is edited. Input hygiene: keep one row "
         "per person and task, with all their letters in it.",
         "person,title,product,task,raci\nAna,Product Owner,Atlas,Roadmap,C\nAna,Product "
         "Owner,Atlas,Roadmap,I"),
    RULE("unknown-title", "UnknownTitle", INFO, "person", no_params,
         "a job title that maps to no role of the ruleset",
         "The role rules work from titles. A title that names no known role leaves that person "
         "out of them; add the title to a role's patterns in your ruleset if it should count.",
         "person,title,product,task,raci\nAna,Chief Vibes Officer,Atlas,Roadmap,C"),
    RULE("idle-person", "IdlePerson", INFO, "person", no_params,
         "a person on the roster with no assignment at all",
         "An empty column in a RACI matrix is a person whose part nobody wrote down. RACI audits "
         "look for them: either the matrix misses tasks or the team carries someone idle.",
         "person,title,product,task,raci\nAna,Developer,Atlas,,"),
    RULE("malformed-row", "MalformedRow", WARNING, "row", no_params,
         "a roster row that cannot be read whole: wrong number of fields, no person, no title",
         "A problem confined to one row should not stop the audit of the rest, but it must not "
         "pass unseen either. Input hygiene.",
         "person,title,product,task,raci\nAna,Product Owner,Atlas"),
    /* Role rules (seeds 000-004) */
    RULE("product-without-po", "ProductWithoutPo", ERROR, "product", no_params,
         "a product with no Product Owner",
         "Seed 000: the Product Owner is in charge of delivering a single product. Seed 004: in "
         "Scrum the Product Owner is the central role. A product without one has nobody "
         "maximising its value.",
         "person,title,product,task,raci\nBo,Developer,Atlas,Sprint backlog,A/R"),
    RULE("multiple-po", "MultiplePo", ERROR, "product", p_multiple_po,
         "a product with more than max_po Product Owners",
         "Scrum Guide 2020: the Product Owner is one person, not a committee; a product that "
         "splits into several teams keeps one Product Owner.",
         "person,title,product,task,raci\nAna,Product Owner,Atlas,,\nBo,Product Owner,Atlas,,"),
    RULE("po-multiple-products", "PoMultipleProducts", WARNING, "person", p_po_multiple_products,
         "a Product Owner on more than max_products products",
         "Seed 001: the Product Owner focuses on a single product, close to its team day to day. "
         "Seed 000: the PO delivers one product, the PM looks across several.",
         "person,title,product,task,raci\nAna,Product Owner,Atlas,,\nAna,Product Owner,Borealis,,"),
    RULE("pm-owns-strategy", "PmOwnsStrategy", ERROR, "task", p_pm_owns_strategy,
         "market research, customer feedback, vision, roadmap and KPIs answer to a Product Manager",
         "Seeds 001, 002 and 004: the Product Manager sets strategy: market research, the voice "
         "of the customer, vision, roadmap and success metrics. Where a product (or its "
         "portfolio) has a PM, that PM should be accountable for them.",
         "person,title,product,task,raci\nAna,Product Owner,Atlas,Market research,A/R\nBo,"
         "Product Manager,Atlas,Market research,C"),
    RULE("po-owns-backlog", "PoOwnsBacklog", ERROR, "task", p_po_owns_backlog,
         "the backlog, user stories, acceptance criteria, sprint review and product goal answer "
         "to the Product Owner",
         "Seeds 001, 002 and 004: the Product Owner maintains and orders the backlog, writes "
         "stories and acceptance criteria, accepts the increment at the sprint review and sets "
         "the Product Goal.",
         "person,title,product,task,raci\nBo,Product Manager,Atlas,Product backlog,A/R\nAna,"
         "Product Owner,Atlas,Product backlog,C"),
    RULE("director-owns-people", "DirectorOwnsPeople", WARNING, "task", p_director_owns_people,
         "career planning, promotions, coaching and people management answer to a Director "
         "(an Engineering Manager where there is none)",
         "Seed 000: the Director is in charge of both people and products: career planning, "
         "promotions, coaching and people management sit with the Director.",
         "person,title,product,task,raci\nAna,Product Owner,Atlas,Promotions,A/R\nCy,Director of "
         "Product,Atlas,Promotions,C"),
    RULE("split-po-pm", "SplitPoPm", WARNING, "person", p_split_po_pm,
         "one person is both PO and PM on a team larger than max_team_size, or across products",
         "Seeds 000, 001 and 004: one person may hold both roles while the team is small, but as "
         "products and teams grow the roles need different people.",
         "person,title,product,task,raci\nAna,Product Owner / Product Manager,Atlas,,"),
    RULE("scrum-contact-po", "ScrumContactPo", WARNING, "task", p_scrum_contact_po,
         "in Scrum, the developers' day-to-day questions answer to the PO, not the PM",
         "Seed 004: with Scrum the Product Owner is always available to the developers and is "
         "their primary contact; the Product Manager works through the PO.",
         "person,title,product,task,raci\nBo,Product Manager,Atlas,Requirements clarification,A/R"),
    RULE("pm-span", "PmSpan", WARNING, "person", p_pm_span,
         "a Product Manager over more than max_pos Product Owners or products",
         "Seeds 000 and 001: a PM spans several products. SAFe puts the practical limit near four "
         "Product Owners per Product Manager (a second-hand figure).",
         "person,title,product,task,raci\nBo,Product Manager,A,,\nBo,Product Manager,B,,\nBo,"
         "Product Manager,C,,\nBo,Product Manager,D,,\nBo,Product Manager,E,,"),
    RULE("team-size", "TeamSize", WARNING, "product", p_team_size,
         "a product team larger than max_team_size people",
         "Scrum Guide 2020: a Scrum Team is typically ten or fewer people; larger teams should "
         "reorganise into several cohesive teams sharing one Product Goal, backlog and PO.",
         "person,title,product\n(eleven people on one product)"),
    /* Load rules */
    RULE("accountability-overload", "AccountabilityOverload", WARNING, "person",
         p_accountability_overload, "a person accountable for more than max_accountable tasks",
         "Seed 001: combining roles in one person risks burnout and poor outcomes; a long list of "
         "A's is the measurable form of that risk.",
         "person,title,product,task,raci\n(one person with A on thirteen tasks)"),
    RULE("single-point-of-failure", "SinglePointOfFailure", INFO, "person",
         p_single_point_of_failure,
         "a person who is both the only R and the A on more than max_sole tasks",
         "RACI audit practice: a task whose owner is also its only doer stops when that person is "
         "away. A few are normal; many are a bus-factor risk.",
         "person,title,product,task,raci\n(one person with A/R and no other R on nine tasks)"),
    /* Org-chart rules */
    RULE("unknown-manager", "UnknownManager", ERROR, "person", no_params,
         "reports_to names nobody on the roster",
         "Org chart integrity: a reporting line must end at a person the roster knows, by name or "
         "id.",
         "person,title,reports_to\nAna,Developer,Nobody Known"),
    RULE("reporting-cycle", "ReportingCycle", ERROR, "person", no_params, "a loop in reports_to",
         "Org chart integrity: following reports_to upwards must reach the top, not come back to "
         "where it started.",
         "person,title,reports_to\nAna,Engineering Manager,Bo\nBo,Director of Engineering,Ana"),
    RULE("span-of-control", "SpanOfControl", WARNING, "person", p_span_of_control,
         "a manager with more than max_reports direct reports",
         "Will Larson, An Elegant Puzzle: six to eight engineers per manager. McKinsey (2017) "
         "describes spans from 3-5 for player/coaches to 15 or more for coordinators.",
         "person,title,reports_to\n(nine people reporting to one manager)"),
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

static const char *const severity_names[] = {"off", "info", "warning", "error"};

const char *raci_severity_name(enum raci_severity s)
{
    if ((unsigned)s > RACI_SEV_ERROR)
        return "?";
    return severity_names[s];
}

int raci_severity_parse(const char *s)
{
    for (int i = 0; i <= RACI_SEV_ERROR; i++)
        if (raci_strcasecmp(s, severity_names[i]) == 0)
            return i;
    return -1;
}
