/* exit(57): the status a program passes to exit is the one the kernel
   prints, and nothing after exit runs. */

#include "tests/lib.h"
#include <syscall.h>

void
test_main (void)
{
  exit (57);
  fail ("exit returned");
}
