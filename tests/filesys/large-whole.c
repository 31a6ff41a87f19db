/* An 80 kB file (past the inode's direct blocks) written in ONE write and
   read back in ONE read, byte for byte. */

#include "tests/filesys/fsutil.h"

#define SIZE 80000

void
test_main (void)
{
  static char out[SIZE], in[SIZE];
  int fd;

  fs_fill (out, SIZE, 4, 0);
  fs_create ("large", 0);
  fd = fs_open ("large");
  CHECK (write (fd, out, SIZE) == SIZE, "one write of %d bytes", SIZE);
  fs_check_size (fd, "large", SIZE);
  close (fd);
  fd = fs_open ("large");
  CHECK (read (fd, in, SIZE) == SIZE, "one read of %d bytes", SIZE);
  compare_bytes (in, out, SIZE, "large");
  msg ("the bytes match");
  close (fd);
}
