/* Threads of different priorities queue on a lock the main thread holds; each
   release hands the lock to the highest-priority thread waiting for it then.
   Priority 32, made first, outranks main and queues at once, lending main its
   priority; 37 does too; the others, made while main runs at 37, are ready but
   not yet waiting. So main's release goes to 37, and 37's to 32, the only
   waiter then: a handed-over lock cannot be taken by a thread that comes for
   it later, even one of higher priority (36, which now lends 32 its priority
   instead). After that each release goes to the best of those queued. */

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
  msg ("Two waiters are queued, four ready; releasing the lock.");
  lock_release (&lock);
  for (i = 0; i < WAITERS; i++)
    sema_down (&done);
}
