/* Eight processes swapping at once: each writes and reads back 384 kB (3 MB in all), so
   together they need more than RAM and must share the swap disk. */

#include <stdio.h>
#include "tests/vm/barrier.h"
#include "tests/vm/vmlib.h"

#define CHILDREN 8

void
test_main (void)
{
  pid_t children[CHILDREN];
  char cmdline[32];
  int i;

  for (i = 0; i < CHILDREN; i++)
    {
      snprintf (cmdline, sizeof cmdline, "child-linear 384 %d sync", i + 60);
      children[i] = exec (cmdline);
      if (children[i] == PID_ERROR)
        fail ("exec \"%s\" failed", cmdline);
    }
  msg ("started 8 children using 384 kB each");
  barrier_parent (60, CHILDREN);
  msg ("all of them have written their memory");
  for (i = 0; i < CHILDREN; i++)
    if (wait (children[i]) != i + 60)
      fail ("child %d did not exit with %d", i, i + 60);
  msg ("each child found its 384 kB intact");
}
