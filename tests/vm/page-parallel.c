/* Four processes each writing and reading back 1 MB at once, in 4 MB of
   RAM: their pages compete for frames and swap, and each must find its own
   bytes intact. */

#include <stdio.h>
#include "tests/vm/barrier.h"
#include "tests/vm/vmlib.h"

#define CHILDREN 4

void
test_main (void)
{
  pid_t children[CHILDREN];
  char cmdline[32];
  int i;

  for (i = 0; i < CHILDREN; i++)
    {
      snprintf (cmdline, sizeof cmdline, "child-linear 1024 %d sync", i + 40);
      children[i] = exec (cmdline);
      if (children[i] == PID_ERROR)
        fail ("exec \"%s\" failed", cmdline);
    }
  msg ("started 4 children using 1 MB each");
  barrier_parent (40, CHILDREN);
  msg ("all of them have written their memory");
  for (i = 0; i < CHILDREN; i++)
    if (wait (children[i]) != i + 40)
      fail ("child %d did not exit with %d", i, i + 40);
  msg ("each child found its 1 MB intact");
}
