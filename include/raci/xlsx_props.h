/*
 * xlsx_props.h - a workbook's document properties: who wrote it.
 *
 * raci writes "Written by raci" as the description of its workbooks
 * (docProps/core.xml, dc:description; Excel shows it as Comments). A
 * directory walk tells raci's own output from a roster someone keeps as a
 * workbook by it, without reading the workbook's sheets.
 */
#ifndef RACI_XLSX_PROPS_H
#define RACI_XLSX_PROPS_H

#include <stddef.h>

/* Is the description of the workbook in data[0..len) raci's: "Written by
 * raci", alone or followed by a space and the command ("Written by raci
 * diff")? 0 for
 * anything else: bytes that are no zip archive, a workbook without
 * docProps/core.xml or whose core.xml does not parse, another
 * description. */
int raci_xlsx_props_by_raci(const char *data, size_t len);

#endif
