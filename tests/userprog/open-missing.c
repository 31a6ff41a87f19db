/* open() of a name that does not exist returns -1: an ordinary failure,
   not a reason to kill the process. */

#include "tests/lib.h"
#include <syscall.h>

void
test_main (void)
{
  CHECK (open ("no-such-file") == -1, "open \"no-such-file\" returns -1");
}
