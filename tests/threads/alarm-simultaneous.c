/* Three threads sleep until the same tick; all three must wake in that tick,
   and in the order they went to sleep. */

#include <stdio.h>
#include "devices/timer.h"
#include "threads/synch.h"
#include "threads/thread.h"
#include "tests/threads/tests.h"

#define SLEEPERS 3
#define SLEEP_TICKS 10

static int64_t wake_tick[SLEEPERS];
static int64_t target; /* The tick all sleepers sleep until. */
static int order[SLEEPERS], woken;
static struct semaphore done;

static void
sleeper (void *aux)
{
  int id = (int) aux;
  /* An absolute deadline: even on a slow host, where a tick may pass while
     the sleepers start, they must all wake together. */
  timer_sleep (target - timer_ticks ());
  wake_tick[id] = timer_ticks ();
  order[woken++] = id;
  sema_up (&done);
}

void
test_alarm_simultaneous (void)
{
  int i;
  int64_t start;

  sema_init (&done, 0);
  thread_set_priority (PRI_MAX);
  timer_sleep (1); /* Start at the beginning of a tick. */
  start = timer_ticks ();
  target = start + SLEEP_TICKS;
  for (i = 0; i < SLEEPERS; i++)
    thread_create ("sleeper", PRI_DEFAULT, sleeper, (void *) i);
  thread_set_priority (PRI_DEFAULT);
  for (i = 0; i < SLEEPERS; i++)
    sema_down (&done);
  if (timer_ticks () == start)
    fail ("no time passed");
  for (i = 0; i < SLEEPERS; i++)
    {
      msg ("thread %d woke %s", order[i],
           wake_tick[order[i]] == wake_tick[order[0]]
               ? "in the same tick as the first"
               : "in a later tick");
      if (order[i] != i)
        fail ("thread %d woke in position %d", order[i], i);
    }
}
