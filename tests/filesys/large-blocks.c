/* A 140 kB file, reaching the inode's doubly indirect blocks, written in
   sequential 512-byte blocks and read back in 1000-byte blocks, checked
   byte for byte against the pattern. */

#include "tests/filesys/fsutil.h"

#define SIZE 140000
#define WRITE_BLOCK 512
#define READ_BLOCK 1000

void
test_main (void)
{
  static char block[READ_BLOCK];
  size_t ofs, n;
  int fd;

  fs_create ("blocks", 0);
  fd = fs_open ("blocks");
  for (ofs = 0; ofs < SIZE; ofs += n)
    {
      n = SIZE - ofs < WRITE_BLOCK ? SIZE - ofs : WRITE_BLOCK;
      fs_fill (block, n, 5, ofs);
      fs_write (fd, "blocks", block, n);
    }
  msg ("wrote %d bytes in %d-byte blocks", SIZE, WRITE_BLOCK);
  close (fd);
  fd = fs_open ("blocks");
  fs_check_size (fd, "blocks", SIZE);
  for (ofs = 0; ofs < SIZE; ofs += n)
    {
      n = SIZE - ofs < READ_BLOCK ? SIZE - ofs : READ_BLOCK;
      fs_read (fd, "blocks", block, n);
      fs_check_pattern (block, n, 5, ofs, "blocks");
    }
  CHECK (read (fd, block, 1) == 0, "read them back in %d-byte blocks", READ_BLOCK);
  close (fd);
}
