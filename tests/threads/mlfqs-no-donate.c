/* The 4.4BSD scheduler has no priority donation and sets priorities itself: a
   lock's holder keeps its own priority while a priority-63 thread waits for the
   lock, thread_set_priority () changes nothing, a new thread's priority comes
   from the formula and not from thread_create (), and the waiter, the highest,
   gets the lock the moment it is released. */

#include "devices/timer.h"
#include "threads/synch.h"
#include "threads/thread.h"
#include "tests/threads/mlfqs.h"
#include "tests/threads/tests.h"

#define NICE 10

static struct lock lock;
static volatile bool waiter_has_lock;
static struct semaphore created_done;
static int created_priority;

static void
waiter (void *aux UNUSED)
{
  thread_set_nice (NICE_MIN);
  lock_acquire (&lock);
  waiter_has_lock = true;
  lock_release (&lock);
}

static void
created (void *aux UNUSED)
{
  created_priority = thread_get_priority ();
  sema_up (&created_done);
}

/* Fails unless the caller's priority is its own, by the formula (WHEN says at
   what point). */
static void
check_own_priority (const char *when)
{
  struct mlfqs_sample s;

  mlfqs_sample (&s);
  if (!mlfqs_priority_current (&s, NICE))
    fail ("%s, main's priority is %d, not its own by the formula (recent_cpu "
          "%d/100, nice %d)",
          when, s.priority, s.recent_cpu, NICE);
}

void
test_mlfqs_no_donate (void)
{
  struct mlfqs_sample s;
  int formula;

  mlfqs_require ();
  mlfqs_align ();
  thread_set_nice (NICE);
  lock_init (&lock);
  lock_acquire (&lock);
  thread_create ("waiter", PRI_DEFAULT, waiter, NULL);
  thread_yield ();
  check_own_priority ("while a priority-63 thread waits for its lock");
  msg ("main holds the lock a priority-%d thread waits for, at its own priority",
       PRI_MAX);

  thread_set_priority (PRI_MAX);
  check_own_priority ("after thread_set_priority (PRI_MAX)");
  msg ("thread_set_priority () changed nothing");

  lock_release (&lock);
  if (!waiter_has_lock)
    fail ("the waiter did not get the lock as soon as it was released");
  msg ("the waiter got the lock as soon as main released it");

  mlfqs_sample (&s);
  formula = model_priority (model_from_hundredths (s.recent_cpu), NICE);
  sema_init (&created_done, 0);
  thread_create ("created", PRI_MIN, created, NULL);
  sema_down (&created_done);
  msg ("a thread created at priority %d runs at %d: its parent's nice and "
       "recent_cpu give %d",
       PRI_MIN, created_priority, formula);
  if (created_priority < formula - 1 || created_priority > formula + 1)
    fail ("thread_create ()'s priority should be ignored");
}
