/*
 * xlsx_org.h - the workbook's "Org chart" sheet: the picture of the
 * roster's reporting lines (orgchart.h), drawn as PNG into memory and
 * placed on a sheet of its own after Summary, under two lines of text
 * that say what it shows (A1) and what its marks mean (A2).
 *
 * A roster in which nobody names a manager (reports_to) has no reporting
 * lines to draw, and its workbook has no such sheet. The sheet is called
 * "Org chart", or, when a product's sheet is called so already, made unique
 * against the other sheets (sheetname.h: "Org chart (2)"). Its A1 starts
 * with RACI_XLSX_ORG_TEXT, by which the workbook reader knows the sheet and
 * skips it; the picture sits below, from A3, at its own size when it fits about a
 * screen and scaled down to fit one when it is larger (never below a
 * third), and it neither moves nor stretches with the cells. The sheet
 * prints landscape on one page.
 *
 * The chart marks the findings of the whole set the workbook shows (a
 * baseline's known ones included), as every other sheet does. The same
 * roster gives the same PNG (orgchart_png.h: RGB on white, encoded at a
 * fast zlib level), so the workbook keeps the same bytes.
 *
 * Internal to the xlsx writer (xlsx.h).
 */
#ifndef RACI_XLSX_ORG_H
#define RACI_XLSX_ORG_H

#include "raci/roster.h"

struct raci_xlsx_book;

/* How the text line of the sheet starts. */
#define RACI_XLSX_ORG_TEXT "Org chart: "

/* Does r have reporting lines: does someone name a manager? */
int raci_xlsx_org_wanted(const struct raci_roster *r);

/* Add the sheet to b as b->org, after the sheets added so far, when b's
 * roster has reporting lines; b->org stays NULL otherwise. Product sheet
 * names must be laid out already (b->lay). 0, or -1 with the failure
 * recorded in b. */
int raci_xlsx_org_add(struct raci_xlsx_book *b);

/* Draw the chart and write the sheet, when b->org was added (the formats
 * made). 0, or -1 with the failure recorded in b. */
int raci_xlsx_org_write(struct raci_xlsx_book *b);

#endif
