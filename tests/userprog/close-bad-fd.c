/* close() of descriptors that were never open (negative, huge, unused):
   the kernel may ignore them or kill the process, but must not index a
   table with them unchecked. */

#include "tests/lib.h"
#include <syscall.h>

void
test_main (void)
{
  close (-1);
  close (0x12345678);
  close (77);
  msg ("close of bad descriptors returned");
}
