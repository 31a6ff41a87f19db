/* Three generations, each writing a page of its own of one shared .bss array:
   the parent page 0, its child page 1, the grandchild page 2. Each sees its
   ancestors' stores as they were at its fork and its own, never a descendant's
   or an ancestor's later ones. */

#include "tests/vm/forklib.h"

static char pages[3][PGSIZE] __attribute__ ((aligned (PGSIZE)));

/* 0 if PAGES' first bytes are A, B and C. */
static int
sees (char a, char b, char c)
{
  return pages[0][0] == a && pages[1][0] == b && pages[2][0] == c ? 0 : 1;
}

void
test_main (void)
{
  pid_t child;

  pages[0][0] = 'P';
  child = fork_checked ();
  if (child == 0)
    {
      pid_t grandchild;
      pages[1][0] = 'C';
      grandchild = fork_checked ();
      if (grandchild == 0)
        {
          if (sees ('P', 'C', 0) != 0)
            exit (1);
          pages[2][0] = 'G';
          pages[0][0] = 'g'; /* Its own copy of its grandparent's page. */
          exit (sees ('g', 'C', 'G') == 0 ? 30 : 2);
        }
      wait_for (grandchild, 30, "the grandchild");
      exit (sees ('P', 'C', 0) == 0 ? 20 : 3);
    }
  wait_for (child, 20, "the child");
  CHECK (sees ('P', 0, 0) == 0, "three generations each saw only their own stores");
}
