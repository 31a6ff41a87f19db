/* Two threads hand control back and forth 1000 times through two semaphores; the
   shared counter must show strict alternation. */

#include "threads/synch.h"
#include "threads/thread.h"
#include "tests/threads/tests.h"

#define ROUNDS 1000

static struct semaphore ping, pong, done;
static int counter;

static void
ponger (void *aux UNUSED)
{
  int i;
  for (i = 0; i < ROUNDS; i++)
    {
      sema_down (&ping);
      if (counter % 2 != 1)
        fail ("ponger saw counter %d", counter);
      counter++;
      sema_up (&pong);
    }
  sema_up (&done);
}

void
test_sema_pingpong (void)
{
  int i;

  sema_init (&ping, 0);
  sema_init (&pong, 0);
  sema_init (&done, 0);
  thread_create ("ponger", PRI_DEFAULT, ponger, NULL);
  for (i = 0; i < ROUNDS; i++)
    {
      if (counter % 2 != 0)
        fail ("pinger saw counter %d", counter);
      counter++;
      sema_up (&ping);
      sema_down (&pong);
    }
  sema_down (&done);
  msg ("counter = %d after %d round trips", counter, ROUNDS);
}
