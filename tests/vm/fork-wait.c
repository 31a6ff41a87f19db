/* Who waits for whom after forks: a child is its parent's to wait for, once; a
   grandchild is not its grandparent's (wait returns -1 at once); a child's exit
   status is the one it gave exit(). */

#include "tests/vm/forklib.h"

void
test_main (void)
{
  pid_t child, grandchild = 0;
  int pipe_status;

  child = fork_checked ();
  if (child == 0)
    {
      grandchild = fork_checked ();
      if (grandchild == 0)
        exit (3);
      pipe_status = wait (grandchild);
      exit (pipe_status == 3 ? 5 : 1);
    }
  CHECK (wait (child + 1) == -1, "waiting for a pid that is no child returns -1");
  wait_for (child, 5, "the child");
  msg ("the child waited for its own child");
  CHECK (wait (child) == -1, "a second wait for the child returns -1");
}
