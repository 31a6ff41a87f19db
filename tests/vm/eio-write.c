/* A file sector the disk refuses to write (byte 8192 of child-linear, used as
   data). The file system's cache writes back (filesys/README.md), so, unlike
   when it wrote through, a write() that reaches the sector returns in full: the
   cache takes the bytes, and the disk is asked at the write-back. Filling the
   cache makes that happen (the clock writes the sector back to reuse its slot);
   the disk refuses, the sector stays in the cache, dirty, and the writer's next
   write() returns -1. From then on, while the cache holds a refused sector, writes
   go to the disk at once, as before: a write() that reaches the sector writes the
   bytes before it and says so, one that starts there returns -1, and the sector
   keeps the bytes it was given first. A mapping's store to that page cannot be
   written back at munmap: the diagnostic stream says so, and the process goes
   on. */

#include <string.h>
#include "tests/vm/mapfile.h"

#define BAD_OFFSET 8192
#define FILLER (256 * 1024) /* Eight times the file system's cache. */

static char before[512], after[512], ones[512], twos[512], block[4096];

/* Writes FILLER bytes to a new file, so that the cache recycles every slot. */
static void
fill_cache (void)
{
  int fd, i;

  CHECK (create ("filler", 0) && (fd = open ("filler")) > 1, "create \"filler\"");
  for (i = 0; i < FILLER / (int) sizeof block; i++)
    if (write (fd, block, sizeof block) != sizeof block)
      fail ("write to \"filler\" came up short");
  close (fd);
  msg ("fill the cache: 256 kB written to another file");
}

void
test_main (void)
{
  int fd = open ("child-linear");
  mapid_t map;

  CHECK (fd > 1, "open \"child-linear\"");
  seek (fd, BAD_OFFSET);
  CHECK (read (fd, before, sizeof before) == sizeof before, "read the bad sector");
  memset (ones, 1, sizeof ones);
  memset (twos, 2, sizeof twos);
  seek (fd, BAD_OFFSET - 100);
  CHECK (write (fd, twos, 300) == 300,
         "a write of 300 bytes from 100 before it: 300, into the cache");
  fill_cache ();
  CHECK (write (fd, twos, 10) == -1,
         "the next write returns -1: the write-back failed");
  seek (fd, BAD_OFFSET - 100);
  CHECK (write (fd, ones, 300) == 100,
         "now a write of 300 bytes from 100 before it: 100");
  seek (fd, BAD_OFFSET);
  CHECK (write (fd, ones, 10) == -1, "a write that starts there returns -1");
  memcpy (before, twos, 200);
  seek (fd, BAD_OFFSET);
  CHECK (read (fd, after, sizeof after) == sizeof after
             && !memcmp (before, after, sizeof before),
         "the sector holds the bytes it was given first");
  map = mmap (fd, MAP_ADDR);
  CHECK (map != MAP_FAILED, "map the file");
  MAP_ADDR[BAD_OFFSET + 5] = 1;
  munmap (map);
  msg ("stored into the bad sector's page and unmapped");
  seek (fd, BAD_OFFSET);
  CHECK (read (fd, after, sizeof after) == sizeof after
             && !memcmp (before, after, sizeof before),
         "the sector still holds those bytes");
}
