/* A lock or semaphore released while a thread waits for it goes to that thread,
   not to whoever asks next. The main thread holds a lock that a thread of the
   same priority waits for, then releases it and at once asks for it again, ten
   times over: the waiter must get it at the first release. Were the lock merely
   freed, main would take it back each time (the waiter, only made ready, runs
   later), and a waiter could wait for ever while others take turns: the paging
   livelock of issue 16 had a process starve so on the disk channel's lock. The
   same for a semaphore's unit. */

#include "threads/synch.h"
#include "threads/thread.h"
#include "tests/threads/tests.h"

#define ROUNDS 10

static struct lock lock;
static struct semaphore sema;
static struct semaphore done;
static int round;  /* Main's release count so far. */
static int got_at; /* Its value when the waiter got the lock (or unit). */

static void
lock_waiter (void *aux UNUSED)
{
  lock_acquire (&lock);
  got_at = round;
  lock_release (&lock);
  sema_up (&done);
}

static void
sema_waiter (void *aux UNUSED)
{
  sema_down (&sema);
  got_at = round;
  sema_up (&sema);
  sema_up (&done);
}

void
test_lock_fair (void)
{
  lock_init (&lock);
  sema_init (&sema, 0);
  sema_init (&done, 0);

  lock_acquire (&lock);
  thread_create ("lock waiter", PRI_DEFAULT, lock_waiter, NULL);
  while (list_empty (&lock.semaphore.waiters))
    thread_yield (); /* Until the waiter has queued on the lock. */
  for (round = 1; round <= ROUNDS; round++)
    {
      lock_release (&lock);
      lock_acquire (&lock);
    }
  lock_release (&lock);
  sema_down (&done);
  msg ("the lock's waiter got it at release %d of %d", got_at, ROUNDS);

  got_at = 0;
  thread_create ("sema waiter", PRI_DEFAULT, sema_waiter, NULL);
  while (list_empty (&sema.waiters))
    thread_yield (); /* Until the waiter has queued on the semaphore. */
  for (round = 1; round <= ROUNDS; round++)
    {
      sema_up (&sema);
      sema_down (&sema);
    }
  sema_down (&done);
  msg ("the semaphore's waiter got its unit at up %d of %d", got_at, ROUNDS);
}
