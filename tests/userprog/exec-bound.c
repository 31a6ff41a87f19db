/* exec() with a command line straddling a page boundary (both pages
   mapped): the kernel's string copy must go on into the next page. */

#include "tests/lib.h"
#include <string.h>
#include <syscall.h>

static char pages[2 * PGSIZE] __attribute__ ((aligned (PGSIZE)));

void
test_main (void)
{
  const char *cmdline = "child-args across a page boundary";
  char *copy = copy_across (pages + PGSIZE, cmdline, strlen (cmdline) + 1);

  CHECK (wait (exec (copy)) == 5, "the child saw 5 arguments");
}
