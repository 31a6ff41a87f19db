/* System calls on buffers that were never touched: `read' into a 32 kB
   .bss buffer no page of which is resident (the kernel must fault the pages
   in on the process's behalf, not reject them), and `write' from another
   untouched 32 kB buffer (its zeros reach the file). */

#include "tests/vm/vmlib.h"

#define BUF_SIZE (32 * 1024)
#define SEED 9

static uint8_t in[BUF_SIZE] __attribute__ ((aligned (PGSIZE)));
static uint8_t out[BUF_SIZE] __attribute__ ((aligned (PGSIZE)));

void
test_main (void)
{
  uint8_t chunk[256];
  size_t done;
  int fd;

  pattern_file ("data", BUF_SIZE, SEED);
  CHECK (count_pages (in, BUF_SIZE, MINCORE_RESIDENT) == 0
             && count_pages (out, BUF_SIZE, MINCORE_RESIDENT) == 0,
         "neither buffer has a resident page");

  fd = open ("data");
  if (fd < 2)
    fail ("open \"data\" failed");
  CHECK (read (fd, in, BUF_SIZE) == BUF_SIZE,
         "read 32 kB into the untouched buffer");
  close (fd);
  pattern_verify (in, BUF_SIZE, 0, SEED, "read buffer");
  msg ("it holds the file's bytes");
  CHECK (count_pages (in, BUF_SIZE, MINCORE_DIRTY) == BUF_SIZE / PGSIZE,
         "all its pages are resident and dirty");

  if (!create ("zeros", 0))
    fail ("create \"zeros\" failed");
  fd = open ("zeros");
  if (fd < 2)
    fail ("open \"zeros\" failed");
  CHECK (write (fd, out, BUF_SIZE) == BUF_SIZE,
         "wrote 32 kB from the other untouched buffer");
  seek (fd, 0);
  for (done = 0; done < BUF_SIZE; done += sizeof chunk)
    {
      size_t i;

      if (read (fd, chunk, sizeof chunk) != sizeof chunk)
        fail ("short read of \"zeros\" at %zu", done);
      for (i = 0; i < sizeof chunk; i++)
        if (chunk[i] != 0)
          fail ("byte %zu of \"zeros\" is 0x%02x", done + i, chunk[i]);
    }
  close (fd);
  msg ("the file holds 32 kB of zeros");
}
