/*
 * report_junit.h - findings as JUnit XML, for CI systems that show test
 * reports (Jenkins, GitLab, Azure):
 *
 *   <testsuites name="raci" tests="2" failures="1" errors="0">
 *     <testsuite name="team.csv" tests="2" failures="1" errors="0" skipped="1">
 *       <testcase classname="raci.single-accountable"
 *                 name="single-accountable product:atlas/task:roadmap">
 *         <failure type="error" message="task 'Roadmap' ...">team.csv:12:5: error: ...</failure>
 *       </testcase>
 *       <testcase ...><skipped>team.csv:14:1: info: ... [idle-person]</skipped></testcase>
 *     </testsuite>
 *   </testsuites>
 *
 * One suite per roster file, one case per finding. A finding at least
 * r->fail_on is a failure; one below it is a skipped case, shown but not
 * red. A file without findings has one passing case, so that every roster
 * audited shows up. Case names are rule and entity: stable across runs, so
 * that a CI's test history follows a finding.
 *
 * The document is valid against the JUnit schema most CI tools check
 * against (Jenkins' junit-4.xsd, which tests/junit/validate.sh applies, and
 * the later junit-10.xsd): testsuites has no "skipped" count (each suite
 * has its own), a testcase no "file" or "line" attribute, a skipped element
 * no attribute; where the finding is, file:line:column, is the start of the
 * text of its failure or skipped element, the suite's name its file. Text
 * goes through raci_str_xml (str.h), attributes included, so that no
 * character XML forbids (a C0 control, U+FFFE, U+FFFF) reaches the
 * document.
 */
#ifndef RACI_REPORT_JUNIT_H
#define RACI_REPORT_JUNIT_H

#include <stdio.h>

#include "raci/report.h"

raci_error raci_report_junit(FILE *out, const struct raci_report *r);

#endif
