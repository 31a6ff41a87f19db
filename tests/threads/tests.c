/* The kernel-test table and the helpers every kernel test uses. The table is
   generated from the test files in this folder (see Makefile.build), so adding a
   test is adding NAME.c defining test_NAME() and NAME.expect. */

#include "tests/threads/tests.h"
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

struct test
{
  const char *name;
  void (*function) (void);
};

static const struct test tests[] = {
#define TEST(FUNC, NAME) { NAME, test_##FUNC },
#include "tests/threads/test-table.h"
#undef TEST
};

static const char *test_name;

/* True if there is a kernel test called NAME. */
bool
test_exists (const char *name)
{
  const struct test *t;
  for (t = tests; t < tests + sizeof tests / sizeof *tests; t++)
    if (!strcmp (name, t->name))
      return true;
  return false;
}

/* Runs the kernel test NAME; panics if there is none. */
void
run_test (const char *name)
{
  const struct test *t;

  for (t = tests; t < tests + sizeof tests / sizeof *tests; t++)
    if (!strcmp (name, t->name))
      {
        test_name = name;
        msg ("begin");
        t->function ();
        msg ("end");
        return;
      }
  PANIC ("no test named \"%s\"", name);
}

#define MSG_MAX 256 /* Longest message; longer ones are cut. */

/* Prints "(NAME) " and the formatted message on a line, in one printf() call so
   that messages from concurrent threads never mix. */
void
msg (const char *format, ...)
{
  char buf[MSG_MAX];
  va_list args;

  va_start (args, format);
  vsnprintf (buf, sizeof buf, format, args);
  va_end (args);
  printf ("(%s) %s\n", test_name, buf);
}

/* Prints "(NAME) FAIL: " and the message, then panics. */
void
fail (const char *format, ...)
{
  char buf[MSG_MAX];
  va_list args;

  va_start (args, format);
  vsnprintf (buf, sizeof buf, format, args);
  va_end (args);
  printf ("(%s) FAIL: %s\n", test_name, buf);
  PANIC ("test failed");
}

/* Prints "(NAME) PASS". */
void
pass (void)
{
  printf ("(%s) PASS\n", test_name);
}
