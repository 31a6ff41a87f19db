/* A file sector the disk refuses to write (byte 8192 of child-linear, used as
   data): a write() that reaches it writes the bytes before it and says so, one
   that starts there returns -1, and the sector keeps what it held. A mapping's
   store to that page cannot be written back at munmap: the diagnostic stream
   says so, and the process goes on. */

#include <string.h>
#include "tests/vm/mapfile.h"

#define BAD_OFFSET 8192

static char before[512], after[512], ones[512];

void
test_main (void)
{
  int fd = open ("child-linear");
  mapid_t map;

  CHECK (fd > 1, "open \"child-linear\"");
  seek (fd, BAD_OFFSET);
  CHECK (read (fd, before, sizeof before) == sizeof before, "read the bad sector");
  memset (ones, 1, sizeof ones);
  seek (fd, BAD_OFFSET - 100);
  CHECK (write (fd, ones, 300) == 100,
         "a write of 300 bytes from 100 before it: 100");
  seek (fd, BAD_OFFSET);
  CHECK (write (fd, ones, 10) == -1, "a write that starts there returns -1");
  seek (fd, BAD_OFFSET);
  CHECK (read (fd, after, sizeof after) == sizeof after
             && !memcmp (before, after, sizeof before),
         "the sector holds what it held");
  map = mmap (fd, MAP_ADDR);
  CHECK (map != MAP_FAILED, "map the file");
  MAP_ADDR[BAD_OFFSET + 5] = 1;
  munmap (map);
  msg ("stored into the bad sector's page and unmapped");
  seek (fd, BAD_OFFSET);
  CHECK (read (fd, after, sizeof after) == sizeof after
             && !memcmp (before, after, sizeof before),
         "the sector still holds what it held");
}
