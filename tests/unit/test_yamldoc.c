/*
 * test_yamldoc.c - the YAML document of the ruleset loader: source lines
 * with every line break libyaml knows, marks of byte offsets, did-you-mean
 * suggestions, lists of names, parsing (one document, syntax errors, bytes
 * that are no UTF-8) and the checks of nodes with their diagnostics.
 */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include "raci/yamldoc.h"

/* ------------------------------------------------------ source lines -- */

static void expect_line(const char *text, size_t len, size_t line, const char *want)
{
    char *got = raci_yamldoc_source_line(text, len, line);

    if (!want) {
        if (got)
            fail_msg("line %zu: got '%s', want none", line, got);
        return;
    }
    if (!got || strcmp(got, want) != 0)
        fail_msg("line %zu: got '%s', want '%s'", line, got ? got : "(none)", want);
    free(got);
}

#define LINE(text, line, want) expect_line(text, sizeof(text) - 1, line, want)

static void test_source_line_breaks(void **state)
{
    (void)state;
    LINE("a: 1\nb: 2\nc: 3", 0, "a: 1");
    LINE("a: 1\nb: 2\nc: 3", 1, "b: 2");
    LINE("a: 1\nb: 2\nc: 3", 2, "c: 3"); /* the last, with no break after it */
    LINE("a: 1\nb: 2\nc: 3", 3, NULL);
    LINE("a: 1\nb: 2\n", 2, ""); /* after the last break: an empty line */
    LINE("a: 1\nb: 2\n", 3, NULL);
    /* CR LF is one break, a lone CR another. */
    LINE("a: 1\r\nb: 2\r\nc: 3\r\n", 1, "b: 2");
    LINE("a: 1\r\n\r\nc: 3", 1, "");
    LINE("a: 1\r\n\r\nc: 3", 2, "c: 3");
    LINE("a: 1\rb: 2\rc: 3", 2, "c: 3");
    LINE("a: 1\n\rb: 2", 2, "b: 2"); /* LF then CR: two breaks */
    /* NEL (U+0085), LS (U+2028) and PS (U+2029). */
    LINE("a: 1\xc2\x85"
         "b: 2",
         1, "b: 2");
    LINE("a: 1\xe2\x80\xa8"
         "b: 2\xe2\x80\xa9"
         "c: 3",
         2, "c: 3");
    LINE("a: 1\xe2\x80\xa8"
         "b: 2\xe2\x80\xa9"
         "c: 3",
         1, "b: 2");
    /* Other characters of those lead bytes are no break. */
    LINE("a: \xc2\xa9\nb", 0, "a: \xc2\xa9");
    LINE("a: \xe2\x80\x94 x\nb", 0, "a: \xe2\x80\x94 x");
    /* A break cut off at the end of the text is text. */
    expect_line("a\xe2\x80", 3, 0, "a\xe2\x80");
    /* Only len bytes are read, and a NUL ends the line. */
    expect_line("a: 1\nb: 2", 6, 1, "b");
    expect_line("a: 1\nb\0c\nd", 11, 1, "b");
    expect_line("a: 1\nb\0c\nd", 11, 2, "d");
    /* No text, empty text. */
    expect_line(NULL, 0, 0, NULL);
    expect_line("", 0, 0, "");
    expect_line("", 0, 1, NULL);
}

static void test_source_line_bom(void **state)
{
    (void)state;
    /* A UTF-8 byte order mark is no part of the first line. */
    LINE("\xef\xbb\xbf"
         "a: 1\nb: 2",
         0, "a: 1");
    LINE("\xef\xbb\xbf"
         "a: 1\nb: 2",
         1, "b: 2");
    LINE("\xef\xbb\xbf", 0, "");
    /* UTF-16 (either order) is not shown at all. */
    LINE("\xff\xfe"
         "a\0:\0",
         0, NULL);
    LINE("\xfe\xff\0a\0:", 0, NULL);
    /* One byte is too short to be a UTF-16 mark. */
    expect_line("\xff", 1, 0, "\xff");
}

