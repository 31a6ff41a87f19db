/* free given a pointer malloc did not return: first one into the middle of a
   live block, which the guard word tells apart from a block's start.  The
   program stops with a "User process ABORT" message and exit(-1). */

#include <malloc.h>
#include "tests/lib.h"

void
test_main (void)
{
  char *block = malloc (100);

  block[0] = 0;
  msg ("freeing a pointer 16 bytes into a block");
  free (block + 16);
  fail ("free returned");
}
