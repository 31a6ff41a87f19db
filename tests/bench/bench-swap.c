/* bench-swap N: after one pass that writes every page of an array larger than the
   user pool (so the array ends up mostly in swap), N more passes that write one
   byte into each page in turn: each store brings a page in from swap and sends
   another out. One unit of work is one pass of SWAP_PAGES pages. */

#include <stdlib.h>
#include "threads/vaddr.h"

#define SWAP_PAGES 512 /* 2 MB: more than 4 MB of RAM leaves for users. */

static char pages[SWAP_PAGES][PGSIZE];

int main (int argc, char **argv);

int
main (int argc, char **argv)
{
  int pass, i, n = argc > 1 ? atoi (argv[1]) : 0;

  for (pass = 0; pass <= n; pass++)
    for (i = 0; i < SWAP_PAGES; i++)
      pages[i][pass % PGSIZE]++;
  return 0;
}
