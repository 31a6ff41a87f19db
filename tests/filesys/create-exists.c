/* Creating a name that already exists fails and leaves the first file,
   contents and size, as it was. */

#include "tests/filesys/fsutil.h"

void
test_main (void)
{
  static const char text[] = "the first file's contents";
  char buf[sizeof text];
  int fd;

  fs_create ("twice", 0);
  fd = fs_open ("twice");
  fs_write (fd, "twice", text, sizeof text);
  close (fd);
  CHECK (!create ("twice", 0), "a second create \"twice\" returns false");
  CHECK (!create ("twice", 9000), "so does one with another size");
  fd = fs_open ("twice");
  CHECK (filesize (fd) == sizeof text, "the file keeps its size");
  fs_read (fd, "twice", buf, sizeof buf);
  compare_bytes (buf, text, sizeof text, "twice");
  msg ("and its contents");
  close (fd);
}
