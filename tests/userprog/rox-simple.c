/* A running program's executable cannot be written: writing our own file
   writes 0 bytes (the loader denies writes while it runs, since later the
   kernel will page code in from it), but reading it works. */

#include "tests/lib.h"
#include <syscall.h>

void
test_main (void)
{
  char header[4];
  int fd = open ("rox-simple");

  CHECK (fd > 1, "open \"rox-simple\"");
  CHECK (read (fd, header, sizeof header) == sizeof header, "read its ELF header");
  CHECK (header[0] == 0x7f && header[1] == 'E', "it starts with 0x7f 'E'");
  seek (fd, 0);
  CHECK (write (fd, header, sizeof header) == 0, "write to it writes 0 bytes");
}
