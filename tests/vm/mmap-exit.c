/* A process that exits with a written mapping still mapped has its pages written
   back: a child maps "data", rewrites it and exits without munmap; the parent
   then reads the new bytes. */

#include <string.h>
#include "tests/vm/mapfile.h"

#define SIZE (PGSIZE + 77)

void
test_main (void)
{
  if (test_argc > 1 && !strcmp (test_argv[1], "child"))
    {
      int fd = open ("data");
      int i;
      if (mmap (fd, MAP_ADDR) == MAP_FAILED)
        fail ("child: mmap failed");
      for (i = 0; i < SIZE; i++)
        MAP_ADDR[i] = map_pattern (i, 9);
      exit (55);
    }
  close (map_make_file ("data", SIZE, 8));
  CHECK (wait (exec ("mmap-exit child")) == 55, "the child wrote and exited");
  map_check_file ("data", SIZE, 9);
  msg ("the file holds the child's bytes");
}
