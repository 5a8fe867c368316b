/*
 * testutil.h - what every cmocka unit test includes.
 */
#ifndef RACI_TESTUTIL_H
#define RACI_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
/* cmocka.h needs the four headers above first. */
#include <cmocka.h>

#ifndef RACI_SOURCE_DIR
#define RACI_SOURCE_DIR "."
#endif

#endif
