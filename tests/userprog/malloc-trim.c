/* The heap gives memory back to the kernel when its top is free: a 1 MB
   block above a small one is written, so its pages are resident; freeing it
   brings the break down to just above the small block, and none of the 1 MB
   is resident any more, while the small block keeps its contents.  A free
   top under 64 KB stays, until the whole heap is free and all of it goes. */

#include <malloc.h>
#include <string.h>
#include <syscall.h>
#include "tests/lib.h"

#define BIG (1024 * 1024)
#define BIG_PAGES (BIG / PGSIZE)

static unsigned char page_state[BIG_PAGES + 2];

/* How many of the pages from START to START + BIG are resident or swapped;
   0 if mincore finds no region there. */
static int
pages_in_memory (const char *start)
{
  int i, count = 0;

  if (mincore (start, BIG, page_state) != 0)
    return 0;
  for (i = 0; i < BIG_PAGES; i++)
    count += (page_state[i] & (MINCORE_RESIDENT | MINCORE_SWAPPED)) != 0;
  return count;
}

void
test_main (void)
{
  char *start = sbrk (0), *small, *big, *medium, *big_page;

  small = malloc (100);
  memset (small, 's', 100);
  big = malloc (BIG);
  CHECK (big != NULL && (char *) sbrk (0) >= big + BIG,
         "malloc (1 MB) above a small block: the break moved past it");
  memset (big, 'b', BIG);
  big_page = pg_round_up (big);
  CHECK (pages_in_memory (big_page) >= BIG_PAGES - 1,
         "written, its pages are in memory");

  free (big);
  CHECK ((char *) sbrk (0) <= start + 2 * PGSIZE,
         "freed: the break is back within two pages of the heap's start");
  CHECK (pages_in_memory (big_page) == 0, "none of its pages is in memory");
  CHECK (small[0] == 's' && small[99] == 's', "the small block is intact");

  medium = malloc (32 * 1024);
  memset (medium, 'm', 32 * 1024);
  free (medium);
  CHECK ((char *) sbrk (0) >= medium + 32 * 1024,
         "a free top of 32 KB stays in the heap");
  free (small);
  CHECK (sbrk (0) == start, "all freed: the break is back at the heap's start");
}
