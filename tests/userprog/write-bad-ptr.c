/* write() from a buffer in unmapped user memory: the kernel's copy faults,
   which must kill the process with exit(-1). */

#include "tests/lib.h"
#include <syscall.h>

void
test_main (void)
{
  msg ("write (STDOUT_FILENO, UNMAPPED_ADDRESS, 100)");
  write (STDOUT_FILENO, UNMAPPED_ADDRESS, 100);
  fail ("the call returned");
}
