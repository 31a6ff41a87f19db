/* create() of a fresh name succeeds, and the new file exists and is empty:
   the plain path through the file system. */

#include "tests/lib.h"
#include <syscall.h>

void
test_main (void)
{
  int fd;

  CHECK (create ("quux.dat", 0), "create \"quux.dat\"");
  fd = open ("quux.dat");
  CHECK (fd > 1, "open \"quux.dat\"");
  CHECK (filesize (fd) == 0, "it is empty");
}
