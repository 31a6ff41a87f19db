/* Creates 500 threads, 50 at a time, each of which checks its argument and
   signals its own semaphore; the creator joins every one. Pages must all come
   back (checked at power-off). */

#include <stdio.h>
#include "threads/synch.h"
#include "threads/thread.h"
#include "tests/threads/tests.h"

#define BATCHES 10
#define PER_BATCH 50

struct child
{
  int id;
  int seen;
  struct semaphore joined;
};

static struct child children[PER_BATCH];

static void
child (void *aux)
{
  struct child *c = aux;
  c->seen = c->id;
  sema_up (&c->joined);
}

void
test_threads_many (void)
{
  int b, i;

  for (b = 0; b < BATCHES; b++)
    {
      for (i = 0; i < PER_BATCH; i++)
        {
          struct child *c = &children[i];
          c->id = b * PER_BATCH + i;
          c->seen = -1;
          sema_init (&c->joined, 0);
          if (thread_create ("child", PRI_DEFAULT, child, c) == TID_ERROR)
            fail ("thread_create failed for child %d", c->id);
        }
      for (i = 0; i < PER_BATCH; i++)
        {
          sema_down (&children[i].joined);
          if (children[i].seen != children[i].id)
            fail ("child %d saw %d", children[i].id, children[i].seen);
        }
      msg ("batch %d: %d threads created and joined", b, PER_BATCH);
    }
}