static void test_mark_at(void **state)
{
    static const char text[] = "ab: 1\r\nc\xc3\xa9: \xff\n\xe2\x80\xa8x";
    const size_t len = sizeof text - 1;
    yaml_mark_t m;
    (void)state;

    m = raci_yamldoc_mark_at(text, len, 0);
    assert_int_equal(m.line, 0);
    assert_int_equal(m.column, 0);
    m = raci_yamldoc_mark_at(text, len, 3);
    assert_int_equal(m.line, 0);
    assert_int_equal(m.column, 3);
    assert_int_equal(m.index, 3);
    /* After CR LF: line 1. Columns count characters: "cé: " is 4. */
    m = raci_yamldoc_mark_at(text, len, 12);
    assert_int_equal((unsigned char)text[12], 0xff);
    assert_int_equal(m.line, 1);
    assert_int_equal(m.column, 4);
    /* After LF and LS: line 3. */
    m = raci_yamldoc_mark_at(text, len, len - 1);
    assert_int_equal(m.line, 3);
    assert_int_equal(m.column, 0);
    /* Past the end: the end. */
    m = raci_yamldoc_mark_at(text, len, len + 10);
    assert_int_equal(m.line, 3);
    assert_int_equal(m.column, 1);
    /* The byte order mark takes no column. */
    m = raci_yamldoc_mark_at("\xef\xbb\xbf"
                             "ab",
                             5, 4);
    assert_int_equal(m.line, 0);
    assert_int_equal(m.column, 1);
}

/* ------------------------------------------------------------ names -- */

static const char *at(const void *ctx, size_t i)
{
    return ((const char *const *)ctx)[i];
}

#define CLOSEST(word, names) raci_yamldoc_closest(word, at, names, sizeof(names) / sizeof(names[0]))

static void test_closest(void **state)
{
    static const char *const rules[] = {"team-size", "pm-span", "multiple-po", "single-accountable",
                                        "span-of-control"};
    static const char *const roles[] = {"po", "pm", "director", "em", "tl"};
    static const char *const ties[] = {"abcx", "abcy"};
    /* 64 and 65 bytes. */
    static const char *const long64[] = {
        "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz0123456789xy"};
    static const char *const long65[] = {
        "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz0123456789xyz"};
    (void)state;

    /* A substitution, a deletion, an insertion, a swap (two edits). */
    assert_string_equal(CLOSEST("team-sise", rules), "team-size");
    assert_string_equal(CLOSEST("team-siz", rules), "team-size");
    assert_string_equal(CLOSEST("teams-size", rules), "team-size");
    assert_string_equal(CLOSEST("pm-psan", rules), "pm-span");
    /* A third of the word's length, at least 1 and at most 3. */
    assert_string_equal(CLOSEST("directr", roles), "director");
    assert_string_equal(CLOSEST("pq", roles), "po");
    assert_null(CLOSEST("xy", roles));
    assert_null(CLOSEST("cto", roles)); /* 2 edits from "po" and "tl", but 3 letters allow 1 */
    assert_string_equal(CLOSEST("single-acountabel", rules), "single-accountable"); /* 3 edits */
    assert_null(CLOSEST("sxngxe-axcountxble", rules)); /* 4 edits: more than 3 */
    assert_null(CLOSEST("frobnicate", rules));
    /* Equally close: the first. An exact name is its own suggestion. */
    assert_string_equal(CLOSEST("abcz", ties), "abcx");
    assert_string_equal(CLOSEST("abcy", ties), "abcy");
    /* Longer than 64 bytes: never a typo. */
    assert_non_null(
        CLOSEST("abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz0123456789x", long64));
    assert_null(
        CLOSEST("abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz0123456789xy", long65));
    assert_null(raci_yamldoc_closest("po", at, roles, 0));
}

static void test_join_or(void **state)
{
    static const char *const names[] = {"version", "roles", "tasks"};
    char *s;
    (void)state;

    s = raci_yamldoc_join_or(names, 0);
    assert_string_equal(s, "");
    free(s);
    s = raci_yamldoc_join_or(names, 1);
    assert_string_equal(s, "version");
    free(s);
    s = raci_yamldoc_join_or(names, 2);
    assert_string_equal(s, "version or roles");
    free(s);
    s = raci_yamldoc_join_or(names, 3);
    assert_string_equal(s, "version, roles or tasks");
    free(s);
}

/* ---------------------------------------------------------- parsing -- */

struct parsed {
    struct raci_yamldoc d;
    struct raci_diag diag;
    const yaml_node_t *root;
};

static raci_error parse(struct parsed *p, const char *text)
{
    memset(p, 0, sizeof(*p));
    p->d.display = "t.yaml";
    p->d.text = text;
    p->d.len = strlen(text);
    p->d.diag = &p->diag;
    return raci_yamldoc_parse(&p->d, "a ruleset", &p->root);
}

