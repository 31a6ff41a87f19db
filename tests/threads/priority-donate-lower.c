/* Lowering a thread's own priority while it has a donation changes its base
   priority only: it keeps running at the donated priority until it releases the
   lock, and then drops to the new base. */

#include "threads/synch.h"
#include "threads/thread.h"
#include "tests/threads/tests.h"

static struct lock lock;

static void
waiter (void *aux UNUSED)
{
  lock_acquire (&lock);
  msg ("waiter: got the lock");
  lock_release (&lock);
}

void
test_priority_donate_lower (void)
{
  lock_init (&lock);
  lock_acquire (&lock);
  thread_create ("waiter", PRI_DEFAULT + 10, waiter, NULL);
  msg ("main runs at %d (expected %d)", thread_get_priority (), PRI_DEFAULT + 10);
  thread_set_priority (PRI_DEFAULT - 10);
  msg ("main lowered its base to %d: still runs at %d", PRI_DEFAULT - 10,
       thread_get_priority ());
  lock_release (&lock);
  msg ("main released the lock: runs at %d", thread_get_priority ());
}
