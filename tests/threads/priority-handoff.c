/* A lock handed to a waiter is the waiter's at once, so a thread that asks for it
   right after lends the new holder its priority. Main (high) releases a lock a
   low-priority thread waits for and asks for it again at once; a medium-priority
   thread is ready all the while. The low thread, lent main's priority, must run
   before the medium one and give the lock back, so main has it again before the
   medium thread runs. Were the holder unknown until the low thread ran (the lock
   merely freed), main would lend it nothing and the medium thread would run
   first: priority inversion. */

#include "threads/synch.h"
#include "threads/thread.h"
#include "tests/threads/tests.h"

static struct lock lock;
static struct semaphore done;
static volatile bool medium_ran;

static void
low (void *aux UNUSED)
{
  lock_acquire (&lock);
  msg ("low got the lock");
  lock_release (&lock);
  sema_up (&done);
}

static void
medium (void *aux UNUSED)
{
  medium_ran = true;
  msg ("medium ran");
  sema_up (&done);
}

void
test_priority_handoff (void)
{
  ASSERT (!thread_mlfqs);
  lock_init (&lock);
  sema_init (&done, 0);
  lock_acquire (&lock);
  thread_create ("low", PRI_DEFAULT + 1, low, NULL); /* Runs, and queues. */
  thread_set_priority (PRI_DEFAULT + 20);
  thread_create ("medium", PRI_DEFAULT + 10, medium, NULL); /* Ready. */
  lock_release (&lock);
  lock_acquire (&lock);
  msg ("high got the lock back%s",
       medium_ran ? " after medium ran" : " before medium ran");
  lock_release (&lock);
  thread_set_priority (PRI_DEFAULT);
  sema_down (&done);
  sema_down (&done);
}