static void release(struct parsed *p)
{
    raci_yamldoc_release(&p->d);
    raci_yamldoc_release(&p->d); /* twice is harmless */
    raci_diag_release(&p->diag);
}

static void expect_diag(const struct parsed *p, unsigned line, unsigned col, const char *source,
                        const char *message)
{
    assert_string_equal(p->diag.file, "t.yaml");
    if (p->diag.line != line || p->diag.col != col || strcmp(p->diag.message, message) != 0)
        fail_msg("got %u:%u: %s\nwant %u:%u: %s", p->diag.line, p->diag.col, p->diag.message, line,
                 col, message);
    if (source)
        assert_string_equal(p->diag.source, source);
    else
        assert_null(p->diag.source);
}

static void test_parse(void **state)
{
    struct parsed p;
    (void)state;

    assert_int_equal(parse(&p, "a: 1\nb: [x, y]\n"), RACI_OK);
    assert_non_null(p.root);
    assert_int_equal(p.root->type, YAML_MAPPING_NODE);
    assert_int_equal(p.root->start_mark.line, 0);
    release(&p);

    /* No document: no root, and no error (the caller says what is missing). */
    assert_int_equal(parse(&p, ""), RACI_OK);
    assert_null(p.root);
    release(&p);
    assert_int_equal(parse(&p, "# a comment\n"), RACI_OK);
    assert_null(p.root);
    release(&p);

    /* A second document is refused where it starts. */
    assert_int_equal(parse(&p, "a: b\n---\nc: d\n"), RACI_ERROR_INPUT);
    expect_diag(&p, 3, 1, "c: d", "a ruleset is one YAML document; remove this second one");
    release(&p);
    /* "---" starts a document even when nothing follows it ... */
    assert_int_equal(parse(&p, "a: b\n---\n"), RACI_ERROR_INPUT);
    assert_int_equal(p.diag.line, 3);
    release(&p);
    /* ... but "..." only ends the first. */
    assert_int_equal(parse(&p, "a: b\n...\n"), RACI_OK);
    assert_non_null(p.root);
    release(&p);
}

static void test_parse_errors(void **state)
{
    struct parsed p;
    (void)state;

    assert_int_equal(parse(&p, "a: {b: 1\nc: 2\n"), RACI_ERROR_INPUT);
    expect_diag(&p, 2, 2, "c: 2",
                "invalid YAML: did not find expected ',' or '}' while parsing a flow mapping (at "
                "line 1, column 4)");
    release(&p);
    /* Left open at the end: shown where it starts. */
    assert_int_equal(parse(&p, "a: \"open\n"), RACI_ERROR_INPUT);
    expect_diag(&p, 1, 4, "a: \"open",
                "invalid YAML: found unexpected end of stream while scanning a quoted scalar that "
                "starts here (the file ends first)");
    release(&p);
    /* A byte that is no UTF-8: at its offset, in characters. */
    assert_int_equal(parse(&p, "a: 1\nb: \xc3\xa9\xff\n"), RACI_ERROR_INPUT);
    assert_int_equal(p.diag.line, 2);
    assert_int_equal(p.diag.col, 5);
    assert_non_null(strstr(p.diag.message, "invalid YAML: invalid"));
    release(&p);
    /* A syntax error in the second document is reported too. */
    assert_int_equal(parse(&p, "a: b\n---\nc: ]\n"), RACI_ERROR_INPUT);
    assert_int_equal(p.diag.line, 3);
    assert_non_null(strstr(p.diag.message, "invalid YAML"));
    release(&p);
}

/* ------------------------------------------------------------ nodes -- */

static const yaml_node_t *value(struct parsed *p, const char *key)
{
    const yaml_node_t *n = raci_yamldoc_get(&p->d, p->root, key);
    if (!n)
        fail_msg("no key '%s'", key);
    return n;
}

static void test_describe(void **state)
{
    struct parsed p;
    char buf[64];
    (void)state;

    assert_int_equal(parse(&p, "l: [1]\nm: {a: 1}\ne: ''\ns: ten\n"
                               "long: abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz\n"),
                     RACI_OK);
    assert_string_equal(raci_yamldoc_describe(value(&p, "l"), buf, sizeof buf), "a list");
    assert_string_equal(raci_yamldoc_describe(value(&p, "m"), buf, sizeof buf), "a mapping");
    assert_string_equal(raci_yamldoc_describe(value(&p, "e"), buf, sizeof buf), "an empty value");
    assert_string_equal(raci_yamldoc_describe(value(&p, "s"), buf, sizeof buf), "'ten'");
    assert_string_equal(raci_yamldoc_describe(value(&p, "long"), buf, sizeof buf),
                        "'abcdefghijklmnopqrstuvwxyzabcdefghijk...'");
    assert_string_equal(raci_yamldoc_scalar(value(&p, "s")), "ten");
    assert_null(raci_yamldoc_get(&p.d, p.root, "missing"));
    release(&p);
}

