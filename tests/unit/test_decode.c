/*
 * test_decode.c - the bytes of an input as UTF-8: byte order marks, strict
 * UTF-8, UTF-16 and Windows-1252 through iconv.
 */
#include "testutil.h"

#include <string.h>

#include "raci/decode.h"

static void decode_ok(const char *in, size_t len, const char *want, const char *encoding)
{
    struct raci_decoded d;
    assert_int_equal(raci_decode((const unsigned char *)in, len, &d), RACI_OK);
    assert_string_equal(d.buf, want);
    assert_int_equal(d.len, strlen(want));
    assert_string_equal(d.encoding, encoding);
    assert_true(d.bad == RACI_DECODE_NONE);
    raci_decode_release(&d);
    assert_null(d.buf);
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
    assert_int_equal(raci_decode((const unsigned char *)"\xFF\xFE"
                                                        "A\0\x00\xD8"
                                                        "B\0",
                                 8, &d),
                     RACI_OK);
    assert_true(d.bad != RACI_DECODE_NONE);
    assert_int_equal(d.bad, 1);
    assert_int_equal(d.bad_in, 4);
    assert_non_null(strstr(d.buf, "\xEF\xBF\xBD"));
    raci_decode_release(&d);
    /* Bytes Windows-1252 leaves undefined (0x81) in a file that is not
     * UTF-8. */
    assert_int_equal(raci_decode((const unsigned char *)"ab\x81", 3, &d), RACI_OK);
    assert_string_equal(d.encoding, "WINDOWS-1252");
    assert_int_equal(d.bad, 2);
    raci_decode_release(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_encodings),
        cmocka_unit_test(test_bad_input),
    };
    return cmocka_run_group_tests_name("decode", tests, NULL, NULL);
}
