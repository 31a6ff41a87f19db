/* Two mappings of one file in one process are one copy: a store through either
   is seen through the other at once, and read() of the file sees both. */

#include "tests/vm/mapfile.h"

#define SIZE (2 * PGSIZE)
#define MAP2 (MAP_ADDR + 0x100000)

void
test_main (void)
{
  int fd = map_make_file ("data", SIZE, 11);
  int id1 = mmap (fd, MAP_ADDR);
  int id2 = mmap (fd, MAP2);
  char c;

  CHECK (id1 != MAP_FAILED && id2 != MAP_FAILED && id1 != id2,
         "two mappings with two ids");
  MAP_ADDR[10] = 'A';
  MAP2[PGSIZE + 20] = 'B';
  CHECK (MAP2[10] == 'A' && MAP_ADDR[PGSIZE + 20] == 'B',
         "each mapping sees the other's stores");
  seek (fd, PGSIZE + 20);
  CHECK (read (fd, &c, 1) == 1 && c == 'B', "read() sees a store not yet unmapped");
  munmap (id1);
  CHECK (MAP2[10] == 'A', "the second mapping keeps the first one's store");
  munmap (id2);
}
