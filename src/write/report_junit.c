/*
 * report_junit.c - findings as JUnit XML, written with libxml2's
 * xmlTextWriter, which does the escaping.
 */
#include <libxml/xmlwriter.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "raci/report_junit.h"
#include "raci/str.h"

static int junit_attr(xmlTextWriterPtr w, const char *name, const char *value)
{
    char *owned;
    const char *v = raci_str_xml(value, SIZE_MAX, &owned, NULL);
    int rc = v ? xmlTextWriterWriteAttribute(w, BAD_CAST name, BAD_CAST v) : -1;
    free(owned);
    return rc < 0;
}

static int junit_attr_num(xmlTextWriterPtr w, const char *name, size_t value)
{
    return xmlTextWriterWriteFormatAttribute(w, BAD_CAST name, "%zu", value) < 0;
}

static int junit_text(xmlTextWriterPtr w, const char *value)
{
    char *owned;
    const char *v = raci_str_xml(value, SIZE_MAX, &owned, NULL);
    int rc = v ? xmlTextWriterWriteString(w, BAD_CAST v) : -1;
    free(owned);
    return rc < 0;
}

static const char *junit_file(const struct raci_finding *f)
{
    return f->loc.file ? f->loc.file : "raci";
}

struct junit_counts {
    size_t tests, failures, skipped;
};

static struct junit_counts junit_count(const struct raci_report *r, const char *file)
{
    struct junit_counts c = {0, 0, 0};
    for (size_t i = 0; i < r->findings->n; i++) {
        const struct raci_finding *f = r->findings->v[i];
        if (file && strcmp(junit_file(f), file) != 0)
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

/* The counts of a suite, or of all of them (testsuites, where the JUnit
 * schemas have no "skipped"). */
static int junit_write_counts(xmlTextWriterPtr w, struct junit_counts c, int suite)
{
    return junit_attr_num(w, "tests", c.tests) || junit_attr_num(w, "failures", c.failures) ||
           junit_attr_num(w, "errors", 0) || (suite && junit_attr_num(w, "skipped", c.skipped));
}

/* A finding's case. Its file, line and column are in the text of its
 * failure or skipped element, as a compiler prints them: the common JUnit
 * schemas allow no file or line attribute on a testcase, and a skipped
 * element no attribute at all. */
static int junit_case(xmlTextWriterPtr w, const struct raci_report *r, const struct raci_finding *f)
{
    int failure = r->fail_on != RACI_SEV_OFF && f->severity >= r->fail_on;
    char *classname, *name, *body;
    int bad;

    classname = raci_str_printf("raci.%s", f->rule);
    name = raci_str_printf("%s %s", f->rule, f->entity);
    {
        struct raci_loc at = f->loc;
        char *where;
        at.file = junit_file(f);
        where = raci_report_where(&at);
        body = where ? raci_str_printf("%s: %s: %s [%s]", where, raci_severity_name(f->severity),
                                       f->message, f->rule)
                     : NULL;
        free(where);
    }
    bad = !classname || !name || !body || xmlTextWriterStartElement(w, BAD_CAST "testcase") < 0 ||
          junit_attr(w, "classname", classname) || junit_attr(w, "name", name);
    if (!bad && failure)
        bad = xmlTextWriterStartElement(w, BAD_CAST "failure") < 0 ||
              junit_attr(w, "type", raci_severity_name(f->severity)) ||
              junit_attr(w, "message", f->message) || junit_text(w, body) ||
              xmlTextWriterEndElement(w) < 0;
    else if (!bad)
        bad = xmlTextWriterStartElement(w, BAD_CAST "skipped") < 0 || junit_text(w, body) ||
              xmlTextWriterEndElement(w) < 0;
    if (!bad)
        bad = xmlTextWriterEndElement(w) < 0;
    free(classname);
    free(name);
    free(body);
    return bad;
}

static int junit_suite(xmlTextWriterPtr w, const struct raci_report *r, const char *file)
{
    struct junit_counts c = junit_count(r, file);
    int any = 0;

    if (xmlTextWriterStartElement(w, BAD_CAST "testsuite") < 0 || junit_attr(w, "name", file) ||
        junit_write_counts(w, c, 1))
        return 1;
    for (size_t i = 0; i < r->findings->n; i++) {
        const struct raci_finding *f = r->findings->v[i];
        if (strcmp(junit_file(f), file) != 0)
            continue;
        any = 1;
        if (junit_case(w, r, f))
            return 1;
    }
    if (!any && (xmlTextWriterStartElement(w, BAD_CAST "testcase") < 0 ||
                 junit_attr(w, "classname", "raci") || junit_attr(w, "name", "no findings") ||
                 xmlTextWriterEndElement(w) < 0))
        return 1;
    return xmlTextWriterEndElement(w) < 0;
}

/* Has file been seen before position `upto` of the suite order? */
static int junit_seen(const struct raci_report *r, size_t nfiles, size_t upto, const char *file)
{
    for (size_t i = 0; i < nfiles; i++)
        if (strcmp(r->roster->files[i], file) == 0)
            return 1;
    for (size_t i = 0; i < upto; i++)
        if (strcmp(junit_file(r->findings->v[i]), file) == 0)
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
          xmlTextWriterStartElement(w, BAD_CAST "testsuites") < 0 || junit_attr(w, "name", "raci");
    if (!bad) {
        struct junit_counts c = junit_count(r, NULL);
        /* The passing cases of files without findings count as tests. */
        for (size_t i = 0; i < nfiles; i++) {
            struct junit_counts f = junit_count(r, r->roster->files[i]);
            c.tests += f.failures + f.skipped == 0;
        }
        bad = junit_write_counts(w, c, 0);
    }
    /* Suites: the rosters in the order given, then any other file a
     * finding names, in findings order. */
    for (size_t i = 0; !bad && i < nfiles; i++)
        bad = junit_suite(w, r, r->roster->files[i]);
    for (size_t i = 0; !bad && i < r->findings->n; i++)
        if (!junit_seen(r, nfiles, i, junit_file(r->findings->v[i])))
            bad = junit_suite(w, r, junit_file(r->findings->v[i]));
    if (!bad)
        bad = xmlTextWriterEndDocument(w) < 0;
    xmlFreeTextWriter(w); /* flushes and closes buf, not out */
    if (bad || fflush(out) != 0 || ferror(out))
        return RACI_ERROR_OUTPUT;
    return RACI_OK;
}
