/* wait() on a child that is still running blocks until it exits and then
   returns its status (exec returns as soon as the child has loaded). */

#include "tests/lib.h"
#include <syscall.h>

void
test_main (void)
{
  CHECK (wait (exec ("child-simple")) == 81,
         "wait (exec (\"child-simple\")) returns 81");
}
