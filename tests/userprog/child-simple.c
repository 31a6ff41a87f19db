/* Helper for the exec and wait tests: announces itself and exits with 81,
   a status no other path produces, so the parent can tell it really ran.
   Also the good executable that utils/mkbadelf corrupts. */

#include "tests/lib.h"

int
main (void)
{
  test_name = "child-simple";
  msg ("run");
  return 81;
}
