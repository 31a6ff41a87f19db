/* Bounded buffer: three producers and three consumers share an 8-slot buffer
   through a lock and two condition variables; every item produced is consumed
   exactly once. */

#include "threads/synch.h"
#include "threads/thread.h"
#include "tests/threads/tests.h"

#define SLOTS 8
#define PRODUCERS 3
#define ITEMS_EACH 500
#define TOTAL (PRODUCERS * ITEMS_EACH)

static int buf[SLOTS], head, count;
static struct lock lock;
static struct condition not_full, not_empty;
static struct semaphore done;
static int seen[TOTAL];

static void
producer (void *aux)
{
  int base = (int) aux * ITEMS_EACH, i;
  for (i = 0; i < ITEMS_EACH; i++)
    {
      lock_acquire (&lock);
      while (count == SLOTS)
        cond_wait (&not_full, &lock);
      buf[(head + count++) % SLOTS] = base + i;
      cond_signal (&not_empty, &lock);
      lock_release (&lock);
    }
  sema_up (&done);
}

static void
consumer (void *aux UNUSED)
{
  int i;
  for (i = 0; i < ITEMS_EACH; i++)
    {
      int item;
      lock_acquire (&lock);
      while (count == 0)
        cond_wait (&not_empty, &lock);
      item = buf[head];
      head = (head + 1) % SLOTS;
      count--;
      seen[item]++;
      cond_signal (&not_full, &lock);
      lock_release (&lock);
    }
  sema_up (&done);
}

void
test_condvar_pc (void)
{
  int i;

  lock_init (&lock);
  cond_init (&not_full);
  cond_init (&not_empty);
  sema_init (&done, 0);
  for (i = 0; i < PRODUCERS; i++)
    {
      thread_create ("producer", PRI_DEFAULT, producer, (void *) i);
      thread_create ("consumer", PRI_DEFAULT, consumer, NULL);
    }
  for (i = 0; i < 2 * PRODUCERS; i++)
    sema_down (&done);
  for (i = 0; i < TOTAL; i++)
    if (seen[i] != 1)
      fail ("item %d consumed %d times", i, seen[i]);
  msg ("%d items produced and consumed exactly once", TOTAL);
}
