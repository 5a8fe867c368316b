/*
 * uri.c - the addresses raci writes.
 */
#include "raci/uri.h"

#include <stdlib.h>
#include <string.h>

#include "raci/str.h"

char *raci_uri_from_path(const char *path)
{
    static const char hex[] = "0123456789ABCDEF";
    const char *prefix = "";
    char *uri, *o;

    if (path[0] == '/')
        prefix = "file://";
    while (path[0] == '.' && (path[1] == '/' || path[1] == '\\'))
        path += 2;
    if (!(uri = malloc(strlen(prefix) + 3 * strlen(path) + 1)))
        return NULL;
    o = uri + strlen(strcpy(uri, prefix));
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        unsigned c = *p;
        /* RFC 3986 unreserved characters and the path separator stay; a
         * Windows separator becomes '/'; everything else is %XX. */
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            strchr("-._~/", (int)c)) {
            *o++ = (char)c;
        } else if (c == '\\') {
            *o++ = '/';
        } else {
            *o++ = '%';
            *o++ = hex[c >> 4];
            *o++ = hex[c & 15];
        }
    }
    *o = '\0';
    return uri;
}

char *raci_uri_rule_doc(const char *id)
{
    return raci_str_printf(RACI_HOME_URL "/blob/main/doc/rules.md#%s", id);
}
