/* Shrinking the heap gives its pages back at once, in RAM and in swap: after
   64 pages are written (some pushed to swap by a small user pool), sbrk back to
   the start leaves no page resident or swapped, and growing again gives fresh
   zero pages that are not resident until touched. The kernel's leak check at
   power-off proves the frames and swap slots came back. */

#include <syscall.h>
#include "tests/lib.h"

#define HEAP_PAGES 64

void
test_main (void)
{
  unsigned char vec[HEAP_PAGES];
  char *start = sbrk (HEAP_PAGES * PGSIZE);
  int i, resident = 0;

  for (i = 0; i < HEAP_PAGES; i++)
    start[i * PGSIZE] = 1 + i;
  CHECK (mincore (start, HEAP_PAGES * PGSIZE, vec) == 0, "mincore of the heap");
  for (i = 0; i < HEAP_PAGES; i++)
    if (vec[i] & (MINCORE_RESIDENT | MINCORE_SWAPPED))
      resident++;
  CHECK (resident == HEAP_PAGES, "all %d pages are in RAM or swap", HEAP_PAGES);
  sbrk (-HEAP_PAGES * PGSIZE);
  CHECK (mincore (start, HEAP_PAGES * PGSIZE, vec) == -1,
         "after shrinking, the range is no region's");
  sbrk (HEAP_PAGES * PGSIZE);
  CHECK (mincore (start, HEAP_PAGES * PGSIZE, vec) == 0, "grown again");
  for (i = 0; i < HEAP_PAGES; i++)
    if (vec[i] != 0)
      fail ("page %d has state %d before any touch", i, vec[i]);
  msg ("no page is resident or swapped");
  for (i = 0; i < HEAP_PAGES; i++)
    if (start[i * PGSIZE] != 0)
      fail ("page %d kept its old contents", i);
  msg ("the pages are fresh zeros");
}
