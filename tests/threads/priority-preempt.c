/* A thread created with a higher priority than its creator runs, to completion
   here, before thread_create() returns. */

#include "threads/thread.h"
#include "tests/threads/tests.h"

#define ROUNDS 5

static void
high (void *aux UNUSED)
{
  int i;
  for (i = 0; i < ROUNDS; i++)
    {
      msg ("Thread %s iteration %d", thread_name (), i);
      thread_yield ();
    }
  msg ("Thread %s done!", thread_name ());
}

void
test_priority_preempt (void)
{
  ASSERT (thread_get_priority () == PRI_DEFAULT);
  thread_create ("high-priority", PRI_DEFAULT + 1, high, NULL);
  msg ("The high-priority thread should have already completed.");
}
