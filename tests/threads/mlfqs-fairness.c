/* mlfqs_fair_run(): threads of given nice values spin side by side for some
   seconds, each counting the ticks it ran; each count must be within a tolerance
   of what the guide's scheduler gives it, found by running that scheduler here,
   tick by tick, from the same start (the model below), and so must the load
   average at the end.

   Timeline: the caller sleeps to one tick after a whole second, creates the
   threads (each sets its nice and sleeps), and sleeps. At the next whole second
   everyone is asleep (the model starts from there: the load average decays, and
   each recent_cpu becomes its nice plus a small part of the one inherited); one
   tick later all wake and spin until END; the caller wakes at END. */

#include <stdio.h>
#include <string.h>
#include "devices/timer.h"
#include "threads/synch.h"
#include "threads/thread.h"
#include "tests/threads/mlfqs.h"
#include "tests/threads/tests.h"

#define FAIR_THREADS_MAX 20

struct spinner
{
  int nice;
  int64_t start, end; /* Spin from START until END. */
  int ticks;          /* Ticks seen while spinning. */
  struct semaphore *done;
};

static void
spin_and_count (void *spinner_)
{
  struct spinner *s = spinner_;
  int64_t last = -1, now;

  thread_set_nice (s->nice);
  mlfqs_sleep_until (s->start);
  while ((now = timer_ticks ()) < s->end)
    if (now != last)
      {
        s->ticks++;
        last = now;
      }
  sema_up (s->done);
}

/* A thread of the model. */
struct model_thread
{
  int nice, priority;
  int64_t recent_cpu;
  int64_t queued; /* When it joined its ready queue: lower goes first. */
  int ticks;      /* Ticks it was charged. */
};

/* The ready thread of M[0..N) to run next, other than RUNNING: the highest
   priority, the longest queued among equals; -1 if there is none. */
static int
model_next (const struct model_thread *m, int n, int running)
{
  int i, best = -1;

  for (i = 0; i < n; i++)
    if (i != running
        && (best < 0 || m[i].priority > m[best].priority
            || (m[i].priority == m[best].priority && m[i].queued < m[best].queued)))
      best = i;
  return best;
}

/* The once-a-second and every-4th-tick updates of M[0..N) at TICK. */
static void
model_update (struct model_thread *m, int n, int64_t tick, int64_t *load_avg,
              int64_t *seq, int running)
{
  int i;

  if (tick % TIMER_FREQ == 0)
    {
      *load_avg = model_load_avg (*load_avg, n);
      for (i = 0; i < n; i++)
        m[i].recent_cpu = model_recent_cpu (m[i].recent_cpu, *load_avg, m[i].nice);
    }
  if (tick % GUIDE_PRIORITY_TICKS == 0)
    for (i = 0; i < n; i++)
      {
        int priority = model_priority (m[i].recent_cpu, m[i].nice);
        if (priority != m[i].priority && i != running)
          m[i].queued = (*seq)++; /* A ready thread moves to its new queue. */
        m[i].priority = priority;
      }
}

/* Runs the guide's scheduler on M[0..N), all spinning, from START (just after a
   whole second, LOAD_AVG then) to END, counting each one's ticks; returns the
   load average at END. */
static int64_t
model_run (struct model_thread *m, int n, int64_t start, int64_t end,
           int64_t load_avg)
{
  int64_t seq = 0, tick;
  int i, running, slice = 0;

  for (i = 0; i < n; i++)
    {
      m[i].priority = model_priority (m[i].recent_cpu, m[i].nice);
      m[i].queued = seq++;
      m[i].ticks = 0;
    }
  running = model_next (m, n, -1);
  for (tick = start + 1; tick <= end; tick++)
    {
      int next;

      m[running].recent_cpu += MODEL_ONE;
      m[running].ticks++;
      model_update (m, n, tick, &load_avg, &seq, running);
      next = model_next (m, n, running);
      if (++slice >= TIME_SLICE
          || (next >= 0 && m[next].priority > m[running].priority))
        {
          /* It yields: to the back of its queue, then the first of the highest
             runs (perhaps itself again), for a new slice. */
          m[running].queued = seq++;
          running = model_next (m, n, -1);
          slice = 0;
        }
    }
  return load_avg;
}

/* Prints each spinner's ticks beside the model's and fails if one is more than
   TOLERANCE away. */
static void
compare (const struct spinner *s, const struct model_thread *m, int n, int tolerance)
{
  int i;

  for (i = 0; i < n; i++)
    msg ("spinner %d (nice %d): %d ticks (the guide's scheduler: %d)", i, s[i].nice,
         s[i].ticks, m[i].ticks);
  for (i = 0; i < n; i++)
    if (s[i].ticks < m[i].ticks - tolerance || s[i].ticks > m[i].ticks + tolerance)
      fail ("spinner %d ran %d ticks, more than %d from the guide's %d", i,
            s[i].ticks, tolerance, m[i].ticks);
}

/* Runs THREAD_CNT spinners of nice values NICE[] for SECONDS and checks each
   one's share against the model, within TOLERANCE ticks, and the load average
   after, within 0.02. */
void
mlfqs_fair_run (int thread_cnt, const int nice[], int seconds, int tolerance)
{
  struct spinner s[FAIR_THREADS_MAX];
  struct model_thread m[FAIR_THREADS_MAX];
  struct semaphore done;
  struct mlfqs_sample before;
  int64_t start, end, load_avg;
  int i;

  mlfqs_require ();
  ASSERT (thread_cnt <= FAIR_THREADS_MAX);
  mlfqs_align ();
  mlfqs_sample (&before);
  start = (before.tick / TIMER_FREQ + 1) * TIMER_FREQ + 1;
  end = start + seconds * TIMER_FREQ;
  msg ("%d threads spin for %d s; each must get within %d ticks of what the "
       "guide's scheduler gives it",
       thread_cnt, seconds, tolerance);
  sema_init (&done, 0);
  for (i = 0; i < thread_cnt; i++)
    {
      char name[16];
      s[i] = (struct spinner){ nice[i], start, end, 0, &done };
      snprintf (name, sizeof name, "spinner %d", i);
      if (thread_create (name, PRI_DEFAULT, spin_and_count, &s[i]) == TID_ERROR)
        fail ("cannot create %s", name);
    }
  mlfqs_sleep_until (end);
  for (i = 0; i < thread_cnt; i++)
    sema_down (&done);

  load_avg = model_load_avg (model_from_hundredths (before.load_avg), 0);
  memset (m, 0, sizeof m);
  for (i = 0; i < thread_cnt; i++)
    {
      m[i].nice = nice[i];
      m[i].recent_cpu = model_recent_cpu (model_from_hundredths (before.recent_cpu),
                                          load_avg, nice[i]);
    }
  load_avg = model_run (m, thread_cnt, start, end, load_avg);
  compare (s, m, thread_cnt, tolerance);
  mlfqs_check ("load_avg at the end", thread_get_load_avg (), load_avg, 2);
}
