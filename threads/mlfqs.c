/* The 4.4BSD scheduler (kernel option -mlfqs), as the Pintos reference guide's
   appendix specifies it: each thread's priority follows from its nice value and
   its recent CPU use, in 17.14 fixed point (fixed-point.h):

     every tick        recent_cpu += 1 for the running thread (not idle)
     every second      load_avg = (59 * load_avg + ready_threads) / 60
                       recent_cpu = 2 load_avg / (2 load_avg + 1) * recent_cpu + nice
                         for every thread, after load_avg
     every 4th tick    priority = PRI_MAX - recent_cpu / 4 - 2 nice, truncated and
                         kept within PRI_MIN..PRI_MAX, for every thread

   where ready_threads counts the running and the ready threads but not idle. A
   thread starts with its parent's nice and recent_cpu (the first with 0 and 0);
   load_avg starts at 0 at boot. All of it happens in the timer interrupt, before
   any thread runs again, and each step uses what the step before just computed. */

#include "threads/mlfqs.h"
#include <debug.h>
#include "threads/fixed-point.h"
#include "threads/interrupt.h"
#include "threads/thread.h"

#ifndef STARTER_THREADS /* BEGIN SOLUTION threads */
/* Threads ready to run, averaged over about a minute. */
static fixed_t load_avg;

static int
clamp (int x, int low, int high)
{
  return x < low ? low : x > high ? high : x;
}

/* Gives new thread T PARENT's nice and recent_cpu (zero for the first thread,
   PARENT NULL) and the priority they give. */
void
mlfqs_init_thread (struct thread *t, const struct thread *parent)
{
  t->nice = parent != NULL ? parent->nice : NICE_DEFAULT;
  t->recent_cpu = parent != NULL ? parent->recent_cpu : fix_int (0);
  t->priority = mlfqs_priority (t);
}

/* Charges running thread T one tick. */
void
mlfqs_charge_tick (struct thread *t)
{
  t->recent_cpu = fix_add_int (t->recent_cpu, 1);
}

/* The once-a-second update of the load average, READY_THREADS being ready or
   running now. Before mlfqs_decay_recent_cpu(), which uses the new value. */
void
mlfqs_update_load_avg (int ready_threads)
{
  load_avg
      = fix_div_int (fix_add_int (fix_mul_int (load_avg, 59), ready_threads), 60);
}

/* The once-a-second decay of T's recent_cpu: the coefficient first, then the
   product, so that a large recent_cpu does not overflow. */
void
mlfqs_decay_recent_cpu (struct thread *t)
{
  fixed_t twice_load = fix_mul_int (load_avg, 2);
  fixed_t coefficient = fix_div (twice_load, fix_add_int (twice_load, 1));

  t->recent_cpu = fix_add_int (fix_mul (coefficient, t->recent_cpu), t->nice);
}

/* T's priority by the formula, from its current recent_cpu and nice. */
int
mlfqs_priority (const struct thread *t)
{
  fixed_t priority = fix_sub_int (
      fix_sub (fix_int (PRI_MAX), fix_div_int (t->recent_cpu, 4)), t->nice * 2);

  return clamp (fix_trunc (priority), PRI_MIN, PRI_MAX);
}

/* The running thread's nice value. */
int
thread_get_nice (void)
{
  return thread_current ()->nice;
}

/* Sets the running thread's nice value to NICE (kept within NICE_MIN..NICE_MAX);
   under the 4.4BSD scheduler its priority follows at once, and it yields if
   that is no longer the highest. */
void
thread_set_nice (int nice)
{
  struct thread *cur = thread_current ();
  enum intr_level old = intr_disable ();

  cur->nice = clamp (nice, NICE_MIN, NICE_MAX);
  if (thread_mlfqs)
    cur->priority = mlfqs_priority (cur); /* Running: on no ready queue. */
  intr_set_level (old);
  thread_preempt ();
}

/* 100 times the running thread's recent_cpu, rounded to the nearest integer. */
int
thread_get_recent_cpu (void)
{
  enum intr_level old = intr_disable ();
  int recent_cpu = fix_round (fix_mul_int (thread_current ()->recent_cpu, 100));

  intr_set_level (old);
  return recent_cpu;
}

/* 100 times the system load average, rounded to the nearest integer. */
int
thread_get_load_avg (void)
{
  enum intr_level old = intr_disable ();
  int load = fix_round (fix_mul_int (load_avg, 100));

  intr_set_level (old);
  return load;
}
#else  /* STARTER threads */
/* The running thread's nice value. */
int
thread_get_nice (void)
{
  return 0;
}

/* Sets the running thread's nice value to NICE (NICE_MIN..NICE_MAX) and its
   priority by the formula; yields if that is no longer the highest. */
void
thread_set_nice (int nice UNUSED)
{
}

/* 100 times the running thread's recent_cpu, rounded to the nearest integer. */
int
thread_get_recent_cpu (void)
{
  return 0;
}

/* 100 times the system load average, rounded to the nearest integer. */
int
thread_get_load_avg (void)
{
  return 0;
}
#endif /* END SOLUTION threads */
