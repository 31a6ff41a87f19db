/* Write denial covers every running executable, not just the caller's: a
   child cannot write its parent's executable or its own.  Once the child
   has exited, nobody runs child-rox and writing it works again. */

#include "tests/lib.h"
#include <syscall.h>

void
test_main (void)
{
  char byte;
  int fd;

  CHECK (wait (exec ("child-rox rox-child")) == 0, "child-rox exited with 0");
  fd = open ("child-rox");
  CHECK (fd > 1, "open \"child-rox\"");
  CHECK (read (fd, &byte, 1) == 1, "read its first byte");
  seek (fd, 0);
  CHECK (write (fd, &byte, 1) == 1, "now that it has exited, writing it works");
}
