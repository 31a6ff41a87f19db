/* bench-spawn N: N processes of this program, each started by the one before and
   alive together, each reading every page of a 64-page block of read-only data
   (in the text segment, so from the executable). With the page cache the block is
   read from the disk once; with the kernel's -noshare, once per process. */

#include <stdio.h>
#include <stdlib.h>
#include <syscall.h>
#include "threads/vaddr.h"

#define BLOCK_PAGES 64

static const char block[BLOCK_PAGES][PGSIZE] __attribute__ ((aligned (PGSIZE)))
= { [0 ... BLOCK_PAGES - 1] = { 1 } };

int main (int argc, char **argv);

int
main (int argc, char **argv)
{
  int n = argc > 1 ? atoi (argv[1]) : 0;
  int i, sum = 0;
  char cmd[32];

  if (n <= 0)
    return 0;
  for (i = 0; i < BLOCK_PAGES; i++)
    sum += block[i][0];
  snprintf (cmd, sizeof cmd, "bench-spawn %d", n - 1);
  return sum == BLOCK_PAGES && wait (exec (cmd)) == 0 ? 0 : 1;
}
