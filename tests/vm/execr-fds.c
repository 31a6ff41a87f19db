/* The descriptors survive exec_replace: a file opened and read up to byte 10
   is still open, at 10, in the program that replaced the test (descriptor
   numbers and positions as they were). */

#include <stdio.h>
#include "tests/vm/forklib.h"
#include "tests/vm/mapfile.h"

#define SEED 9

void
test_main (void)
{
  int fd = map_make_file ("data", 100, SEED);
  char cmdline[64];

  seek (fd, 10);
  snprintf (cmdline, sizeof cmdline, "child-execr fd %d 10 %d", fd, SEED);
  msg ("descriptor %s at 10; exec_replace", fd == 2 ? "2" : "above 2");
  exec_replace (cmdline);
  fail ("exec_replace returned");
}
