/* A 2 kB file written in 37-byte pieces (so writes straddle sectors), read
   back in 53-byte pieces, byte for byte; tell follows along. */

#include "tests/filesys/fsutil.h"

#define SIZE 2048
#define WRITE_PIECE 37
#define READ_PIECE 53

void
test_main (void)
{
  static char data[SIZE], back[SIZE];
  size_t ofs, n;
  int fd;

  fs_fill (data, SIZE, 3, 0);
  fs_create ("pieces", 0);
  fd = fs_open ("pieces");
  for (ofs = 0; ofs < SIZE; ofs += n)
    {
      n = SIZE - ofs < WRITE_PIECE ? SIZE - ofs : WRITE_PIECE;
      fs_write (fd, "pieces", data + ofs, n);
      if (tell (fd) != ofs + n)
        fail ("tell is %u after writing %zu bytes", tell (fd), ofs + n);
    }
  msg ("wrote %d bytes in %d-byte pieces", SIZE, WRITE_PIECE);
  close (fd);
  fd = fs_open ("pieces");
  fs_check_size (fd, "pieces", SIZE);
  for (ofs = 0; ofs < SIZE; ofs += n)
    {
      n = SIZE - ofs < READ_PIECE ? SIZE - ofs : READ_PIECE;
      fs_read (fd, "pieces", back + ofs, n);
    }
  compare_bytes (back, data, SIZE, "pieces");
  msg ("read them back in %d-byte pieces", READ_PIECE);
  close (fd);
}
