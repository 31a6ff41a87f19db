/* thread_yield() lets a thread of equal priority run, but never one of lower
   priority. */

#include "threads/synch.h"
#include "threads/thread.h"
#include "tests/threads/tests.h"

static int steps;
static struct semaphore low_done;

static void
low (void *aux UNUSED)
{
  msg ("low-priority thread runs after main has finished yielding (step %d)", steps);
  sema_up (&low_done);
}

static void
peer (void *aux UNUSED)
{
  msg ("peer runs at step %d", steps++);
  thread_yield ();
  msg ("peer runs again at step %d", steps++);
}

void
test_priority_yield (void)
{
  sema_init (&low_done, 0);
  thread_create ("low", PRI_DEFAULT - 1, low, NULL);
  thread_create ("peer", PRI_DEFAULT, peer, NULL);
  msg ("main yields at step %d", steps++);
  thread_yield ();
  msg ("main yields at step %d", steps++);
  thread_yield ();
  msg ("main done at step %d", steps++);
  steps = 100;
  sema_down (&low_done);
}
