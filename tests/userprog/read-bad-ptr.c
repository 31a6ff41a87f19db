/* read() into a buffer in unmapped user memory: the copy to the user
   faults, which must kill the process with exit(-1). */

#include "tests/lib.h"
#include <syscall.h>

void
test_main (void)
{
  int fd = open ("sample.txt");

  CHECK (fd > 1, "open \"sample.txt\"");
  msg ("read (fd, UNMAPPED_ADDRESS, 100)");
  read (fd, UNMAPPED_ADDRESS, 100);
  fail ("the call returned");
}
