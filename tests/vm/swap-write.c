/* `write' from a buffer whose pages are in swap: a 64 kB .bss buffer is
   filled with a pattern, then 2 MB of other memory are written until the
   buffer's pages have gone to swap; `write' from the buffer to a file must
   bring them back, and the file must then hold the pattern. */

#include "tests/vm/vmlib.h"

#define BUF_SIZE (64 * 1024)
#define OTHER_SIZE (2 * 1024 * 1024)
#define SEED 45

static uint8_t buffer[BUF_SIZE] __attribute__ ((aligned (PGSIZE)));
static uint8_t other[OTHER_SIZE] __attribute__ ((aligned (PGSIZE)));

void
test_main (void)
{
  uint8_t chunk[512];
  size_t done;
  int fd;

  if (!create ("data", 0))
    fail ("create \"data\" failed");
  pattern_fill (buffer, BUF_SIZE, 0, SEED);
  memset (other, 0x22, OTHER_SIZE);
  msg ("filled the buffer, then 2 MB of other memory");
  CHECK (count_pages (buffer, BUF_SIZE, MINCORE_SWAPPED) > 0,
         "some of the buffer's pages are in swap");
  fd = open ("data");
  if (fd < 2)
    fail ("open \"data\" failed");
  CHECK (write (fd, buffer, BUF_SIZE) == BUF_SIZE, "wrote the buffer to a file");
  seek (fd, 0);
  for (done = 0; done < BUF_SIZE; done += sizeof chunk)
    {
      if (read (fd, chunk, sizeof chunk) != sizeof chunk)
        fail ("short read at %zu", done);
      pattern_verify (chunk, sizeof chunk, done, SEED, "file");
    }
  close (fd);
  msg ("the file holds the buffer's bytes");
}
