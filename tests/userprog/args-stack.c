/* Where main's arguments live: argv and its strings must be on the user
   stack, in the page just below PHYS_BASE (the kernel copies the command
   line there, it must not point into its own memory), argv must be aligned
   for pointers, and the strings must be writable like any stack data. */

#include "tests/lib.h"
#include <stdint.h>
#include <string.h>
#include "threads/vaddr.h"

/* True if the SIZE bytes at P lie in the top user page. */
static bool
in_top_page (const void *p, size_t size)
{
  return (const char *) p >= (char *) PHYS_BASE - PGSIZE
         && (const char *) p + size <= (char *) PHYS_BASE;
}

void
test_main (void)
{
  int local;
  int i;

  CHECK (in_top_page (&local, sizeof local), "a local variable is in the top page");
  CHECK ((uintptr_t) test_argv % sizeof *test_argv == 0, "argv is aligned to 4");
  CHECK (in_top_page (test_argv, (test_argc + 1) * sizeof *test_argv),
         "argv[0..%d] are in the top page", test_argc);
  for (i = 0; i < test_argc; i++)
    CHECK (in_top_page (test_argv[i], strlen (test_argv[i]) + 1),
           "argv[%d] = '%s' is in the top page", i, test_argv[i]);
  test_argv[1][0] = 'W';
  CHECK (!strcmp (test_argv[1], "Writable"), "argv[1] is writable: '%s'",
         test_argv[1]);
}
