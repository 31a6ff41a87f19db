#ifndef THREADS_SYNCH_H
#define THREADS_SYNCH_H

/* Semaphores, locks and condition variables. Every wake-up picks the
   highest-priority waiter, first come first served within a priority. */

#include <list.h>
#include <stdbool.h>

struct semaphore
{
  unsigned value;
  struct list waiters; /* Threads blocked in sema_down(). */
};

void sema_init (struct semaphore *, unsigned value);
void sema_down (struct semaphore *);
bool sema_try_down (struct semaphore *);
void sema_up (struct semaphore *);

/* A lock is a binary semaphore with an owner: only the holder may release it, and
   it may not be acquired again by its holder. Waiters donate their priority to
   the holder (see threads/thread.h), except under the 4.4BSD scheduler. */
struct lock
{
  struct thread *holder;
  struct semaphore semaphore;
#ifndef STARTER_THREADS         /* BEGIN SOLUTION threads */
  struct list_elem holder_elem; /* In the holder's held_locks. */
#endif                          /* END SOLUTION threads */
};

void lock_init (struct lock *);
void lock_acquire (struct lock *);
bool lock_try_acquire (struct lock *);
void lock_release (struct lock *);
bool lock_held_by_current_thread (const struct lock *);

/* A Mesa-style condition variable: a woken waiter re-checks its condition. */
struct condition
{
  struct list waiters; /* One struct cond_waiter per waiting thread. */
};

void cond_init (struct condition *);
void cond_wait (struct condition *, struct lock *);
void cond_signal (struct condition *, struct lock *);
void cond_broadcast (struct condition *, struct lock *);

/* An optimisation barrier: the compiler may not move memory accesses across it. */
#define barrier() asm volatile("" : : : "memory")

#endif /* threads/synch.h */
