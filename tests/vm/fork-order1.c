/* Sharers end in any order, first the parent: a child and a grandchild share
   the test's pages with it; the test (the grandparent of it all) lets the
   child go first, then the grandchild, which finds every page intact though
   the processes it shared them with are gone. */

#include "tests/vm/barrier.h"
#include "tests/vm/forklib.h"
#include "tests/vm/vmlib.h"

#define SIZE (64 * PGSIZE)

static uint8_t pages[SIZE] __attribute__ ((aligned (PGSIZE)));

void
test_main (void)
{
  pid_t child;

  pattern_fill (pages, SIZE, 0, 31);
  child = fork_checked ();
  if (child == 0)
    {
      if (fork_checked () == 0)
        {
          barrier_wait_for ("last");
          exit (pattern_check (pages, SIZE, 0, 31) == SIZE ? 0 : 2);
        }
      exit (pattern_check (pages, SIZE, 0, 31) == SIZE ? 10 : 1);
    }
  wait_for (child, 10, "the child");
  msg ("the child ended before the grandchild");
  CHECK (create ("last", 0), "the grandchild ends after its parent and the test");
}
