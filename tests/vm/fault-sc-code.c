/* `read' into code is a bad pointer even when the code page has never
   been read in: the kernel must check the region's rights, not just bring
   the page in, and kill the process. */

#include "tests/vm/vmlib.h"

NEVER_RUN_PAGE ();

void
test_main (void)
{
  int fd;

  pattern_file ("data", 100, 1);
  fd = open ("data");
  if (fd < 2)
    fail ("open \"data\" failed");
  msg ("read into a code page not yet read in");
  read (fd, (void *) never_run, 100);
  fail ("survived reading into code");
}
