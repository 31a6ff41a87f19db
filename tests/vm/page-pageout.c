/* Background reclaim: 2 MB written in 4 MB of RAM empties the user pool, and
   once fewer than its low mark of frames (a sixteenth of the pool, at most 16)
   are free, the pageout thread evicts pages behind the writer until twice that
   many are, and starts again whenever the pool falls below the mark. Evicting
   only for the fault that found the pool empty, as the clock alone does, leaves
   fewer than 16 free (a cluster of victims at most, less the one taken); so
   after the writes, with this process asleep, the free frames must come back to
   the low mark (16 of this pool's 337). The power-off line counts the evictions
   the pageout thread made, and every byte reads back as written. */

#include <meminfo.h>
#include "tests/vm/vmlib.h"

#define SIZE (2 * 1024 * 1024)
#define SEED 23
#define LOW_MAX 16    /* The low mark's ceiling (vm/frame.c). */
#define WAIT_MS 10000 /* Longer than the pageout thread's writes can take. */

static uint8_t array[SIZE] __attribute__ ((aligned (PGSIZE)));

void
test_main (void)
{
  struct meminfo info;
  uint32_t low;
  unsigned waited;

  pattern_fill (array, SIZE, 0, SEED);
  msg ("wrote 2 MB");
  CHECK (meminfo (&info) == 0, "meminfo");
  low = info.frames / 16 < LOW_MAX ? info.frames / 16 : LOW_MAX;
  for (waited = 0; info.frames_free < low && waited < WAIT_MS; waited += 10)
    {
      sleep (10);
      meminfo (&info);
    }
  if (info.frames_free < low)
    fail ("%u frames free of %u after %u ms asleep; the low mark is %u",
          (unsigned) info.frames_free, (unsigned) info.frames, waited,
          (unsigned) low);
  msg ("asleep, the pool refills to its low mark");
  CHECK (count_pages (array, SIZE, MINCORE_SWAPPED) > 0,
         "some of its pages are in swap");
  pattern_verify (array, SIZE, 0, SEED, "array");
  msg ("read 2 MB back intact");
}
