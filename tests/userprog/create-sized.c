/* create() with a size makes a file of that many zero bytes: the ABI says
   files are created zero-filled, which a file system that skips the
   zeroing of newly allocated sectors would get wrong. */

#include "tests/lib.h"
#include <syscall.h>

#define SIZE 1234

void
test_main (void)
{
  static char zeros[SIZE];

  CHECK (create ("sized.dat", SIZE), "create \"sized.dat\" of %d bytes", SIZE);
  check_file ("sized.dat", zeros, SIZE);
}
