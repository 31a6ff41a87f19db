/* open() with a name pointer into unmapped user memory: the kernel's read
   faults, which must kill the process with exit(-1), not the kernel. */

#include "tests/lib.h"
#include <syscall.h>

void
test_main (void)
{
  msg ("open (UNMAPPED_ADDRESS)");
  open (UNMAPPED_ADDRESS);
  fail ("the call returned");
}
