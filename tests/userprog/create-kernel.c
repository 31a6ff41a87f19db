/* create() with a name pointer into the kernel half: the kernel could read
   that memory, so only its pointer check stands between a user program and
   kernel data.  The process must be killed with exit(-1). */

#include "tests/lib.h"
#include <syscall.h>

void
test_main (void)
{
  msg ("create (KERNEL_ADDRESS)");
  create (KERNEL_ADDRESS, 0);
  fail ("create returned");
}
