/* A holder of two locks gets the highest priority among the waiters of both; as it
   releases each lock, it drops to the highest priority still lent to it. */

#include "threads/synch.h"
#include "threads/thread.h"
#include "tests/threads/tests.h"

static void
waiter (void *lock_)
{
  struct lock *lock = lock_;
  lock_acquire (lock);
  msg ("%s: got its lock", thread_name ());
  lock_release (lock);
  msg ("%s: done", thread_name ());
}

void
test_priority_donate_multiple (void)
{
  struct lock a, b;

  lock_init (&a);
  lock_init (&b);
  lock_acquire (&a);
  lock_acquire (&b);
  thread_create ("waits-for-a", PRI_DEFAULT + 1, waiter, &a);
  msg ("main runs at %d (expected %d)", thread_get_priority (), PRI_DEFAULT + 1);
  thread_create ("waits-for-b", PRI_DEFAULT + 2, waiter, &b);
  msg ("main runs at %d (expected %d)", thread_get_priority (), PRI_DEFAULT + 2);
  lock_release (&b);
  msg ("main released b: runs at %d (expected %d)", thread_get_priority (),
       PRI_DEFAULT + 1);
  lock_release (&a);
  msg ("main released a: runs at %d (expected %d)", thread_get_priority (),
       PRI_DEFAULT);
}
