/* Out of swap: with 1 MB of swap, a child writing 6 MB runs out of memory
   and is killed with exit(-1); the kernel carries on, and a child using
   512 kB right after it runs normally. */

#include "tests/vm/vmlib.h"

void
test_main (void)
{
  CHECK (wait (exec ("child-hog 6")) == -1, "the child writing 6 MB was killed");
  CHECK (wait (exec ("child-linear 512 5")) == 5, "a child using 512 kB then runs");
}
