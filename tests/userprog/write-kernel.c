/* write() to the console from a buffer in the kernel half: a kernel that
   did not check would print its own memory.  The process must be killed
   with exit(-1) and nothing printed. */

#include "tests/lib.h"
#include <syscall.h>

void
test_main (void)
{
  msg ("write (STDOUT_FILENO, KERNEL_ADDRESS, 100)");
  write (STDOUT_FILENO, KERNEL_ADDRESS, 100);
  fail ("the call returned");
}
