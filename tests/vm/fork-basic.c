/* fork's return values and wait: the parent gets the child's pid, the child
   gets 0, and the parent's wait returns the child's exit status. The child's
   name is the parent's. */

#include <syscall.h>
#include "tests/lib.h"

void
test_main (void)
{
  pid_t pid = fork ();

  if (pid == 0)
    {
      msg ("child: fork returned 0");
      exit (42);
    }
  CHECK (pid > 0, "parent: fork returned a pid");
  CHECK (wait (pid) == 42, "parent: wait returned the child's status");
  CHECK (wait (pid) == -1, "parent: a second wait returns -1");
}
