/* An empty file: created with size 0, it opens, is 0 bytes long, and a
   read at its end returns 0 without touching the buffer. */

#include "tests/filesys/fsutil.h"

void
test_main (void)
{
  char buf[16] = "untouched";
  int fd;

  CHECK (create ("empty", 0), "create \"empty\" with 0 bytes");
  fd = fs_open ("empty");
  CHECK (filesize (fd) == 0, "filesize is 0");
  CHECK (read (fd, buf, sizeof buf) == 0, "read at the end returns 0");
  CHECK (buf[0] == 'u', "the buffer is untouched");
  CHECK (tell (fd) == 0, "tell is still 0");
  close (fd);
}
