/* exec_replace unmaps the caller's mappings, writing them back: the test maps a
   file, stores a byte through the mapping, and replaces itself; the new program
   finds the byte in the file, and the mapping's address in no region. */

#include <stdio.h>
#include "tests/vm/forklib.h"
#include "tests/vm/mapfile.h"

void
test_main (void)
{
  int fd = map_make_file ("data", 3 * PGSIZE, 4);
  char cmdline[64];

  CHECK (mmap (fd, MAP_ADDR) != MAP_FAILED, "map \"data\"");
  MAP_ADDR[PGSIZE + 5] = (char) 201;
  snprintf (cmdline, sizeof cmdline, "child-execr file data %d 201", PGSIZE + 5);
  exec_replace (cmdline);
  fail ("exec_replace returned");
}
