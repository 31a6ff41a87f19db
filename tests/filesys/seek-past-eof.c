/* Reading after a seek past the end returns 0 and changes nothing: the size
   stays, tell stays where the seek put it. */

#include "tests/filesys/fsutil.h"

void
test_main (void)
{
  char buf[50];
  int fd;

  fs_create ("short", 100);
  fd = fs_open ("short");
  seek (fd, 500);
  CHECK (tell (fd) == 500, "tell after seek (500) is 500");
  CHECK (read (fd, buf, sizeof buf) == 0, "read there returns 0");
  CHECK (filesize (fd) == 100, "the file is still 100 bytes");
  CHECK (tell (fd) == 500, "tell is still 500");
  seek (fd, 100);
  CHECK (read (fd, buf, sizeof buf) == 0, "read exactly at the end returns 0");
  seek (fd, 80);
  CHECK (read (fd, buf, sizeof buf) == 20,
         "read across the end returns the 20 left");
  close (fd);
}
