#ifndef TESTS_THREADS_TESTS_H
#define TESTS_THREADS_TESTS_H

/* Kernel tests: `run NAME` calls test_NAME() (dashes become underscores). A test
   reports through msg(); fail() reports and panics, so a failure can never pass. */

#include <debug.h>

/* One prototype per test, from the table the build generates. */
#define TEST(FUNC, NAME) void test_##FUNC (void);
#include "tests/threads/test-table.h"
#undef TEST

#include <stdbool.h>

bool test_exists (const char *name);
void run_test (const char *name);
void msg (const char *, ...) PRINTF_FORMAT (1, 2);
void fail (const char *, ...) PRINTF_FORMAT (1, 2) NO_RETURN;
void pass (void);

#endif /* tests/threads/tests.h */
