/* Helper for wait-not-child: starts a child of its own (child-simple),
   waits for it, and exits with that grandchild's pid, which its parent
   then tries to wait for. */

#include "tests/lib.h"
#include <syscall.h>

int
main (void)
{
  pid_t pid;

  test_name = "child-grand";
  pid = exec ("child-simple");
  if (pid == PID_ERROR)
    fail ("exec of child-simple failed");
  if (wait (pid) != 81)
    fail ("child-simple did not exit with 81");
  return pid;
}
