/* read() from descriptor 1, the console output: nothing to read there.
   It must return -1 (or the kernel may kill the process), never block or
   treat it as a file. */

#include "tests/lib.h"
#include <syscall.h>

void
test_main (void)
{
  char buffer[16];

  CHECK (read (STDOUT_FILENO, buffer, sizeof buffer) == -1,
         "read from stdout returns -1");
}
