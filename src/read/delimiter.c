/*
 * delimiter.c - which delimiter a CSV file uses, from its header line.
 */
#include "raci/delimiter.h"

#include <stdbool.h>

char raci_delimiter_detect(const char *s, size_t n)
{
    size_t comma = 0, semi = 0, tab = 0, i = 0;
    bool quoted = false;

    while (i < n && (s[i] == '\r' || s[i] == '\n' || s[i] == ' '))
        i++;
    for (; i < n; i++) {
        char c = s[i];
        if (c == '"')
            quoted = !quoted;
        else if (quoted)
            continue;
        else if (c == '\r' || c == '\n')
            break;
        else if (c == ',')
            comma++;
        else if (c == ';')
            semi++;
        else if (c == '\t')
            tab++;
    }
    if (semi > comma && semi > tab)
        return ';';
    if (tab > comma && tab > semi)
        return '\t';
    return ',';
}
