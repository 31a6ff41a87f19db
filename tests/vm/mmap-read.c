/* A mapped file reads as the file: every byte of a 3-page-and-a-bit file through
   the mapping, the tail of the last page past the end of the file as zeros, and
   nothing resident before it is touched. */

#include "tests/vm/mapfile.h"

#define SIZE (3 * PGSIZE + 100)

void
test_main (void)
{
  unsigned char vec[4];
  int fd = map_make_file ("data", SIZE, 7);
  int id = mmap (fd, MAP_ADDR);
  int i;

  CHECK (id != MAP_FAILED, "mmap \"data\"");
  CHECK (mincore (MAP_ADDR, 4 * PGSIZE, vec) == 0 && !(vec[0] & MINCORE_RESIDENT)
             && !(vec[3] & MINCORE_RESIDENT),
         "no page is resident before it is touched");
  map_check (MAP_ADDR, SIZE, 7, "the mapping");
  msg ("the mapping holds the file's bytes");
  for (i = SIZE; i < 4 * PGSIZE; i++)
    if (MAP_ADDR[i] != 0)
      fail ("byte %d past the end of the file is %d", i, MAP_ADDR[i]);
  msg ("the rest of the last page reads as zeros");
  munmap (id);
}
