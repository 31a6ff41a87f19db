/* Closing a descriptor twice: the second close names a descriptor that is
   no longer open.  The kernel may ignore it or kill the process, but must
   not crash or close anything else. */

#include "tests/lib.h"
#include <syscall.h>

void
test_main (void)
{
  int fd = open ("sample.txt");
  int other = open ("sample.txt");
  char byte;

  CHECK (fd > 1 && other > 1, "open \"sample.txt\" twice");
  close (fd);
  msg ("close once");
  close (fd);
  msg ("close again");
  CHECK (read (other, &byte, 1) == 1, "the other descriptor still works");
}
