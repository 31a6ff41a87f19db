/* Threads of different priorities queue on a lock the main thread holds; on each
   release the highest-priority waiter must get it. */

#include <stdio.h>
#include "threads/synch.h"
#include "threads/thread.h"
#include "tests/threads/tests.h"

#define WAITERS 6

static struct lock lock;
static struct semaphore done;

static void
waiter (void *aux UNUSED)
{
  lock_acquire (&lock);
  msg ("%s got the lock.", thread_name ());
  lock_release (&lock);
  sema_up (&done);
}

void
test_priority_lock (void)
{
  int i;

  lock_init (&lock);
  sema_init (&done, 0);
  lock_acquire (&lock);
  for (i = 0; i < WAITERS; i++)
    {
      int priority = PRI_DEFAULT + 1 + (i * 5) % WAITERS;
      char name[16];
      snprintf (name, sizeof name, "priority %d", priority);
      thread_create (name, priority, waiter, NULL);
    }
  msg ("All waiters are queued; releasing the lock.");
  lock_release (&lock);
  for (i = 0; i < WAITERS; i++)
    sema_down (&done);
}
