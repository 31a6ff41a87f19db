/* Recursive exec until memory runs out, ten times over.  child-oom execs
   itself, opening files at each level, until an exec fails for lack of
   memory; the depth reached comes back as the exit status.  Each of the
   ten runs must reach the same depth, at least 30 (the ABI's promise with
   4 MB of RAM): a kernel that leaks pages, descriptors or process records
   when a load fails or a process exits gets shallower every time. */

#include "tests/lib.h"
#include <syscall.h>

#define RUNS 10
#define MIN_DEPTH 30

void
test_main (void)
{
  int first_depth = 0;
  int run;

  for (run = 0; run < RUNS; run++)
    {
      int depth = wait (exec ("child-oom 1"));

      if (depth < MIN_DEPTH)
        fail ("run %d reached depth %d, less than %d", run, depth, MIN_DEPTH);
      if (run == 0)
        first_depth = depth;
      else if (depth != first_depth)
        fail ("run %d reached depth %d, run 0 reached %d", run, depth, first_depth);
    }
  msg ("%d runs each reached the same depth, at least %d", RUNS, MIN_DEPTH);
}
