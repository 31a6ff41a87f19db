/* Nested forks, 8 generations deep: each writes a page of its own generation and
   forks the next, waits for it, then checks that every page up to its own holds
   what its ancestors and it wrote and that none of its descendants' stores came
   back. */

#include "tests/vm/forklib.h"

#define DEPTH 8

static char pages[DEPTH][PGSIZE] __attribute__ ((aligned (PGSIZE)));

/* Generation G's work; returns its exit status (G + 1 if all went well). */
static int
generation (int g)
{
  int i;

  pages[g][0] = (char) ('a' + g);
  if (g + 1 < DEPTH)
    {
      pid_t pid = fork_checked ();
      if (pid == 0)
        exit (generation (g + 1));
      if (wait (pid) != g + 2)
        return 100;
    }
  for (i = 0; i < DEPTH; i++)
    if (pages[i][0] != (i <= g ? (char) ('a' + i) : 0))
      return 101;
  return g + 1;
}

void
test_main (void)
{
  CHECK (generation (0) == 1, "8 generations each saw their ancestors' pages and "
                              "none of their descendants'");
}
