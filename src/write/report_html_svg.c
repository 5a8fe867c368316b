/*
 * report_html_svg.c - the org chart inside the HTML page: orgchart.h's SVG,
 * drawn into memory, read back with libxml2 and written inline.
 */
#include "raci/report_html_svg.h"

#include <limits.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>

#include "raci/orgchart.h"
#include "raci/report_html.h"

/* Drop the comments below node (Graphviz's, which name nodes by index and
 * say nothing a reader of the page needs), and show the names in its text
 * as the rest of the page shows them (raci_report_html_safe). Non-zero when
 * out of memory. */
static int hsvg_clean(xmlNodePtr node)
{
    for (xmlNodePtr c = node->children, next; c; c = next) {
        next = c->next;
        if (c->type == XML_COMMENT_NODE) {
            xmlUnlinkNode(c);
            xmlFreeNode(c);
        } else if (c->type == XML_ELEMENT_NODE) {
            if (hsvg_clean(c))
                return 1;
        } else if (c->type == XML_TEXT_NODE && c->content && !xmlIsBlankNode(c)) {
            /* (The line breaks between elements stay line breaks.) */
            char *owned;
            const char *t = raci_report_html_safe((const char *)c->content, &owned);
            if (!t)
                return 1;
            if (owned)
                xmlNodeSetContent(c, BAD_CAST t);
            free(owned);
        }
    }
    return 0;
}

/* The <svg> element of the SVG document text[0 .. len), serialised alone,
 * malloc'd in *out (NULL when it could not be read). */
static int hsvg_element(const char *text, size_t len, xmlBufferPtr out)
{
    /* No network, no DTD: the doctype names one that is not fetched. */
    xmlDocPtr doc =
        xmlReadMemory(text, (int)len, "orgchart.svg", "UTF-8",
                      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_HUGE);
    xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
    int rc = -1;

    if (root && hsvg_clean(root) == 0)
        rc = xmlNodeDump(out, doc, root, 0, 0) < 0 ? -1 : 0;
    xmlFreeDoc(doc);
    return rc;
}

/* Draw r's chart into a new buffer; NULL when it could not be drawn. */
static xmlBufferPtr hsvg_draw(const struct raci_report *r)
{
    char *text = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&text, &len);
    xmlBufferPtr out = NULL;
    int drawn;

    if (!mem)
        return NULL;
    drawn = raci_orgchart_svg(mem, r) == RACI_OK;
    if (fclose(mem) == 0 && drawn && len <= (size_t)INT_MAX) {
        out = xmlBufferCreate();
        if (out && hsvg_element(text, len, out) != 0) {
            xmlBufferFree(out);
            out = NULL;
        }
    }
    free(text);
    return out;
}

int raci_report_html_svg(xmlTextWriterPtr w, const struct raci_report *r)
{
    xmlBufferPtr svg = r->roster ? hsvg_draw(r) : NULL;
    int bad = raci_report_html_open(w, "section", NULL) ||
              raci_report_html_attr(w, "id", "orgchart") ||
              raci_report_html_elem(w, "h2", NULL, "Org chart");

    if (!bad && svg)
        bad = raci_report_html_open(w, "div", "chart") ||
              xmlTextWriterWriteRaw(w, xmlBufferContent(svg)) < 0 || raci_report_html_close(w);
    else if (!bad)
        bad = raci_report_html_elem(w, "p", NULL,
                                    r->roster ? "The org chart could not be drawn."
                                              : "No roster, so no org chart.");
    xmlBufferFree(svg);
    return bad || raci_report_html_close(w);
}
