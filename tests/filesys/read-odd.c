/* Reads of many pages whose bytes fall on neither sector nor page boundaries:
   the kernel moves such a read through a buffer of its own, a run of sectors a
   disk command, then out to the user's pages (userprog/syscall.c). Each read
   below starts inside a sector of the file and inside a page of the buffer, one
   runs past the file's end (a short count), and every byte must be the file's,
   with nothing written past the bytes read (the kernel's buffer holds more).
   (vm/stack-syscall reads 64 kB the same way onto a stack that grows under the
   copy.) */

#include "tests/filesys/fsutil.h"

#define SIZE 50000
#define START 777      /* Inside the file's second sector. */
#define SHIFT 3        /* Into the buffer's first page. */
#define UNTOUCHED 0x5a /* What IN holds where no read may write. */

static char out[SIZE];
static char in[SIZE + 4096 + SHIFT];

/* Fails unless the SIZE bytes at P still hold UNTOUCHED; WHERE names them. */
static void
check_untouched (const char *p, size_t size, const char *where)
{
  size_t i;

  for (i = 0; i < size; i++)
    if ((uint8_t) p[i] != UNTOUCHED)
      fail ("byte %zu %s was written: 0x%02x", i, where, (uint8_t) p[i]);
}

void
test_main (void)
{
  int fd, got;

  fs_fill (out, SIZE, 5, 0);
  fs_create ("odd", 0);
  fd = fs_open ("odd");
  fs_write (fd, "odd", out, SIZE);
  close (fd);

  fd = fs_open ("odd");
  seek (fd, START);
  memset (in, UNTOUCHED, sizeof in);
  got = read (fd, in + SHIFT, SIZE + 4096);
  CHECK (got == SIZE - START, "a read past the end gives the %d bytes there",
         SIZE - START);
  fs_check_pattern (in + SHIFT, got, 5, START, "odd");
  check_untouched (in, SHIFT, "before the read");
  check_untouched (in + SHIFT + got, sizeof in - SHIFT - got, "past the bytes read");
  CHECK (tell (fd) == SIZE, "the position is at the end");
  CHECK (read (fd, in, 4096 * 2) == 0, "a read at the end gives 0 bytes");
  check_untouched (in + SHIFT + got, sizeof in - SHIFT - got, "after a read of 0");

  seek (fd, START + 4096 + 1);
  CHECK (read (fd, in + 1, 3 * 4096) == 3 * 4096,
         "a read of 3 pages from inside one");
  fs_check_pattern (in + 1, 3 * 4096, 5, START + 4096 + 1, "odd");
  close (fd);
  msg ("every byte is the file's");
}
