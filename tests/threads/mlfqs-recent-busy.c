/* One busy thread of nice 2, the only one ready: its recent_cpu grows by 1 a
   tick and, once a second, becomes 2 load_avg / (2 load_avg + 1) times itself
   plus its nice; its priority follows PRI_MAX - recent_cpu / 4 - 2 nice. Read in
   the middle of five seconds, each against the formulas run tick by tick from
   the first reading. The tolerance of 1.5 allows charging the tick of a whole
   second after its update rather than before. */

#include <stdio.h>
#include "devices/timer.h"
#include "threads/thread.h"
#include "tests/threads/mlfqs.h"
#include "tests/threads/tests.h"

#define NICE 2
#define SAMPLES 5

/* The model of the running thread, advanced tick by tick. */
struct busy_model
{
  int64_t tick, recent_cpu, load_avg;
  int priority;
};

static void
advance (struct busy_model *m, int64_t tick)
{
  for (; m->tick < tick; m->tick++)
    {
      int64_t now = m->tick + 1;
      m->recent_cpu += MODEL_ONE;
      if (now % TIMER_FREQ == 0)
        {
          m->load_avg = model_load_avg (m->load_avg, 1);
          m->recent_cpu = model_recent_cpu (m->recent_cpu, m->load_avg, NICE);
        }
      if (now % GUIDE_PRIORITY_TICKS == 0)
        m->priority = model_priority (m->recent_cpu, NICE);
    }
}

void
test_mlfqs_recent_busy (void)
{
  struct mlfqs_sample s;
  struct busy_model m;
  int64_t start;
  int i;

  mlfqs_require ();
  thread_set_nice (NICE);
  start = mlfqs_align ();
  mlfqs_sample (&s);
  m = (struct busy_model){ s.tick, model_from_hundredths (s.recent_cpu),
                           model_from_hundredths (s.load_avg), s.priority };
  for (i = 0; i < SAMPLES; i++)
    {
      char what[64];

      mlfqs_spin_until (start + TIMER_FREQ / 2 + i * TIMER_FREQ);
      mlfqs_sample (&s);
      advance (&m, s.tick);
      snprintf (what, sizeof what, "recent_cpu after %d.5 s", i);
      mlfqs_check (what, s.recent_cpu, m.recent_cpu, 150);
      snprintf (what, sizeof what, "load_avg after %d.5 s", i);
      mlfqs_check (what, s.load_avg, m.load_avg, 1);
      msg ("priority after %d.5 s: %d (the formula: %d)", i, s.priority, m.priority);
      if (s.priority < m.priority - 1 || s.priority > m.priority + 1)
        fail ("priority is %d, not the formula's %d", s.priority, m.priority);
    }
}
