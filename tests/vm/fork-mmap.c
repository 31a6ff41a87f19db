/* A shared mapping stays shared across a fork, under the same id: the child
   sees the parent's store and the parent sees the child's; the child unmaps
   its copy by the parent's id, and the parent's mapping still works. */

#include "tests/vm/forklib.h"
#include "tests/vm/mapfile.h"

void
test_main (void)
{
  int fd = map_make_file ("data", PGSIZE, 6);
  mapid_t id = mmap (fd, MAP_ADDR);
  pid_t pid;

  CHECK (id != MAP_FAILED, "mapped \"data\"");
  MAP_ADDR[0] = 'A';
  pid = fork_checked ();
  if (pid == 0)
    {
      if (MAP_ADDR[0] != 'A')
        exit (1);
      MAP_ADDR[1] = 'B';
      munmap (id);
      exit (0);
    }
  wait_for (pid, 0, "the child");
  msg ("the child saw the parent's store, stored its own and unmapped");
  CHECK (MAP_ADDR[1] == 'B', "the parent sees the child's store");
  MAP_ADDR[2] = 'C';
  munmap (id);
  seek (fd, 0);
  {
    char buf[3];
    CHECK (read (fd, buf, 3) == 3 && buf[0] == 'A' && buf[1] == 'B' && buf[2] == 'C',
           "the file holds all three stores");
  }
}
