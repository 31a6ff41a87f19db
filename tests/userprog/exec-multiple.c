/* Several children one after another: each exec gets a new process with
   its own status, and nothing of one child survives into the next. */

#include "tests/lib.h"
#include <syscall.h>

#define CHILDREN 4

void
test_main (void)
{
  int i;

  for (i = 0; i < CHILDREN; i++)
    CHECK (wait (exec ("child-simple")) == 81, "child %d exited with 81", i);
}
