/* Helper for rox-child: `child-rox PARENT' tries to write its parent's
   executable PARENT and its own, both running programs, and each write
   must write nothing. */

#include "tests/lib.h"
#include <syscall.h>

/* Opens executable NAME, tries to overwrite its first byte. */
static void
try_write (const char *name)
{
  char byte;
  int fd = open (name);

  if (fd < 2)
    fail ("open \"%s\" returned %d", name, fd);
  if (read (fd, &byte, 1) != 1)
    fail ("read \"%s\" failed", name);
  seek (fd, 0);
  CHECK (write (fd, &byte, 1) == 0, "write to running \"%s\" writes 0 bytes", name);
  close (fd);
}

int
main (int argc, char *argv[])
{
  test_name = "child-rox";
  if (argc != 2)
    fail ("usage: child-rox PARENT");
  try_write (argv[1]);
  try_write ("child-rox");
  return 0;
}
