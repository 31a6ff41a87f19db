/* bench-cache N: page faults served from the page cache. The parent reads every
   page of a 200-page block of read-only data (from the executable), which keeps
   the file's pages cached; then N children, one after another, read the same
   pages, each fault resolved from the cache with no disk read. One unit of work
   is one child: an exec+wait and 200 cached faults. */

#include <stdlib.h>
#include <string.h>
#include <syscall.h>
#include "threads/vaddr.h"

#define BLOCK_PAGES 200

static const char block[BLOCK_PAGES][PGSIZE] __attribute__ ((aligned (PGSIZE)))
= { [0 ... BLOCK_PAGES - 1] = { 1 } };

int main (int argc, char **argv);

/* Reads the first byte of every page of the block; true if all are right. */
static int
read_block (void)
{
  int i, sum = 0;

  for (i = 0; i < BLOCK_PAGES; i++)
    sum += block[i][0];
  return sum == BLOCK_PAGES;
}

int
main (int argc, char **argv)
{
  int i, n;

  if (argc > 1 && !strcmp (argv[1], "child"))
    return read_block () ? 0 : 1;
  n = argc > 1 ? atoi (argv[1]) : 0;
  if (!read_block ())
    return 1;
  for (i = 0; i < n; i++)
    if (wait (exec ("bench-cache child")) != 0)
      return 1;
  return 0;
}
