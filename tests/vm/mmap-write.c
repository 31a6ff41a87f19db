/* Stores through a mapping reach the file at munmap: the whole file rewritten with
   another pattern reads back through read() afterwards, and bytes stored past the
   end of the file (in the last page's tail) neither grow it nor reach it. */

#include "tests/vm/mapfile.h"

#define SIZE (2 * PGSIZE + 1000)

void
test_main (void)
{
  int fd = map_make_file ("data", SIZE, 1);
  int id = mmap (fd, MAP_ADDR);
  int i;

  CHECK (id != MAP_FAILED, "mmap \"data\"");
  for (i = 0; i < SIZE; i++)
    MAP_ADDR[i] = map_pattern (i, 2);
  for (i = SIZE; i < 3 * PGSIZE; i++)
    MAP_ADDR[i] = 'x';
  msg ("rewrote the file through the mapping, and its tail past the end");
  munmap (id);
  map_check_file ("data", SIZE, 2);
  msg ("after munmap the file holds what was written, and is no longer");
}
