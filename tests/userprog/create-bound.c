/* A file name that straddles a page boundary (both pages mapped) is a
   valid name: a kernel that checks or copies user strings one page at a
   time must carry on into the next page. */

#include "tests/lib.h"
#include <string.h>
#include <syscall.h>

static char pages[2 * PGSIZE] __attribute__ ((aligned (PGSIZE)));

void
test_main (void)
{
  const char *name = "straddle.dat";
  char *copy = copy_across (pages + PGSIZE, name, strlen (name) + 1);

  CHECK (create (copy, 0), "create \"%s\" across a page boundary", copy);
  CHECK (open (name) > 1, "open \"%s\"", name);
}
