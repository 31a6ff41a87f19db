#include "filesys/flusher.h"
#include <debug.h>
#include "devices/timer.h"
#include "filesys/cache.h"
#include "threads/thread.h"

/* The cache starts a flusher when a sector becomes dirty and none is running
   (cache.c, mark_dirty). The flusher looks once a tick: when a whole tick has
   gone by with no write into the cache (the writers have stopped, for now), or
   FLUSH_INTERVAL after it started or last flushed (they go on writing), it
   writes back everything dirty (cache_flush), and it ends once nothing is left
   but sectors the disk refused, which the next flush tries again. So an idle
   system has no flusher at all, a power-off waits for none (the kernel lets
   threads finish before it powers off, and the flusher's quiet tick comes at
   once), and what a process writes is on the disk about a tick after it stops
   writing. */

#define FLUSH_INTERVAL TIMER_FREQ /* Dirty sectors wait at most about 1 s. */

static void flusher (void *aux);

/* Starts a flusher thread. False if it could not be made (out of memory). */
bool
flusher_start (void)
{
  return thread_create ("flusher", PRI_DEFAULT, flusher, NULL) != TID_ERROR;
}

/* The flusher thread's body. */
static void
flusher (void *aux UNUSED)
{
  int64_t since = timer_ticks ();
  unsigned seen = cache_write_count ();

  for (;;)
    {
      unsigned now;

      timer_sleep (1);
      now = cache_write_count ();
      if (now == seen || timer_elapsed (since) >= FLUSH_INTERVAL)
        {
          cache_flush ();
          if (cache_flusher_may_exit ())
            return;
          since = timer_ticks ();
        }
      seen = now;
    }
}
