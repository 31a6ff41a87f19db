/* A thread that lowers its priority below a ready thread's yields to it at once;
   raising a thread above the runner preempts nothing until it runs. */

#include "threads/thread.h"
#include "tests/threads/tests.h"

static void
changer (void *aux UNUSED)
{
  msg ("Thread 2 now lowering priority.");
  thread_set_priority (PRI_DEFAULT - 1);
  msg ("Thread 2 exiting.");
}

void
test_priority_change (void)
{
  msg ("Creating a high-priority thread 2.");
  thread_create ("thread 2", PRI_DEFAULT + 1, changer, NULL);
  msg ("Thread 2 should have just lowered its priority.");
  thread_set_priority (PRI_DEFAULT - 2);
  msg ("Thread 2 should have just exited.");
}
