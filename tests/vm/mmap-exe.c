/* A store through a mapping must never change a running program's code: a
   running executable cannot be mapped (as it cannot be written), and a file that
   is mapped cannot be run until it is unmapped. */

#include <string.h>
#include "tests/vm/mapfile.h"

/* Copies this program's executable into file NAME. */
static void
copy_self (const char *name)
{
  char buf[512];
  int in = open ("mmap-exe"), out, n;

  if (in < 2 || !create (name, 0) || (out = open (name)) < 2)
    fail ("could not copy the executable");
  while ((n = read (in, buf, sizeof buf)) > 0)
    if (write (out, buf, n) != n)
      fail ("could not copy the executable");
  close (in);
  close (out);
}

void
test_main (void)
{
  int fd, id;

  if (test_argc > 1 && !strcmp (test_argv[1], "child"))
    exit (77);
  fd = open ("mmap-exe");
  CHECK (fd > 1 && write (fd, "x", 1) == 0,
         "the running executable cannot be written");
  CHECK (mmap (fd, MAP_ADDR) == MAP_FAILED, "nor mapped");
  close (fd);

  copy_self ("copy");
  fd = open ("copy");
  id = mmap (fd, MAP_ADDR);
  CHECK (id != MAP_FAILED, "a copy of it can be mapped");
  CHECK (exec ("copy child") == -1, "but not run while it is mapped");
  munmap (id);
  CHECK (wait (exec ("copy child")) == 77, "once unmapped it runs");
}
