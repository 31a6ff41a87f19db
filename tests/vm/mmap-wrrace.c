/* write() and another process's munmap of the same file page at the same time:
   "mapper" maps page 0 of "data" and, while the writer is inside a 6 MB write()
   of bytes [100, 6 MB), stores one byte at offset 50 and unmaps; the unmap's
   write-back of the page must not put the page's old bytes back over what the
   write() wrote. Afterwards the file holds the mapper's byte at 50 and the
   writer's bytes (zeros) from 100 on. */

#include <string.h>
#include "tests/vm/barrier.h"
#include "tests/vm/mapfile.h"

#define WRITE_START 100
#define WRITE_BYTES (6 * 1024 * 1024 - WRITE_START)

static char zeros[WRITE_BYTES]; /* What the writer writes: untouched .bss. */

static void
mapper (void)
{
  int fd = open ("data");

  if (fd < 2 || mmap (fd, MAP_ADDR) == MAP_FAILED)
    fail ("mapper: mmap failed");
  if (MAP_ADDR[50] != map_pattern (50, 5))
    fail ("mapper: the mapping does not show the file");
  if (!create ("mapped", 0))
    fail ("mapper: create failed");
  /* The writer is inside its write() by then (no call of ours may need the file
     system meanwhile: the writer keeps it busy). */
  sleep (100);
  MAP_ADDR[50] = 'M';
  munmap (1);
  exit (0);
}

static void
writer (void)
{
  int fd = open ("data");

  barrier_wait_for ("mapped");
  seek (fd, WRITE_START);
  if (write (fd, zeros, WRITE_BYTES) != WRITE_BYTES)
    fail ("writer: short write");
  exit (0);
}

void
test_main (void)
{
  char buf[PGSIZE];
  pid_t m, w;
  int fd, i;

  if (test_argc > 1)
    {
      if (!strcmp (test_argv[1], "mapper"))
        mapper ();
      writer ();
    }
  close (map_make_file ("data", PGSIZE, 5));
  m = exec ("mmap-wrrace mapper");
  w = exec ("mmap-wrrace writer");
  CHECK (wait (m) == 0 && wait (w) == 0, "a mapper unmapped while a writer wrote");
  fd = open ("data");
  CHECK (read (fd, buf, sizeof buf) == sizeof buf, "read back page 0");
  CHECK (buf[50] == 'M', "the mapper's store at byte 50 is in the file");
  for (i = WRITE_START; i < PGSIZE; i++)
    if (buf[i] != 0)
      fail ("byte %d is %d: the unmap wrote the page's old bytes over the write's",
            i, buf[i]);
  msg ("bytes 100 to 4095 are the writer's");
}
