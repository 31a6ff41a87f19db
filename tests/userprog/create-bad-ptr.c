/* create() with a name pointer into unmapped user memory: the kernel's read
   of the name faults, and that must kill the process with exit(-1), not
   panic the kernel. */

#include "tests/lib.h"
#include <syscall.h>

void
test_main (void)
{
  msg ("create (UNMAPPED_ADDRESS)");
  create (UNMAPPED_ADDRESS, 0);
  fail ("create returned");
}
