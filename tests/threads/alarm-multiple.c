/* Five threads each sleep seven times, thread i for 10*(i+1) ticks each time; the
   wake-ups must come in order of (iteration+1)*duration. */

#include "tests/threads/alarm.h"
#include "tests/threads/tests.h"

void
test_alarm_multiple (void)
{
  alarm_run (5, 7);
}
