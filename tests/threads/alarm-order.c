/* Threads created in reverse order of their sleep durations must wake in order
   of wake-up time, not creation. */

#include "devices/timer.h"
#include "threads/synch.h"
#include "threads/thread.h"
#include "tests/threads/tests.h"

#define SLEEPERS 6

static struct lock log_lock;
static int log[SLEEPERS], logged;
static struct semaphore done;

static void sleeper (void *aux)
{
  int id = (int) aux;
  timer_sleep (5 * (id + 1));
  lock_acquire (&log_lock);
  log[logged++] = id;
  lock_release (&log_lock);
  sema_up (&done);
}

void test_alarm_order (void)
{
  int i;

  lock_init (&log_lock);
  sema_init (&done, 0);
  thread_set_priority (PRI_MAX);
  for (i = SLEEPERS - 1; i >= 0; i--)
    thread_create ("sleeper", PRI_DEFAULT, sleeper, (void *) i);
  thread_set_priority (PRI_DEFAULT);
  for (i = 0; i < SLEEPERS; i++)
    sema_down (&done);
  for (i = 0; i < SLEEPERS; i++)
    msg ("woke: thread %d (slept %d ticks)", log[i], 5 * (log[i] + 1));
}
