/* A word that goes to swap and comes back, for debugging backwards: test_main
   writes a mark into the first page of a 2 MB array, fills the rest (the first
   page, written earliest, is evicted to swap), then reads the mark back (the
   page comes in from swap). Replayed under GDB, a watchpoint on the mark and
   reverse-continue find the store that wrote it, across the swap out and in
   (the kernel moves the page through its own addresses, not the user's), and
   before-eviction shows what the page held when it left. The tests name these
   lines by number: keep them where they are. */

#include <syscall.h>
#include "tests/lib.h"

#define SIZE (2 * 1024 * 1024)
#define MARK 0x5eed1e55

static volatile unsigned array[SIZE / sizeof (unsigned)]
    __attribute__ ((aligned (PGSIZE)));

void
test_main (void)
{
  unsigned char state;
  size_t i;

  array[1] = MARK; /* Line 25: the store of the mark. */
  for (i = PGSIZE / sizeof (unsigned); i < SIZE / sizeof (unsigned);
       i += PGSIZE / sizeof (unsigned))
    array[i] = i;
  CHECK (mincore ((void *) array, PGSIZE, &state) == 0 && (state & MINCORE_SWAPPED),
         "the first page is in swap");
  CHECK (array[1] == MARK, "the mark reads back from swap"); /* Line 31. */
  CHECK (mincore ((void *) array, PGSIZE, &state) == 0 && (state & MINCORE_RESIDENT),
         "the first page is back in RAM");
}
