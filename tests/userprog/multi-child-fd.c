/* Descriptors are not inherited: the parent opens a file and tells a
   child its descriptor number, the child's read of it fails, and the
   parent's descriptor still works afterwards. */

#include "tests/lib.h"
#include "tests/userprog/sample.h"
#include <stdio.h>
#include <syscall.h>

void
test_main (void)
{
  char cmdline[32];
  char buffer[16];
  int fd = open ("sample.txt");
  int status;

  CHECK (fd > 1, "open \"sample.txt\"");
  snprintf (cmdline, sizeof cmdline, "child-fd %d", fd);
  status = wait (exec (cmdline));
  CHECK (status == 0 || status == -1, "the child exited with 0 or was killed");
  CHECK (read (fd, buffer, sizeof buffer) == sizeof buffer,
         "the parent's descriptor still reads");
  compare_bytes (buffer, sample, sizeof buffer, "sample.txt");
}
