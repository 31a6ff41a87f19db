/* exec_replace with a command line that runs into an unmapped page without a
   null: copying it faults, and the process is killed with exit(-1) under its
   own name; child-execr never runs. */

#include "tests/vm/forklib.h"

void
test_main (void)
{
  msg ("exec_replace (unterminated_at_unmapped (\"child-execr\"))");
  exec_replace (unterminated_at_unmapped ("child-execr"));
  fail ("exec_replace returned");
}
