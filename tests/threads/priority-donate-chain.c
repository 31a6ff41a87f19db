/* A chain of seven threads, each holding one lock and waiting for the previous
   thread's: the last (highest) thread's priority must flow all the way down the
   chain to main, and the chain must unwind highest first. */

#include <stdio.h>
#include "threads/synch.h"
#include "threads/thread.h"
#include "tests/threads/tests.h"

#define LINKS 7
#define STEP 3

static struct lock locks[LINKS + 1];

static void
link (void *index_)
{
  int i = (int) index_;

  lock_acquire (&locks[i]);     /* Its own: the next link waits on it. */
  lock_acquire (&locks[i - 1]); /* The previous link's: blocks. */
  msg ("link %d: got lock %d at priority %d", i, i - 1, thread_get_priority ());
  lock_release (&locks[i - 1]);
  lock_release (&locks[i]);
}

void
test_priority_donate_chain (void)
{
  int i;

  ASSERT (PRI_DEFAULT + LINKS * STEP <= PRI_MAX);
  for (i = 0; i <= LINKS; i++)
    lock_init (&locks[i]);
  lock_acquire (&locks[0]);
  for (i = 1; i <= LINKS; i++)
    {
      char name[16];
      snprintf (name, sizeof name, "link %d", i);
      thread_create (name, PRI_DEFAULT + i * STEP, link, (void *) i);
      msg ("main runs at %d after link %d waits (expected %d)",
           thread_get_priority (), i, PRI_DEFAULT + i * STEP);
    }
  lock_release (&locks[0]);
  msg ("main runs at %d after the chain unwound", thread_get_priority ());
}
