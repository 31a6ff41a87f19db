/* Recursive exec 15 levels deep: `multi-recurse N' starts `multi-recurse
   N-1', waits for it and checks it exited with N-1, then exits with N.
   Every level is a process with its own arguments and status; the
   nesting shows that each wait returns the right child's status. */

#include "tests/lib.h"
#include <stdio.h>
#include <stdlib.h>
#include <syscall.h>

int
main (int argc, char *argv[])
{
  char cmdline[32];
  int depth;

  test_name = "multi-recurse";
  if (argc != 2)
    fail ("usage: multi-recurse DEPTH");
  depth = atoi (argv[1]);
  msg ("begin %d", depth);
  if (depth > 0)
    {
      int status;

      snprintf (cmdline, sizeof cmdline, "multi-recurse %d", depth - 1);
      status = wait (exec (cmdline));
      if (status != depth - 1)
        fail ("level %d exited with %d", depth - 1, status);
    }
  msg ("end %d", depth);
  return depth;
}