static void test_want_and_text(void **state)
{
    static const char *const keys[] = {"name", "titles"};
    struct parsed p;
    const char *text = NULL;
    (void)state;

    assert_int_equal(parse(&p, "s: ok\nl: [a]\ne: ''\nz: \"a\\0b\"\n"), RACI_OK);
    assert_int_equal(raci_yamldoc_want(&p.d, value(&p, "l"), YAML_SEQUENCE_NODE, "a list"),
                     RACI_OK);
    assert_int_equal(raci_yamldoc_text(&p.d, value(&p, "s"), "a word", &text), RACI_OK);
    assert_string_equal(text, "ok");
    assert_int_equal(
        raci_yamldoc_known_keys(&p.d, p.root, (const char *const[]){"s", "l", "e", "z"}, 4, ""),
        RACI_OK);

    assert_int_equal(raci_yamldoc_text(&p.d, value(&p, "l"), "a word", &text), RACI_ERROR_INPUT);
    expect_diag(&p, 2, 4, "l: [a]", "expected a word, got a list");
    assert_int_equal(raci_yamldoc_text(&p.d, value(&p, "e"), "a word", &text), RACI_ERROR_INPUT);
    expect_diag(&p, 3, 4, "e: ''", "expected a word, got an empty value");
    assert_int_equal(raci_yamldoc_text(&p.d, value(&p, "z"), "a word", &text), RACI_ERROR_INPUT);
    expect_diag(&p, 4, 4, "z: \"a\\0b\"", "a NUL character is not allowed in a word");
    assert_int_equal(raci_yamldoc_mapping(&p.d, value(&p, "s"), "a mapping of roles"),
                     RACI_ERROR_INPUT);
    expect_diag(&p, 1, 4, "s: ok", "expected a mapping of roles, got 'ok'");
    assert_int_equal(raci_yamldoc_known_keys(&p.d, p.root, keys, 2, " in role 'po'"),
                     RACI_ERROR_INPUT);
    expect_diag(&p, 1, 1, "s: ok", "unknown key 's' in role 'po' (expected name or titles)");
    release(&p);
}

static void test_keys(void **state)
{
    struct parsed p;
    (void)state;

    assert_int_equal(parse(&p, "a: 1\nb: 2\n"), RACI_OK);
    assert_int_equal(raci_yamldoc_mapping(&p.d, p.root, "x"), RACI_OK);
    release(&p);

    assert_int_equal(parse(&p, "a: 1\nb: 2\na: 3\n"), RACI_OK);
    assert_int_equal(raci_yamldoc_unique_keys(&p.d, p.root), RACI_ERROR_INPUT);
    expect_diag(&p, 3, 1, "a: 3", "duplicate key 'a' (first given at line 1)");
    release(&p);

    assert_int_equal(parse(&p, "a: 1\n[x]: 2\n"), RACI_OK);
    assert_int_equal(raci_yamldoc_unique_keys(&p.d, p.root), RACI_ERROR_INPUT);
    expect_diag(&p, 2, 1, "[x]: 2", "expected a name as key, got a list");
    release(&p);

    assert_int_equal(parse(&p, "\"a\\0\": 1\n"), RACI_OK);
    assert_int_equal(raci_yamldoc_unique_keys(&p.d, p.root), RACI_ERROR_INPUT);
    expect_diag(&p, 1, 1, "\"a\\0\": 1", "a NUL character is not allowed in a key");
    release(&p);
}

static void test_fail_without_text(void **state)
{
    struct raci_yamldoc d = {0};
    struct raci_diag diag = {0};
    yaml_mark_t m = {0, 4, 2};
    (void)state;

    /* With no text to show, a failure still says where. */
    d.display = "mem";
    d.diag = &diag;
    assert_int_equal(raci_yamldoc_fail_at(&d, m, "bad %s", "thing"), RACI_ERROR_INPUT);
    assert_string_equal(diag.file, "mem");
    assert_int_equal(diag.line, 5);
    assert_int_equal(diag.col, 3);
    assert_string_equal(diag.message, "bad thing");
    assert_null(diag.source);
    raci_diag_release(&diag);
}

