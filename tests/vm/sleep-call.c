/* Kestrel's sleep call (24) blocks and returns: sleeping 0, 1 and 30 ms each come
   back, and a child that sleeps while its parent waits for it ends normally. (How
   long it sleeps depends on the machine, so only that it returns is checked; the
   paging tests' barrier relies on it to wait without spinning.) */

#include <string.h>
#include <syscall.h>
#include "tests/lib.h"

void
test_main (void)
{
  if (test_argc > 1 && !strcmp (test_argv[1], "child"))
    {
      sleep (20);
      exit (7);
    }
  sleep (0);
  msg ("sleep (0) returned");
  sleep (1);
  msg ("sleep (1) returned");
  sleep (30);
  msg ("sleep (30) returned");
  CHECK (wait (exec ("sleep-call child")) == 7, "a sleeping child ended normally");
}
