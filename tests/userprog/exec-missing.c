/* exec() of a program that does not exist returns -1, and only after the
   load has failed (the parent waits for the result).  The kernel may or
   may not print an exit line for the process that never ran. */

#include "tests/lib.h"
#include <syscall.h>

void
test_main (void)
{
  CHECK (exec ("no-such-file") == PID_ERROR, "exec (\"no-such-file\") returns -1");
}
