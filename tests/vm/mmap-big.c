/* A mapping larger than the RAM users get: a 3 MB file mapped, rewritten through
   the mapping (so dirty pages are evicted back to the file, not to swap), then
   checked through the mapping and, after munmap, through read(). */

#include "tests/vm/mapfile.h"

#define SIZE (3 * 1024 * 1024)

void
test_main (void)
{
  int fd = map_make_file ("big", SIZE, 21);
  int id = mmap (fd, MAP_ADDR);
  int i;

  CHECK (id != MAP_FAILED, "mmap a 3 MB file");
  for (i = 0; i < SIZE; i++)
    MAP_ADDR[i] = map_pattern (i, 22);
  map_check (MAP_ADDR, SIZE, 22, "the mapping");
  msg ("3 MB rewritten and read back through the mapping");
  munmap (id);
  close (fd);
  map_check_file ("big", SIZE, 22);
  msg ("the file holds it after munmap");
}
