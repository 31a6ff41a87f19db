/* A file name whose characters run up to an unmapped page with no null
   terminator: the kernel's string copy must stop at the fault and kill
   the process with exit(-1), not read on or panic. */

#include "tests/lib.h"
#include <syscall.h>

void
test_main (void)
{
  char *name = unterminated_at_unmapped ("runs-off");

  msg ("create a name that runs into unmapped memory");
  create (name, 0);
  fail ("create returned");
}
