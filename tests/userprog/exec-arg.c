/* exec() passes the whole command line: the child sees its arguments
   split as the kernel splits its own. */

#include "tests/lib.h"
#include <syscall.h>

void
test_main (void)
{
  CHECK (wait (exec ("child-args childarg  two")) == 3,
         "wait (exec (\"child-args childarg  two\")) returns 3");
}
