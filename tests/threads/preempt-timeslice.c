/* Two threads of equal priority spin without ever yielding; time slicing alone
   must let both make progress, so each sees the other's counter move. */

#include "devices/timer.h"
#include "threads/synch.h"
#include "threads/thread.h"
#include "tests/threads/tests.h"

static volatile int progress[2];
static volatile bool saw_other[2];
static struct semaphore done;

static void
spinner (void *aux)
{
  int me = (int) aux, other = 1 - me;
  int start = progress[other];

  while (!saw_other[me])
    {
      progress[me]++;
      if (progress[other] != start && progress[other] > 0)
        saw_other[me] = true;
    }
  /* Keep counting until the other has seen us too. */
  while (!saw_other[other])
    progress[me]++;
  sema_up (&done);
}

void
test_preempt_timeslice (void)
{
  sema_init (&done, 0);
  thread_set_priority (PRI_MAX);
  thread_create ("spinner 0", PRI_DEFAULT, spinner, (void *) 0);
  thread_create ("spinner 1", PRI_DEFAULT, spinner, (void *) 1);
  thread_set_priority (PRI_DEFAULT - 1);
  sema_down (&done);
  sema_down (&done);
  msg ("both spinners made progress without yielding");
}
