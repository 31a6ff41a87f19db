/* open(NULL): a null name is not valid user memory, so the process must be
   killed with exit(-1). */

#include "tests/lib.h"
#include <syscall.h>

void
test_main (void)
{
  msg ("open (NULL)");
  open (NULL);
  fail ("the call returned");
}
