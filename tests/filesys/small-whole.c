/* A small file (under one sector, then just over) written in one write and
   read back in one read, byte for byte. */

#include "tests/filesys/fsutil.h"

/* Writes SIZE pattern bytes to NAME in one write, reads them back in one. */
static void
write_and_check (const char *name, size_t size)
{
  static char out[1024], in[1024];
  int fd;

  fs_fill (out, size, 2, 0);
  fs_create (name, 0);
  fd = fs_open (name);
  fs_write (fd, name, out, size);
  close (fd);
  check_file (name, out, size);
  fd = fs_open (name);
  fs_read (fd, name, in, size);
  CHECK (read (fd, in, 1) == 0, "\"%s\": read at the end returns 0", name);
  close (fd);
}

void
test_main (void)
{
  write_and_check ("tiny", 1);
  write_and_check ("small", 300);
  write_and_check ("sector", 512);
  write_and_check ("sector-plus", 513);
  write_and_check ("two-sectors", 1000);
}
