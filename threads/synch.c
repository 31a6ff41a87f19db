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
   an interrupt handler; may be called with interrupts off (and sleeps then too).
   Fair: a waiter is handed its unit by sema_up (), so no later caller can take
   it first, and each waiter is served in the order sema_up () chooses (by
   priority, the first of equals), whatever else runs meanwhile. */
void
sema_down (struct semaphore *sema)
{
  enum intr_level old;

  ASSERT (sema != NULL);
  ASSERT (!intr_context ());
  old = intr_disable ();
  if (sema->value > 0)
    sema->value--;
  else
    {
      /* Waiters only while the value is 0: sema_up () hands the unit over. */
      list_push_back (&sema->waiters, &thread_current ()->elem);
      thread_block ();
    }
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

/* Ups SEMA without yielding: hands the unit straight to the waiter take_waiter ()
   picks, which is woken and returned, or with none waiting adds it to the value
   and returns NULL. Interrupts must be off. */
static struct thread *
hand_over (struct semaphore *sema)
{
  struct thread *t;

  ASSERT (intr_get_level () == INTR_OFF);
  if (list_empty (&sema->waiters))
    {
      sema->value++;
      return NULL;
    }
  t = take_waiter (&sema->waiters);
  thread_unblock (t);
  return t;
}

/* Increments SEMA, or hands the unit to its highest-priority waiter and wakes
   it, yielding to it if it outranks the caller. Safe in interrupt handlers. */
void
sema_up (struct semaphore *sema)
{
  enum intr_level old;

  ASSERT (sema != NULL);
  old = intr_disable ();
  hand_over (sema);
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
   The caller must not hold it already. A waiter is handed the lock by
   lock_release () (it never sees the lock free), so none waits for ever while
   others take and release it in turn. */
void
lock_acquire (struct lock *lock)
{
  struct thread *cur = thread_current ();
  enum intr_level old;

  ASSERT (lock != NULL);
  ASSERT (!intr_context ());
  ASSERT (!lock_held_by_current_thread (lock));
  old = intr_disable ();
  if (lock->holder == NULL)
    {
      sema_down (&lock->semaphore); /* Free: no wait. */
      take (lock);
    }
  else
    {
      cur->waiting_lock = lock;
      if (!thread_mlfqs)
        donate (lock);
      sema_down (&lock->semaphore);
      ASSERT (lock->holder == cur); /* lock_release () made us the holder. */
    }
  intr_set_level (old);
}

/* Releases LOCK, which the caller must hold, giving back what its waiters lent:
   hands it to the highest-priority waiter, which becomes the holder at once (the
   other waiters now lend to it), and yields if that waiter outranks the
   caller. */
void
lock_release (struct lock *lock)
{
  struct thread *cur = thread_current ();
  struct thread *next;
  enum intr_level old;

  ASSERT (lock != NULL);
  ASSERT (lock_held_by_current_thread (lock));
  old = intr_disable ();
  list_remove (&lock->holder_elem);
  lock->holder = NULL;
  next = hand_over (&lock->semaphore);
  if (next != NULL)
    {
      next->waiting_lock = NULL;
      lock->holder = next;
      list_push_back (&next->held_locks, &lock->holder_elem);
      if (!thread_mlfqs)
        thread_update_priority (next);
    }
  if (!thread_mlfqs)
    thread_update_priority (cur);
  thread_preempt ();
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
   already. A waiter is handed the lock by lock_release () (it never sees the
   lock free), so none waits for ever while others take and release it. */
void
lock_acquire (struct lock *lock)
{
  struct thread *cur = thread_current ();
  enum intr_level old;

  ASSERT (lock != NULL);
  ASSERT (!intr_context ());
  ASSERT (!lock_held_by_current_thread (lock));
  old = intr_disable ();
  if (lock->holder == NULL)
    {
      sema_down (&lock->semaphore); /* Free: no wait. */
      take (lock);
    }
  else
    {
      sema_down (&lock->semaphore);
      ASSERT (lock->holder == cur); /* lock_release () made us the holder. */
    }
  intr_set_level (old);
}

/* Releases LOCK, which the caller must hold: hands it to the waiter the
   semaphore wakes, which becomes the holder at once. */
void
lock_release (struct lock *lock)
{
  enum intr_level old;

  ASSERT (lock != NULL);
  ASSERT (lock_held_by_current_thread (lock));
  old = intr_disable ();
  lock->holder = hand_over (&lock->semaphore);
  thread_preempt ();
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
