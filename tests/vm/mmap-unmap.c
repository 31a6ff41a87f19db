/* munmap of an id that names no mapping of the process is ignored (Kestrel's
   choice; shared/ABI.md leaves it open), and a mapping once unmapped is gone:
   touching it kills the process. */

#include "tests/vm/mapfile.h"

void
test_main (void)
{
  int fd = map_make_file ("data", PGSIZE, 1);
  int id = mmap (fd, MAP_ADDR);

  CHECK (id != MAP_FAILED, "mmap \"data\"");
  munmap (id + 1);
  munmap (-1);
  munmap (0);
  CHECK (MAP_ADDR[5] == map_pattern (5, 1), "munmap of unknown ids changed nothing");
  munmap (id);
  munmap (id);
  msg ("unmapped twice");
  MAP_ADDR[5] = 0;
  fail ("touching an unmapped mapping did not kill");
}
