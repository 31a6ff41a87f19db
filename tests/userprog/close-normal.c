/* close() of an open descriptor works, and afterwards the descriptor is no
   longer usable: reading it returns -1 (or the kernel kills the caller). */

#include "tests/lib.h"
#include <syscall.h>

void
test_main (void)
{
  char byte;
  int fd = open ("sample.txt");

  CHECK (fd > 1, "open \"sample.txt\"");
  close (fd);
  msg ("close");
  CHECK (read (fd, &byte, 1) == -1, "read of the closed descriptor returns -1");
}
