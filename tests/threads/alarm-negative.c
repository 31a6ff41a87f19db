/* timer_sleep() with a negative duration returns at once. */

#include "devices/timer.h"
#include "tests/threads/tests.h"

void
test_alarm_negative (void)
{
  timer_sleep (-100);
  timer_sleep (-1);
  pass ();
}
