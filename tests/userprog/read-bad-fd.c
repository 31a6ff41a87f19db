/* read() from descriptors that were never opened (negative, huge, unused):
   -1 each time, or the kernel kills the process; never a crash from an
   unchecked table index. */

#include "tests/lib.h"
#include <syscall.h>

void
test_main (void)
{
  char buffer[16];

  CHECK (read (-1, buffer, sizeof buffer) == -1, "read from -1 returns -1");
  CHECK (read (0x12345678, buffer, sizeof buffer) == -1,
         "read from 0x12345678 returns -1");
  CHECK (read (77, buffer, sizeof buffer) == -1, "read from 77 returns -1");
}
