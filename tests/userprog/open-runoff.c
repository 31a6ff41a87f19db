/* open() with a name that runs into an unmapped page without a null: the
   string copy must fault cleanly and kill the process with exit(-1). */

#include "tests/lib.h"
#include <syscall.h>

void
test_main (void)
{
  msg ("open (unterminated_at_unmapped (\"sample\"))");
  open (unterminated_at_unmapped ("sample"));
  fail ("the call returned");
}
