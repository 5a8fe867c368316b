/*
 * report_junit.h - findings as JUnit XML, for CI systems that show test
 * reports (Jenkins, GitLab, Azure):
 *
 *   <testsuites name="raci" tests="2" failures="1" errors="0" skipped="1">
 *     <testsuite name="team.csv" tests="2" failures="1" errors="0" skipped="1">
 *       <testcase classname="raci.single-accountable"
 *                 name="single-accountable product:atlas/task:roadmap"
 *                 file="team.csv" line="12">
 *         <failure type="error" message="task 'Roadmap' ...">team.csv:12:5: ...</failure>
 *       </testcase>
 *       <testcase ...><skipped message="info: ..."/></testcase>
 *     </testsuite>
 *   </testsuites>
 *
 * One suite per roster file, one case per finding. A finding at least
 * r->fail_on is a failure; one below it is a skipped case, shown but not
 * red. A file without findings has one passing case, so that every roster
 * audited shows up. Case names are rule and entity: stable across runs, so
 * that a CI's test history follows a finding.
 */
#ifndef RACI_REPORT_JUNIT_H
#define RACI_REPORT_JUNIT_H

#include <stdio.h>

#include "raci/report.h"

raci_error raci_report_junit(FILE *out, const struct raci_report *r);

#endif
