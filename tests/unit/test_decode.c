/*
 * test_decode.c - the bytes of an input as UTF-8: byte order marks, strict
 * UTF-8 with its bad bytes marked, UTF-16 and Windows-1252 through iconv,
 * and the choice between UTF-8 and Windows-1252.
 */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include "raci/decode.h"

#define FFFD "\xEF\xBF\xBD"

static void decode_ok(const char *in, size_t len, const char *want, const char *encoding)
{
    struct raci_decoded d;
    assert_int_equal(raci_decode((const unsigned char *)in, len, &d), RACI_OK);
    assert_string_equal(d.buf, want);
    assert_int_equal(d.len, strlen(want));
    assert_string_equal(d.encoding, encoding);
    assert_int_equal(d.nbads, 0);
    assert_null(d.bads);
    raci_decode_release(&d);
    assert_null(d.buf);
}

/* Decode in (len bytes) into d, which must come out as want, in encoding,
 * with nbads characters listed. */
static void decode_bad(struct raci_decoded *d, const char *in, size_t len, const char *want,
                       const char *encoding, size_t nbads)
{
    assert_int_equal(raci_decode((const unsigned char *)in, len, d), RACI_OK);
    assert_string_equal(d->buf, want);
    assert_int_equal(d->len, strlen(want));
    assert_string_equal(d->encoding, encoding);
    assert_int_equal(d->nbads, nbads);
}

static void assert_bad(const struct raci_decode_bad *b, size_t at, size_t in,
                       enum raci_str_bad what, uint32_t code)
{
    assert_int_equal(b->at, at);
    assert_int_equal(b->in, in);
    assert_int_equal(b->what, what);
    assert_int_equal(b->code, code);
    assert_false(b->cut);
}

static void test_encodings(void **state)
{
    (void)state;
    decode_ok("", 0, "", "UTF-8");
    decode_ok("Zoë,Łódź", strlen("Zoë,Łódź"), "Zoë,Łódź", "UTF-8");
    decode_ok("\xEF\xBB\xBFname", 7, "name", "UTF-8 (BOM)");
    /* "Zoë" in UTF-16, both orders. */
    decode_ok("\xFF\xFEZ\0o\0\xEB\0", 8, "Zoë", "UTF-16LE");
    decode_ok("\xFE\xFF\0Z\0o\0\xEB", 8, "Zoë", "UTF-16BE");
    /* Not UTF-8: Windows-1252, as Excel writes "CSV" (0x80 is the euro). */
    decode_ok("Zo\xEB \x80", 5, "Zoë €", "WINDOWS-1252");
}

static void test_bad_input(void **state)
{
    struct raci_decoded d;
    (void)state;
    /* An unpaired surrogate in UTF-16: replaced, and its place recorded. */
    decode_bad(&d,
               "\xFF\xFE"
               "A\0\x00\xD8"
               "B\0",
               8, "A" FFFD "B", "UTF-16LE", 1);
    assert_bad(&d.bads[0], 1, 4, RACI_STR_BAD_UNPAIRED, 0xD800);
    raci_decode_release(&d);
    assert_null(d.bads);
    /* A low surrogate alone, big-endian, and a high one cut off by the end. */
    decode_bad(&d, "\xFE\xFF\xDC\x01\0a\xD8\x3D", 8, FFFD "a" FFFD, "UTF-16BE", 2);
    assert_bad(&d.bads[0], 0, 2, RACI_STR_BAD_UNPAIRED, 0xDC01);
    assert_int_equal(d.bads[1].at, 4);
    assert_int_equal(d.bads[1].in, 6);
    assert_true(d.bads[1].cut);
    raci_decode_release(&d);
    /* Bytes Windows-1252 leaves undefined (0x81) in a file that is not
     * UTF-8. */
    decode_bad(&d, "ab\x81", 3, "ab" FFFD, "WINDOWS-1252", 1);
    assert_bad(&d.bads[0], 2, 2, RACI_STR_BAD_BYTE, 0x81);
    raci_decode_release(&d);
}

