/* Ten threads of different priorities wait on one semaphore; each sema_up() must
   wake the highest-priority waiter. */

#include <stdio.h>
#include "threads/synch.h"
#include "threads/thread.h"
#include "tests/threads/tests.h"

#define WAITERS 10

static struct semaphore sema;

static void
waiter (void *aux UNUSED)
{
  sema_down (&sema);
  msg ("Thread %s woke up.", thread_name ());
}

void
test_priority_sema (void)
{
  int i;

  sema_init (&sema, 0);
  thread_set_priority (PRI_MIN);
  for (i = 0; i < WAITERS; i++)
    {
      int priority = PRI_DEFAULT - (i + 3) % 10 - 1;
      char name[16];
      snprintf (name, sizeof name, "priority %d", priority);
      thread_create (name, priority, waiter, NULL);
    }
  for (i = 0; i < WAITERS; i++)
    {
      sema_up (&sema);
      msg ("Back in main thread.");
    }
}
