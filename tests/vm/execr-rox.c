/* The executable a process runs is write-protected, and exec_replace moves the
   protection: the test's own file cannot be written while it runs; the program
   that replaces it finds its own file protected and the test's writable. */

#include "tests/vm/forklib.h"

void
test_main (void)
{
  int self = open ("execr-rox");
  char c = 0;

  CHECK (self > 1, "open \"execr-rox\"");
  CHECK (write (self, &c, 1) == 0, "its own executable cannot be written");
  close (self);
  exec_replace ("child-execr rox execr-rox");
  fail ("exec_replace returned");
}
