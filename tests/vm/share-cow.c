/* A written .data page is private to its writer: the parent reads four pages of
   initialised data (so they sit in the page cache, clean), a child of the same
   program writes one of them and sees its store, and the parent, reading again
   after the child is gone, still sees the file's values; its pages never became
   dirty. */

#include <string.h>
#include <syscall.h>
#include "tests/lib.h"

#define DATA_PAGES 4

static char data_block[DATA_PAGES][PGSIZE] __attribute__ ((aligned (4096)))
= { [0 ... DATA_PAGES - 1] = { 'd', 'a', 't', 'a' } };

void
test_main (void)
{
  unsigned char vec[DATA_PAGES];
  int i;

  if (test_argc > 1 && !strcmp (test_argv[1], "child"))
    {
      if (data_block[1][0] != 'd')
        fail ("child: page 1 does not hold the file's data");
      data_block[1][0] = 'C';
      if (data_block[1][0] != 'C' || data_block[2][0] != 'd')
        fail ("child: its store did not land where it should");
      exit (0);
    }
  for (i = 0; i < DATA_PAGES; i++)
    if (data_block[i][0] != 'd')
      fail ("page %d does not hold the file's data", i);
  msg ("the parent read the data pages");
  CHECK (wait (exec ("share-cow child")) == 0, "the child wrote page 1 and saw it");
  CHECK (data_block[1][0] == 'd', "the parent's page 1 still holds the file's data");
  mincore (data_block, sizeof data_block, vec);
  for (i = 0; i < DATA_PAGES; i++)
    if (vec[i] & MINCORE_DIRTY)
      fail ("the parent's page %d is dirty", i);
  msg ("none of the parent's data pages is dirty");
  data_block[3][0] = 'P';
  mincore (data_block, sizeof data_block, vec);
  CHECK (data_block[3][0] == 'P' && (vec[3] & MINCORE_DIRTY),
         "the parent's own store made its copy of page 3, dirty");
}
