/* The break is copied by a fork and each side's moves are its own: the child
   grows its heap by 3 pages and shrinks it back below the fork's break, the
   parent's break and heap stay as they were. */

#include "tests/vm/forklib.h"

void
test_main (void)
{
  char *start = sbrk (2 * PGSIZE);
  pid_t pid;

  start[0] = 'h', start[PGSIZE] = 'i';
  pid = fork_checked ();
  if (pid == 0)
    {
      char *grown;
      if (sbrk (0) != start + 2 * PGSIZE || start[0] != 'h')
        exit (1);
      grown = sbrk (3 * PGSIZE);
      grown[3 * PGSIZE - 1] = 'g';
      if (sbrk (-4 * PGSIZE) == (void *) -1 || sbrk (0) != start + PGSIZE)
        exit (2);
      exit (start[0] == 'h' ? 0 : 3);
    }
  wait_for (pid, 0, "the child");
  msg ("the child grew its heap and shrank it below the fork's break");
  CHECK (sbrk (0) == start + 2 * PGSIZE && start[0] == 'h' && start[PGSIZE] == 'i',
         "the parent's break and heap are as they were");
}
