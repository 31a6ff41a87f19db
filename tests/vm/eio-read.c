/* A file sector the disk cannot read (the runner's --disk-fault on the sector
   holding byte 4096 of child-linear, a file here used as data): a read() that
   reaches it returns the bytes before it, one that starts there returns -1, and
   the rest of the file still reads. A page fault that needs the sector, through
   a mapping of the file, ends the process (exit(-1), the reason on the
   diagnostic stream), and only it. */

#include "tests/vm/mapfile.h"

#define BAD_OFFSET 4096

static char buf[2 * BAD_OFFSET];

void
test_main (void)
{
  int fd = open ("child-linear");

  CHECK (fd > 1, "open \"child-linear\"");
  CHECK (filesize (fd) > 3 * BAD_OFFSET, "it is over 12 kB long");
  CHECK (read (fd, buf, sizeof buf) == BAD_OFFSET,
         "a read of 8 kB from 0 stops at the bad sector: 4096 bytes");
  seek (fd, BAD_OFFSET);
  CHECK (read (fd, buf, 100) == -1, "a read that starts there returns -1");
  CHECK (tell (fd) == BAD_OFFSET, "and leaves the position where it was");
  seek (fd, 2 * BAD_OFFSET);
  CHECK (read (fd, buf, 100) == 100, "the next page still reads");
  CHECK (mmap (fd, MAP_ADDR) != MAP_FAILED, "map the file");
  CHECK (MAP_ADDR[2 * BAD_OFFSET] == buf[0], "its third page reads through the map");
  msg ("touch the mapped page holding the bad sector");
  (void) *(volatile char *) (MAP_ADDR + BAD_OFFSET);
  fail ("the fault did not end the process");
}
