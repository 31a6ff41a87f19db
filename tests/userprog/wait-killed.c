/* wait() on a child the kernel killed (it read kernel memory) returns -1,
   whatever the child was doing, and the kernel prints its exit(-1). */

#include "tests/lib.h"
#include <syscall.h>

void
test_main (void)
{
  CHECK (wait (exec ("child-bad")) == -1, "wait (exec (\"child-bad\")) returns -1");
}
