/* The MLFQS tests' sampling, formatting and model of the guide's formulas; see
   mlfqs.h. */

#include "tests/threads/mlfqs.h"
#include <stdio.h>
#include <stdlib.h>
#include "devices/timer.h"
#include "threads/thread.h"
#include "tests/threads/tests.h"

/* Fails the test unless the kernel runs the 4.4BSD scheduler. */
void
mlfqs_require (void)
{
  if (!thread_mlfqs)
    fail ("this test needs the 4.4BSD scheduler: run it with -mlfqs");
}

/* Fills S with the running thread's recent_cpu, nice and priority, the load
   average, and the tick they were all read in (read again if a tick came
   between). */
void
mlfqs_sample (struct mlfqs_sample *s)
{
  do
    {
      s->tick = timer_ticks ();
      s->recent_cpu = thread_get_recent_cpu ();
      s->load_avg = thread_get_load_avg ();
      s->priority = thread_get_priority ();
      s->nice = thread_get_nice ();
    }
  while (timer_ticks () != s->tick);
}

/* Sleeps until one tick after the next whole second and returns that tick: the
   caller slept through the update, and the next one is 99 ticks away. */
int64_t
mlfqs_align (void)
{
  int64_t tick = (timer_ticks () / TIMER_FREQ + 1) * TIMER_FREQ + 1;

  mlfqs_sleep_until (tick);
  return tick;
}

/* Runs without sleeping or yielding until timer tick TICK. */
void
mlfqs_spin_until (int64_t tick)
{
  while (timer_ticks () < tick)
    continue;
}

/* Sleeps until timer tick TICK (returns at once if it has passed). */
void
mlfqs_sleep_until (int64_t tick)
{
  timer_sleep (tick - timer_ticks ());
}

/* HUNDREDTHS / 100 as text in BUF ("2.95", "-0.07"); returns BUF. */
const char *
mlfqs_real (char buf[MLFQS_REAL_MAX], int hundredths)
{
  snprintf (buf, MLFQS_REAL_MAX, "%s%d.%02d", hundredths < 0 ? "-" : "",
            abs (hundredths) / 100, abs (hundredths) % 100);
  return buf;
}

/* A kernel reading (100 times the value) in the model's units. */
int64_t
model_from_hundredths (int hundredths)
{
  return (int64_t) hundredths * (MODEL_ONE / 100);
}

/* 100 times model value X, rounded to the nearest integer, as the kernel's
   thread_get_recent_cpu() and thread_get_load_avg() report theirs. */
int
model_hundredths (int64_t x)
{
  int64_t half = MODEL_ONE / 100 / 2;
  return (x >= 0 ? x + half : x - half) / (MODEL_ONE / 100);
}

/* The once-a-second load average after LOAD_AVG, READY_THREADS being running
   or ready: (59/60) load_avg + (1/60) ready_threads. */
int64_t
model_load_avg (int64_t load_avg, int ready_threads)
{
  return (59 * load_avg + (int64_t) ready_threads * MODEL_ONE) / 60;
}

/* The once-a-second recent_cpu after RECENT_CPU, for a thread of NICE:
   (2 load_avg) / (2 load_avg + 1) * recent_cpu + nice, with the new LOAD_AVG. */
int64_t
model_recent_cpu (int64_t recent_cpu, int64_t load_avg, int nice)
{
  return recent_cpu * (2 * load_avg) / (2 * load_avg + MODEL_ONE)
         + (int64_t) nice * MODEL_ONE;
}

/* PRI_MAX - recent_cpu / 4 - 2 nice, rounded down, within PRI_MIN..PRI_MAX. */
int
model_priority (int64_t recent_cpu, int nice)
{
  int64_t x = (int64_t) PRI_MAX * MODEL_ONE - recent_cpu / 4
              - (int64_t) nice * 2 * MODEL_ONE;
  int64_t priority = x >= 0 ? x / MODEL_ONE : -((-x + MODEL_ONE - 1) / MODEL_ONE);

  return priority < PRI_MIN ? PRI_MIN : priority > PRI_MAX ? PRI_MAX : priority;
}

/* True if S's priority is the formula's for NICE and a recent_cpu between the one
   S read (to 1/100) and the one of the last fourth tick before it: the priority
   was computed then, or since (by thread_set_nice ()), and the running thread's
   recent_cpu has grown by one a tick meanwhile. (On a loaded host ticks come
   faster than the guest runs, so several may pass between a change and a
   read.) */
bool
mlfqs_priority_current (const struct mlfqs_sample *s, int nice)
{
  int64_t rc = model_from_hundredths (s->recent_cpu);
  int64_t error = MODEL_ONE / 200;
  int64_t since = s->tick % GUIDE_PRIORITY_TICKS;

  return s->priority >= model_priority (rc + error, nice)
         && s->priority <= model_priority (rc - since * MODEL_ONE - error, nice);
}

/* Prints WHAT: the kernel's HUNDREDTHS and the MODEL's value, and fails unless
   they are within TOLERANCE hundredths. */
void
mlfqs_check (const char *what, int hundredths, int64_t model, int tolerance)
{
  char actual_text[MLFQS_REAL_MAX], model_text[MLFQS_REAL_MAX];

  mlfqs_real (actual_text, hundredths);
  mlfqs_real (model_text, model_hundredths (model));
  msg ("%s: %s (the formula: %s)", what, actual_text, model_text);
  if (abs (hundredths - model_hundredths (model)) > tolerance)
    fail ("%s is %s, more than %d.%02d from the formula's %s", what, actual_text,
          tolerance / 100, tolerance % 100, model_text);
}
