/* Helper for share-around: `child-around all' reads every page of a 16-page
   block of read-only data (aligned to the fault-around window), so the page
   cache holds them all; `child-around one' reads one page of it and checks with
   mincore that the block's other pages came in with it, resident but never
   accessed, since no instruction touched them. */

#include <string.h>
#include "tests/vm/vmlib.h"

#define BLOCK_PAGES 16
#define TOUCHED 5
#define NEIGHBOUR 9

static const char block[BLOCK_PAGES][PGSIZE]
    __attribute__ ((aligned (BLOCK_PAGES * PGSIZE)))
    = { [0 ... BLOCK_PAGES - 1] = { 1 } };

int
main (int argc, char *argv[])
{
  unsigned char vec[BLOCK_PAGES];
  int i, sum = 0;

  test_name = "child-around";
  if (argc != 2)
    fail ("usage: child-around all|one");
  if (!strcmp (argv[1], "all"))
    {
      for (i = 0; i < BLOCK_PAGES; i++)
        sum += *(volatile const char *) block[i];
      return sum == BLOCK_PAGES ? 0 : 1;
    }
  sum = *(volatile const char *) block[TOUCHED];
  CHECK (mincore (block, sizeof block, vec) == 0 && sum == 1,
         "read page %d of the block", TOUCHED);
  CHECK ((vec[TOUCHED] & (MINCORE_RESIDENT | MINCORE_ACCESSED))
             == (MINCORE_RESIDENT | MINCORE_ACCESSED),
         "it is resident and accessed");
  CHECK ((vec[NEIGHBOUR] & (MINCORE_RESIDENT | MINCORE_ACCESSED))
             == MINCORE_RESIDENT,
         "page %d, never touched, is resident too, not accessed", NEIGHBOUR);
  return 0;
}
