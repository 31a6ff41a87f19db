/* Semaphores, locks and condition variables; see synch.h. */

#include "threads/synch.h"
#include <debug.h>
#include "threads/interrupt.h"
#include "threads/thread.h"

/* Sets SEMA's count to VALUE with no waiters. */
void
sema_init (struct semaphore *sema, unsigned value)
{
  ASSERT (sema != NULL);
  sema->value = value;
  list_init (&sema->waiters);
}

/* Waits until SEMA's value is positive, then decrements it. May sleep, so not from
   an interrupt handler; may be called with interrupts off (and sleeps then too). */
void
sema_down (struct semaphore *sema)
{
  enum intr_level old;

  ASSERT (sema != NULL);
  ASSERT (!intr_context ());
  old = intr_disable ();
  while (sema->value == 0)
    {
      list_push_back (&sema->waiters, &thread_current ()->elem);
      thread_block ();
    }
  sema->value--;
  intr_set_level (old);
}

/* Decrements SEMA if that needs no wait; returns whether it did. Safe in
   handlers. */
bool
sema_try_down (struct semaphore *sema)
{
  enum intr_level old = intr_disable ();
  bool success = sema->value > 0;
  if (success)
    sema->value--;
  intr_set_level (old);
  return success;
}

#ifndef STARTER_THREADS /* BEGIN SOLUTION threads */
/* Removes and returns the highest-priority thread of WAITERS (the first of
   equals), which must not be empty. */
static struct thread *
take_waiter (struct list *waiters)
{
  struct list_elem *e = list_max (waiters, thread_priority_less, NULL);
  list_remove (e);
  return list_entry (e, struct thread, elem);
}
#else  /* STARTER threads */
/* Removes and returns the first thread of WAITERS, which must not be empty. */
static struct thread *
take_waiter (struct list *waiters)
{
  return list_entry (list_pop_front (waiters), struct thread, elem);
}
#endif /* END SOLUTION threads */

/* Increments SEMA and wakes its highest-priority waiter, yielding to it if it
   outranks the caller. Safe in interrupt handlers. */
void
sema_up (struct semaphore *sema)
{
  enum intr_level old;

  ASSERT (sema != NULL);
  old = intr_disable ();
  if (!list_empty (&sema->waiters))
    thread_unblock (take_waiter (&sema->waiters));
  sema->value++;
  thread_preempt ();
  intr_set_level (old);
}

/* Makes LOCK free. */
void
lock_init (struct lock *lock)
{
  ASSERT (lock != NULL);
  lock->holder = NULL;
  sema_init (&lock->semaphore, 1);
}

#ifndef STARTER_THREADS /* BEGIN SOLUTION threads */
/* Makes the running thread LOCK's holder. Interrupts must be off. */
static void
take (struct lock *lock)
{
  struct thread *cur = thread_current ();
  lock->holder = cur;
  list_push_back (&cur->held_locks, &lock->holder_elem);
}

/* Lends the running thread's priority to LOCK's holder and on down the chain of
   holders that are themselves waiting for locks. Interrupts must be off. */
static void
donate (struct lock *lock)
{
  int priority = thread_get_priority ();
  int depth;

  for (depth = 0; lock != NULL && lock->holder != NULL && depth < DONATION_DEPTH_MAX;
       depth++)
    {
      struct thread *holder = lock->holder;
      if (holder->priority >= priority)
        break;
      thread_donate_priority (holder, priority);
      lock = holder->waiting_lock;
    }
}

/* Acquires LOCK, sleeping until it is free, and lends the caller's priority to
   the holder meanwhile (not under the 4.4BSD scheduler, which has no donation).
   The caller must not hold it already. */
void
lock_acquire (struct lock *lock)
{
  struct thread *cur = thread_current ();
  enum intr_level old;

  ASSERT (lock != NULL);
  ASSERT (!intr_context ());
  ASSERT (!lock_held_by_current_thread (lock));
  old = intr_disable ();
  if (lock->holder != NULL && !thread_mlfqs)
    {
      cur->waiting_lock = lock;
      donate (lock);
    }
  sema_down (&lock->semaphore);
  cur->waiting_lock = NULL;
  take (lock);
  intr_set_level (old);
}

/* Releases LOCK, which the caller must hold, giving back what its waiters lent;
   yields if a waiter now outranks the caller. */
