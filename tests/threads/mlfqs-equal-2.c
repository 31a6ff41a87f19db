/* Two threads of nice 0 spin side by side for 4 s: they share the CPU as the
   guide's scheduler shares it (evenly), and the load average climbs towards 2. */

#include "tests/threads/mlfqs.h"
#include "tests/threads/tests.h"

void
test_mlfqs_equal_2 (void)
{
  static const int nice[] = { 0, 0 };
  mlfqs_fair_run (2, nice, 4, 12);
}
