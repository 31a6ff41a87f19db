/* Eight threads each add to a shared counter 2000 times under a lock, reading and
   writing it in separate steps with a yield in between (so without the lock,
   updates would be lost). The total must be exact. */

#include "threads/synch.h"
#include "threads/thread.h"
#include "tests/threads/tests.h"

#define THREADS 8
#define INCREMENTS 2000

static struct lock lock;
static struct semaphore done;
static volatile int counter;

static void
adder (void *aux UNUSED)
{
  int i;
  for (i = 0; i < INCREMENTS; i++)
    {
      int value;
      lock_acquire (&lock);
      value = counter;
      if (i % 7 == 0)
        thread_yield ();
      counter = value + 1;
      lock_release (&lock);
    }
  sema_up (&done);
}

void
test_lock_stress (void)
{
  int i;

  lock_init (&lock);
  sema_init (&done, 0);
  for (i = 0; i < THREADS; i++)
    thread_create ("adder", PRI_DEFAULT, adder, NULL);
  for (i = 0; i < THREADS; i++)
    sema_down (&done);
  if (counter != THREADS * INCREMENTS)
    fail ("counter is %d, expected %d", counter, THREADS * INCREMENTS);
  msg ("counter = %d", counter);
}
