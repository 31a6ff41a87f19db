/* alarm_run(): THREAD_CNT sleepers, sleeper i sleeping ITERATIONS times for
   10*(i+1) ticks, recording each wake-up; the log must be ordered by the product
   (iteration+1) * duration, and nobody may wake before its deadline. */

#include "tests/threads/alarm.h"
#include <stdio.h>
#include "devices/timer.h"
#include "threads/malloc.h"
#include "threads/synch.h"
#include "threads/thread.h"
#include "tests/threads/tests.h"

#define BASE_TICKS 10
#define SETTLE_TICKS 100 /* Head start so every sleeper starts in time. */

struct sleeper
{
  int id, duration, iterations;
  int64_t start;
  struct alarm_run *run;
};

struct alarm_run
{
  struct lock lock;
  int *log, *log_end; /* Sleeper ids in wake-up order. */
  struct semaphore done;
};

static void
sleeper (void *aux)
{
  struct sleeper *s = aux;
  int i;

  for (i = 1; i <= s->iterations; i++)
    {
      int64_t deadline = s->start + i * s->duration;
      timer_sleep (deadline - timer_ticks ());
      if (timer_ticks () < deadline)
        fail ("thread %d woke at tick %lld, before %lld", s->id, timer_ticks (),
              deadline);
      lock_acquire (&s->run->lock);
      *s->run->log_end++ = s->id;
      lock_release (&s->run->lock);
    }
  sema_up (&s->run->done);
}

void
alarm_run (int thread_cnt, int iterations)
{
  struct alarm_run run;
  struct sleeper *sleepers = calloc (thread_cnt, sizeof *sleepers);
  int *iter_of = calloc (thread_cnt, sizeof *iter_of);
  int64_t start = timer_ticks () + SETTLE_TICKS;
  int i, last_product = 0;

  msg ("Creating %d threads to sleep %d times each.", thread_cnt, iterations);
  msg ("Thread 0 sleeps 10 ticks each time, thread 1 sleeps 20 ticks each time, and "
       "so on.");
  msg ("If successful, product of iteration count and sleep duration will appear "
       "in nondescending order.");
  run.log = run.log_end = calloc (thread_cnt * iterations, sizeof *run.log);
  if (sleepers == NULL || iter_of == NULL || run.log == NULL)
    fail ("out of memory");
  lock_init (&run.lock);
  sema_init (&run.done, 0);
  thread_set_priority (PRI_MAX);
  for (i = 0; i < thread_cnt; i++)
    {
      char name[16];
      struct sleeper *s = &sleepers[i];
      s->id = i;
      s->duration = (i + 1) * BASE_TICKS;
      s->iterations = iterations;
      s->start = start;
      s->run = &run;
      snprintf (name, sizeof name, "sleeper %d", i);
      thread_create (name, PRI_DEFAULT, sleeper, s);
    }
  thread_set_priority (PRI_DEFAULT);
  for (i = 0; i < thread_cnt; i++)
    sema_down (&run.done);

  for (i = 0; i < thread_cnt * iterations; i++)
    {
      int id = run.log[i];
      int product = ++iter_of[id] * sleepers[id].duration;
      /* Threads with equal products may wake in either order, so only the
         product is printed: the sequence must be the same on every run. */
      msg ("wake-up %d: product=%d", i + 1, product);
      if (product < last_product)
        fail ("thread %d woke up out of order", id);
      last_product = product;
    }
  for (i = 0; i < thread_cnt; i++)
    if (iter_of[i] != iterations)
      fail ("thread %d woke up %d times instead of %d", i, iter_of[i], iterations);
  free (run.log);
  free (iter_of);
  free (sleepers);
}
