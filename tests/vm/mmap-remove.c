/* A mapping outlives its file's name: after remove ("data") the mapping still
   reads the file and can still be written, and the name is gone. */

#include "tests/vm/mapfile.h"

#define SIZE (PGSIZE + 10)

void
test_main (void)
{
  int fd = map_make_file ("data", SIZE, 5);
  int id = mmap (fd, MAP_ADDR);
  int i;

  CHECK (id != MAP_FAILED, "mmap \"data\"");
  close (fd);
  CHECK (remove ("data"), "remove \"data\"");
  CHECK (open ("data") == -1, "the name is gone");
  map_check (MAP_ADDR, SIZE, 5, "the mapping after remove");
  msg ("the mapping reads the removed file");
  for (i = 0; i < SIZE; i++)
    MAP_ADDR[i] = map_pattern (i, 6);
  map_check (MAP_ADDR, SIZE, 6, "the mapping written after remove");
  msg ("and can be written");
  munmap (id);
}
