/* Helper for page-exec-rec: `child-recswap N' writes 256 kB of pattern N
   into .bss, execs `child-recswap N-1' (unless N is 0) and waits for it,
   then checks its own 256 kB and exits with the child's status plus 1 (so
   the top level's status is the number of levels).  Quiet. */

#include <stdio.h>
#include <stdlib.h>
#include "tests/vm/vmlib.h"

#define SIZE (256 * 1024)

static uint8_t array[SIZE];

int
main (int argc, char *argv[])
{
  char cmdline[32];
  int level, below = 0;

  test_name = "child-recswap";
  quiet = true;
  if (argc != 2)
    fail ("usage: child-recswap LEVEL");
  level = atoi (argv[1]);
  pattern_fill (array, SIZE, 0, level);
  if (level > 0)
    {
      snprintf (cmdline, sizeof cmdline, "child-recswap %d", level - 1);
      below = wait (exec (cmdline));
      if (below != level)
        fail ("level %d: child returned %d", level, below);
    }
  pattern_verify (array, SIZE, 0, level, "child-recswap array");
  return below + 1;
}
