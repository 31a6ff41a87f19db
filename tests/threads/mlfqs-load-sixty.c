/* Sixty threads spin while the main thread sleeps: at each whole second the load
   average moves a sixtieth of the way towards 60 (1.00, 1.98, 2.95 from 0); once
   they have exited nobody is ready, and it decays by 59/60. The spinners have
   nice 20, so that the main thread, waking in the middle of each second, reads
   the load average before the next update. */

#include <stdio.h>
#include "devices/timer.h"
#include "threads/synch.h"
#include "threads/thread.h"
#include "tests/threads/mlfqs.h"
#include "tests/threads/tests.h"

#define SPINNERS 60
#define BUSY_SECONDS 3

static int64_t start, end;
static struct semaphore done;

static void
spinner (void *aux UNUSED)
{
  thread_set_nice (NICE_MAX);
  mlfqs_sleep_until (start);
  mlfqs_spin_until (end);
  sema_up (&done);
}

void
test_mlfqs_load_sixty (void)
{
  char what[64];
  int64_t tick, model;
  int i;

  mlfqs_require ();
  tick = mlfqs_align ();
  model = model_from_hundredths (thread_get_load_avg ());
  start = tick + TIMER_FREQ / 2;
  end = start + BUSY_SECONDS * TIMER_FREQ;
  sema_init (&done, 0);
  for (i = 0; i < SPINNERS; i++)
    {
      char name[16];
      snprintf (name, sizeof name, "spinner %d", i);
      if (thread_create (name, PRI_DEFAULT, spinner, NULL) == TID_ERROR)
        fail ("cannot create %s", name);
    }
  for (i = 1; i <= BUSY_SECONDS; i++)
    {
      mlfqs_sleep_until (start + i * TIMER_FREQ);
      model = model_load_avg (model, SPINNERS);
      snprintf (what, sizeof what, "load_avg after %d s of %d busy threads", i,
                SPINNERS);
      mlfqs_check (what, thread_get_load_avg (), model, 2);
    }
  for (i = 0; i < SPINNERS; i++)
    sema_down (&done);
  mlfqs_sleep_until (end + TIMER_FREQ);
  model = model_load_avg (model, 0);
  mlfqs_check ("load_avg after 1 s more with all of them gone",
               thread_get_load_avg (), model, 2);
}
