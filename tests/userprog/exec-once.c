/* exec() starts a child program and wait() returns its exit status: the
   simplest round trip through process creation and reaping. */

#include "tests/lib.h"
#include <syscall.h>

void
test_main (void)
{
  CHECK (wait (exec ("child-simple")) == 81,
         "wait (exec (\"child-simple\")) returns 81");
}
