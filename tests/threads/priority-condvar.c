/* Ten threads of different priorities wait on one condition variable; each
   cond_signal() must wake the highest-priority waiter. */

#include <stdio.h>
#include "threads/synch.h"
#include "threads/thread.h"
#include "tests/threads/tests.h"

#define WAITERS 10

static struct lock lock;
static struct condition condition;

static void
waiter (void *aux UNUSED)
{
  lock_acquire (&lock);
  msg ("Thread %s starting.", thread_name ());
  cond_wait (&condition, &lock);
  msg ("Thread %s woke up.", thread_name ());
  lock_release (&lock);
}

void
test_priority_condvar (void)
{
  int i;

  lock_init (&lock);
  cond_init (&condition);
  thread_set_priority (PRI_MIN);
  for (i = 0; i < WAITERS; i++)
    {
      int priority = PRI_DEFAULT - (i + 7) % 10 - 1;
      char name[16];
      snprintf (name, sizeof name, "priority %d", priority);
      thread_create (name, priority, waiter, NULL);
    }
  for (i = 0; i < WAITERS; i++)
    {
      lock_acquire (&lock);
      msg ("Signaling...");
      cond_signal (&condition, &lock);
      lock_release (&lock);
    }
}
