/* Threads created in reverse order of their wake-up times must wake in order of
   wake-up time, not creation. (Deadlines are absolute, so a slow host that delays
   a thread's start cannot reorder them.) */

#include "devices/timer.h"
#include "threads/synch.h"
#include "threads/thread.h"
#include "tests/threads/tests.h"

#define SLEEPERS 6

static struct lock log_lock;
static int log[SLEEPERS], logged;
static struct semaphore done;
static int64_t start; /* Deadlines count from here, not from each start. */

static void
sleeper (void *aux)
{
  int id = (int) aux;
  timer_sleep (start + 5 * (id + 1) - timer_ticks ());
  lock_acquire (&log_lock);
  log[logged++] = id;
  lock_release (&log_lock);
  sema_up (&done);
}

void
test_alarm_order (void)
{
  int i;

  lock_init (&log_lock);
  sema_init (&done, 0);
  thread_set_priority (PRI_MAX);
  start = timer_ticks ();
  for (i = SLEEPERS - 1; i >= 0; i--)
    thread_create ("sleeper", PRI_DEFAULT, sleeper, (void *) i);
  thread_set_priority (PRI_DEFAULT);
  for (i = 0; i < SLEEPERS; i++)
    sema_down (&done);
  for (i = 0; i < SLEEPERS; i++)
    msg ("woke: thread %d (slept %d ticks)", log[i], 5 * (log[i] + 1));
}
