/* Four processes each writing and reading back 1 MB at once, in 4 MB of
   RAM: their pages compete for frames and swap, and each must find its own
   bytes intact. */

#include "tests/vm/barrier.h"

void
test_main (void)
{
  barrier_run_children (4, 1024, 40);
}