void
lock_release (struct lock *lock)
{
  enum intr_level old;

  ASSERT (lock != NULL);
  ASSERT (lock_held_by_current_thread (lock));
  old = intr_disable ();
  list_remove (&lock->holder_elem);
  lock->holder = NULL;
  if (!thread_mlfqs)
    thread_update_priority (thread_current ());
  sema_up (&lock->semaphore);
  intr_set_level (old);
}
#else  /* STARTER threads */
/* Makes the running thread LOCK's holder. Interrupts must be off. */
static void
take (struct lock *lock)
{
  lock->holder = thread_current ();
}

/* Acquires LOCK, sleeping until it is free. The caller must not hold it
   already. */
void
lock_acquire (struct lock *lock)
{
  enum intr_level old;

  ASSERT (lock != NULL);
  ASSERT (!intr_context ());
  ASSERT (!lock_held_by_current_thread (lock));
  old = intr_disable ();
  sema_down (&lock->semaphore);
  take (lock);
  intr_set_level (old);
}

/* Releases LOCK, which the caller must hold. */
void
lock_release (struct lock *lock)
{
  enum intr_level old;

  ASSERT (lock != NULL);
  ASSERT (lock_held_by_current_thread (lock));
  old = intr_disable ();
  lock->holder = NULL;
  sema_up (&lock->semaphore);
  intr_set_level (old);
}
#endif /* END SOLUTION threads */

/* Acquires LOCK if it is free; returns whether it did. */
bool
lock_try_acquire (struct lock *lock)
{
  enum intr_level old;
  bool success;

  ASSERT (lock != NULL);
  ASSERT (!lock_held_by_current_thread (lock));
  old = intr_disable ();
  success = sema_try_down (&lock->semaphore);
  if (success)
    take (lock);
  intr_set_level (old);
  return success;
}

/* True if the running thread holds LOCK. */
bool
lock_held_by_current_thread (const struct lock *lock)
{
  ASSERT (lock != NULL);
  return lock->holder == thread_current ();
}

/* One thread waiting on a condition, with its own semaphore. */
struct cond_waiter
{
  struct list_elem elem;
  struct semaphore semaphore;
  struct thread *thread; /* The waiter; its priority may change meanwhile. */
};

void
cond_init (struct condition *cond)
{
  ASSERT (cond != NULL);
  list_init (&cond->waiters);
}

/* Releases LOCK, waits for a signal on COND, and re-acquires LOCK before returning.
   The caller must hold LOCK and re-check its condition afterwards. */
void
cond_wait (struct condition *cond, struct lock *lock)
{
  struct cond_waiter waiter;

  ASSERT (cond != NULL && lock != NULL);
  ASSERT (!intr_context ());
  ASSERT (lock_held_by_current_thread (lock));
  sema_init (&waiter.semaphore, 0);
  waiter.thread = thread_current ();
  list_push_back (&cond->waiters, &waiter.elem);
  lock_release (lock);
  sema_down (&waiter.semaphore);
  lock_acquire (lock);
}

#ifndef STARTER_THREADS /* BEGIN SOLUTION threads */
static bool
waiter_priority_less (const struct list_elem *a, const struct list_elem *b,
                      void *aux UNUSED)
{
  return list_entry (a, struct cond_waiter, elem)->thread->priority
         < list_entry (b, struct cond_waiter, elem)->thread->priority;
}

/* Removes and returns the waiter of COND whose thread has the highest priority
   (the first of equals); COND must have one. */
static struct cond_waiter *
take_cond_waiter (struct condition *cond)
{
  struct list_elem *e = list_max (&cond->waiters, waiter_priority_less, NULL);
  list_remove (e);
  return list_entry (e, struct cond_waiter, elem);
}
#else  /* STARTER threads */
/* Removes and returns COND's first waiter; COND must have one. */
static struct cond_waiter *
take_cond_waiter (struct condition *cond)
{
  return list_entry (list_pop_front (&cond->waiters), struct cond_waiter, elem);
}
#endif /* END SOLUTION threads */

/* Wakes the highest-priority thread waiting on COND, if any. The caller holds
   LOCK. */
void
cond_signal (struct condition *cond, struct lock *lock)
{
  ASSERT (cond != NULL && lock != NULL);
  ASSERT (!intr_context ());
  ASSERT (lock_held_by_current_thread (lock));
  if (!list_empty (&cond->waiters))
    sema_up (&take_cond_waiter (cond)->semaphore);
}

/* Wakes every thread waiting on COND. The caller holds LOCK. */
void
cond_broadcast (struct condition *cond, struct lock *lock)
{
  while (!list_empty (&cond->waiters))
    cond_signal (cond, lock);
}
