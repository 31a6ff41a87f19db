/* Shrinking the heap gives its pages back at once, in RAM and in swap. The user
   pool (-ul=40) holds fewer frames than the 64 heap pages written, so the pages
   RAM cannot hold must be in swap, and are (mincore says where each page is;
   meminfo says how many frames there are). sbrk back to the start then frees
   every swap slot those pages held at once (meminfo's free count), leaves the
   range no region's, and growing again gives fresh zero pages that are not
   resident until touched. The kernel's leak check at power-off proves the frames
   and swap slots came back. */

#include <syscall.h>
#include "tests/lib.h"

#define HEAP_PAGES 64

/* Counts the pages of VEC (HEAP_PAGES of mincore's bytes) with BIT set. */
static int
count_pages (const unsigned char *vec, unsigned char bit)
{
  int i, n = 0;

  for (i = 0; i < HEAP_PAGES; i++)
    if (vec[i] & bit)
      n++;
  return n;
}

void
test_main (void)
{
  unsigned char vec[HEAP_PAGES];
  struct meminfo grown, shrunk;
  char *start = sbrk (HEAP_PAGES * PGSIZE);
  int i, resident, swapped, either;
  bool looked;

  for (i = 0; i < HEAP_PAGES; i++)
    start[i * PGSIZE] = 1 + i;
  /* Twice: the first pair brings VEC's and GROWN's stack page back if it was
     evicted, so the second evicts nothing while it looks; then the heap shrinks
     before any output, which could fault a stack page back in. */
  mincore (start, HEAP_PAGES * PGSIZE, vec);
  meminfo (&grown);
  looked = mincore (start, HEAP_PAGES * PGSIZE, vec) == 0 && meminfo (&grown) == 0;
  resident = count_pages (vec, MINCORE_RESIDENT);
  swapped = count_pages (vec, MINCORE_SWAPPED);
  either = count_pages (vec, MINCORE_RESIDENT | MINCORE_SWAPPED);
  sbrk (-HEAP_PAGES * PGSIZE);
  meminfo (&shrunk);
  CHECK (looked, "mincore and meminfo of the grown heap");
  CHECK (resident + swapped == HEAP_PAGES && either == HEAP_PAGES,
         "each of the %d pages is in RAM or in swap, not both", HEAP_PAGES);
  CHECK (grown.frames < HEAP_PAGES && swapped >= HEAP_PAGES - (int) grown.frames,
         "more pages than frames: those RAM cannot hold are in swap");
  /* At least: a page of the program's own may come back from swap meanwhile. */
  CHECK (shrunk.swap_free >= grown.swap_free + swapped,
         "shrinking freed the swapped pages' slots at once");
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
