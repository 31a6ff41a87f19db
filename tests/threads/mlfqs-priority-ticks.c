/* The priority of a busy thread of nice 3 is recomputed every fourth tick, and
   only then: read at every tick for 2 s, it changes only on ticks divisible by 4,
   and there it is PRI_MAX - recent_cpu / 4 - 2 nice, rounded down, from the
   recent_cpu of that tick (or of the tick before, if the kernel recomputes before
   it charges the tick). */

#include "devices/timer.h"
#include "threads/thread.h"
#include "tests/threads/mlfqs.h"
#include "tests/threads/tests.h"

#define NICE 3
#define SECONDS 2

/* Whether S's priority is the formula's for its recent_cpu (read to 1/100, so
   either neighbour will do), or for one tick less. */
static bool
follows_formula (const struct mlfqs_sample *s)
{
  int64_t rc = model_from_hundredths (s->recent_cpu);
  int64_t error = MODEL_ONE / 200;
  int high = model_priority (rc - MODEL_ONE - error, NICE);
  int low = model_priority (rc + error, NICE);

  return s->priority >= low && s->priority <= high;
}

void
test_mlfqs_priority_ticks (void)
{
  struct mlfqs_sample prev, s;
  int64_t start;
  int changes = 0;

  mlfqs_require ();
  thread_set_nice (NICE);
  start = mlfqs_align ();
  mlfqs_sample (&prev);
  while (prev.tick < start + SECONDS * TIMER_FREQ)
    {
      do
        mlfqs_sample (&s);
      while (s.tick == prev.tick);
      if (s.priority != prev.priority && s.tick == prev.tick + 1)
        {
          if (s.tick % GUIDE_PRIORITY_TICKS != 0)
            fail ("priority changed from %d to %d at tick %lld, not a multiple "
                  "of %d",
                  prev.priority, s.priority, s.tick, GUIDE_PRIORITY_TICKS);
          changes++;
        }
      if (s.tick % GUIDE_PRIORITY_TICKS == 0 && !follows_formula (&s))
        fail ("priority %d at tick %lld does not follow from recent_cpu %d/100 "
              "and nice %d",
              s.priority, s.tick, s.recent_cpu, NICE);
      prev = s;
    }
  if (changes == 0)
    fail ("the priority of a busy thread never changed");
  msg ("the priority changed only on ticks divisible by %d, as the formula "
       "says",
       GUIDE_PRIORITY_TICKS);
}
