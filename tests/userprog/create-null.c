/* create(NULL): a null name is not valid user memory, so the kernel must
   kill the process with exit(-1) rather than dereference it. */

#include "tests/lib.h"
#include <syscall.h>

void
test_main (void)
{
  msg ("create (NULL)");
  create (NULL, 0);
  fail ("create returned");
}
