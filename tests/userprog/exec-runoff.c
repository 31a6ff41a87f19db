/* exec() with a command line that runs into an unmapped page without a
   null: the string copy faults, and the process must be killed with
   exit(-1) (no child-simple runs). */

#include "tests/lib.h"
#include <syscall.h>

void
test_main (void)
{
  msg ("exec (unterminated_at_unmapped (\"child-simple\"))");
  exec (unterminated_at_unmapped ("child-simple"));
  fail ("exec returned");
}
