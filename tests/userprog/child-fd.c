/* Helper for multi-child-fd: `child-fd FD' tries to read descriptor FD,
   which its parent has open.  Descriptors are not inherited, so FD means
   nothing here: the read must fail (or the kernel may kill us). */

#include "tests/lib.h"
#include <stdlib.h>
#include <syscall.h>

int
main (int argc, char *argv[])
{
  char byte;
  int fd;

  test_name = "child-fd";
  if (argc != 2)
    fail ("usage: child-fd FD");
  fd = atoi (argv[1]);
  CHECK (read (fd, &byte, 1) == -1, "read of the parent's descriptor returns -1");
  return 0;
}
