/* exec_replace passes its command line on as exec does: the program it loads
   gets the words as argv, the doubled space dropped, and the process now has
   that program's name (its exit line says so). It does not return. */

#include "tests/vm/forklib.h"

void
test_main (void)
{
  msg ("exec_replace (\"child-execr args a  bb ccc\")");
  exec_replace ("child-execr args a  bb ccc");
  fail ("exec_replace returned");
}
