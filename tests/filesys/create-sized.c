/* create (name, size) makes a file of exactly SIZE bytes, all zero, and
   reading it returns just SIZE bytes even when asked for more. */

#include "tests/filesys/fsutil.h"

#define SIZE 5000 /* Spans ten sectors, the last one partly. */

void
test_main (void)
{
  static char buf[SIZE + 100];
  int fd;

  CHECK (create ("sized", SIZE), "create \"sized\" with %d bytes", SIZE);
  fd = fs_open ("sized");
  CHECK (filesize (fd) == SIZE, "filesize is %d", SIZE);
  memset (buf, 0x5a, sizeof buf);
  CHECK (read (fd, buf, sizeof buf) == SIZE, "read returns %d bytes", SIZE);
  fs_check_zero (buf, SIZE, 0, "sized");
  msg ("all %d bytes are zero", SIZE);
  CHECK (buf[SIZE] == 0x5a, "nothing past the end was stored");
  close (fd);
}
