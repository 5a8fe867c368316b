/*
 * delimiter.h - the delimiter of a CSV file, read off its header line.
 *
 * Excel writes ';' where the decimal separator is a comma, and HR systems
 * export tab-separated text; a roster's header names several columns, so
 * its first line tells them apart.
 */
#ifndef RACI_DELIMITER_H
#define RACI_DELIMITER_H

#include <stddef.h>

/* The most frequent of ',' ';' and tab outside quotes on the first line of
 * s[0..n) that is not blank; ',' when none is, or on a tie. */
char raci_delimiter_detect(const char *s, size_t n);

#endif
