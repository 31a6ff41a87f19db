/* Freeing a block twice is caught by the heap's tags: the program stops with
   a "User process ABORT" message naming the block, and exit(-1).  (Another
   block stays allocated, so that the first free does not give the whole heap
   back to the kernel.) */

#include <malloc.h>
#include "tests/lib.h"

void
test_main (void)
{
  char *keep = malloc (20);
  char *block = malloc (40);

  keep[0] = block[0] = 0;
  free (block);
  msg ("freed once");
  free (block);
  fail ("the second free returned");
}
