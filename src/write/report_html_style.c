/*
 * report_html_style.c - the HTML page's style sheet and script. The
 * colours are the workbook's (xlsx_book.c): the letters' fills and fonts,
 * the severities', PASS and FAIL.
 */
#include "raci/report_html_style.h"

static const char html_css[] =
    "\n"
    "body{margin:0;font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans',"
    "sans-serif;color:#1f1f1f;background:#fff}\n"
    "header{padding:14px 24px;border-bottom:3px solid #bfbfbf}\n"
    "header.pass{background:#c6efce;color:#006100;border-color:#006100}\n"
    "header.fail{background:#ffc7ce;color:#9c0006;border-color:#9c0006}\n"
    "header h1{margin:0;font-size:22px}header p{margin:4px 0 0}\n"
    "main{padding:8px 24px 32px}\n"
    "h2{margin:28px 0 10px;font-size:18px;border-bottom:1px solid #d9d9d9;padding-bottom:4px}\n"
    "h3{margin:18px 0 6px;font-size:15px}\n"
    "table{border-collapse:collapse}\n"
    "th,td{border:1px solid #bfbfbf;padding:3px 8px;text-align:left;vertical-align:top}\n"
    "thead th{background:#d9d9d9}\n"
    "td.num{text-align:right}\n"
    "table.summary tr.total th,table.summary tr.total td{font-weight:bold;background:#f2f2f2}\n"
    ".verdict{font-weight:bold;text-align:center}\n"
    ".pass.verdict{background:#c6efce;color:#006100}\n"
    ".fail.verdict{background:#ffc7ce;color:#9c0006}\n"
    "table.findings{width:100%}\n"
    "td.where,td.rule{white-space:nowrap;font-family:ui-monospace,'DejaVu Sans Mono',monospace;"
    "font-size:12.5px}\n"
    "td.message{overflow-wrap:anywhere}\n"
    ".sev{font-weight:bold;white-space:nowrap}\n"
    ".sev-error{background:#ffc7ce;color:#9c0006}\n"
    ".sev-warning{background:#ffeb9c;color:#9c5700}\n"
    ".sev-info{background:#ddebf7;color:#1f4e79}\n"
    "form.filters{display:flex;flex-wrap:wrap;gap:14px;margin:0 0 8px}\n"
    "form.filters select{margin-left:4px;max-width:22em}\n"
    "p.shown{margin:4px 0 8px;color:#595959}\n"
    "[hidden]{display:none!important}\n"
    ".scroll{overflow-x:auto;max-width:100%}\n"
    "table.matrix td{text-align:center;min-width:3em;white-space:nowrap}\n"
    "table.matrix th.person{vertical-align:bottom;text-align:center}\n"
    "table.matrix th.task{background:#f2f2f2;font-weight:normal}\n"
    "table.matrix thead th.task{background:#d9d9d9;font-weight:bold}\n"
    "th.person span{display:block}th.person span.title{font-weight:normal;font-size:12px;"
    "color:#404040}\n"
    ".l-a{background:#1f4e79;color:#fff;font-weight:bold}\n"
    ".l-r{background:#5b9bd5;color:#fff;font-weight:bold}\n"
    ".l-c{background:#bdd7ee;color:#000}\n"
    ".l-i{background:#eef4fb;color:#404040}\n"
    ".l-gen{background:#f2f2f2;color:#808080;font-style:italic}\n"
    ".l-unread{background:#fff;color:#9c0006;font-style:italic}\n"
    "p.legend span{display:inline-block;padding:2px 8px;margin:0 6px 4px 0;"
    "border:1px solid #bfbfbf}\n"
    ".chart{overflow:auto;max-width:100%;border:1px solid #d9d9d9}\n"
    ".chart svg{display:block}\n"
    "dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px}\n"
    "dt{font-weight:bold}dd{margin:0}dd ul{margin:0;padding-left:18px}\n";

/* Filters from and to the hash; rows hidden by the attribute, so that the
 * DOM says which are shown. */
static const char html_script[] =
    "\n"
    "(function () {\n"
    "  'use strict';\n"
    "  var form = document.getElementById('filters');\n"
    "  if (!form) return;\n"
    "  var keys = ['severity', 'rule', 'product'];\n"
    "  var rows = document.querySelectorAll('#findings tbody tr');\n"
    "  var shown = document.getElementById('shown');\n"
    "  function sel(k) { return document.getElementById('f-' + k); }\n"
    "  function fromHash() {\n"
    "    var p = new URLSearchParams(location.hash.replace(/^#/, ''));\n"
    "    keys.forEach(function (k) {\n"
    "      var s = sel(k), v = p.get(k), at = 0;\n"
    "      for (var i = 1; v !== null && i < s.options.length; i++)\n"
    "        if (s.options[i].value === v) { at = i; break; }\n"
    "      s.selectedIndex = at;\n"
    "    });\n"
    "  }\n"
    "  function apply() {\n"
    "    var n = 0;\n"
    "    rows.forEach(function (tr) {\n"
    "      var show = keys.every(function (k) {\n"
    "        var s = sel(k);\n"
    "        return s.selectedIndex === 0 || tr.getAttribute('data-' + k) === s.value;\n"
    "      });\n"
    "      tr.hidden = !show;\n"
    "      if (show) n++;\n"
    "    });\n"
    "    shown.textContent = n === rows.length ? rows.length + ' findings'\n"
    "      : 'Showing ' + n + ' of ' + rows.length + ' findings';\n"
    "  }\n"
    "  function toHash() {\n"
    "    var p = new URLSearchParams();\n"
    "    keys.forEach(function (k) {\n"
    "      var s = sel(k);\n"
    "      if (s.selectedIndex > 0) p.set(k, s.value);\n"
    "    });\n"
    "    var h = p.toString();\n"
    "    if (h !== location.hash.replace(/^#/, '')) location.hash = h;\n"
    "  }\n"
    "  form.hidden = false;\n"
    "  fromHash();\n"
    "  apply();\n"
    "  form.addEventListener('change', function () { toHash(); apply(); });\n"
    "  window.addEventListener('hashchange', function () { fromHash(); apply(); });\n"
    "})();\n";

const char *raci_report_html_style_css(void)
{
    return html_css;
}

const char *raci_report_html_style_script(void)
{
    return html_script;
}
