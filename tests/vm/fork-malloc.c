/* malloc keeps working in both processes after a fork: each allocates, frees
   and reallocates on its own copy of the heap, and malloc_check finds both
   heaps sound. */

#include <malloc.h>
#include <string.h>
#include "tests/vm/forklib.h"

/* Allocates and frees blocks of many sizes, checking them; 0 if all went well. */
static int
churn (unsigned seed)
{
  void *blocks[32];
  int i, round;

  for (round = 0; round < 8; round++)
    {
      for (i = 0; i < 32; i++)
        {
          size_t size = 1 + (i * 977 + seed * 13 + round * 31) % 9000;
          blocks[i] = malloc (size);
          if (blocks[i] == NULL)
            return 1;
          memset (blocks[i], (int) (seed + i), size);
        }
      for (i = 0; i < 32; i += 2)
        blocks[i] = realloc (blocks[i], 100 + i);
      for (i = 0; i < 32; i++)
        free (blocks[i]);
    }
  return malloc_check () ? 0 : 2;
}

void
test_main (void)
{
  char *kept = malloc (5000);
  pid_t pid;

  memset (kept, 'k', 5000);
  pid = fork_checked ();
  if (pid == 0)
    exit (churn (1) == 0 && kept[4999] == 'k' ? 0 : 1);
  CHECK (churn (2) == 0, "the parent's heap works after the fork");
  wait_for (pid, 0, "the child");
  msg ("and so did the child's");
  CHECK (kept[0] == 'k' && kept[4999] == 'k',
         "a block from before the fork is intact");
}