/* A long line is shown as a piece around the place, at most 200
 * characters and an ellipsis each side it goes on, with the caret still
 * under the place: a 20 KB line is not echoed whole. */
static void test_long_line_piece(void **state)
{
    struct raci_str text = RACI_STR_INIT;
    struct raci_yamldoc d = {0};
    struct raci_diag diag = {0};
    yaml_mark_t m = {0, 0, 0}; /* index, line, column */
    char out[1024];
    FILE *f;
    (void)state;

    raci_str_add(&text, "key: [");
    for (int i = 0; i < 4000; i++)
        raci_str_add(&text, "abcd,");
    raci_str_add(&text, "x]\nnext: 1\n");
    assert_false(text.failed);
    d.display = "long.yaml";
    d.text = text.s;
    d.len = text.len;
    d.diag = &diag;

    /* Far into the line: 100 characters before the place, 100 from it. */
    m.column = 10000 - 1;
    assert_int_equal(raci_yamldoc_fail_at(&d, m, "bad"), RACI_ERROR_INPUT);
    assert_int_equal(diag.col, 10000);
    assert_int_equal(raci_str_chars(diag.source, strlen(diag.source)), 1 + 200 + 1);
    assert_memory_equal(diag.source, "\xe2\x80\xa6", 3);
    assert_memory_equal(diag.source + strlen(diag.source) - 3, "\xe2\x80\xa6", 3);
    assert_int_equal(diag.source_col, 102);
    /* The character at the place is the one under the caret. */
    assert_int_equal(diag.source[3 + 100], text.s[10000 - 1]);
    f = tmpfile();
    assert_non_null(f);
    raci_diag_print(f, &diag, 0);
    rewind(f);
    assert_non_null(fgets(out, sizeof out, f)); /* the message */
    assert_non_null(fgets(out, sizeof out, f)); /* the piece */
    assert_non_null(fgets(out, sizeof out, f)); /* the caret */
    assert_int_equal(strcspn(out, "^"), strlen("      | ") + 101);
    fclose(f);
    raci_diag_release(&diag);

    /* Near the start: from the start, 200 characters. */
    m.column = 5;
    assert_int_equal(raci_yamldoc_fail_at(&d, m, "bad"), RACI_ERROR_INPUT);
    assert_int_equal(raci_str_chars(diag.source, strlen(diag.source)), 200 + 1);
    assert_memory_equal(diag.source, "key: [abcd", 10);
    assert_int_equal(diag.source_col, 6);
    raci_diag_release(&diag);

    /* A short line is shown whole. */
    m.line = 1;
    m.column = 6;
    assert_int_equal(raci_yamldoc_fail_at(&d, m, "bad"), RACI_ERROR_INPUT);
    assert_string_equal(diag.source, "next: 1");
    raci_diag_release(&diag);
    raci_str_release(&text);
}

/* What a terminal would act on is not passed to it. */
static void test_line_controls(void **state)
{
    struct raci_yamldoc d = {0};
    struct raci_diag diag = {0};
    yaml_mark_t m = {0, 0, 3};
    const char *text = "key\x1b[2J: \xc2\x9b\tx\xff\n";
    (void)state;

    d.display = "c.yaml";
    d.text = text;
    d.len = strlen(text);
    d.diag = &diag;
    assert_int_equal(raci_yamldoc_fail_at(&d, m, "bad"), RACI_ERROR_INPUT);
    assert_string_equal(diag.source, "key\xef\xbf\xbd[2J: \xef\xbf\xbd\tx\xef\xbf\xbd");
    raci_diag_release(&diag);
    /* Text not known to be YAML shows no line at all. */
    d.no_source = 1;
    assert_int_equal(raci_yamldoc_fail_at(&d, m, "bad"), RACI_ERROR_INPUT);
    assert_null(diag.source);
    assert_int_equal(diag.line, 1);
    assert_int_equal(diag.col, 4);
    raci_diag_release(&diag);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_source_line_breaks),
        cmocka_unit_test(test_long_line_piece),
        cmocka_unit_test(test_line_controls),
        cmocka_unit_test(test_source_line_bom),
        cmocka_unit_test(test_mark_at),
        cmocka_unit_test(test_closest),
        cmocka_unit_test(test_join_or),
        cmocka_unit_test(test_parse),
        cmocka_unit_test(test_parse_errors),
        cmocka_unit_test(test_describe),
        cmocka_unit_test(test_want_and_text),
        cmocka_unit_test(test_keys),
        cmocka_unit_test(test_fail_without_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
