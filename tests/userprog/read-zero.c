/* A read of 0 bytes returns 0 and changes nothing: not an error, and the
   buffer is left alone. */

#include "tests/lib.h"
#include <syscall.h>

void
test_main (void)
{
  char buffer = 'k';
  int fd = open ("sample.txt");

  CHECK (fd > 1, "open \"sample.txt\"");
  CHECK (read (fd, &buffer, 0) == 0, "read of 0 bytes returns 0");
  CHECK (buffer == 'k', "the buffer is unchanged");
  CHECK (tell (fd) == 0, "the position is still 0");
}
