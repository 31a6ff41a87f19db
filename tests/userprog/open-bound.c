/* A file name straddling a page boundary (both pages mapped) opens like
   any other: the kernel's string copy must continue into the next page. */

#include "tests/lib.h"
#include <string.h>
#include <syscall.h>

static char pages[2 * PGSIZE] __attribute__ ((aligned (PGSIZE)));

void
test_main (void)
{
  const char *name = "sample.txt";
  char *copy = copy_across (pages + PGSIZE, name, strlen (name) + 1);

  CHECK (open (copy) > 1, "open \"%s\" across a page boundary", copy);
}
