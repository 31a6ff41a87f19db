/* A write of 0 bytes returns 0, to the console and to a file, and leaves
   the file empty. */

#include "tests/lib.h"
#include <syscall.h>

void
test_main (void)
{
  int fd;

  CHECK (write (STDOUT_FILENO, "x", 0) == 0, "write of 0 bytes to stdout returns 0");
  CHECK (create ("out.txt", 0), "create \"out.txt\"");
  fd = open ("out.txt");
  CHECK (write (fd, "x", 0) == 0, "write of 0 bytes to a file returns 0");
  CHECK (filesize (fd) == 0, "the file is still empty");
}
