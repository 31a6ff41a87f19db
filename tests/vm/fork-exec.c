/* fork then exec_replace, the Unix way to start a program: each of three
   children, forked in turn, replaces itself with child-execr, which exits with
   the status its command line gives; the parent's wait returns it (the pid and
   the parent survive the replacement). A fourth child's exec_replace of a
   missing program returns -1 and that child exits on its own. */

#include <stdio.h>
#include "tests/vm/forklib.h"

#define MISSING_STATUS 99

static void
spawn (const char *cmdline, int status)
{
  pid_t pid = fork_checked ();

  if (pid == 0)
    {
      exec_replace (cmdline);
      exit (MISSING_STATUS);
    }
  wait_for (pid, status, cmdline);
}

void
test_main (void)
{
  char cmdline[32];
  int i;

  for (i = 0; i < 3; i++)
    {
      snprintf (cmdline, sizeof cmdline, "child-execr status %d", 10 + i);
      spawn (cmdline, 10 + i);
    }
  msg ("three children replaced themselves; wait returned each status");
  spawn ("no-such-program", MISSING_STATUS);
  msg ("a child whose exec_replace failed went on as itself");
}
