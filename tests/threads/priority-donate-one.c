/* A thread waiting for a lock lends its priority to the holder: the holder runs at
   the highest waiter's priority until it releases the lock, then drops back; the
   waiters get the lock highest first. */

#include "threads/synch.h"
#include "threads/thread.h"
#include "tests/threads/tests.h"

static struct lock lock;

static void
acquirer (void *aux UNUSED)
{
  lock_acquire (&lock);
  msg ("%s: got the lock", thread_name ());
  lock_release (&lock);
  msg ("%s: done", thread_name ());
}

void
test_priority_donate_one (void)
{
  ASSERT (thread_get_priority () == PRI_DEFAULT);
  lock_init (&lock);
  lock_acquire (&lock);
  thread_create ("acquire1", PRI_DEFAULT + 1, acquirer, NULL);
  msg ("main should now run at %d: it runs at %d", PRI_DEFAULT + 1,
       thread_get_priority ());
  thread_create ("acquire2", PRI_DEFAULT + 2, acquirer, NULL);
  msg ("main should now run at %d: it runs at %d", PRI_DEFAULT + 2,
       thread_get_priority ());
  lock_release (&lock);
  msg ("acquire2 and then acquire1 must have finished by now");
  msg ("main is back at %d: it runs at %d", PRI_DEFAULT, thread_get_priority ());
}
