/* write() to descriptors that were never opened (negative, huge, unused):
   -1 each time, or the kernel kills the process. */

#include "tests/lib.h"
#include <syscall.h>

void
test_main (void)
{
  CHECK (write (-1, "hello", 5) == -1, "write to -1 returns -1");
  CHECK (write (0x12345678, "hello", 5) == -1, "write to 0x12345678 returns -1");
  CHECK (write (77, "hello", 5) == -1, "write to 77 returns -1");
}
