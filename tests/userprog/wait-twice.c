/* A child's status can be collected once: the second wait() for the same
   pid returns -1. */

#include "tests/lib.h"
#include <syscall.h>

void
test_main (void)
{
  pid_t pid = exec ("child-simple");

  CHECK (wait (pid) == 81, "first wait returns 81");
  CHECK (wait (pid) == -1, "second wait returns -1");
}
