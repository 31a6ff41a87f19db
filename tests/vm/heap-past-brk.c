/* The byte at the break is outside the heap: touching it kills the process. */

#include <syscall.h>
#include "tests/lib.h"

void
test_main (void)
{
  char *start = sbrk (PGSIZE);

  start[PGSIZE - 1] = 1;
  msg ("the last byte below the break is usable");
  start[PGSIZE] = 1;
  fail ("a store at the break did not kill");
}