/* Issue #8, 7: one stray byte made a UTF-8 file Windows-1252, and every
 * other name mojibake. A file that is UTF-8 but for a few bytes is UTF-8
 * with a few bad bytes. */
static void test_mostly_utf8(void **state)
{
    struct raci_decoded d;
    const char *in = "Jos\xC3\xA9 Garc\xC3\xAD"
                     "a,M\xFCnchen,\xE6\x9D\xB1\xE4\xBA\xAC";
    (void)state;
    decode_bad(&d, in, strlen(in),
               "Jos\xC3\xA9 Garc\xC3\xAD"
               "a,M" FFFD "nchen,\xE6\x9D\xB1\xE4\xBA\xAC",
               "UTF-8", 1);
    assert_bad(&d.bads[0], 15, 15, RACI_STR_BAD_BYTE, 0xFC);
    raci_decode_release(&d);
    /* As many bad bytes as good sequences: still UTF-8. */
    decode_bad(&d, "\xC3\xA9\xE9", 3, "\xC3\xA9" FFFD, "UTF-8", 1);
    raci_decode_release(&d);
    /* More bad bytes than good sequences (here one 'Ã©' in Windows-1252
     * text): Windows-1252, every byte a character. */
    decode_bad(&d, "\xC3\xA9 \xE9t\xE9", 6, "\xC3\x83\xC2\xA9 \xC3\xA9t\xC3\xA9", "WINDOWS-1252",
               0);
    raci_decode_release(&d);
    /* A BOM says UTF-8 whatever the bytes. */
    decode_bad(&d, "\xEF\xBB\xBF\xE9\xE9", 5, FFFD FFFD, "UTF-8 (BOM)", 2);
    assert_bad(&d.bads[1], 3, 4, RACI_STR_BAD_BYTE, 0xE9);
    raci_decode_release(&d);
}

/* A UTF-16 surrogate written as UTF-8 (ED A0 80; a pair is CESU-8) is one
 * bad character, and as much a sign of UTF-8 as a good sequence. */
static void test_encoded_surrogates(void **state)
{
    struct raci_decoded d;
    (void)state;
    decode_bad(&d, "a\xED\xA0\x80z", 5, "a" FFFD "z", "UTF-8", 1);
    assert_bad(&d.bads[0], 1, 1, RACI_STR_BAD_SURROGATE, 0xEDA080);
    raci_decode_release(&d);
    /* U+1F600 in CESU-8: two surrogates, two characters. */
    decode_bad(&d, "\xED\xA0\xBD\xED\xB8\x80!", 7, FFFD FFFD "!", "UTF-8", 2);
    assert_bad(&d.bads[1], 3, 3, RACI_STR_BAD_SURROGATE, 0xEDB880);
    raci_decode_release(&d);
    /* ED followed by what no surrogate has is a bad byte, and so are the
     * overlong forms, code points past U+10FFFF and cut sequences. */
#define E8 "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9"
    decode_bad(&d, E8 "\xC0\xAF\xF4\x90\x80\x80\xE2\x82", 24,
               E8 FFFD FFFD FFFD FFFD FFFD FFFD FFFD FFFD, "UTF-8", 8);
#undef E8
    raci_decode_release(&d);
}

/* A NUL becomes U+FFFD (the text is a C string), in every encoding, with its
 * place in the input; control characters stay, listed. */
