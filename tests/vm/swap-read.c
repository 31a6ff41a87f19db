/* `read' into a buffer whose pages are in swap: a 64 kB .bss buffer is
   written (so it is dirty), then 2 MB of other memory are written until the
   buffer's pages have gone to swap; a `read' from a file into the buffer
   must bring them back (or replace them) and leave exactly the file's
   bytes. */

#include "tests/vm/vmlib.h"

#define BUF_SIZE (64 * 1024)
#define OTHER_SIZE (2 * 1024 * 1024)
#define SEED 44

static uint8_t buffer[BUF_SIZE] __attribute__ ((aligned (PGSIZE)));
static uint8_t other[OTHER_SIZE] __attribute__ ((aligned (PGSIZE)));

void
test_main (void)
{
  int fd;

  pattern_file ("data", BUF_SIZE, SEED);
  memset (buffer, 0xee, BUF_SIZE);
  memset (other, 0x11, OTHER_SIZE);
  msg ("filled the buffer, then 2 MB of other memory");
  CHECK (count_pages (buffer, BUF_SIZE, MINCORE_SWAPPED) > 0,
         "some of the buffer's pages are in swap");
  fd = open ("data");
  if (fd < 2)
    fail ("open \"data\" failed");
  CHECK (read (fd, buffer, BUF_SIZE) == BUF_SIZE, "read 64 kB into the buffer");
  close (fd);
  pattern_verify (buffer, BUF_SIZE, 0, SEED, "buffer");
  msg ("the buffer holds the file's bytes");
}
