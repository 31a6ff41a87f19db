/* Helper for multi-oom: `child-oom DEPTH' opens a few files (so that each
   level also holds kernel file objects), then execs `child-oom DEPTH+1'.
   When that exec fails for lack of memory, this deepest level exits with
   its DEPTH; every level above passes the status of its child on, so the
   top one's exit status is the depth reached.  Quiet: the depth varies
   with the kernel, so its progress cannot be expected output. */

#include "tests/lib.h"
#include <stdio.h>
#include <stdlib.h>
#include <syscall.h>

#define FILES_PER_LEVEL 3

int
main (int argc, char *argv[])
{
  char cmdline[32];
  int depth, i;
  pid_t child;

  test_name = "child-oom";
  quiet = true;
  if (argc != 2)
    fail ("usage: child-oom DEPTH");
  depth = atoi (argv[1]);
  for (i = 0; i < FILES_PER_LEVEL; i++)
    open ("child-oom"); /* Failure under memory pressure is fine. */
  snprintf (cmdline, sizeof cmdline, "child-oom %d", depth + 1);
  child = exec (cmdline);
  if (child == PID_ERROR)
    return depth;
  return wait (child);
}
