/* A program may exit with a negative status of its own choosing, and the
   kernel prints it as a signed number. */

#include "tests/lib.h"
#include <syscall.h>

void
test_main (void)
{
  exit (-7);
}
