/* seek() and tell(): reads continue from the position set, tell reports
   it, and seeking past the end is allowed (reads there return 0). */

#include "tests/lib.h"
#include "tests/userprog/sample.h"
#include <syscall.h>

void
test_main (void)
{
  char buffer[10];
  int fd = open ("sample.txt");

  CHECK (fd > 1, "open \"sample.txt\"");
  seek (fd, 100);
  CHECK (tell (fd) == 100, "tell after seek to 100 is 100");
  CHECK (read (fd, buffer, sizeof buffer) == sizeof buffer, "read 10 bytes");
  compare_bytes (buffer, sample + 100, sizeof buffer, "bytes at offset 100");
  CHECK (tell (fd) == 110, "tell after reading is 110");
  seek (fd, 5000);
  CHECK (tell (fd) == 5000, "tell after seek past the end is 5000");
  CHECK (read (fd, buffer, sizeof buffer) == 0, "read past the end returns 0");
}
