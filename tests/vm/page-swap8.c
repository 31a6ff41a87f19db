/* Eight processes swapping at once: each writes and reads back 384 kB (3 MB in all),
   so together they need more than RAM and must share the swap disk. */

#include "tests/vm/barrier.h"

void
test_main (void)
{
  barrier_run_children (8, 384, 60);
}
