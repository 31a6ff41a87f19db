/* wait() is only for direct children: a grandchild's pid (child-grand
   starts child-simple and reports its pid) returns -1, and so does a
   second wait for the child. */

#include "tests/lib.h"
#include <syscall.h>

void
test_main (void)
{
  pid_t child = exec ("child-grand");
  pid_t grandchild = wait (child);

  CHECK (grandchild > 0, "child-grand reported its child's pid");
  CHECK (wait (grandchild) == -1, "wait for the grandchild returns -1");
}
