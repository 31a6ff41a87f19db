/* Twenty threads of nice 0 to 19 spin side by side for 8 s: each gets the share
   the guide's scheduler gives it, fewer ticks the nicer it is, and none at all
   from nice 8 up in that time. */

#include "tests/threads/mlfqs.h"
#include "tests/threads/tests.h"

void
test_mlfqs_unequal_20 (void)
{
  int nice[20];
  int i;

  for (i = 0; i < 20; i++)
    nice[i] = i;
  mlfqs_fair_run (20, nice, 8, 8);
}
