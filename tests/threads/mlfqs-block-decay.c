/* A blocked thread's recent_cpu decays too: a thread of nice 5 spins alone for
   2.5 s, then blocks on a semaphore across one whole second, wakes, and blocks
   across another. Each time it wakes, its recent_cpu must be what the once-a-
   second formula makes of it, 2 load_avg / (2 load_avg + 1) times the old value
   plus its nice, with the load average counting nobody ready (the main thread
   sleeps meanwhile). */

#include <stdio.h>
#include "devices/timer.h"
#include "threads/synch.h"
#include "threads/thread.h"
#include "tests/threads/mlfqs.h"
#include "tests/threads/tests.h"

#define NICE 5
#define BLOCKED_SECONDS 2
#define FIXED_POINT_SLACK 2 /* Hundredths that 17.14's truncations may lose. */

static int64_t start, woken_at;
static struct semaphore wake, sampled;
static struct mlfqs_sample samples[BLOCKED_SECONDS + 1];

static void
blocker (void *aux UNUSED)
{
  int i;

  thread_set_nice (NICE);
  mlfqs_spin_until (start + 5 * TIMER_FREQ / 2 - 1);
  for (i = 0; i <= BLOCKED_SECONDS; i++)
    {
      mlfqs_sample (&samples[i]);
      sema_up (&sampled);
      if (i < BLOCKED_SECONDS)
        sema_down (&wake);
    }
}

/* The load average as the model follows it from the first reading, which was
   rounded to 1/100: the true value lies between LOW and HIGH, the reading at MID. */
static int64_t load_low, load_mid, load_high;

static void
load_update (int ready_threads)
{
  load_low = model_load_avg (load_low, ready_threads);
  load_mid = model_load_avg (load_mid, ready_threads);
  load_high = model_load_avg (load_high, ready_threads);
}

/* Checks sample I (taken after waking) against sample I - 1 decayed once, with
   nobody ready at that whole second. The thread may have been charged a tick
   after its reading, before it blocked, and one for each tick between its
   wake-up and its reading; and the kernel's fixed point truncates. */
static void
check_decay (int i)
{
  const struct mlfqs_sample *before = &samples[i - 1], *after = &samples[i];
  int64_t rc = model_from_hundredths (before->recent_cpu), model, low, high;
  char actual_text[MLFQS_REAL_MAX], model_text[MLFQS_REAL_MAX];

  load_update (0);
  model = model_recent_cpu (rc, load_mid, NICE);
  low = model_recent_cpu (rc - MODEL_ONE / 100, load_low, NICE);
  high = model_recent_cpu (rc + MODEL_ONE + MODEL_ONE / 100, load_high, NICE)
         + (after->tick - woken_at) * MODEL_ONE;
  mlfqs_real (actual_text, after->recent_cpu);
  mlfqs_real (model_text, model_hundredths (model));
  msg ("recent_cpu after %d s blocked: %s (the formula: %s)", i, actual_text,
       model_text);
  if (after->recent_cpu < model_hundredths (low) - FIXED_POINT_SLACK
      || after->recent_cpu > model_hundredths (high) + FIXED_POINT_SLACK)
    fail ("recent_cpu after %d s blocked is %s, not the formula's %s: it did not "
          "decay as it should while blocked",
          i, actual_text, model_text);
}

void
test_mlfqs_block_decay (void)
{
  char text[MLFQS_REAL_MAX];
  int i;

  mlfqs_require ();
  start = mlfqs_align ();
  load_mid = model_from_hundredths (thread_get_load_avg ());
  load_low = load_mid > MODEL_ONE / 200 ? load_mid - MODEL_ONE / 200 : 0;
  load_high = load_mid + MODEL_ONE / 200;
  sema_init (&wake, 0);
  sema_init (&sampled, 0);
  thread_create ("blocker", PRI_DEFAULT, blocker, NULL);
  sema_down (&sampled);
  msg ("recent_cpu after 2.5 s of spinning alone: %s",
       mlfqs_real (text, samples[0].recent_cpu));
  load_update (1); /* Two whole seconds with the blocker alone ready. */
  load_update (1);
  for (i = 1; i <= BLOCKED_SECONDS; i++)
    {
      mlfqs_sleep_until (start + (2 * i + 5) * TIMER_FREQ / 2);
      woken_at = timer_ticks ();
      sema_up (&wake);
      sema_down (&sampled);
      check_decay (i);
    }
}