static void test_nul_and_controls(void **state)
{
    struct raci_decoded d;
    (void)state;
    decode_bad(&d, "a\0b\x07\xEF\xBF\xBE", 7, "a" FFFD "b\x07\xEF\xBF\xBE", "UTF-8", 3);
    assert_bad(&d.bads[0], 1, 1, RACI_STR_BAD_NUL, 0);
    assert_bad(&d.bads[1], 5, 3, RACI_STR_BAD_CONTROL, 7);
    assert_bad(&d.bads[2], 6, 4, RACI_STR_BAD_CONTROL, 0xFFFE);
    raci_decode_release(&d);
    /* Tab, line feed and carriage return are text. */
    decode_ok("a\tb\r\nc\rd", 8, "a\tb\r\nc\rd", "UTF-8");
    /* Windows-1252: after an undefined byte and an accented letter. */
    decode_bad(&d, "\x81\xE9\0\x1F", 4, FFFD "\xC3\xA9" FFFD "\x1F", "WINDOWS-1252", 3);
    assert_bad(&d.bads[0], 0, 0, RACI_STR_BAD_BYTE, 0x81);
    assert_bad(&d.bads[1], 5, 2, RACI_STR_BAD_NUL, 0);
    assert_bad(&d.bads[2], 8, 3, RACI_STR_BAD_CONTROL, 0x1F);
    raci_decode_release(&d);
    /* UTF-16: a character past U+FFFF counts two units before the NUL. */
    decode_bad(&d, "\xFF\xFE=\xD8\x00\xDE\0\0\x0B\0", 10, "\xF0\x9F\x98\x80" FFFD "\x0B",
               "UTF-16LE", 2);
    assert_bad(&d.bads[0], 4, 6, RACI_STR_BAD_NUL, 0);
    assert_bad(&d.bads[1], 7, 8, RACI_STR_BAD_CONTROL, 0x0B);
    raci_decode_release(&d);
}

/* raci_decode_take gives what raci_decode gives, and writes the text over
 * the input it takes when no character grows: UTF-8 as it is, past its BOM,
 * with its controls and encoded surrogates (3 bytes for 3). A text that
 * grows, or comes from another encoding, is a new buffer (and the input is
 * freed, which the sanitizers and valgrind check). */
static void test_take(void **state)
{
    static const struct {
        const char *in;
        size_t len;
        int in_place;
    } cases[] = {
        {"", 0, 1},
        {"Zo\xC3\xAB,\xC5\x81\xC3\xB3"
         "d\xC5\xBA\n",
         13, 1},
        {"\xEF\xBB\xBFname,x", 9, 1},
        {"\xEF\xBB\xBF", 3, 1},
        {"a\x07"
         "b\xEF\xBF\xBE",
         6, 1},
        {"\xEF\xBB\xBF"
         "a\xED\xA0\x80z\x01",
         9, 1},
        {"a\0b", 3, 0},
        {"Jos\xC3\xA9 M\xFCnchen", 14, 0},
        {"Zo\xEB \x80", 5, 0},
        {"\xFF\xFEZ\0o\0\xEB\0", 8, 0},
    };
    (void)state;
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct raci_decoded want, got;
        unsigned char *in = malloc(cases[i].len + 1);
        assert_non_null(in);
        memcpy(in, cases[i].in, cases[i].len);
        assert_int_equal(raci_decode((const unsigned char *)cases[i].in, cases[i].len, &want),
                         RACI_OK);
        assert_int_equal(raci_decode_take(in, cases[i].len, &got), RACI_OK);
        assert_int_equal(got.len, want.len);
        assert_memory_equal(got.buf, want.buf, want.len + 1);
        assert_string_equal(got.encoding, want.encoding);
        assert_int_equal(got.nbads, want.nbads);
        for (size_t k = 0; k < want.nbads; k++) {
            assert_int_equal(got.bads[k].at, want.bads[k].at);
            assert_int_equal(got.bads[k].in, want.bads[k].in);
            assert_int_equal(got.bads[k].what, want.bads[k].what);
            assert_int_equal(got.bads[k].code, want.bads[k].code);
        }
        if (cases[i].in_place)
            assert_ptr_equal(got.buf, in);
        else
            assert_ptr_not_equal(got.buf, in);
        raci_decode_release(&want);
        raci_decode_release(&got);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_encodings),        cmocka_unit_test(test_bad_input),
        cmocka_unit_test(test_mostly_utf8),      cmocka_unit_test(test_encoded_surrogates),
        cmocka_unit_test(test_nul_and_controls), cmocka_unit_test(test_take),
    };
    return cmocka_run_group_tests_name("decode", tests, NULL, NULL);
}
