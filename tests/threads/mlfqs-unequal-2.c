/* Threads of nice 0 and 5 spin side by side for 6 s: the nicer one gets less of
   the CPU, by as much as the guide's scheduler gives it (about 187 of 600
   ticks). */

#include "tests/threads/mlfqs.h"
#include "tests/threads/tests.h"

void
test_mlfqs_unequal_2 (void)
{
  static const int nice[] = { 0, 5 };
  mlfqs_fair_run (2, nice, 6, 8);
}
