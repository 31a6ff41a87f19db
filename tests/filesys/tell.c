/* tell reports the position: 0 after open, moved by each read and write by
   the bytes actually transferred, set by seek (also past the end). */

#include "tests/filesys/fsutil.h"

void
test_main (void)
{
  char buf[200];
  int fd;

  memset (buf, 'x', sizeof buf);
  fs_create ("told", 0);
  fd = fs_open ("told");
  CHECK (tell (fd) == 0, "tell is 0 after open");
  fs_write (fd, "told", buf, 150);
  CHECK (tell (fd) == 150, "150 after writing 150 bytes");
  seek (fd, 40);
  CHECK (tell (fd) == 40, "40 after seek (40)");
  fs_read (fd, "told", buf, 60);
  CHECK (tell (fd) == 100, "100 after reading 60");
  CHECK (read (fd, buf, sizeof buf) == 50, "a read of 200 returns the 50 left");
  CHECK (tell (fd) == 150, "tell moves by the 50 read, to 150");
  seek (fd, 1000);
  CHECK (tell (fd) == 1000, "1000 after seek past the end");
  close (fd);
  fd = fs_open ("told");
  CHECK (tell (fd) == 0, "0 again for a new descriptor");
  close (fd);
}
