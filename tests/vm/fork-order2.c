/* Sharers end in any order, the youngest first: a child forks a grandchild and
   each writes some of the shared pages; the grandchild ends first, then the
   child; the test finds its pages as it wrote them, and no frame or slot is
   left behind (the power-off counts). */

#include "tests/vm/forklib.h"
#include "tests/vm/vmlib.h"

#define SIZE (64 * PGSIZE)

static uint8_t pages[SIZE] __attribute__ ((aligned (PGSIZE)));

void
test_main (void)
{
  pid_t child;

  pattern_fill (pages, SIZE, 0, 32);
  child = fork_checked ();
  if (child == 0)
    {
      pid_t grandchild = fork_checked ();
      if (grandchild == 0)
        {
          pattern_fill (pages, SIZE / 4, 0, 33);
          exit (pattern_check (pages + SIZE / 4, SIZE * 3 / 4, SIZE / 4, 32)
                        == SIZE * 3 / 4
                    ? 20
                    : 2);
        }
      pattern_fill (pages + SIZE / 2, SIZE / 4, SIZE / 2, 34);
      wait_for (grandchild, 20, "the grandchild");
      exit (pattern_check (pages, SIZE / 2, 0, 32) == SIZE / 2 ? 10 : 1);
    }
  wait_for (child, 10, "the child");
  pattern_verify (pages, SIZE, 0, 32, "the test's pages");
  msg ("the grandchild, then the child ended; the test's pages are its own");
}
