/* Running out of swap leaks nothing: five children in turn write 6 MB with
   1 MB of swap and are killed; then a child using 2 MB (RAM plus nearly
   all of swap) must still run, which it could not if the killed children
   had kept frames or swap slots. */

#include "tests/vm/vmlib.h"

#define HOGS 5

void
test_main (void)
{
  int i;

  for (i = 0; i < HOGS; i++)
    if (wait (exec ("child-hog 6")) != -1)
      fail ("hog %d was not killed", i);
  msg ("5 children writing 6 MB were killed");
  CHECK (wait (exec ("child-linear 2048 8")) == 8, "a child using 2 MB then runs");
}
