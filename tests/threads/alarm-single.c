/* Five threads each sleep once, thread i for 10*(i+1) ticks; they must wake in
   that order and no earlier than asked. */

#include "tests/threads/alarm.h"
#include "tests/threads/tests.h"

void
test_alarm_single (void)
{
  alarm_run (5, 1);
}
