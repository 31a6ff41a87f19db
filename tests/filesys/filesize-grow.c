/* filesize follows a growing file write by write, across sector and
   indirect-block boundaries, and a second descriptor sees the same size. */

#include "tests/filesys/fsutil.h"

static const int steps[] = { 1, 511, 1, 1000, 60000, 3000, 9 };

void
test_main (void)
{
  static char buf[60000];
  int fd, other, total = 0;
  size_t i;

  fs_create ("growing", 0);
  fd = fs_open ("growing");
  other = fs_open ("growing");
  for (i = 0; i < sizeof steps / sizeof steps[0]; i++)
    {
      fs_fill (buf, steps[i], 7, total);
      fs_write (fd, "growing", buf, steps[i]);
      total += steps[i];
      if (filesize (fd) != total || filesize (other) != total)
        fail ("after writing %d bytes, filesize says %d and %d", total,
              filesize (fd), filesize (other));
      msg ("filesize is %d", total);
    }
  close (fd);
  close (other);
  fd = fs_open ("growing");
  fs_check_size (fd, "growing", total);
  msg ("still %d after reopening", total);
  close (fd);
}
