/* open() with a name pointer into the kernel half, which the kernel could
   read: only its pointer check stops it.  The process must be killed. */

#include "tests/lib.h"
#include <syscall.h>

void
test_main (void)
{
  msg ("open (KERNEL_ADDRESS)");
  open (KERNEL_ADDRESS);
  fail ("the call returned");
}
