/* Helper: `child-linear KB SEED [sync]' writes KB kilobytes of pattern SEED
   into a .bss array, reads them back, and exits with SEED (or fails).  With
   `sync' it meets its siblings at a barrier (barrier.h) between writing and
   reading, so that all of them hold their memory at once.  Quiet, so that
   several can run at once with fixed output. */

#include <stdlib.h>
#include "tests/vm/barrier.h"
#include "tests/vm/vmlib.h"

#define MAX_SIZE (2 * 1024 * 1024)

static uint8_t array[MAX_SIZE] __attribute__ ((aligned (PGSIZE)));

int
main (int argc, char *argv[])
{
  size_t size;
  unsigned seed;

  test_name = "child-linear";
  quiet = true;
  if (argc != 3 && argc != 4)
    fail ("usage: child-linear KB SEED [sync]");
  size = (size_t) atoi (argv[1]) * 1024;
  seed = atoi (argv[2]);
  if (size > MAX_SIZE)
    fail ("at most %d kB", MAX_SIZE / 1024);
  pattern_fill (array, size, 0, seed);
  if (argc == 4)
    barrier_child (seed);
  pattern_verify (array, size, 0, seed, "child-linear array");
  return seed;
}
