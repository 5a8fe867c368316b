/*
 * xlsx_part.c - the parts of a zip archive as XML nodes, on libzip and
 * libxml2's xmlTextReader (xlsx_part.h).
 */
#include "raci/xlsx_part.h"

#include <libxml/xmlreader.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "raci/reader.h"
#include "raci/xlsx_read.h"

struct raci_xlsx_part_zip {
    zip_t *zip;
    const char *name;
    struct raci_diag *diag;
    size_t total; /* bytes inflated so far, every part */
    /* libxml2's handler of the errors it does not give a reader's own
     * (an encoding it cannot convert), put back when the archive closes. */
    xmlGenericErrorFunc saved;
    void *saved_ctx;
};

struct raci_xlsx_part {
    struct raci_xlsx_part_zip *z;
    char *path;
    char *sheet; /* the sheet it is, or NULL */
    zip_file_t *zf;
    xmlTextReaderPtr rd;
    zip_uint64_t size, count; /* declared, inflated so far */
    int over;                 /* a limit was reached while inflating */
    int zip_failed;
    char *xml_error; /* libxml2's first error */
    int xml_line;
    uint32_t row, col; /* the cell being read */
};

/* ---------------------------------------------------------- failures -- */

static raci_error vfail(struct raci_xlsx_part_zip *z, const char *sheet, uint32_t row, uint32_t col,
                        const char *fmt, va_list ap)
{
    char *msg = raci_str_vprintf(fmt, ap);
    raci_error err;

    if (!msg)
        return RACI_ERROR_NOMEM;
    err = raci_diag_set(z->diag, z->name, row, col, NULL, "%s", msg);
    free(msg);
    if (err == RACI_ERROR_INPUT && sheet && raci_diag_set_sheet(z->diag, sheet))
        err = RACI_ERROR_NOMEM;
    return err;
}

raci_error raci_xlsx_part_zip_fail(struct raci_xlsx_part_zip *z, const char *fmt, ...)
{
    va_list ap;
    raci_error err;

    va_start(ap, fmt);
    err = vfail(z, NULL, 0, 0, fmt, ap);
    va_end(ap);
    return err;
}

raci_error raci_xlsx_part_fail(struct raci_xlsx_part *p, const char *fmt, ...)
{
    va_list ap;
    raci_error err;

    va_start(ap, fmt);
    err = vfail(p->z, p->sheet, p->sheet ? p->row : 0, p->sheet ? p->col : 0, fmt, ap);
    va_end(ap);
    return err;
}

/* What stopped p: a limit, the archive, or XML that does not parse. */
static raci_error part_failed(struct raci_xlsx_part *p)
{
    const char *what = p->sheet ? " (sheet '" : "";
    const char *sheet = p->sheet ? p->sheet : "", *end = p->sheet ? "')" : "";

    if (p->over)
        return raci_xlsx_part_fail(
            p, "part '%s'%s%s%s inflates to more than %s: the archive is damaged or no workbook",
            p->path, what, sheet, end,
            p->count > p->size                       ? "its size in the archive"
            : p->z->total > RACI_XLSX_READ_MAX_TOTAL ? "1 GiB with the parts before it"
                                                     : "512 MiB, the most raci reads in a part");
    if (p->zip_failed)
        return raci_xlsx_part_fail(p,
                                   "part '%s'%s%s%s cannot be inflated (%s): the archive is "
                                   "damaged; save the workbook again from the spreadsheet",
                                   p->path, what, sheet, end, zip_file_strerror(p->zf));
    return raci_xlsx_part_fail(p,
                               "part '%s'%s%s%s is not well-formed XML (line %d: %s): the "
                               "workbook is damaged; save it again from the spreadsheet",
                               p->path, what, sheet, end, p->xml_line,
                               p->xml_error ? p->xml_error : "it ends too soon");
}

/* ----------------------------------------------------------- archive -- */

/* Some of libxml2's errors bypass a reader's handler and go to standard
 * error: the reader's own report (part_failed) says them, once. */
