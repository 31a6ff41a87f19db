/* thread_set_nice() takes effect at once: the caller's nice is what it set,
   its priority follows the formula right away (not at the next fourth tick), it
   yields at once to a thread that now outranks it, a new thread inherits its
   nice, and -20 and 20 are the extremes (nice -20 gives PRI_MAX). */

#include "devices/timer.h"
#include "threads/synch.h"
#include "threads/thread.h"
#include "tests/threads/mlfqs.h"
#include "tests/threads/tests.h"

static volatile bool child_ran;
static int child_nice;
static struct semaphore child_done;

static void
child (void *aux UNUSED)
{
  child_nice = thread_get_nice ();
  child_ran = true;
  sema_up (&child_done);
}

/* Checks the caller's nice and priority, just after it set its nice to NICE. */
static void
check (int nice)
{
  struct mlfqs_sample s;

  mlfqs_sample (&s);
  msg ("main: nice %d, priority %d", s.nice, s.priority);
  if (s.nice != nice)
    fail ("thread_get_nice () is %d after thread_set_nice (%d)", s.nice, nice);
  if (!mlfqs_priority_current (&s, nice))
    fail ("priority %d is not the formula's for recent_cpu %d/100 and nice %d",
          s.priority, s.recent_cpu, nice);
}

static void
set_and_check (int nice)
{
  thread_set_nice (nice);
  check (nice);
}

void
test_mlfqs_nice_change (void)
{
  mlfqs_require ();
  mlfqs_align ();
  msg ("main: nice %d at the start", thread_get_nice ());
  set_and_check (5);

  sema_init (&child_done, 0);
  thread_create ("child", PRI_DEFAULT, child, NULL);
  thread_set_nice (10);
  if (!child_ran)
    fail ("main kept running after its priority fell below the child's");
  check (10);
  msg ("the child ran as soon as main's nice rose above its own");
  sema_down (&child_done);
  msg ("the child inherited nice %d", child_nice);
  if (child_nice != 5)
    fail ("the child should inherit its parent's nice, 5");

  set_and_check (NICE_MIN);
  if (thread_get_priority () != PRI_MAX)
    fail ("nice %d should give priority %d", NICE_MIN, PRI_MAX);
  set_and_check (NICE_MAX);
  set_and_check (0);
}
