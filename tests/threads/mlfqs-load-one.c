/* One busy thread, the only one ready: at each whole second the load average
   moves a sixtieth of the way towards 1 (0.02, 0.03, 0.05 from 0); asleep, the
   thread is not counted, and it decays by 59/60 a second. */

#include <stdio.h>
#include "devices/timer.h"
#include "threads/thread.h"
#include "tests/threads/mlfqs.h"
#include "tests/threads/tests.h"

#define BUSY_SECONDS 3
#define IDLE_SECONDS 2

void
test_mlfqs_load_one (void)
{
  char what[64];
  int64_t start, model;
  int i;

  mlfqs_require ();
  start = mlfqs_align ();
  model = model_from_hundredths (thread_get_load_avg ());
  for (i = 1; i <= BUSY_SECONDS; i++)
    {
      mlfqs_spin_until (start + i * TIMER_FREQ);
      model = model_load_avg (model, 1);
      snprintf (what, sizeof what, "load_avg after %d s of one busy thread", i);
      mlfqs_check (what, thread_get_load_avg (), model, 1);
    }
  for (i = 1; i <= IDLE_SECONDS; i++)
    {
      mlfqs_sleep_until (start + (BUSY_SECONDS + i) * TIMER_FREQ);
      model = model_load_avg (model, 0);
      snprintf (what, sizeof what, "load_avg after %d s more asleep", i);
      mlfqs_check (what, thread_get_load_avg (), model, 1);
    }
}
