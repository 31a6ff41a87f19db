/* Sixteen threads of one priority, each yielding after every step, must take
   turns strictly round robin, in creation order. */

#include "threads/malloc.h"
#include "threads/synch.h"
#include "threads/thread.h"
#include "tests/threads/tests.h"

#define THREADS 16
#define ITERATIONS 16

static struct lock log_lock;
static int log[THREADS * ITERATIONS], logged;
static struct semaphore done;

static void
worker (void *aux)
{
  int id = (int) aux, i;
  for (i = 0; i < ITERATIONS; i++)
    {
      lock_acquire (&log_lock);
      log[logged++] = id;
      lock_release (&log_lock);
      thread_yield ();
    }
  sema_up (&done);
}

void
test_priority_fifo (void)
{
  int i;

  lock_init (&log_lock);
  sema_init (&done, 0);
  thread_set_priority (PRI_DEFAULT + 2);
  for (i = 0; i < THREADS; i++)
    thread_create ("worker", PRI_DEFAULT + 1, worker, (void *) i);
  thread_set_priority (PRI_DEFAULT);
  for (i = 0; i < THREADS; i++)
    sema_down (&done);

  for (i = 0; i < ITERATIONS; i++)
    {
      int j;
      for (j = 0; j < THREADS; j++)
        if (log[i * THREADS + j] != j)
          fail ("round %d: turn %d went to thread %d", i, j, log[i * THREADS + j]);
      msg ("round %d: threads 0..%d in order", i, THREADS - 1);
    }
}
