/* Removing a file that is open: the open descriptor still reads and writes
   the old contents, and a new file created under the same name is a
   different file, which the old descriptor never sees. */

#include "tests/filesys/fsutil.h"

#define SIZE 3000

void
test_main (void)
{
  static char buf[SIZE], old[SIZE];
  int fd, fresh;

  fs_fill (old, SIZE, 1, 0);
  fs_create ("victim", 0);
  fd = fs_open ("victim");
  fs_write (fd, "victim", old, SIZE);
  CHECK (remove ("victim"), "remove \"victim\" while it is open");
  CHECK (open ("victim") == -1, "it cannot be opened again");
  seek (fd, 0);
  fs_read (fd, "victim", buf, SIZE);
  compare_bytes (buf, old, SIZE, "removed victim");
  msg ("the open descriptor still reads all %d bytes", SIZE);
  fs_write (fd, "victim", "more", 4);
  CHECK (filesize (fd) == SIZE + 4, "and can still write and grow it");

  CHECK (create ("victim", 0), "create a new \"victim\"");
  fresh = fs_open ("victim");
  CHECK (filesize (fresh) == 0, "the new file is empty");
  fs_write (fresh, "victim", "new", 3);
  CHECK (filesize (fd) == SIZE + 4, "the old descriptor still sees the old file");
  seek (fd, 0);
  fs_read (fd, "victim", buf, SIZE);
  compare_bytes (buf, old, SIZE, "removed victim");
  msg ("with its old contents");
  close (fd);
  close (fresh);
  fresh = fs_open ("victim");
  fs_read (fresh, "victim", buf, 3);
  CHECK (filesize (fresh) == 3 && memcmp (buf, "new", 3) == 0,
         "after closing both, the name holds the new file");
  close (fresh);
}
