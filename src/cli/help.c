/*
 * help.c - what is printed from the tables of options and formats: --help,
 * --version, the man page's OPTIONS and FORMATS sections and the bash
 * completion.
 */
#include "raci/help.h"

#include <string.h>

#include "raci/format.h"
#include "raci/options.h"
#include "raci/rules.h"
#include "raci/str.h"

#ifndef RACI_VERSION
#define RACI_VERSION "0.0.0"
#endif

/* An option's help, with the format names after it when it takes one. */
static void option_help(const struct raci_option_doc *o, struct raci_str *b)
{
    size_t n;
    const struct raci_format *all = raci_format_all(&n);

    raci_str_add(b, o->help);
    if (o->kind != RACI_VALUE_FORMAT)
        return;
    for (size_t i = 0; i < n; i++)
        raci_str_addf(b, "%s%s%s",
                      i == 0       ? " "
                      : i + 1 == n ? " or "
                                   : ", ",
                      all[i].name, i == 0 ? " (default)" : "");
}

/* "--name ARG" or "-n, --name ARG", as --help shows it. */
static void option_left(const struct raci_option_doc *o, char *left, size_t size)
{
    if (o->opt.val < 256)
        snprintf(left, size, "-%c, --%s%s%s", o->opt.val, o->opt.name, o->arg ? " " : "",
                 o->arg ? o->arg : "");
    else
        snprintf(left, size, "    --%s%s%s", o->opt.name, o->arg ? " " : "", o->arg ? o->arg : "");
}

/* Print text from column `indent` on, breaking lines between words so that
 * none passes column `width`; the first line starts where the cursor is. */
static void print_wrapped(FILE *out, const char *text, int indent, int width)
{
    int col = indent;
    while (*text) {
        int word = (int)strcspn(text, " ");
        if (col > indent && col + 1 + word > width) {
            fprintf(out, "\n%*s", indent, "");
            col = indent;
        } else if (col > indent) {
            fputc(' ', out);
            col++;
        }
        fprintf(out, "%.*s", word, text);
        col += word;
        text += word;
        while (*text == ' ')
            text++;
    }
    fputc('\n', out);
}

void raci_help_usage(FILE *out)
{
    size_t nopts;
    const struct raci_option_doc *opts = raci_options_table(&nopts);
    struct raci_str help = RACI_STR_INIT;

    fprintf(out, "usage: raci [options] ROSTER.csv [ROSTER2.csv ...]\n"
                 "       raci diff [options] BEFORE AFTER\n"
                 "       raci rules [RULE-ID]\n\n"
                 "Audit a team roster against the RACI and role rules, print the findings\n"
                 "and write an annotated workbook. '-' reads the roster from standard input.\n"
                 "'raci diff' compares two rosters, or every roster under two directories:\n"
                 "who gains or loses A's and R's, people, the organisation's shape, new and\n"
                 "resolved findings.\n\n"
                 "options:\n");
    for (size_t i = 0; i < nopts; i++) {
        char left[64];
        if (!opts[i].help)
            continue;
        option_left(&opts[i], left, sizeof left);
        if (strlen(left) > 26)
            fprintf(out, "  %s\n  %-26s ", left, "");
        else
            fprintf(out, "  %-26s ", left);
        raci_str_reset(&help);
        option_help(&opts[i], &help);
        print_wrapped(out, raci_str_cstr(&help), 29, 79);
    }
    raci_str_release(&help);
    fprintf(out, "\nexit status: 0 no finding reaches --fail-on, 1 one does, 2 trouble\n"
                 "(a usage error, an unreadable roster or ruleset, an unwritable output).\n");
}

/* ------------------------------------------------------------- man page -- */

/* Text for roff: a leading '.' or '\'' would be a request, '\\' an escape,
 * '-' a hyphen rather than the minus of an option. */
static void roff_text(FILE *out, const char *s)
{
    if (*s == '.' || *s == '\'')
        fputs("\\&", out);
    for (; *s; s++) {
        if (*s == '\\')
            fputs("\\e", out);
        else if (*s == '-')
            fputs("\\-", out);
        else
            fputc(*s, out);
    }
}

static void man_option(FILE *out, const struct raci_option_doc *o, struct raci_str *help)
{
    const char *h;

    fputs(".TP\n", out);
    if (o->opt.val < 256)
        fprintf(out, "\\fB\\-%c\\fR, ", o->opt.val);
    fputs("\\fB\\-\\-", out);
    roff_text(out, o->opt.name);
    fputs("\\fR", out);
    if (o->arg) {
        fputs(" \\fI", out);
        roff_text(out, o->arg);
        fputs("\\fR", out);
    }
    fputs("\n", out);
    raci_str_reset(help);
    option_help(o, help);
    h = raci_str_cstr(help);
    /* --help speaks in lower case; a man page in sentences. */
    if (*h >= 'a' && *h <= 'z') {
        fputc(*h - 'a' + 'A', out);
        roff_text(out, h + 1);
    } else {
        roff_text(out, h);
    }
    fputs(".\n", out);
}

/* The man page's OPTIONS and FORMATS sections (raci --help-man): what the
 * Makefile puts into doc/raci.1.in to make raci.1, so that the page, --help
 * and the format table agree. */
void raci_help_man(FILE *out)
{
    size_t nopts;
    const struct raci_option_doc *opts = raci_options_table(&nopts);
    struct raci_str help = RACI_STR_INIT;
    size_t n;
    const struct raci_format *all = raci_format_all(&n);

    fputs(".SH OPTIONS\n", out);
    for (size_t i = 0; i < nopts; i++)
        if (opts[i].help)
            man_option(out, &opts[i], &help);
    raci_str_release(&help);
    fputs(".SH FORMATS\n", out);
    for (size_t i = 0; i < n; i++) {
        fputs(".TP\n.B ", out);
        roff_text(out, all[i].name);
        fputs("\n", out);
        roff_text(out, all[i].help);
        fputs("\n", out);
    }
}

