/* exec_replace with a command line in unmapped memory: the process is killed
   with exit(-1), under its own name, before anything is loaded. */

#include "tests/vm/forklib.h"

void
test_main (void)
{
  msg ("exec_replace (UNMAPPED_ADDRESS)");
  exec_replace (UNMAPPED_ADDRESS);
  fail ("exec_replace returned");
}
