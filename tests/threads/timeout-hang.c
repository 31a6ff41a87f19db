/* A kernel that hangs is stopped by the runner's wall-clock limit and reported
   with its own exit status (4), distinct from a panic (2) or a clean run (0). */

#include "threads/synch.h"
#include "tests/threads/tests.h"

void
test_timeout_hang (void)
{
  struct semaphore never;

  sema_init (&never, 0);
  msg ("waiting for a semaphore nobody will up");
  sema_down (&never);
  fail ("woke up from a semaphore nobody upped");
}
