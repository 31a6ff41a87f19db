/* exec() with a command line in unmapped user memory: the process must be
   killed with exit(-1) before any child is started. */

#include "tests/lib.h"
#include <syscall.h>

void
test_main (void)
{
  msg ("exec (UNMAPPED_ADDRESS)");
  exec (UNMAPPED_ADDRESS);
  fail ("exec returned");
}
