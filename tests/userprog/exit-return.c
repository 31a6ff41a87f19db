/* Returning from main is exiting: _start passes main's return value to
   exit, so the status is 77 without any explicit exit call. */

#include "tests/lib.h"

int
main (void)
{
  test_name = "exit-return";
  msg ("returning 77 from main");
  return 77;
}
