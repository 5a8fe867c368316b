/*
 * report_junit.c - findings as JUnit XML, written with libxml2's
 * xmlTextWriter (which does the escaping), for CI systems that show test
 * reports: Jenkins, GitLab, Azure.
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
 * One suite per roster file, one case per finding. A finding that fails
 * the run (at least --fail-on) is a failure; one below it is a skipped case,
 * shown but not red. A file without findings has one passing case, so that
 * every roster audited shows up. Case names are rule and entity: stable
 * across runs, so that a CI's test history follows a finding.
 */
#include <libxml/xmlwriter.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "raci/report.h"
#include "raci/array.h"
#include "raci/str.h"

static int attr(xmlTextWriterPtr w, const char *name, const char *value)
{
    char *owned;
    const char *v = raci_str_xml(value, SIZE_MAX, &owned, NULL);
    int rc = v ? xmlTextWriterWriteAttribute(w, BAD_CAST name, BAD_CAST v) : -1;
    free(owned);
    return rc < 0;
}

static int attr_num(xmlTextWriterPtr w, const char *name, size_t value)
{
    return xmlTextWriterWriteFormatAttribute(w, BAD_CAST name, "%zu", value) < 0;
}

static int text(xmlTextWriterPtr w, const char *value)
{
    char *owned;
    const char *v = raci_str_xml(value, SIZE_MAX, &owned, NULL);
    int rc = v ? xmlTextWriterWriteString(w, BAD_CAST v) : -1;
    free(owned);
    return rc < 0;
}

static const char *file_of(const struct raci_finding *f)
{
    return f->loc.file ? f->loc.file : "raci";
}

struct counts {
    size_t tests, failures, skipped;
};

static struct counts count_file(const struct raci_report *r, const char *file)
{
    struct counts c = {0, 0, 0};
    for (size_t i = 0; i < r->fs->n; i++) {
        const struct raci_finding *f = &r->fs->v[i];
        if (file && strcmp(file_of(f), file) != 0)
            continue;
        c.tests++;
        if (r->fail_on != RACI_SEV_OFF && f->severity >= r->fail_on)
            c.failures++;
        else
            c.skipped++;
    }
    if (file && c.tests == 0)
        c.tests = 1; /* the passing case */
    return c;
}

static int write_counts(xmlTextWriterPtr w, struct counts c)
{
    return attr_num(w, "tests", c.tests) || attr_num(w, "failures", c.failures) ||
           attr_num(w, "errors", 0) || attr_num(w, "skipped", c.skipped);
}

static int write_case(xmlTextWriterPtr w, const struct raci_report *r, const struct raci_finding *f)
{
    int failure = r->fail_on != RACI_SEV_OFF && f->severity >= r->fail_on;
    char *classname, *name, *body, *skip;
    int bad;

    classname = raci_str_printf("raci.%s", f->rule);
    name = raci_str_printf("%s %s", f->rule, f->entity);
    body = raci_str_printf("%s:%u:%u: %s: %s [%s]", file_of(f), f->loc.line, f->loc.col,
                           raci_severity_name(f->severity), f->message, f->rule);
    skip = raci_str_printf("%s: %s", raci_severity_name(f->severity), f->message);
    bad = !classname || !name || !body || !skip ||
          xmlTextWriterStartElement(w, BAD_CAST "testcase") < 0 ||
          attr(w, "classname", classname) || attr(w, "name", name) || attr(w, "file", file_of(f)) ||
          attr_num(w, "line", f->loc.line);
    if (!bad && failure)
        bad = xmlTextWriterStartElement(w, BAD_CAST "failure") < 0 ||
              attr(w, "type", raci_severity_name(f->severity)) || attr(w, "message", f->message) ||
              text(w, body) || xmlTextWriterEndElement(w) < 0;
    else if (!bad)
        bad = xmlTextWriterStartElement(w, BAD_CAST "skipped") < 0 || attr(w, "message", skip) ||
              xmlTextWriterEndElement(w) < 0;
    if (!bad)
        bad = xmlTextWriterEndElement(w) < 0;
    free(classname);
    free(name);
    free(body);
    free(skip);
    return bad;
}

static int write_suite(xmlTextWriterPtr w, const struct raci_report *r, const char *file)
{
    struct counts c = count_file(r, file);
    int any = 0;

    if (xmlTextWriterStartElement(w, BAD_CAST "testsuite") < 0 || attr(w, "name", file) ||
        write_counts(w, c))
        return 1;
    for (size_t i = 0; i < r->fs->n; i++) {
        const struct raci_finding *f = &r->fs->v[i];
        if (strcmp(file_of(f), file) != 0)
            continue;
        any = 1;
        if (write_case(w, r, f))
            return 1;
    }
    if (!any &&
        (xmlTextWriterStartElement(w, BAD_CAST "testcase") < 0 || attr(w, "classname", "raci") ||
         attr(w, "name", "no findings") || attr(w, "file", file) || xmlTextWriterEndElement(w) < 0))
        return 1;
    return xmlTextWriterEndElement(w) < 0;
}

/* Has file been seen before position `upto` of the suite order? */
static int seen(const struct raci_report *r, size_t nfiles, size_t upto, const char *file)
{
    for (size_t i = 0; i < nfiles; i++)
        if (strcmp(r->roster->files[i], file) == 0)
            return 1;
    for (size_t i = 0; i < upto; i++)
        if (strcmp(file_of(&r->fs->v[i]), file) == 0)
            return 1;
    return 0;
}

raci_error raci_report_junit(FILE *out, const struct raci_report *r)
{
    size_t nfiles = r->roster ? r->roster->nfiles : 0;
    xmlOutputBufferPtr buf = xmlOutputBufferCreateFile(out, NULL);
    xmlTextWriterPtr w = buf ? xmlNewTextWriter(buf) : NULL;
    int bad;

    if (!w) {
        if (buf)
            xmlOutputBufferClose(buf);
        return RACI_ERROR_NOMEM;
    }
    bad = xmlTextWriterSetIndent(w, 1) < 0 || xmlTextWriterSetIndentString(w, BAD_CAST "  ") < 0 ||
          xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL) < 0 ||
          xmlTextWriterStartElement(w, BAD_CAST "testsuites") < 0 || attr(w, "name", "raci");
    if (!bad) {
        struct counts c = count_file(r, NULL);
        /* The passing cases of files without findings count as tests. */
        for (size_t i = 0; i < nfiles; i++) {
            struct counts f = count_file(r, r->roster->files[i]);
            c.tests += f.failures + f.skipped == 0;
        }
        bad = write_counts(w, c);
    }
    /* Suites: the rosters in the order given, then any other file a
     * finding names, in findings order. */
    for (size_t i = 0; !bad && i < nfiles; i++)
        bad = write_suite(w, r, r->roster->files[i]);
    for (size_t i = 0; !bad && i < r->fs->n; i++)
        if (!seen(r, nfiles, i, file_of(&r->fs->v[i])))
            bad = write_suite(w, r, file_of(&r->fs->v[i]));
    if (!bad)
        bad = xmlTextWriterEndDocument(w) < 0;
    xmlFreeTextWriter(w); /* flushes and closes buf, not out */
    if (bad || fflush(out) != 0 || ferror(out))
        return RACI_ERROR_OUTPUT;
    return RACI_OK;
}
