/* bench-zero N: N zero-fill page faults, one store into each of the first N pages
   of a .bss array that nothing touched before (at most ZERO_PAGES). */

#include <stdlib.h>
#include "threads/vaddr.h"

#define ZERO_PAGES 24000

static volatile char pages[ZERO_PAGES][PGSIZE];

int main (int argc, char **argv);

int
main (int argc, char **argv)
{
  int i, n = argc > 1 ? atoi (argv[1]) : 0;

  for (i = 0; i < n && i < ZERO_PAGES; i++)
    pages[i][0] = 1;
  return 0;
}
