/* read() of a whole file in one call returns its length and its bytes; a
   further read at the end returns 0. */

#include "tests/lib.h"
#include "tests/userprog/sample.h"
#include <syscall.h>

void
test_main (void)
{
  static char buffer[sizeof sample];
  int fd = open ("sample.txt");

  CHECK (fd > 1, "open \"sample.txt\"");
  CHECK (read (fd, buffer, sizeof buffer) == sizeof sample - 1,
         "read returns %d bytes", (int) sizeof sample - 1);
  compare_bytes (buffer, sample, sizeof sample - 1, "sample.txt");
  msg ("the bytes match");
  CHECK (read (fd, buffer, sizeof buffer) == 0, "read at end of file returns 0");
}
