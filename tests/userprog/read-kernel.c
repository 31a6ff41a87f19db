/* read() into a buffer in the kernel half: a kernel that did not check
   would overwrite its own memory with file data.  The process must be
   killed with exit(-1) instead. */

#include "tests/lib.h"
#include <syscall.h>

void
test_main (void)
{
  int fd = open ("sample.txt");

  CHECK (fd > 1, "open \"sample.txt\"");
  msg ("read (fd, KERNEL_ADDRESS, 100)");
  read (fd, KERNEL_ADDRESS, 100);
  fail ("the call returned");
}
