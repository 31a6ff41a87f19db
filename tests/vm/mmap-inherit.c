/* Mappings are not inherited: a child started while the parent has a mapping at
   MAP_ADDR finds nothing there and is killed for touching it; the parent's
   mapping is unharmed. */

#include <string.h>
#include "tests/vm/mapfile.h"

void
test_main (void)
{
  if (test_argc > 1 && !strcmp (test_argv[1], "child"))
    {
      volatile char c = MAP_ADDR[0];
      (void) c;
      fail ("child: the parent's mapping is visible");
    }
  CHECK (mmap (map_make_file ("data", PGSIZE, 2), MAP_ADDR) != MAP_FAILED,
         "mmap \"data\"");
  CHECK (wait (exec ("mmap-inherit child")) == -1, "the child was killed");
  CHECK (MAP_ADDR[7] == map_pattern (7, 2), "the parent's mapping is intact");
}
