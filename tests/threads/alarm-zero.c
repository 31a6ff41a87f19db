/* timer_sleep(0) returns at once. */

#include "devices/timer.h"
#include "tests/threads/tests.h"

void
test_alarm_zero (void)
{
  timer_sleep (0);
  pass ();
}