/* ----------------------------------------------------------- completion -- */

/* The case branch that completes option o's value. */
static void completion_value(FILE *out, const struct raci_option_doc *o)
{
    size_t n, nrules;
    const struct raci_format *all = raci_format_all(&n);
    const struct raci_rule_def *rules = raci_rules_all(&nrules);

    if (o->opt.val < 256)
        fprintf(out, "    -%c | --%s)\n", o->opt.val, o->opt.name);
    else
        fprintf(out, "    --%s)\n", o->opt.name);
    switch (o->kind) {
    case RACI_VALUE_FILE:
        if (o->values)
            fprintf(out, "        COMPREPLY=($(compgen -f -X '!%s' -- \"$cur\"))\n", o->values);
        else
            fputs("        COMPREPLY=($(compgen -f -- \"$cur\"))\n", out);
        break;
    case RACI_VALUE_WORDS:
        fprintf(out, "        COMPREPLY=($(compgen -W '%s' -- \"$cur\"))\n", o->values);
        break;
    case RACI_VALUE_FORMAT:
        fputs("        COMPREPLY=($(compgen -W '", out);
        for (size_t i = 0; i < n; i++)
            fprintf(out, "%s%s", i ? " " : "", all[i].name);
        fputs("' -- \"$cur\"))\n", out);
        break;
    case RACI_VALUE_REPORT:
        fputs("        if [[ $cur == *=* ]]; then\n"
              "            COMPREPLY=($(compgen -f -- \"${cur#*=}\"))\n"
              "            COMPREPLY=(\"${COMPREPLY[@]/#/${cur%%=*}=}\")\n"
              "        else\n"
              "            compopt -o nospace 2>/dev/null\n"
              "            COMPREPLY=($(compgen -W '",
              out);
        for (size_t i = 0; i < n; i++)
            fprintf(out, "%s%s=", i ? " " : "", all[i].name);
        fputs("' -- \"$cur\"))\n"
              "        fi\n",
              out);
        break;
    case RACI_VALUE_RULES:
        fputs("        compopt -o nospace 2>/dev/null\n"
              "        COMPREPLY=($(compgen -P \"${cur%\"${cur##*,}\"}\" -W '",
              out);
        for (size_t i = 0; i < nrules; i++)
            fprintf(out, "%s%s", i ? " " : "", rules[i].id);
        fputs("' -- \"${cur##*,}\"))\n", out);
        break;
    case RACI_VALUE_NONE:
        break;
    }
    fputs("        return ;;\n", out);
}

/* The bash completion (raci --help-completion), which `make install`
 * installs: option values, the options, `rules` and its rule ids, rosters. */
void raci_help_completion(FILE *out)
{
    size_t nopts;
    const struct raci_option_doc *opts = raci_options_table(&nopts);
    size_t nrules;
    const struct raci_rule_def *rules = raci_rules_all(&nrules);

    fputs("# bash completion for raci(1), printed by `raci --help-completion` from the\n"
          "# tables that --help and the man page are printed from.\n"
          "_raci()\n"
          "{\n"
          "    local cur prev\n"
          "    cur=${COMP_WORDS[COMP_CWORD]}\n"
          "    prev=${COMP_WORDS[COMP_CWORD - 1]}\n\n"
          "    case $prev in\n",
          out);
    for (size_t i = 0; i < nopts; i++)
        if (opts[i].help && opts[i].arg)
            completion_value(out, &opts[i]);
    fputs("    esac\n\n"
          "    if [[ $cur == -* ]]; then\n"
          "        COMPREPLY=($(compgen -W '",
          out);
    for (size_t i = 0, first = 1; i < nopts; i++)
        if (opts[i].help) {
            fprintf(out, "%s--%s", first ? "" : " ", opts[i].opt.name);
            first = 0;
        }
    fputs("' -- \"$cur\"))\n"
          "        return\n"
          "    fi\n"
          "    if [[ $COMP_CWORD -eq 1 ]]; then\n"
          "        COMPREPLY=($(compgen -W 'rules diff' -- \"$cur\"))\n"
          "    elif [[ ${COMP_WORDS[1]} == rules ]]; then\n"
          "        COMPREPLY=($(compgen -W '",
          out);
    for (size_t i = 0; i < nrules; i++)
        fprintf(out, "%s%s", i ? " " : "", rules[i].id);
    fputs("' -- \"$cur\"))\n"
          "        return\n"
          "    fi\n"
          "    COMPREPLY+=($(compgen -f -X '!*.[cCtT][sS][vV]' -- \"$cur\")\n"
          "                $(compgen -f -X '!*.[xX][lL][sS][xX]' -- \"$cur\")\n"
          "                $(compgen -d -- \"$cur\"))\n"
          "}\n"
          "complete -F _raci raci\n",
          out);
}

void raci_help_print(enum raci_help what, FILE *out)
{
    switch (what) {
    case RACI_HELP_USAGE:
        raci_help_usage(out);
        break;
    case RACI_HELP_VERSION:
        fprintf(out, "raci %s\n", RACI_VERSION);
        break;
    case RACI_HELP_MAN:
        raci_help_man(out);
        break;
    case RACI_HELP_COMPLETION:
        raci_help_completion(out);
        break;
    case RACI_HELP_NONE:
        break;
    }
}
