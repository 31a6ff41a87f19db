/* remove() of an open file: the name goes at once (open fails, create of
   the same name works again), but the open descriptor keeps reading and
   writing the old file until it is closed, as the ABI requires. */

#include "tests/lib.h"
#include <syscall.h>

void
test_main (void)
{
  char buffer[6];
  int fd;

  CHECK (create ("doomed.dat", 0), "create \"doomed.dat\"");
  fd = open ("doomed.dat");
  CHECK (write (fd, "still", 6) == 6, "write 6 bytes");
  CHECK (remove ("doomed.dat"), "remove \"doomed.dat\"");
  CHECK (open ("doomed.dat") == -1, "open \"doomed.dat\" now returns -1");
  CHECK (!remove ("doomed.dat"), "remove it again returns false");
  seek (fd, 0);
  CHECK (read (fd, buffer, 6) == 6, "the descriptor still reads 6 bytes");
  compare_bytes (buffer, "still", 6, "doomed.dat");
  msg ("they are the bytes written");
  CHECK (create ("doomed.dat", 0), "create \"doomed.dat\" anew");
  close (fd);
}
