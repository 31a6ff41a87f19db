/* Ten threads of different priorities sleep until the same tick; when it comes
   they must run highest priority first. */

#include <stdio.h>
#include "devices/timer.h"
#include "threads/synch.h"
#include "threads/thread.h"
#include "tests/threads/tests.h"

#define SLEEPERS 10

static int64_t wake_time;
static struct semaphore done;

static void
sleeper (void *aux UNUSED)
{
  timer_sleep (wake_time - timer_ticks ());
  msg ("Thread %s woke up.", thread_name ());
  sema_up (&done);
}

void
test_alarm_priority (void)
{
  int i;

  wake_time = timer_ticks () + 5 * TIMER_FREQ / 10;
  sema_init (&done, 0);
  for (i = 0; i < SLEEPERS; i++)
    {
      int priority = PRI_DEFAULT - (i + 5) % 10 - 1;
      char name[16];
      snprintf (name, sizeof name, "priority %d", priority);
      thread_create (name, priority, sleeper, NULL);
    }
  thread_set_priority (PRI_MIN);
  for (i = 0; i < SLEEPERS; i++)
    sema_down (&done);
}
