/* timer_sleep() blocks: while the only thread sleeps for 50 ticks, the CPU must be
   idle for nearly all of them (a busy-waiting sleep would leave idle at 0). */

#include "devices/timer.h"
#include "threads/thread.h"
#include "tests/threads/tests.h"

#define SLEEP_TICKS 50

void
test_timer_idle (void)
{
  int64_t idle_before = thread_idle_ticks ();
  int64_t idle;

  timer_sleep (SLEEP_TICKS);
  idle = thread_idle_ticks () - idle_before;
  if (idle < SLEEP_TICKS * 8 / 10)
    fail ("only %lld of %d ticks were idle: sleeping is busy", idle, SLEEP_TICKS);
  msg ("the CPU was idle while the thread slept");
}
