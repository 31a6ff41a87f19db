/* open() of an existing file returns a descriptor of at least 2 (0 and 1
   are the console), and the file reads back as put on the disk. */

#include "tests/lib.h"
#include "tests/userprog/sample.h"
#include <syscall.h>

void
test_main (void)
{
  int fd = open ("sample.txt");

  CHECK (fd > 1, "open \"sample.txt\" returns a descriptor above 1");
  CHECK (filesize (fd) == sizeof sample - 1, "filesize is %d", filesize (fd));
  close (fd);
  check_file ("sample.txt", sample, sizeof sample - 1);
}
