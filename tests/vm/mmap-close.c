/* A mapping outlives its descriptor: after close (fd) the mapping still reads the
   file and its writes still reach the file at munmap. */

#include "tests/vm/mapfile.h"

#define SIZE (2 * PGSIZE)

void
test_main (void)
{
  int fd = map_make_file ("data", SIZE, 3);
  int id = mmap (fd, MAP_ADDR);
  int i;

  CHECK (id != MAP_FAILED, "mmap \"data\"");
  close (fd);
  map_check (MAP_ADDR, SIZE, 3, "the mapping after close");
  msg ("the mapping reads the file after close");
  for (i = 0; i < SIZE; i++)
    MAP_ADDR[i] = map_pattern (i, 4);
  munmap (id);
  map_check_file ("data", SIZE, 4);
  msg ("writes made after close reached the file");
}
