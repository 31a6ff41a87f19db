/* One file mapped by two processes at once is one copy: the parent maps "data" and
   stores into it, then runs a child that maps it too, sees the parent's store,
   stores its own and exits; the parent sees the child's store in its own mapping
   without unmapping. The file is written with write() in between, and both see
   that as well. */

#include <string.h>
#include "tests/vm/mapfile.h"

#define SIZE PGSIZE

void
test_main (void)
{
  if (test_argc > 1 && !strcmp (test_argv[1], "child"))
    {
      int fd = open ("data");
      if (mmap (fd, MAP_ADDR + PGSIZE) == MAP_FAILED)
        fail ("child: mmap failed");
      if (MAP_ADDR[PGSIZE + 100] != 'P')
        fail ("child: the parent's store is not in the mapping");
      if (MAP_ADDR[PGSIZE + 200] != 'W')
        fail ("child: the parent's write() is not in the mapping");
      MAP_ADDR[PGSIZE + 300] = 'C';
      exit (0);
    }
  else
    {
      int fd = map_make_file ("data", SIZE, 13);
      CHECK (mmap (fd, MAP_ADDR) != MAP_FAILED, "parent: mmap \"data\"");
      MAP_ADDR[100] = 'P';
      seek (fd, 200);
      CHECK (write (fd, "W", 1) == 1 && MAP_ADDR[200] == 'W',
             "parent: write() shows in the mapping");
      CHECK (wait (exec ("mmap-2proc child")) == 0, "the child saw both and stored");
      CHECK (MAP_ADDR[300] == 'C', "parent: the child's store is in the mapping");
    }
}
