/* Twenty threads of nice 0 spin side by side for 5 s: each gets the share the
   guide's scheduler gives it (about a twentieth), and the load average climbs
   towards 20. */

#include "tests/threads/mlfqs.h"
#include "tests/threads/tests.h"

void
test_mlfqs_equal_20 (void)
{
  static const int nice[20];
  mlfqs_fair_run (20, nice, 5, 8);
}
