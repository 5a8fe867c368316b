/*
 * report_html_style.h - the HTML page's style sheet and script
 * (report_html.h), both inline and both constant: no roster text is in
 * them, so they are written as they are.
 *
 * The script shows the filter form (report_html_findings.h), hides the
 * rows of the table of findings that a filter leaves out (the hidden
 * attribute), and keeps the filters in the page's URL hash, as a query
 * string (#severity=error&rule=single-accountable&product=Atlas), so that
 * a link opens the same filtered view: a value no select offers leaves
 * that filter at "all".
 */
#ifndef RACI_REPORT_HTML_STYLE_H
#define RACI_REPORT_HTML_STYLE_H

/* The contents of the page's <style> element. */
const char *raci_report_html_style_css(void);

/* The contents of its <script> element, which ends the body. */
const char *raci_report_html_style_script(void);

#endif