static void xml_quiet(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

raci_error raci_xlsx_part_zip_open(struct raci_xlsx_part_zip **out, const char *data, size_t len,
                                   const char *name, struct raci_diag *diag)
{
    struct raci_xlsx_part_zip *z = calloc(1, sizeof(*z));
    zip_error_t ze;
    zip_source_t *src;
    raci_error err;

    *out = NULL;
    if (!z)
        return RACI_ERROR_NOMEM;
    z->name = name;
    z->diag = diag;
    zip_error_init(&ze);
    if ((src = zip_source_buffer_create(len ? data : "", len, 0, &ze)) != NULL &&
        !(z->zip = zip_open_from_source(src, ZIP_RDONLY, &ze)))
        zip_source_free(src);
    if (!z->zip) {
        err = zip_error_code_zip(&ze) == ZIP_ER_MEMORY
                  ? RACI_ERROR_NOMEM
                  : raci_xlsx_part_zip_fail(z,
                                            "file is no .xlsx workbook: it is no zip archive "
                                            "libzip can open (%s); save it from the "
                                            "spreadsheet as an Excel Workbook (.xlsx), or give "
                                            "the roster as CSV",
                                            zip_error_strerror(&ze));
        zip_error_fini(&ze);
        free(z);
        return err;
    }
    zip_error_fini(&ze);
    z->saved = xmlGenericError;
    z->saved_ctx = xmlGenericErrorContext;
    xmlSetGenericErrorFunc(NULL, xml_quiet);
    *out = z;
    return RACI_OK;
}

void raci_xlsx_part_zip_close(struct raci_xlsx_part_zip *z)
{
    if (!z)
        return;
    if (z->zip)
        zip_discard(z->zip);
    xmlSetGenericErrorFunc(z->saved_ctx, z->saved);
    free(z);
}

int raci_xlsx_part_exists(struct raci_xlsx_part_zip *z, const char *path)
{
    return zip_name_locate(z->zip, path, ZIP_FL_NOCASE) >= 0;
}

/* ------------------------------------------------------------- parts -- */

static int io_read(void *ctx, char *buf, int len)
{
    struct raci_xlsx_part *p = ctx;
    zip_int64_t n;

    if (p->over || p->zip_failed)
        return -1;
    if ((n = zip_fread(p->zf, buf, (zip_uint64_t)len)) < 0) {
        p->zip_failed = 1;
        return -1;
    }
    p->count += (zip_uint64_t)n;
    p->z->total += (size_t)n;
    if (p->count > p->size || p->count > RACI_XLSX_READ_MAX_PART ||
        p->z->total > RACI_XLSX_READ_MAX_TOTAL) {
        p->over = 1;
        return -1;
    }
    return (int)n;
}

static int io_close(void *ctx)
{
    (void)ctx; /* the entry is closed by raci_xlsx_part_close */
    return 0;
}

static void on_xml_error(void *arg, xmlErrorPtr e)
{
    struct raci_xlsx_part *p = arg;

    if (!e || e->level < XML_ERR_ERROR || p->xml_error)
        return;
    if ((p->xml_error = raci_str_dup(e->message ? e->message : "malformed")) != NULL)
        p->xml_error[strcspn(p->xml_error, "\r\n")] = '\0';
    p->xml_line = e->line;
}

void raci_xlsx_part_close(struct raci_xlsx_part *p)
{
    if (!p)
        return;
    if (p->rd)
        xmlFreeTextReader(p->rd);
    if (p->zf)
        zip_fclose(p->zf);
    free(p->xml_error);
    free(p->path);
    free(p->sheet);
    free(p);
}

/* The entry of path, checked against the limits, into p. */
static raci_error open_entry(struct raci_xlsx_part *p, const char *path)
{
    struct raci_xlsx_part_zip *z = p->z;
    zip_int64_t idx = zip_name_locate(z->zip, path, ZIP_FL_NOCASE);
    zip_stat_t st;

    zip_stat_init(&st);
    if (idx < 0 || zip_stat_index(z->zip, (zip_uint64_t)idx, 0, &st) != 0 ||
        !(st.valid & ZIP_STAT_SIZE))
        return raci_xlsx_part_zip_fail(z,
                                       "part '%s' cannot be found or has no size in the "
                                       "archive: the archive is damaged; save the workbook "
                                       "again from the spreadsheet",
                                       path);
    if (st.size > RACI_XLSX_READ_MAX_PART || st.size > RACI_XLSX_READ_MAX_TOTAL - z->total)
        return raci_xlsx_part_zip_fail(
            z,
            "part '%s' would inflate to %llu bytes, more than raci reads (%s): a workbook that "
            "large is no roster, or a zip bomb",
            path, (unsigned long long)st.size,
            st.size > RACI_XLSX_READ_MAX_PART ? "512 MiB a part" : "1 GiB in all");
    p->size = st.size;
    if (!(p->zf = zip_fopen_index(z->zip, (zip_uint64_t)idx, 0)))
        return raci_xlsx_part_zip_fail(z,
                                       "part '%s' cannot be inflated (%s): the archive is "
                                       "damaged; save the workbook again from the spreadsheet",
                                       path, zip_strerror(z->zip));
    return RACI_OK;
}

raci_error raci_xlsx_part_open(struct raci_xlsx_part **out, struct raci_xlsx_part_zip *z,
                               const char *path, const char *sheet)
{
    struct raci_xlsx_part *p = calloc(1, sizeof(*p));
    raci_error err;

    *out = NULL;
    if (!p)
        return RACI_ERROR_NOMEM;
    p->z = z;
    if (!(p->path = raci_str_dup(path)) || (sheet && !(p->sheet = raci_str_dup(sheet)))) {
        raci_xlsx_part_close(p);
        return RACI_ERROR_NOMEM;
    }
    if ((err = open_entry(p, path))) {
        raci_xlsx_part_close(p);
        return err;
    }
    if (!(p->rd = xmlReaderForIO(io_read, io_close, p, path, NULL, XML_PARSE_NONET))) {
        raci_xlsx_part_close(p);
        return RACI_ERROR_NOMEM;
    }
    xmlTextReaderSetStructuredErrorHandler(p->rd, on_xml_error, p);
    *out = p;
    return RACI_OK;
}

raci_error raci_xlsx_part_next(struct raci_xlsx_part *p, enum raci_xlsx_part_node *node)
{
    int rc = xmlTextReaderRead(p->rd), t;

    *node = RACI_XLSX_PART_DONE;
    if (rc < 0)
        return part_failed(p);
    if (rc == 0)
        return RACI_OK;
    switch ((t = xmlTextReaderNodeType(p->rd))) {
    case XML_READER_TYPE_ELEMENT:
        *node = RACI_XLSX_PART_START;
        break;
    case XML_READER_TYPE_END_ELEMENT:
        *node = RACI_XLSX_PART_CLOSE;
        break;
    case XML_READER_TYPE_TEXT:
    case XML_READER_TYPE_CDATA:
    case XML_READER_TYPE_WHITESPACE:
    case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
        *node = RACI_XLSX_PART_TEXT;
        break;
    case XML_READER_TYPE_DOCUMENT_TYPE:
    case XML_READER_TYPE_ENTITY_REFERENCE:
        return raci_xlsx_part_fail(p,
                                   "part '%s' has a document type declaration or an entity, "
                                   "which no workbook has: save it again from the spreadsheet",
                                   p->path);
    default:
        *node = RACI_XLSX_PART_OTHER;
        break;
    }
    return RACI_OK;
}

const char *raci_xlsx_part_name(const struct raci_xlsx_part *p)
{
    const char *n = (const char *)xmlTextReaderConstLocalName(p->rd);
    return n ? n : "";
}

int raci_xlsx_part_empty(const struct raci_xlsx_part *p)
{
    return xmlTextReaderIsEmptyElement(p->rd) == 1;
}

char *raci_xlsx_part_attr(struct raci_xlsx_part *p, const char *local, int prefixed)
{
    char *v = NULL;

    if (xmlTextReaderMoveToFirstAttribute(p->rd) != 1)
        return NULL;
    do {
        const char *ln = (const char *)xmlTextReaderConstLocalName(p->rd);
        int has_prefix = xmlTextReaderConstPrefix(p->rd) != NULL;
        if (xmlTextReaderIsNamespaceDecl(p->rd) != 1 && ln && strcmp(ln, local) == 0 &&
            has_prefix == (prefixed != 0)) {
            const char *value = (const char *)xmlTextReaderConstValue(p->rd);
            v = raci_str_dup(value ? value : "");
            break;
        }
    } while (xmlTextReaderMoveToNextAttribute(p->rd) == 1);
    xmlTextReaderMoveToElement(p->rd);
    return v;
}

raci_error raci_xlsx_part_add_text(struct raci_xlsx_part *p, struct raci_str *b, const char *what)
{
    const char *v = (const char *)xmlTextReaderConstValue(p->rd);

    raci_str_add(b, v ? v : "");
    if (b->failed)
        return RACI_ERROR_NOMEM;
    if (b->len > RACI_READER_MAX_FIELD)
        return raci_xlsx_part_fail(p,
                                   "%s is longer than %u bytes (1 MiB), the most raci reads in "
                                   "one cell: a roster's cell holds a name, a title or letters; "
                                   "move long notes out of the roster",
                                   what, RACI_READER_MAX_FIELD);
    return RACI_OK;
}

void raci_xlsx_part_at(struct raci_xlsx_part *p, uint32_t row, uint32_t col)
{
    p->row = row;
    p->col = col;
}
