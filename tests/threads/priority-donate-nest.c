/* Nested donation: high waits for a lock held by medium, which waits for a lock
   held by main; high's priority must reach main through medium. */

#include "threads/synch.h"
#include "threads/thread.h"
#include "tests/threads/tests.h"

struct locks
{
  struct lock *a, *b;
};

static void
medium (void *locks_)
{
  struct locks *locks = locks_;

  lock_acquire (locks->b);
  lock_acquire (locks->a);
  msg ("medium: got a, runs at %d (expected %d)", thread_get_priority (),
       PRI_DEFAULT + 2);
  lock_release (locks->a);
  thread_yield ();
  lock_release (locks->b);
  thread_yield ();
  msg ("medium: done at %d", thread_get_priority ());
}

static void
high (void *b)
{
  lock_acquire (b);
  msg ("high: got b");
  lock_release (b);
  msg ("high: done");
}

void
test_priority_donate_nest (void)
{
  struct lock a, b;
  struct locks locks = { &a, &b };

  lock_init (&a);
  lock_init (&b);
  lock_acquire (&a);
  thread_create ("medium", PRI_DEFAULT + 1, medium, &locks);
  thread_yield ();
  msg ("main runs at %d (expected %d)", thread_get_priority (), PRI_DEFAULT + 1);
  thread_create ("high", PRI_DEFAULT + 2, high, &b);
  thread_yield ();
  msg ("main runs at %d (expected %d)", thread_get_priority (), PRI_DEFAULT + 2);
  lock_release (&a);
  thread_yield ();
  msg ("medium and high must have finished; main runs at %d",
       thread_get_priority ());
}
